package io.exchangejdbc.config;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The format of the {@code CustomHeaders} property: one {@code Name: Value} header per line,
 * lines separated by line breaks ({@code \n} or {@code \r\n}), blank lines ignored.
 *
 * <p>Line breaks are the separator because they are the one character a header value cannot
 * contain (RFC 9110), whereas {@code ;}, {@code ,} and {@code &} all occur in real header values;
 * it is also the format other Exchange drivers use. Messages never repeat a header's value, which
 * may be a key.
 */
final class CustomHeaders {

    /** Headers the JDK's HTTP client manages itself and refuses to let callers set. */
    private static final Set<String> RESTRICTED =
            Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";

    private CustomHeaders() {
    }

    /**
     * Parses the property's value into header names and values, in the order given.
     *
     * @throws SQLException with SQLState {@value ConfigErrors#INVALID_CONNECTION_STRING} naming the
     *                      line at fault, but not its value
     */
    static Map<String, String> parse(String text) throws SQLException {
        requireNonNull(text, "text");
        Map<String, String> headers = new LinkedHashMap<>();
        Set<String> lowerNames = new HashSet<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw problem("line " + lineNumber + " has no ':'");
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (!isToken(name)) {
                throw problem("line " + lineNumber + " has no valid header name before ':'"
                        + " (letters, digits and !#$%&'*+-.^_`|~ only)");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (RESTRICTED.contains(lower)) {
                throw problem("header '" + name + "' on line " + lineNumber
                        + " is managed by the driver and cannot be set");
            }
            if (!lowerNames.add(lower)) {
                throw problem("header '" + name + "' is given twice; give it once");
            }
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if (Character.isISOControl(ch) && ch != '\t') {
                    throw problem("the value of header '" + name + "' on line " + lineNumber
                            + " contains a control character");
                }
            }
            headers.put(name, value);
        }
        return Collections.unmodifiableMap(headers);
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9');
            if (!letterOrDigit && TOKEN_PUNCTUATION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static SQLException problem(String what) {
        return ConfigErrors.invalid("Connection property 'CustomHeaders': " + what
                + ". Write one Name: Value header per line, lines separated by line breaks.");
    }
}
