package io.exchangejdbc.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of Graph's batching endpoint ({@code POST /v1.0/$batch}): the request body of a batch
 * and the items of its answer, for the writes ({@link GraphWriter}) and for the first pages of
 * several parents' collections ({@link GraphScan}).
 *
 * @see <a href="https://learn.microsoft.com/graph/json-batching">JSON batching</a>
 */
final class GraphBatch {

    /** The most requests Graph accepts in one {@code $batch}. */
    static final int MAX_REQUESTS = 20;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private GraphBatch() {
    }

    /**
     * One request of a batch.
     *
     * @param id     unique within the batch
     * @param method the HTTP method
     * @param url    the URL relative to {@code /v1.0}, such as {@code /me/messages/{id}}
     * @param body   the JSON body, or null
     * @param prefer preferences beside {@code IdType="ImmutableId"}, such as
     *               {@code outlook.body-content-type="text"}, or null
     */
    record Request(String id, String method, String url, byte[] body, String prefer) {
        Request(String id, String method, String url, byte[] body) {
            this(id, method, url, body, null);
        }
    }

    /**
     * One element of a batch answer's {@code responses}.
     *
     * @param body the body as JSON text (or the text of a non-JSON body), or null
     */
    record Response(String id, int status, String retryAfter, String requestId, String body) {
    }

    /** The body of a batch of {@code requests}, each preferring immutable ids. */
    static byte[] body(List<Request> requests) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("requests");
            for (Request r : requests) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("method", r.method());
                g.writeStringField("url", r.url());
                g.writeObjectFieldStart("headers");
                g.writeStringField("Prefer", "IdType=\"ImmutableId\""
                        + (r.prefer() == null ? "" : ", " + r.prefer()));
                if (r.body() != null) {
                    g.writeStringField("Content-Type", "application/json");
                }
                g.writeEndObject();
                if (r.body() != null) {
                    g.writeFieldName("body");
                    g.writeRawValue(new String(r.body(), StandardCharsets.UTF_8));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new SQLException("Could not write a batch request: " + e.getMessage(),
                    "HY000", e);
        }
        return out.toByteArray();
    }

    /** The items of a batch answer, in the order the service gave them. */
    static List<Response> parse(String text) throws IOException {
        List<Response> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the answer is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (!name.equals("responses") || t != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    out.add(item(p));
                }
            }
        }
        return out;
    }

    private static Response item(JsonParser p) throws IOException {
        String id = null;
        int status = 0;
        String retryAfter = null;
        String requestId = null;
        String body = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "id":
                    id = p.getText();
                    break;
                case "status":
                    status = p.getIntValue();
                    break;
                case "headers":
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String h = p.currentName();
                            p.nextToken();
                            if (h.equalsIgnoreCase("Retry-After")) {
                                retryAfter = p.getText();
                            } else if (h.equalsIgnoreCase("request-id")) {
                                requestId = p.getText();
                            }
                            p.skipChildren();
                        }
                    }
                    break;
                case "body":
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        StringWriter w = new StringWriter();
                        try (JsonGenerator g = JSON.createGenerator(w)) {
                            g.copyCurrentStructure(p);
                        }
                        body = w.toString();
                    } else {
                        body = t == JsonToken.VALUE_NULL ? null : p.getText();
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        return new Response(id, status, retryAfter, requestId, body);
    }
}
