package io.exchangejdbc.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How Graph's date, time, time-zone and binary texts become SQL values. */
class GraphValuesTest {

    private static long utc(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void utcInstantsAsGraphWritesThem() {
        assertEquals(1_793_700_900_000L, GraphValues.epochMillis("2026-11-03T10:15:00Z",
                ZoneOffset.UTC));
        assertEquals(utc("2026-11-03T10:15:00Z"),
                GraphValues.epochMillis("2026-11-03T10:15:00Z", ZoneOffset.UTC));
    }

    @Test
    void fractionsUpToSevenDigitsAreTruncatedToMilliseconds() {
        assertEquals(utc("2026-11-03T10:15:00.123Z"),
                GraphValues.epochMillis("2026-11-03T10:15:00.1239999Z", ZoneOffset.UTC));
        assertEquals(utc("2026-11-03T10:15:00Z"),
                GraphValues.epochMillis("2026-11-03T10:15:00.0000000", ZoneOffset.UTC));
        assertEquals(utc("2026-11-03T10:15:00.5Z"),
                GraphValues.epochMillis("2026-11-03T10:15:00.5Z", ZoneOffset.UTC));
    }

    @Test
    void offsetsAreAppliedWhateverTheirSpelling() {
        long expected = utc("2026-11-03T09:15:00Z");
        assertEquals(expected, GraphValues.epochMillis("2026-11-03T10:15:00+01:00",
                ZoneOffset.UTC));
        assertEquals(expected, GraphValues.epochMillis("2026-11-03T10:15:00+0100",
                ZoneOffset.UTC));
        assertEquals(expected, GraphValues.epochMillis("2026-11-03T10:15:00+01",
                ZoneOffset.UTC));
        assertEquals(utc("2026-11-03T15:45:00Z"),
                GraphValues.epochMillis("2026-11-03T10:15:00.000-05:30", ZoneOffset.UTC));
    }

    @Test
    void aTimeWithoutOffsetIsReadInTheGivenZone() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        // 3 November 2026 is after the end of daylight saving time in the US: UTC-8.
        assertEquals(utc("2026-11-03T18:15:00Z"),
                GraphValues.epochMillis("2026-11-03T10:15:00.0000000", la));
        // In July it is daylight saving time: UTC-7.
        assertEquals(utc("2026-07-01T17:00:00Z"),
                GraphValues.epochMillis("2026-07-01T10:00:00", la));
    }

    @Test
    void unusualButValidShapesFallBackToTheFullParser() {
        assertEquals(utc("2026-11-03T10:15:00Z"),
                GraphValues.epochMillis("2026-11-03T10:15Z", ZoneOffset.UTC));
        assertEquals(utc("2026-11-03T00:00:00Z"),
                GraphValues.epochMillis("2026-11-03", ZoneOffset.UTC));
        assertEquals(utc("2026-11-03T10:15:00Z"),
                GraphValues.epochMillis(" 2026-11-03t10:15:00z ", ZoneOffset.UTC));
    }

    @Test
    void textThatIsNotATimeIsRefused() {
        assertThrows(DateTimeException.class,
                () -> GraphValues.epochMillis("yesterday", ZoneOffset.UTC));
        assertThrows(DateTimeException.class,
                () -> GraphValues.epochMillis("2026-02-30T10:00:00Z", ZoneOffset.UTC));
        assertThrows(DateTimeException.class,
                () -> GraphValues.epochMillis("2026-11-03T25:00:00Z", ZoneOffset.UTC));
    }

    @Test
    void datesAreEpochDays() {
        assertEquals(20_760, GraphValues.epochDay("2026-11-03"));
        assertEquals(20_760, GraphValues.epochDay("2026-11-03T00:00:00Z"));
    }

    @Test
    void binaryIsBase64() {
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII),
                GraphValues.bytes("aGVsbG8=").getBytes());
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII),
                GraphValues.bytes("aGVs\r\nbG8=").getBytes());
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff},
                GraphValues.bytes("-_8=").getBytes());
    }

    @Test
    void windowsAndIanaTimeZoneNamesResolve() {
        assertEquals(ZoneId.of("America/Los_Angeles"),
                WindowsTimeZones.resolve("Pacific Standard Time"));
        assertEquals(ZoneId.of("Europe/Berlin"),
                WindowsTimeZones.resolve("W. Europe Standard Time"));
        assertEquals(ZoneId.of("Asia/Kolkata"), WindowsTimeZones.resolve("india standard time"));
        assertEquals(ZoneId.of("Europe/Paris"), WindowsTimeZones.resolve("Europe/Paris"));
        assertEquals(ZoneOffset.UTC, WindowsTimeZones.resolve("UTC"));
        assertEquals(ZoneOffset.UTC, WindowsTimeZones.resolve("tzone://Microsoft/Utc"));
        assertEquals(ZoneOffset.UTC, WindowsTimeZones.resolve(null));
        assertNull(WindowsTimeZones.resolve("Atlantis Standard Time"));
    }

    @Test
    void everyZoneOfTheWindowsTableExistsInJava() {
        for (String id : WindowsTimeZones.ianaIds()) {
            assertNotNull(ZoneId.of(id), id);
        }
        assertEquals(true, WindowsTimeZones.size() > 100);
    }
}
