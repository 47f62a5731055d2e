package io.exchangejdbc.emulator.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body read into plain values: objects as ordered maps, arrays as lists, strings,
 * numbers, booleans and null; for the write endpoints, whose bodies are small.
 */
final class JsonTree {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonTree() {
    }

    /** The body as a JSON object; a body that is not one is Graph's 400. */
    static Map<String, Object> object(byte[] body) {
        Object v;
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw GraphError.badRequest("Empty Payload. JSON content expected.");
            }
            v = value(p, t);
            if (p.nextToken() != null) {
                throw GraphError.badRequest("Unable to read JSON request payload: text after the"
                        + " value.");
            }
        } catch (IOException e) {
            throw new GraphError(400, "BadRequest", "Unable to read JSON request payload."
                    + " Please ensure Content-Type header is set and payload is of valid JSON"
                    + " format.");
        }
        if (!(v instanceof Map)) {
            throw GraphError.badRequest("Unable to read JSON request payload: an object is"
                    + " expected.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        return m;
    }

    /** Reads the value starting at the current token {@code t}. */
    static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(value(p, n));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + t);
        }
    }
}
