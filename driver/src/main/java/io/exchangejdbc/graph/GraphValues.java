package io.exchangejdbc.graph;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import org.apache.calcite.avatica.util.ByteString;

/**
 * The conversions of Graph JSON value texts into the driver's internal representation of values:
 * Edm.DateTimeOffset to epoch milliseconds in UTC, Edm.Date to epoch days, Edm.Binary (base64) to
 * {@link ByteString}.
 *
 * <p>Time stamps are parsed by hand on the fast path (they occur in every message row) and by
 * {@link OffsetDateTime} otherwise. Graph writes {@code 2026-11-03T10:15:00Z}, sometimes with
 * fractions of up to seven digits ({@code .0000000}) or an offset; a {@code dateTimeTimeZone}
 * carries no offset and is read in the zone its {@code timeZone} names.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/datetimetimezone">
 *     dateTimeTimeZone resource type</a>
 */
public final class GraphValues {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private GraphValues() {
    }

    /**
     * Epoch milliseconds of an ISO-8601 date-time; a value without an offset is taken in
     * {@code zone}. Fractions beyond milliseconds are truncated.
     *
     * @throws DateTimeException when the text is not a date-time
     */
    public static long epochMillis(String text, ZoneId zone) {
        String s = text.strip();
        int len = s.length();
        if (len >= 16 && len <= 40 && isDigits(s, 0, 4) && s.charAt(4) == '-'
                && isDigits(s, 5, 7) && s.charAt(7) == '-' && isDigits(s, 8, 10)
                && isSeparator(s.charAt(10)) && isDigits(s, 11, 13) && s.charAt(13) == ':'
                && isDigits(s, 14, 16)) {
            int year = number(s, 0, 4);
            int month = number(s, 5, 7);
            int day = number(s, 8, 10);
            int hour = number(s, 11, 13);
            int minute = number(s, 14, 16);
            int second = 0;
            int nanos = 0;
            int pos = 16;
            if (pos < len && s.charAt(pos) == ':') {
                if (pos + 3 > len || !isDigits(s, pos + 1, pos + 3)) {
                    return slowEpochMillis(s, zone);
                }
                second = number(s, pos + 1, pos + 3);
                pos += 3;
                if (pos < len && (s.charAt(pos) == '.' || s.charAt(pos) == ',')) {
                    pos++;
                    int digits = 0;
                    while (pos < len && Character.isDigit(s.charAt(pos))) {
                        if (digits < 9) {
                            nanos = nanos * 10 + (s.charAt(pos) - '0');
                        }
                        digits++;
                        pos++;
                    }
                    if (digits == 0) {
                        return slowEpochMillis(s, zone);
                    }
                    for (int i = digits; i < 9; i++) {
                        nanos *= 10;
                    }
                }
            }
            if (hour > 23 || minute > 59 || second > 59) {
                return slowEpochMillis(s, zone);
            }
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            long local = epochDay * MILLIS_PER_DAY + hour * 3_600_000L + minute * 60_000L
                    + second * 1000L + nanos / 1_000_000;
            if (pos == len) {
                return inZone(local, year, month, day, hour, minute, second, nanos, zone);
            }
            char c = s.charAt(pos);
            if ((c == 'Z' || c == 'z') && pos + 1 == len) {
                return local;
            }
            if (c == '+' || c == '-') {
                int offsetSeconds = offsetSeconds(s, pos + 1);
                if (offsetSeconds >= 0) {
                    return c == '+' ? local - offsetSeconds * 1000L
                            : local + offsetSeconds * 1000L;
                }
            }
            return slowEpochMillis(s, zone);
        }
        if (len == 10) {
            return LocalDate.parse(s).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        return slowEpochMillis(s, zone);
    }

    /** Epoch days of an Edm.Date ({@code 2026-11-03}); the date part of a longer value. */
    static int epochDay(String text) {
        String s = text.strip();
        if (s.length() > 10 && isSeparator(s.charAt(10))) {
            s = s.substring(0, 10);
        }
        return Math.toIntExact(LocalDate.parse(s).toEpochDay());
    }

    /**
     * The bytes of an Edm.Binary value. Graph uses standard base64; line breaks and the URL-safe
     * alphabet are accepted too.
     *
     * @throws IllegalArgumentException when the text is not base64
     */
    static ByteString bytes(String text) {
        String s = text.strip();
        try {
            return new ByteString(Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            if (s.indexOf('-') >= 0 || s.indexOf('_') >= 0) {
                return new ByteString(Base64.getUrlDecoder().decode(s));
            }
            return new ByteString(Base64.getMimeDecoder().decode(s));
        }
    }

    /** A boolean written as text ({@code "true"}, {@code "False"}, {@code "1"}, {@code "0"}). */
    static Boolean bool(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    /** A double written as text, including OData's {@code INF}, {@code -INF} and {@code NaN}. */
    static double dbl(String text) {
        String s = text.strip();
        switch (s) {
            case "INF":
                return Double.POSITIVE_INFINITY;
            case "-INF":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                return Double.parseDouble(s);
        }
    }

    private static long inZone(long localMillis, int year, int month, int day, int hour,
            int minute, int second, int nanos, ZoneId zone) {
        if (zone == ZoneOffset.UTC) {
            return localMillis;
        }
        if (zone instanceof ZoneOffset offset) {
            return localMillis - offset.getTotalSeconds() * 1000L;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(zone)
                .toInstant().toEpochMilli();
    }

    /** Seconds of an offset {@code HH:MM}, {@code HHMM} or {@code HH} ending the text, or -1. */
    private static int offsetSeconds(String s, int pos) {
        int len = s.length();
        if (pos + 2 > len || !isDigits(s, pos, pos + 2)) {
            return -1;
        }
        int hours = number(s, pos, pos + 2);
        int minutes = 0;
        int next = pos + 2;
        if (next < len && s.charAt(next) == ':') {
            next++;
        }
        if (next < len) {
            if (next + 2 != len || !isDigits(s, next, next + 2)) {
                return -1;
            }
            minutes = number(s, next, next + 2);
        }
        if (hours > 18 || minutes > 59) {
            return -1;
        }
        return hours * 3600 + minutes * 60;
    }

    private static long slowEpochMillis(String s, ZoneId zone) {
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            return LocalDateTime.parse(s).atZone(zone).toInstant().toEpochMilli();
        }
    }

    private static boolean isSeparator(char c) {
        return c == 'T' || c == 't' || c == ' ';
    }

    private static boolean isDigits(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }
}
