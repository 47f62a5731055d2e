package io.exchangejdbc.signin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a token file as the tests see it: a flat JSON object, or an IOException if not JSON. */
final class TokenFiles {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private TokenFiles() {
    }

    /** The string and integer members of the file's JSON object. */
    static Map<String, Object> read(Path file) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(Files.readAllBytes(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_STRING) {
                    out.put(name, p.getText());
                } else if (t == JsonToken.VALUE_NUMBER_INT) {
                    out.put(name, p.getLongValue());
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new IOException("content after the object");
            }
        }
        return out;
    }
}
