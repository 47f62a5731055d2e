package io.exchangejdbc.config;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The syntax of connection strings: {@code Name=Value} pairs separated by {@code ;}, as they
 * appear after {@code jdbc:exchange:} and in the {@code exsql} command line.
 *
 * <ul>
 *   <li>Whitespace around names and around unquoted values is ignored.</li>
 *   <li>A value may be quoted with {@code '} or {@code "}; a quoted value keeps its whitespace
 *       and may contain {@code ;} and {@code =}; inside it, the quote character doubled stands
 *       for itself ({@code 'O''Brien'}).</li>
 *   <li>An unquoted value is everything after the first {@code =} up to the next {@code ;}, so
 *       it may contain {@code =} (base64 padding, {@code CN=...}) but not {@code ;}.</li>
 *   <li>Empty segments ({@code ;;}, a trailing {@code ;}) are allowed.</li>
 *   <li>Names are case-insensitive; a name given twice must carry the same value both times.</li>
 * </ul>
 *
 * <p>Positions in error messages count characters from 1.
 */
public final class ConnectionString {

    private ConnectionString() {
    }

    /**
     * Splits a connection string into its pairs, in the order given. Keys of known properties take
     * their canonical spelling ({@code pagesize} becomes {@code Pagesize}); unknown keys keep the
     * spelling given, so that the caller can name them in its own error. Values are not checked.
     *
     * @param text the connection string, without the {@code jdbc:exchange:} prefix
     * @return the pairs, names to values (an empty value when nothing follows {@code =})
     * @throws SQLException with SQLState {@value ConfigErrors#INVALID_CONNECTION_STRING} when the
     *                      syntax is wrong, saying what, where and how to write it instead
     */
    public static LinkedHashMap<String, String> parse(String text) throws SQLException {
        return parse(text, 0);
    }

    /**
     * Parses like {@link #parse(String)}, counting error positions from {@code offset} characters
     * earlier, for a string that is the tail of a URL.
     */
    static LinkedHashMap<String, String> parse(String text, int offset) throws SQLException {
        requireNonNull(text, "text");
        return new Parser(text, offset).parse();
    }

    /**
     * Returns the value as it must be written in a connection string: unchanged when it can stand
     * unquoted, otherwise in quotes with inner quotes doubled. {@code parse(name + "=" +
     * quote(v))} always gives back {@code v}.
     */
    public static String quote(String value) {
        requireNonNull(value, "value");
        if (!needsQuotes(value)) {
            return value;
        }
        // Prefer the quote character the value does not contain, so it reads without doubling.
        char q = value.indexOf('\'') >= 0 && value.indexOf('"') < 0 ? '"' : '\'';
        String doubled = value.replace(String.valueOf(q), String.valueOf(q) + q);
        return q + doubled + q;
    }

    /**
     * Writes pairs as a connection string, {@code Name=Value} joined by {@code ;}, quoting values
     * where needed.
     */
    public static String format(Map<String, String> pairs) {
        requireNonNull(pairs, "pairs");
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            if (out.length() > 0) {
                out.append(';');
            }
            out.append(e.getKey()).append('=').append(quote(e.getValue()));
        }
        return out.toString();
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        if (Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1))) {
            return true;
        }
        char first = value.charAt(0);
        if (first == '\'' || first == '"') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ';' || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    /** A single pass over one connection string. */
    private static final class Parser {
        private final String text;
        private final int offset;
        private int pos;
        private final LinkedHashMap<String, String> pairs = new LinkedHashMap<>();
        // Lower-case name to the canonical key and the position of its first occurrence.
        private final Map<String, String> keyByLowerName = new HashMap<>();
        private final Map<String, Integer> positionByLowerName = new HashMap<>();

        Parser(String text, int offset) {
            this.text = text;
            this.offset = offset;
        }

        LinkedHashMap<String, String> parse() throws SQLException {
            while (true) {
                skipWhitespace();
                if (pos >= text.length()) {
                    return pairs;
                }
                if (text.charAt(pos) == ';') {
                    pos++;
                    continue;
                }
                segment();
            }
        }

        private void segment() throws SQLException {
            int nameStart = pos;
            while (pos < text.length() && text.charAt(pos) != '=' && text.charAt(pos) != ';') {
                pos++;
            }
            String name = text.substring(nameStart, pos).trim();
            if (pos >= text.length() || text.charAt(pos) == ';') {
                throw missingEquals(nameStart, name);
            }
            if (name.isEmpty()) {
                throw ConfigErrors.invalid("Connection string has '=' without a property name at"
                        + " position " + human(pos) + "; write each setting as Name=Value.");
            }
            pos++; // the '='
            skipWhitespace();
            String value;
            if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
                value = quotedValue(name);
            } else {
                int valueStart = pos;
                while (pos < text.length() && text.charAt(pos) != ';') {
                    pos++;
                }
                value = text.substring(valueStart, pos).trim();
            }
            put(name, value, nameStart);
        }

        private String quotedValue(String name) throws SQLException {
            char q = text.charAt(pos);
            int open = pos;
            pos++;
            StringBuilder value = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw ConfigErrors.invalid("Connection string: the value of '" + name
                            + "' opens a quote (" + q + ") at position " + human(open)
                            + " that is never closed; end the value with " + q
                            + ", and write a " + q + " inside it twice (" + q + "O" + q + q
                            + "Brien" + q + ").");
                }
                char c = text.charAt(pos);
                if (c == q) {
                    if (pos + 1 < text.length() && text.charAt(pos + 1) == q) {
                        value.append(q);
                        pos += 2;
                        continue;
                    }
                    pos++;
                    break;
                }
                value.append(c);
                pos++;
            }
            skipWhitespace();
            if (pos < text.length() && text.charAt(pos) != ';') {
                throw ConfigErrors.invalid("Connection string: the value of '" + name
                        + "' has text after its closing quote, at position " + human(pos)
                        + "; put the whole value inside the quotes, write a " + q
                        + " inside it twice, and separate settings with ';'.");
            }
            return value.toString();
        }

        private SQLException missingEquals(int start, String segment) {
            // The segment is not echoed unless it is a property name: it may be the tail of a
            // password that contained an unquoted ';'.
            String what = ExchangeProperty.lookup(segment) != null
                    ? "the property '" + ExchangeProperty.lookup(segment).propertyName()
                            + "' at position " + human(start) + " has no '=' and no value"
                    : "the text at position " + human(start) + " has no '='";
            return ConfigErrors.invalid("Connection string: " + what + "; write each setting as"
                    + " Name=Value separated by ';', and quote a value that contains ';'"
                    + " (Password='a;b').");
        }

        private void put(String name, String value, int start) throws SQLException {
            String lower = name.toLowerCase(Locale.ROOT);
            ExchangeProperty known = ExchangeProperty.lookup(name);
            String key = known != null ? known.propertyName() : name;
            String earlierKey = keyByLowerName.get(lower);
            if (earlierKey != null) {
                if (!pairs.get(earlierKey).equals(value)) {
                    throw ConfigErrors.invalid("Connection string gives '" + key
                            + "' twice with different values (at positions "
                            + human(positionByLowerName.get(lower)) + " and " + human(start)
                            + "); keep only one of them.");
                }
                return;
            }
            keyByLowerName.put(lower, key);
            positionByLowerName.put(lower, start);
            pairs.put(key, value);
        }

        private void skipWhitespace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private int human(int index) {
            return offset + index + 1;
        }
    }
}
