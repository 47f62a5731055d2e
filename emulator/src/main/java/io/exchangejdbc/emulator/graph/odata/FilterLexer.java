package io.exchangejdbc.emulator.graph.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an OData expression into tokens: punctuation, identifiers, and literals (strings with
 * {@code ''} for a quote, numbers, {@code DateTimeOffset}, dates, GUIDs, and enumeration members
 * written {@code Namespace.type'member'}).
 */
final class FilterLexer {

    /** The kinds of tokens. */
    enum Type {
        LPAREN, RPAREN, COMMA, COLON, SLASH, IDENT, STRING, INTEGER, DECIMAL, DATETIME, DATE,
        GUID, ENUM, EOF
    }

    /**
     * A token.
     *
     * @param type the kind
     * @param text the identifier or literal text
     * @param value the literal value, or null
     * @param pos the position in the expression, from 0
     */
    record Token(Type type, String text, Object value, int pos) {
    }

    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,12})?)?(Z|z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_$@][A-Za-z0-9_.]*");

    private FilterLexer() {
    }

    /** Splits the expression into tokens, ending with an {@link Type#EOF} token. */
    static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                out.add(new Token(Type.EOF, "", null, n));
                return out;
            }
            char c = text.charAt(i);
            switch (c) {
                case '(':
                    out.add(new Token(Type.LPAREN, "(", null, i++));
                    continue;
                case ')':
                    out.add(new Token(Type.RPAREN, ")", null, i++));
                    continue;
                case ',':
                    out.add(new Token(Type.COMMA, ",", null, i++));
                    continue;
                case ':':
                    out.add(new Token(Type.COLON, ":", null, i++));
                    continue;
                case '/':
                    out.add(new Token(Type.SLASH, "/", null, i++));
                    continue;
                case '\'':
                    int start = i;
                    StringBuilder sb = new StringBuilder();
                    i = readString(text, i, sb);
                    out.add(new Token(Type.STRING, sb.toString(), sb.toString(), start));
                    continue;
                default:
                    break;
            }
            Token t = literal(text, i);
            if (t == null) {
                Matcher m = IDENT.matcher(text).region(i, n);
                if (!m.lookingAt()) {
                    throw syntax(text, i);
                }
                String ident = m.group();
                int end = m.end();
                if (end < n && text.charAt(end) == '\'') {
                    StringBuilder member = new StringBuilder();
                    int after = readString(text, end, member);
                    t = new Token(Type.ENUM, ident, member.toString(), i);
                    i = after;
                } else {
                    t = new Token(Type.IDENT, ident, null, i);
                    i = end;
                }
                out.add(t);
            } else {
                out.add(t);
                i = t.pos() + t.text().length();
            }
        }
    }

    private static int readString(String text, int quote, StringBuilder sb) {
        int i = quote + 1;
        while (true) {
            if (i >= text.length()) {
                throw new ODataException(ODataException.BAD_REQUEST,
                        "Invalid filter clause: there is an unterminated string literal at "
                                + "position " + quote + " in '" + text + "'.");
            }
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    sb.append('\'');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            sb.append(c);
            i++;
        }
    }

    private static Token literal(String text, int i) {
        int n = text.length();
        Matcher m = GUID.matcher(text).region(i, n);
        if (m.lookingAt() && boundary(text, m.end())) {
            return new Token(Type.GUID, m.group(), m.group(), i);
        }
        char c = text.charAt(i);
        if (!Character.isDigit(c) && c != '-') {
            return null;
        }
        m = DATETIME.matcher(text).region(i, n);
        if (m.lookingAt() && boundary(text, m.end())) {
            String s = m.group();
            try {
                Instant value = OffsetDateTime.parse(m.group(1) == null
                        ? s.substring(0, 16) + ":00" + s.substring(16) : s).toInstant();
                return new Token(Type.DATETIME, s, value, i);
            } catch (DateTimeParseException e) {
                throw new ODataException(ODataException.BAD_REQUEST, "Invalid filter clause: "
                        + "the DateTimeOffset text '" + s + "' is not a valid date and time.");
            }
        }
        m = DATE.matcher(text).region(i, n);
        if (m.lookingAt() && boundary(text, m.end())) {
            try {
                return new Token(Type.DATE, m.group(), LocalDate.parse(m.group()), i);
            } catch (DateTimeParseException e) {
                throw new ODataException(ODataException.BAD_REQUEST, "Invalid filter clause: "
                        + "the Date text '" + m.group() + "' is not a valid date.");
            }
        }
        m = NUMBER.matcher(text).region(i, n);
        if (m.lookingAt() && boundary(text, m.end())) {
            String s = m.group();
            if (m.group(1) == null && m.group(2) == null) {
                try {
                    return new Token(Type.INTEGER, s, Long.parseLong(s), i);
                } catch (NumberFormatException e) {
                    return new Token(Type.DECIMAL, s, new BigDecimal(s), i);
                }
            }
            return new Token(Type.DECIMAL, s, new BigDecimal(s), i);
        }
        return null;
    }

    private static boolean boundary(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char c = text.charAt(end);
        return !Character.isLetterOrDigit(c) && c != '_' && c != '.';
    }

    static ODataException syntax(String text, int pos) {
        return new ODataException(ODataException.BAD_REQUEST,
                "Invalid filter clause: syntax error at position " + pos + " in '" + text + "'.");
    }
}
