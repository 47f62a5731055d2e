package io.exchangejdbc.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * How the table and CSV formats spell a value: timestamps as {@code 2026-11-03 10:15:00} in UTC,
 * plain decimals, binary as hexadecimal and arrays as JSON text.
 */
final class ValueText {

    /** {@code yyyy-MM-dd HH:mm:ss}, with a fraction only when there is one. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ValueText() {
    }

    /** The text of a non-null value. */
    static String of(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Instant) {
            return TIMESTAMP.format((Instant) value);
        }
        if (value instanceof LocalTime) {
            return TIME.format((LocalTime) value);
        }
        if (value instanceof Double || value instanceof Float) {
            return decimal(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof byte[]) {
            return hex((byte[]) value);
        }
        if (value instanceof List<?>) {
            StringBuilder sb = new StringBuilder();
            Json.appendValue(sb, value);
            return sb.toString();
        }
        return String.valueOf(value);
    }

    /** Doubles without an exponent in the range people read, as Java spells them elsewhere. */
    static String decimal(double d) {
        double abs = Math.abs(d);
        if (Double.isFinite(d) && (abs == 0 || (abs >= 1e-4 && abs < 1e15))) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        return Double.toString(d);
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(2 + bytes.length * 2).append("0x");
        for (byte b : bytes) {
            sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        return sb.toString();
    }
}
