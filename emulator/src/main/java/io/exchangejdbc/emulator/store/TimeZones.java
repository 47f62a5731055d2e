package io.exchangejdbc.emulator.store;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Time-zone names as Outlook accepts them: the Windows names events are kept in ("Pacific
 * Standard Time") for the zones the emulator's data uses and clients commonly send, IANA names
 * ("Europe/Berlin") and {@code UTC}.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/datetimetimezone">
 *     dateTimeTimeZone</a>
 */
public final class TimeZones {

    private static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("utc", "UTC"),
            Map.entry("pacific standard time", "America/Los_Angeles"),
            Map.entry("mountain standard time", "America/Denver"),
            Map.entry("central standard time", "America/Chicago"),
            Map.entry("eastern standard time", "America/New_York"),
            Map.entry("gmt standard time", "Europe/London"),
            Map.entry("w. europe standard time", "Europe/Berlin"),
            Map.entry("romance standard time", "Europe/Paris"),
            Map.entry("central europe standard time", "Europe/Budapest"),
            Map.entry("india standard time", "Asia/Kolkata"),
            Map.entry("china standard time", "Asia/Shanghai"),
            Map.entry("tokyo standard time", "Asia/Tokyo"),
            Map.entry("aus eastern standard time", "Australia/Sydney"),
            Map.entry("new zealand standard time", "Pacific/Auckland"),
            Map.entry("hawaiian standard time", "Pacific/Honolulu"));

    private TimeZones() {
    }

    /** Resolves a Windows or IANA zone name; empty when Outlook would not know it either. */
    public static Optional<ZoneId> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String iana = WINDOWS.get(name.strip().toLowerCase(Locale.ROOT));
        if (iana != null) {
            return Optional.of(ZoneId.of(iana));
        }
        if (name.strip().equalsIgnoreCase("UTC")) {
            return Optional.of(ZoneOffset.UTC);
        }
        try {
            return Optional.of(ZoneId.of(name.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Resolves a zone name the store itself keeps, which must be known. */
    static ZoneId require(String name) {
        return resolve(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown time zone: " + name));
    }
}
