package io.exchangejdbc.emulator.graph.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Comparison of property and literal values the way Exchange compares them: text ignoring case,
 * numbers by value, instants in time order, null before everything.
 */
final class Values {

    private Values() {
    }

    /** Tells whether values of the two types may be compared. */
    static boolean comparable(EdmType a, EdmType b) {
        if (a.kind() == EdmType.Kind.NULL || b.kind() == EdmType.Kind.NULL) {
            return true;
        }
        if (a.isTextual() && b.isTextual()) {
            return true;
        }
        if (a.isNumeric() && b.isNumeric()) {
            return true;
        }
        if (isTemporal(a) && isTemporal(b)) {
            return true;
        }
        return a.kind() == b.kind() && a.isSingleValue();
    }

    private static boolean isTemporal(EdmType t) {
        return t.kind() == EdmType.Kind.DATETIMEOFFSET || t.kind() == EdmType.Kind.DATE;
    }

    /** Compares two non-null values of comparable types. */
    static int compare(Object a, Object b) {
        if (a instanceof String && b instanceof String) {
            return String.CASE_INSENSITIVE_ORDER.compare((String) a, (String) b);
        }
        if (a instanceof Number && b instanceof Number) {
            if (isIntegral(a) && isIntegral(b)) {
                return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
            }
            return decimal(a).compareTo(decimal(b));
        }
        if (a instanceof Boolean && b instanceof Boolean) {
            return Boolean.compare((Boolean) a, (Boolean) b);
        }
        Object x = a instanceof LocalDate && b instanceof Instant ? instant(a) : a;
        Object y = b instanceof LocalDate && a instanceof Instant ? instant(b) : b;
        if (x instanceof Instant && y instanceof Instant) {
            return ((Instant) x).compareTo((Instant) y);
        }
        if (x instanceof LocalDate && y instanceof LocalDate) {
            return ((LocalDate) x).compareTo((LocalDate) y);
        }
        return String.CASE_INSENSITIVE_ORDER.compare(String.valueOf(a), String.valueOf(b));
    }

    /** Compares two values of which either may be null; null comes first. */
    static int compareNullsFirst(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return compare(a, b);
    }

    private static boolean isIntegral(Object n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short
                || n instanceof Byte;
    }

    private static BigDecimal decimal(Object n) {
        return n instanceof BigDecimal ? (BigDecimal) n : new BigDecimal(n.toString());
    }

    private static Instant instant(Object date) {
        return ((LocalDate) date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
