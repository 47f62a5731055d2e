package io.exchangejdbc.emulator.graph;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.exchangejdbc.emulator.http.FaultSpec;
import io.exchangejdbc.emulator.http.Front;
import io.exchangejdbc.emulator.http.InnerRequests;
import io.exchangejdbc.emulator.http.QueryString;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graph's JSON batching endpoint, {@code POST /v1.0/$batch}: at most 20 requests, each answered
 * on its own with a status, headers and body; {@code dependsOn} runs a request after the ones it
 * names and fails it with 424 when one of them failed. The batch itself answers 400 when it is
 * malformed or too large, else 200 whatever its items did. Items may be answered by injected
 * {@link BatchItemFaults} (429 with {@code Retry-After}) while the others run.
 *
 * <p>A GET item is served as the same request alone would be (with the batch's token and the
 * item's {@code Prefer} header), its answer becoming the item's status, headers and body; write
 * items (POST, PATCH, DELETE) are applied by {@link GraphWrites}.
 *
 * @see <a href="https://learn.microsoft.com/graph/json-batching">JSON batching</a>
 */
final class JsonBatch {

    /** The most requests Graph accepts in one batch. */
    static final int MAX_REQUESTS = 20;

    private final GraphWrites writes;
    private final BatchItemFaults faults;
    private final Front reads;

    /** A batch whose GET items {@code reads} serves (none when null: they answer 501). */
    JsonBatch(GraphWrites writes, BatchItemFaults faults, Front reads) {
        this.writes = requireNonNull(writes, "writes");
        this.faults = requireNonNull(faults, "faults");
        this.reads = reads;
    }

    /** One request of the batch. */
    private record Item(String id, String method, String url, List<String> dependsOn,
            Map<String, Object> body, Map<String, String> headers) {
    }

    void run(Request request, Response response, Caller caller) throws IOException {
        List<Item> items = parse(request.body());
        Map<String, Integer> statusById = new HashMap<>();
        response.setHeader("request-id", request.requestId());
        response.setHeader("client-request-id", request.clientRequestId());
        try (JsonGenerator g = response.json(200, "application/json")) {
            g.writeStartObject();
            g.writeArrayFieldStart("responses");
            for (Item item : items) {
                int status = answer(g, item, statusById, caller, request);
                statusById.put(item.id(), status);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private int answer(JsonGenerator g, Item item, Map<String, Integer> statusById,
            Caller caller, Request request) throws IOException {
        for (String dep : item.dependsOn()) {
            Integer s = statusById.get(dep);
            if (s == null || s >= 400) {
                writeError(g, item.id(), 424, "FailedDependency",
                        "The request depends on request '" + dep + "', which failed.", request,
                        Map.of());
                return 424;
            }
        }
        FaultSpec fault = faults.take();
        if (fault != null) {
            int status = fault.statusCode();
            String code = status == 429 ? "TooManyRequests" : status == 403
                    ? "ErrorAccessDenied" : "ServiceUnavailable";
            writeError(g, item.id(), status, code, status == 429
                            ? "Application is over its MailboxConcurrency limit."
                            : status == 403 ? "Access is denied. Check credentials and try"
                                    + " again." : "The service is temporarily unavailable.",
                    request, fault.headers());
            return status;
        }
        if (item.method().equals("GET")) {
            if (reads == null) {
                writeError(g, item.id(), 501, "NotImplemented", "This emulator serves only"
                        + " write requests inside a batch.", request, Map.of());
                return 501;
            }
            return read(g, item, request);
        }
        GraphWrites.Result result;
        try {
            result = writes.apply(caller, item.method(), segments(item.url()),
                    item.body() == null ? Map.of() : item.body(), request.baseUrl());
        } catch (GraphError e) {
            writeError(g, item.id(), e.status(), e.code(), e.getMessage(), request, Map.of());
            return e.status();
        } catch (io.exchangejdbc.emulator.graph.odata.ODataException e) {
            writeError(g, item.id(), 400, e.code(), e.getMessage(), request, Map.of());
            return 400;
        }
        g.writeStartObject();
        g.writeStringField("id", item.id());
        g.writeNumberField("status", result.status());
        g.writeObjectFieldStart("headers");
        if (result.json() != null) {
            g.writeStringField("Content-Type", GraphFront.ODATA_JSON);
        }
        g.writeEndObject();
        if (result.json() != null) {
            g.writeFieldName("body");
            g.writeRawValue(new String(result.json(), StandardCharsets.UTF_8));
        }
        g.writeEndObject();
        return result.status();
    }

    /** Serves a GET item as the same request alone would be served. */
    private int read(JsonGenerator g, Item item, Request request) throws IOException {
        String url = item.url().startsWith("/") ? item.url() : "/" + item.url();
        int q = url.indexOf('?');
        Map<String, List<String>> headers = new HashMap<>();
        String auth = request.header("Authorization");
        if (auth != null) {
            headers.put("Authorization", List.of(auth));
        }
        item.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        Request inner = new Request("GET", "/v1.0" + (q < 0 ? url : url.substring(0, q)),
                q < 0 ? null : url.substring(q + 1), headers, null, request.baseUrl(),
                request.time());
        InnerRequests.Answer answer = InnerRequests.serve(reads, inner);
        g.writeStartObject();
        g.writeStringField("id", item.id());
        g.writeNumberField("status", answer.status());
        g.writeObjectFieldStart("headers");
        String type = null;
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Type")) {
                type = h.getValue();
            }
            g.writeStringField(h.getKey(), h.getValue());
        }
        g.writeEndObject();
        if (answer.body().length > 0) {
            g.writeFieldName("body");
            String text = new String(answer.body(), StandardCharsets.UTF_8);
            if (type != null && type.contains("json")) {
                g.writeRawValue(text);
            } else {
                g.writeString(text);
            }
        }
        g.writeEndObject();
        return answer.status();
    }

    private static void writeError(JsonGenerator g, String id, int status, String code,
            String message, Request request, Map<String, String> headers) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeNumberField("status", status);
        g.writeObjectFieldStart("headers");
        g.writeStringField("Content-Type", "application/json");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            g.writeStringField(h.getKey(), h.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("body");
        g.writeObjectFieldStart("error");
        g.writeStringField("code", code);
        g.writeStringField("message", message);
        g.writeObjectFieldStart("innerError");
        g.writeStringField("request-id", request.requestId());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The path segments below {@code /v1.0} of an item's relative URL. */
    private static List<String> segments(String url) {
        String path = url;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        List<String> segs = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segs.add(QueryString.decode(s, false));
            }
        }
        return segs;
    }

    @SuppressWarnings("unchecked")
    private static List<Item> parse(byte[] body) {
        Map<String, Object> root = JsonTree.object(body);
        Object requests = root.get("requests");
        if (!(requests instanceof List<?> list)) {
            throw GraphError.badRequest("Invalid batch payload format.");
        }
        if (list.isEmpty()) {
            throw GraphError.badRequest("Invalid batch payload format: no requests.");
        }
        if (list.size() > MAX_REQUESTS) {
            throw GraphError.badRequest("Invalid batch payload format: the number of requests"
                    + " (" + list.size() + ") exceeds the limit of " + MAX_REQUESTS + ".");
        }
        List<Item> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("id") instanceof String id)
                    || !(m.get("method") instanceof String method)
                    || !(m.get("url") instanceof String url)) {
                throw GraphError.badRequest("Invalid batch payload format: each request needs"
                        + " id, method and url.");
            }
            if (!ids.add(id)) {
                throw GraphError.badRequest("Invalid batch payload format: request id '" + id
                        + "' is used twice.");
            }
            List<String> deps = new ArrayList<>();
            if (m.get("dependsOn") instanceof List<?> d) {
                for (Object x : d) {
                    if (!ids.contains(String.valueOf(x))) {
                        throw GraphError.badRequest("Invalid batch payload format: request '"
                                + id + "' depends on '" + x + "', which does not come before"
                                + " it.");
                    }
                    deps.add(String.valueOf(x));
                }
            }
            Object b = m.get("body");
            if (b != null && !(b instanceof Map)) {
                throw GraphError.badRequest("Invalid batch payload format: the body of request '"
                        + id + "' is not a JSON object.");
            }
            if (b != null && !(m.get("headers") instanceof Map<?, ?> h
                    && h.keySet().stream().anyMatch(k -> "Content-Type".equalsIgnoreCase(
                            String.valueOf(k))))) {
                throw GraphError.badRequest("Invalid batch payload format: request '" + id
                        + "' has a body but no Content-Type header.");
            }
            Map<String, String> itemHeaders = new HashMap<>();
            if (m.get("headers") instanceof Map<?, ?> h) {
                h.forEach((k, v) -> itemHeaders.put(String.valueOf(k), String.valueOf(v)));
            }
            items.add(new Item(id, method.toUpperCase(java.util.Locale.ROOT), url, deps,
                    (Map<String, Object>) b, itemHeaders));
        }
        return items;
    }
}
