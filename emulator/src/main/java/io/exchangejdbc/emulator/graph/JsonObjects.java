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
 * The small JSON documents clients post to Graph's actions, read into maps, lists, strings,
 * numbers and booleans: action bodies are small, and reading them as trees keeps the handlers
 * short.
 */
final class JsonObjects {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonObjects() {
    }

    /**
     * Reads a request body that must be a JSON object; an empty body is an empty object.
     *
     * @throws GraphError 400 when the body is not a JSON object
     */
    static Map<String, Object> object(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notJson();
            }
            return readObject(p);
        } catch (IOException e) {
            throw notJson();
        }
    }

    private static GraphError notJson() {
        return new GraphError(400, "UnableToDeserializePostBody",
                "were unable to deserialize the request body");
    }

    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            out.put(name, readValue(p));
        }
        return out;
    }

    private static Object readValue(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT:
                return readObject(p);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(p));
                }
                return list;
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
            default:
                return null;
        }
    }

    /** The object under a name (case-insensitive, as Graph reads action parameters), or null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> objectField(Map<String, Object> o, String name) {
        Object v = field(o, name);
        if (v != null && !(v instanceof Map)) {
            throw GraphError.badRequest("Property '" + name + "' must be an object.");
        }
        return (Map<String, Object>) v;
    }

    /** The list under a name, or an empty list. */
    static List<?> listField(Map<String, Object> o, String name) {
        Object v = field(o, name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List)) {
            throw GraphError.badRequest("Property '" + name + "' must be an array.");
        }
        return (List<?>) v;
    }

    /** The text under a name, or null. */
    static String stringField(Map<String, Object> o, String name) {
        Object v = field(o, name);
        return v == null ? null : v.toString();
    }

    /** Whether a name is present (even with a null value). */
    static boolean has(Map<String, Object> o, String name) {
        if (o == null) {
            return false;
        }
        for (String k : o.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    static Object field(Map<String, Object> o, String name) {
        if (o == null) {
            return null;
        }
        for (Map.Entry<String, Object> e : o.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
