package io.exchangejdbc.graph;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resolution of the {@code timeZone} of a Graph {@code dateTimeTimeZone} to a Java zone:
 * Windows names ("Pacific Standard Time") through the usual Windows-to-IANA correspondence (the
 * zone of the "001" territory of the Unicode CLDR {@code windowsZones} table), IANA names and UTC
 * spellings as they are.
 *
 * <p>The table holds the Windows zones in common use; a name it does not know and Java does not
 * know either resolves to null, so that the caller can report it rather than guess.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/datetimetimezone">
 *     dateTimeTimeZone resource type</a>
 */
final class WindowsTimeZones {

    private static final Map<String, String> WINDOWS_TO_IANA = Map.ofEntries(
            Map.entry("dateline standard time", "Etc/GMT+12"),
            Map.entry("utc-11", "Etc/GMT+11"),
            Map.entry("hawaiian standard time", "Pacific/Honolulu"),
            Map.entry("alaskan standard time", "America/Anchorage"),
            Map.entry("pacific standard time (mexico)", "America/Tijuana"),
            Map.entry("utc-08", "Etc/GMT+8"),
            Map.entry("utc-09", "Etc/GMT+9"),
            Map.entry("pacific standard time", "America/Los_Angeles"),
            Map.entry("us mountain standard time", "America/Phoenix"),
            Map.entry("mountain standard time (mexico)", "America/Mazatlan"),
            Map.entry("mountain standard time", "America/Denver"),
            Map.entry("central america standard time", "America/Guatemala"),
            Map.entry("central standard time", "America/Chicago"),
            Map.entry("central standard time (mexico)", "America/Mexico_City"),
            Map.entry("canada central standard time", "America/Regina"),
            Map.entry("sa pacific standard time", "America/Bogota"),
            Map.entry("eastern standard time (mexico)", "America/Cancun"),
            Map.entry("eastern standard time", "America/New_York"),
            Map.entry("us eastern standard time", "America/Indiana/Indianapolis"),
            Map.entry("cuba standard time", "America/Havana"),
            Map.entry("venezuela standard time", "America/Caracas"),
            Map.entry("paraguay standard time", "America/Asuncion"),
            Map.entry("atlantic standard time", "America/Halifax"),
            Map.entry("sa western standard time", "America/La_Paz"),
            Map.entry("pacific sa standard time", "America/Santiago"),
            Map.entry("newfoundland standard time", "America/St_Johns"),
            Map.entry("e. south america standard time", "America/Sao_Paulo"),
            Map.entry("argentina standard time", "America/Argentina/Buenos_Aires"),
            Map.entry("sa eastern standard time", "America/Cayenne"),
            Map.entry("greenland standard time", "America/Nuuk"),
            Map.entry("montevideo standard time", "America/Montevideo"),
            Map.entry("utc-02", "Etc/GMT+2"),
            Map.entry("azores standard time", "Atlantic/Azores"),
            Map.entry("cape verde standard time", "Atlantic/Cape_Verde"),
            Map.entry("utc", "UTC"),
            Map.entry("coordinated universal time", "UTC"),
            Map.entry("gmt standard time", "Europe/London"),
            Map.entry("greenwich standard time", "Atlantic/Reykjavik"),
            Map.entry("morocco standard time", "Africa/Casablanca"),
            Map.entry("w. europe standard time", "Europe/Berlin"),
            Map.entry("central europe standard time", "Europe/Budapest"),
            Map.entry("romance standard time", "Europe/Paris"),
            Map.entry("central european standard time", "Europe/Warsaw"),
            Map.entry("w. central africa standard time", "Africa/Lagos"),
            Map.entry("namibia standard time", "Africa/Windhoek"),
            Map.entry("jordan standard time", "Asia/Amman"),
            Map.entry("gtb standard time", "Europe/Bucharest"),
            Map.entry("middle east standard time", "Asia/Beirut"),
            Map.entry("egypt standard time", "Africa/Cairo"),
            Map.entry("e. europe standard time", "Europe/Chisinau"),
            Map.entry("syria standard time", "Asia/Damascus"),
            Map.entry("south africa standard time", "Africa/Johannesburg"),
            Map.entry("fle standard time", "Europe/Kiev"),
            Map.entry("israel standard time", "Asia/Jerusalem"),
            Map.entry("kaliningrad standard time", "Europe/Kaliningrad"),
            Map.entry("libya standard time", "Africa/Tripoli"),
            Map.entry("sudan standard time", "Africa/Khartoum"),
            Map.entry("arabic standard time", "Asia/Baghdad"),
            Map.entry("turkey standard time", "Europe/Istanbul"),
            Map.entry("arab standard time", "Asia/Riyadh"),
            Map.entry("belarus standard time", "Europe/Minsk"),
            Map.entry("russian standard time", "Europe/Moscow"),
            Map.entry("e. africa standard time", "Africa/Nairobi"),
            Map.entry("volgograd standard time", "Europe/Volgograd"),
            Map.entry("iran standard time", "Asia/Tehran"),
            Map.entry("arabian standard time", "Asia/Dubai"),
            Map.entry("astrakhan standard time", "Europe/Astrakhan"),
            Map.entry("azerbaijan standard time", "Asia/Baku"),
            Map.entry("russia time zone 3", "Europe/Samara"),
            Map.entry("mauritius standard time", "Indian/Mauritius"),
            Map.entry("saratov standard time", "Europe/Saratov"),
            Map.entry("georgian standard time", "Asia/Tbilisi"),
            Map.entry("caucasus standard time", "Asia/Yerevan"),
            Map.entry("afghanistan standard time", "Asia/Kabul"),
            Map.entry("west asia standard time", "Asia/Tashkent"),
            Map.entry("ekaterinburg standard time", "Asia/Yekaterinburg"),
            Map.entry("pakistan standard time", "Asia/Karachi"),
            Map.entry("india standard time", "Asia/Kolkata"),
            Map.entry("sri lanka standard time", "Asia/Colombo"),
            Map.entry("nepal standard time", "Asia/Kathmandu"),
            Map.entry("central asia standard time", "Asia/Almaty"),
            Map.entry("bangladesh standard time", "Asia/Dhaka"),
            Map.entry("omsk standard time", "Asia/Omsk"),
            Map.entry("myanmar standard time", "Asia/Yangon"),
            Map.entry("se asia standard time", "Asia/Bangkok"),
            Map.entry("n. central asia standard time", "Asia/Novosibirsk"),
            Map.entry("north asia standard time", "Asia/Krasnoyarsk"),
            Map.entry("china standard time", "Asia/Shanghai"),
            Map.entry("north asia east standard time", "Asia/Irkutsk"),
            Map.entry("singapore standard time", "Asia/Singapore"),
            Map.entry("w. australia standard time", "Australia/Perth"),
            Map.entry("taipei standard time", "Asia/Taipei"),
            Map.entry("ulaanbaatar standard time", "Asia/Ulaanbaatar"),
            Map.entry("tokyo standard time", "Asia/Tokyo"),
            Map.entry("korea standard time", "Asia/Seoul"),
            Map.entry("yakutsk standard time", "Asia/Yakutsk"),
            Map.entry("cen. australia standard time", "Australia/Adelaide"),
            Map.entry("aus central standard time", "Australia/Darwin"),
            Map.entry("e. australia standard time", "Australia/Brisbane"),
            Map.entry("aus eastern standard time", "Australia/Sydney"),
            Map.entry("west pacific standard time", "Pacific/Port_Moresby"),
            Map.entry("tasmania standard time", "Australia/Hobart"),
            Map.entry("vladivostok standard time", "Asia/Vladivostok"),
            Map.entry("magadan standard time", "Asia/Magadan"),
            Map.entry("central pacific standard time", "Pacific/Guadalcanal"),
            Map.entry("russia time zone 10", "Asia/Srednekolymsk"),
            Map.entry("russia time zone 11", "Asia/Kamchatka"),
            Map.entry("new zealand standard time", "Pacific/Auckland"),
            Map.entry("utc+12", "Etc/GMT-12"),
            Map.entry("fiji standard time", "Pacific/Fiji"),
            Map.entry("tonga standard time", "Pacific/Tongatapu"),
            Map.entry("samoa standard time", "Pacific/Apia"),
            Map.entry("utc+13", "Etc/GMT-13"),
            Map.entry("line islands standard time", "Pacific/Kiritimati"),
            Map.entry("tzone://microsoft/utc", "UTC"));

    /** Resolved names, so each distinct name is looked up once. */
    private static final Map<String, ZoneId> RESOLVED = new ConcurrentHashMap<>();

    /** Marks a name that resolves to nothing in {@link #RESOLVED} (which cannot hold null). */
    private static final ZoneId UNKNOWN = ZoneOffset.ofHoursMinutesSeconds(0, 0, 1);

    private WindowsTimeZones() {
    }

    /** The number of Windows names the table knows; for tests. */
    static int size() {
        return WINDOWS_TO_IANA.size();
    }

    /** Every IANA id the table maps to; for tests. */
    static Iterable<String> ianaIds() {
        return WINDOWS_TO_IANA.values();
    }

    /**
     * The zone a {@code timeZone} value names: null or blank means UTC, as Graph returns times in
     * UTC unless asked otherwise; null when the name is unknown.
     */
    static ZoneId resolve(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        ZoneId zone = RESOLVED.computeIfAbsent(name, WindowsTimeZones::lookup);
        return zone == UNKNOWN ? null : zone;
    }

    private static ZoneId lookup(String name) {
        String key = name.strip();
        String iana = WINDOWS_TO_IANA.get(key.toLowerCase(Locale.ROOT));
        if (iana != null) {
            key = iana;
        }
        if (key.equalsIgnoreCase("UTC") || key.equalsIgnoreCase("GMT")
                || key.equalsIgnoreCase("Etc/UTC") || key.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(key);
        } catch (DateTimeException e) {
            return UNKNOWN;
        }
    }
}
