package io.exchangejdbc.ews;

import io.exchangejdbc.graph.GraphValues;
import io.exchangejdbc.graph.ODataValues;
import io.exchangejdbc.schema.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Converts between EWS text values ({@code xs:dateTime}, {@code xs:boolean}, numbers) and the
 * driver's internal representation (a TIMESTAMP is epoch milliseconds in UTC).
 */
public final class EwsValues {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private EwsValues() {
    }

    /**
     * The internal value of an EWS text for a column type; null for null text.
     *
     * @throws IllegalArgumentException when the text is not of that type
     */
    public static Object parse(ColumnType type, String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        switch (type) {
            case VARCHAR:
                return text;
            case BOOLEAN:
                if (t.isEmpty()) {
                    return null;
                }
                return t.equals("true") || t.equals("1");
            case INTEGER:
                return t.isEmpty() ? null : Integer.valueOf(t);
            case BIGINT:
                return t.isEmpty() ? null : Long.valueOf(t);
            case DOUBLE:
                return t.isEmpty() ? null : Double.valueOf(t);
            case TIMESTAMP:
                return t.isEmpty() ? null : epochMillis(t);
            case DATE:
                return t.isEmpty() ? null : (int) Math.floorDiv(epochMillis(t), 86_400_000L);
            default:
                return text;
        }
    }

    /** Epoch milliseconds of an {@code xs:dateTime}; one without an offset is taken as UTC. */
    public static long epochMillis(String text) {
        if (text.length() >= 20 && text.charAt(10) == 'T') {
            // The form every answer uses (2026-11-03T10:15:00Z), read without a formatter: it
            // is in every item row.
            return GraphValues.epochMillis(text, ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
    }

    /** The {@code xs:dateTime} of epoch milliseconds, in UTC. */
    public static String dateTime(long epochMillis) {
        Instant i = Instant.ofEpochMilli(epochMillis);
        return epochMillis % 1000 == 0 ? SECONDS.format(i)
                : DateTimeFormatter.ISO_INSTANT.format(i);
    }

    /**
     * The EWS text of a value given for a column (internal representation or a JDBC object).
     *
     * @throws IllegalArgumentException when the value does not fit the type
     */
    public static String text(ColumnType type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type) {
            case TIMESTAMP:
                return dateTime(ODataValues.toEpochMillis(value));
            case BOOLEAN:
                if (value instanceof Boolean b) {
                    return b.toString();
                }
                if (value instanceof String s && (s.equalsIgnoreCase("true")
                        || s.equalsIgnoreCase("false"))) {
                    return s.toLowerCase(Locale.ROOT);
                }
                throw new IllegalArgumentException("'" + value + "' is not a boolean");
            case INTEGER:
            case BIGINT:
            case DOUBLE:
                if (value instanceof BigDecimal d) {
                    return d.toPlainString();
                }
                if (value instanceof Number n) {
                    return n.toString();
                }
                return new BigDecimal(value.toString().strip()).toPlainString();
            default:
                return value.toString();
        }
    }
}
