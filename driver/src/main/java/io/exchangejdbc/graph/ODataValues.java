package io.exchangejdbc.graph;

import io.exchangejdbc.schema.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.calcite.runtime.SqlFunctions;

/**
 * Renders values as OData literals the way Microsoft Graph expects them in {@code $filter}:
 * strings in single quotes with {@code '} doubled, booleans and numbers bare, DateTimeOffset as
 * an ISO-8601 UTC instant, Date as {@code yyyy-MM-dd}.
 */
public final class ODataValues {

    private static final DateTimeFormatter INSTANT_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private ODataValues() {
    }

    /**
     * The OData literal for a value bound to a column of the given type. Values come either in the
     * driver's internal representation (a TIMESTAMP as epoch milliseconds, a DATE as epoch days)
     * or as JDBC objects bound to a prepared statement.
     *
     * @throws IllegalArgumentException when the value cannot be a literal of that type
     */
    public static String literal(ColumnType type, Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Operand.Parameter p) {
            // EXPLAIN of a prepared statement: the value is bound at execution
            return "?" + (p.index() + 1);
        }
        switch (type) {
            case VARCHAR:
                return quote(String.valueOf(value));
            case BOOLEAN:
                if (value instanceof Boolean b) {
                    return b.toString();
                }
                throw mismatch(type, value);
            case INTEGER:
            case BIGINT:
            case DOUBLE:
                if (value instanceof BigDecimal d) {
                    return d.toPlainString();
                }
                if (value instanceof Number n) {
                    return n.toString();
                }
                throw mismatch(type, value);
            case TIMESTAMP:
                return instant(toEpochMillis(value));
            case DATE:
                return LocalDate.ofEpochDay(toEpochDay(value)).toString();
            default:
                throw mismatch(type, value);
        }
    }

    /** {@code 'text'} with embedded single quotes doubled. */
    public static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** An instant in Graph's format: seconds precision unless milliseconds are present. */
    public static String instant(long epochMillis) {
        Instant i = Instant.ofEpochMilli(epochMillis);
        if (epochMillis % 1000 == 0) {
            return INSTANT_SECONDS.format(i);
        }
        return DateTimeFormatter.ISO_INSTANT.format(i);
    }

    /** Epoch milliseconds (UTC wall clock) of a timestamp value in any accepted representation. */
    public static long toEpochMillis(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof java.sql.Timestamp t) {
            // JDBC timestamps carry the wall clock in the JVM's zone; SQL TIMESTAMP is zone-less
            // and the driver presents it in UTC, so keep the wall clock, as Calcite does.
            return SqlFunctions.toLong(t);
        }
        if (value instanceof java.util.Date d) {
            return SqlFunctions.toLong(d);
        }
        if (value instanceof Instant i) {
            return i.toEpochMilli();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant().toEpochMilli();
        }
        if (value instanceof String s) {
            return java.sql.Timestamp.valueOf(s).toLocalDateTime()
                    .toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        throw mismatch(ColumnType.TIMESTAMP, value);
    }

    private static long toEpochDay(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toEpochDay();
        }
        if (value instanceof LocalDate ld) {
            return ld.toEpochDay();
        }
        if (value instanceof String s) {
            return LocalDate.parse(s).toEpochDay();
        }
        throw mismatch(ColumnType.DATE, value);
    }

    private static IllegalArgumentException mismatch(ColumnType type, Object value) {
        return new IllegalArgumentException(
                "a value of Java type " + value.getClass().getSimpleName()
                        + " cannot be compared with a " + type + " column");
    }
}
