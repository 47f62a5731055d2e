package io.exchangejdbc.graph;

import static io.exchangejdbc.graph.TestTables.col;
import static io.exchangejdbc.graph.TestTables.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnType;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

/** How one JSON entity becomes one row: paths, types, JSON columns, zones, nulls. */
class EntityRowReaderTest {

    private final List<String> warnings = new ArrayList<>();

    private Object[] read(List<ColumnDef> columns, String json) throws Exception {
        EntityRowReader reader = new EntityRowReader(columns, warnings::add);
        try (JsonParser p = EntityRowReader.JSON.createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            Object[] row = reader.read(p);
            assertEquals(JsonToken.END_OBJECT, p.currentToken());
            return row;
        }
    }

    private static long utc(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void nestedPropertiesAreReadFromOnePass() throws Exception {
        List<ColumnDef> cols = List.of(
                col("a", ColumnType.VARCHAR, "from", "emailAddress", "address"),
                col("n", ColumnType.VARCHAR, "from", "emailAddress", "name"),
                col("s", ColumnType.VARCHAR, "subject"));
        Object[] row = read(cols, "{\"subject\":\"Hi\",\"unrelated\":{\"deep\":[1,2,{\"x\":3}]},"
                + "\"from\":{\"emailAddress\":{\"name\":\"Ann\",\"address\":\"ann@x.com\"}}}");
        assertArrayEquals(new Object[] {"ann@x.com", "Ann", "Hi"}, row);
    }

    @Test
    void absentAndNullValuesAreNull() throws Exception {
        List<ColumnDef> cols = List.of(
                col("a", ColumnType.VARCHAR, "from", "emailAddress", "address"),
                col("r", ColumnType.BOOLEAN, "isRead"),
                col("t", ColumnType.TIMESTAMP, "receivedDateTime"));
        assertArrayEquals(new Object[] {null, null, null},
                read(cols, "{\"from\":null,\"isRead\":null}"));
        assertArrayEquals(new Object[] {null, null, null}, read(cols, "{}"));
    }

    @Test
    void scalarTypesBecomeTheDriversInternalValues() throws Exception {
        List<ColumnDef> cols = TestTables.columns(TestTables.events(), "isAllDay",
                "reminderMinutesBeforeStart", "sizeInBytes", "score", "birthday", "contentBytes");
        Object[] row = read(cols, "{\"isAllDay\":true,\"reminderMinutesBeforeStart\":15,"
                + "\"sizeInBytes\":12345678901,\"score\":0.5,\"birthday\":\"2026-11-03\","
                + "\"contentBytes\":\"aGVsbG8=\"}");
        assertEquals(Boolean.TRUE, row[0]);
        assertEquals(15, row[1]);
        assertEquals(12_345_678_901L, row[2]);
        assertEquals(0.5, row[3]);
        assertEquals(20_760, row[4]);
        assertEquals(new ByteString("hello".getBytes(StandardCharsets.US_ASCII)), row[5]);
    }

    @Test
    void jsonColumnsHoldTheCompactTextOfTheWholeValue() throws Exception {
        List<ColumnDef> cols = List.of(json("to", "toRecipients"), json("c", "categories"),
                json("e", "empty"));
        Object[] row = read(cols, "{\"toRecipients\": [ {\"emailAddress\": {\"name\": \"A\","
                + " \"address\": \"a@x\"}} ], \"categories\" : [\"Red\", \"Blue\"],"
                + "\"empty\":[\n]}");
        assertEquals("[{\"emailAddress\":{\"name\":\"A\",\"address\":\"a@x\"}}]", row[0]);
        assertEquals("[\"Red\",\"Blue\"]", row[1]);
        assertEquals("[]", row[2]);
    }

    @Test
    void aJsonColumnAndAColumnInsideItAreBothFilled() throws Exception {
        List<ColumnDef> cols = TestTables.columns(TestTables.events(), "location",
                "location_displayName");
        Object[] row = read(cols, "{\"location\":{\"displayName\":\"Room 1\",\"x\":1}}");
        assertEquals("{\"displayName\":\"Room 1\",\"x\":1}", row[0]);
        assertEquals("Room 1", row[1]);
    }

    @Test
    void aDateTimeTimeZoneIsReadInItsOwnZoneWhicheverFieldComesFirst() throws Exception {
        List<ColumnDef> cols = TestTables.columns(TestTables.events(), "start_dateTime",
                "start_timeZone", "end_dateTime");
        Object[] row = read(cols, "{\"start\":{\"dateTime\":\"2026-11-03T10:15:00.0000000\","
                + "\"timeZone\":\"Pacific Standard Time\"},"
                + "\"end\":{\"timeZone\":\"UTC\",\"dateTime\":\"2026-11-03T11:15:00.0000000\"}}");
        assertEquals(utc("2026-11-03T18:15:00Z"), row[0]);
        assertEquals("Pacific Standard Time", row[1]);
        assertEquals(utc("2026-11-03T11:15:00Z"), row[2]);
        Object[] iana = read(cols, "{\"end\":{\"dateTime\":\"2026-07-01T09:00:00\","
                + "\"timeZone\":\"Europe/Paris\"}}");
        assertEquals(utc("2026-07-01T07:00:00Z"), iana[2]);
    }

    @Test
    void anUnknownTimeZoneGivesNullAndAWarningRatherThanAWrongTime() throws Exception {
        List<ColumnDef> cols = TestTables.columns(TestTables.events(), "start_dateTime");
        Object[] row = read(cols, "{\"start\":{\"dateTime\":\"2026-11-03T10:15:00\","
                + "\"timeZone\":\"Atlantis Standard Time\"}}");
        assertNull(row[0]);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("Atlantis Standard Time"), warnings.toString());
    }

    @Test
    void aValueOfTheWrongKindIsADataError() {
        List<ColumnDef> cols = List.of(col("t", ColumnType.TIMESTAMP, "receivedDateTime"));
        SQLException e = assertThrows(SQLException.class,
                () -> read(cols, "{\"receivedDateTime\":\"last tuesday\"}"));
        assertEquals("22007", e.getSQLState());
        assertTrue(e.getMessage().contains("receivedDateTime") || e.getMessage().contains(" t,"),
                e.getMessage());
        List<ColumnDef> ints = List.of(col("n", ColumnType.INTEGER, "n"));
        SQLException n = assertThrows(SQLException.class, () -> read(ints, "{\"n\":\"many\"}"));
        assertEquals("22018", n.getSQLState());
    }

    @Test
    void catalogPathsMatchGraphNamesRegardlessOfLetterCase() throws Exception {
        List<ColumnDef> cols = List.of(col("s", ColumnType.VARCHAR, "Subject"));
        assertArrayEquals(new Object[] {"x"}, read(cols, "{\"subject\":\"x\"}"));
    }

    @Test
    void aScalarTextColumnOnAnObjectGetsItsJson() throws Exception {
        List<ColumnDef> cols = List.of(col("body", ColumnType.VARCHAR, "body"));
        assertArrayEquals(new Object[] {"{\"contentType\":\"text\",\"content\":\"x\"}"},
                read(cols, "{\"body\":{\"contentType\":\"text\",\"content\":\"x\"}}"));
    }
}
