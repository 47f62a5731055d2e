package io.exchangejdbc.procedure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of Graph's action requests and answers: bodies written with a streaming generator,
 * and the small answers (a moved message, an upload session, an attachment list) read into maps
 * and lists.
 */
final class ActionJson {

    private static final JsonFactory JSON = new JsonFactory();

    private ActionJson() {
    }

    /** Writes the fields of one JSON object. */
    @FunctionalInterface
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    /** A JSON object with the fields written by {@code fields}, as UTF-8 bytes. */
    static byte[] object(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads an answer that must be a JSON object.
     *
     * @param what what the answer is, for the message when it is not JSON
     */
    static Map<String, Object> read(byte[] body, String what) throws SQLException {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            return readObject(p);
        } catch (IOException e) {
            throw new SQLException("The answer of Microsoft Graph to the " + what
                    + " is not the JSON object expected: " + e.getMessage(), "08S01", e);
        }
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

    /** The value of a field, ignoring the letter case of its name (Outlook capitalises some). */
    static Object field(Map<String, Object> o, String name) {
        for (Map.Entry<String, Object> e : o.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The text of a field, or null. */
    static String text(Map<String, Object> o, String name) {
        Object v = field(o, name);
        return v == null ? null : v.toString();
    }
}
