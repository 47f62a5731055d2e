package io.exchangejdbc.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * The few pieces of JSON the shell writes: string escaping (RFC 8259) and the JSON form of each
 * plain value that {@link JdbcRows} produces. Written here rather than borrowed from a library so
 * the shell does not depend on the driver's internals.
 */
final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /** Appends {@code s} as a quoted JSON string. */
    static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                default:
                    // U+2028 and U+2029 are legal in JSON but end a line in JavaScript source.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        sb.append(c);
                    }
                    break;
            }
        }
        sb.append('"');
    }

    /**
     * Appends the JSON form of a plain value: numbers and booleans bare, timestamps as ISO-8601
     * UTC strings, binary as base64, lists as arrays, null as {@code null}.
     */
    static void appendValue(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                sb.append(ValueText.decimal(d));
            } else {
                // JSON has no NaN or infinity; a string keeps the value visible.
                appendString(sb, Double.toString(d));
            }
        } else if (value instanceof BigDecimal) {
            sb.append(((BigDecimal) value).toPlainString());
        } else if (value instanceof Number) {
            sb.append(value);
        } else if (value instanceof Instant) {
            appendString(sb, DateTimeFormatter.ISO_INSTANT.format((Instant) value));
        } else if (value instanceof LocalTime) {
            appendString(sb, ValueText.of(value));
        } else if (value instanceof byte[]) {
            appendString(sb, Base64.getEncoder().encodeToString((byte[]) value));
        } else if (value instanceof List<?>) {
            sb.append('[');
            boolean first = true;
            for (Object element : (List<?>) value) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                appendValue(sb, element);
            }
            sb.append(']');
        } else {
            appendString(sb, value.toString());
        }
    }
}
