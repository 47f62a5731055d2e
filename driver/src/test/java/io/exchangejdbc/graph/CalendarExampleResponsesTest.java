package io.exchangejdbc.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.http.LocalHttpServer;
import io.exchangejdbc.schema.Catalog;
import io.exchangejdbc.schema.SchemaKind;
import io.exchangejdbc.schema.TableDef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The calendar tables read Microsoft's example responses (see
 * {@code src/test/resources/graph/examples/README.md}) into the values those documents hold:
 * events with Windows-zone times, calendars, calendar groups, the instances of a series and a
 * file attachment.
 */
class CalendarExampleResponsesTest {

    private static final Catalog GRAPH = Catalog.of(SchemaKind.MSGRAPH);

    private LocalHttpServer server;
    private GraphClient client;
    private String requested;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String example(String name) throws IOException {
        try (InputStream in = CalendarExampleResponsesTest.class.getResourceAsStream(
                "/graph/examples/" + name)) {
            if (in == null) {
                throw new IOException("missing example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<Object[]> scan(String name, GraphQuery query) throws Exception {
        String body = example(name);
        server = LocalHttpServer.start((ex, r, i) -> {
            requested = r.uri().toString();
            LocalHttpServer.json(ex, 200, body);
        });
        client = GraphClient.open(ExchangeConfig.fromConnectionString("GraphUrl="
                + server.baseUrl() + ";AuthScheme=AzureAD;InitiateOAuth=OFF;"
                + "OAuthAccessToken=example-token-1234;Timeout=10"));
        List<Object[]> rows = new ArrayList<>();
        try (RowCursor c = client.scan(query, Operand.Parameters.NONE)) {
            while (c.next()) {
                rows.add(c.current());
            }
        }
        return rows;
    }

    private static GraphQuery query(String table, String... columns) {
        TableDef t = GRAPH.table(table);
        return GraphQuery.of(t).withOutput(TestTables.columns(t, columns));
    }

    private static long millis(String local, String zone) {
        return LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant().toEpochMilli();
    }

    @Test
    void eventsInPacificTimeBecomeUtc() throws Exception {
        List<Object[]> rows = scan("user-list-events.json", query("Events", "id", "subject",
                "start_dateTime", "start_timeZone", "end_dateTime", "location_displayName",
                "organizer_emailAddress_address", "attendees"));
        assertEquals(1, rows.size());
        Object[] r = rows.get(0);
        assertEquals("AAMkAGIAAAoZDOFAAA=", r[0]);
        assertEquals("Orientation ", r[1]);
        // 10:00 on 2017-04-21 in Redmond (daylight time, UTC-7) is 17:00 UTC
        assertEquals(millis("2017-04-21T10:00:00", "America/Los_Angeles"), r[2]);
        assertEquals(Instant.parse("2017-04-21T17:00:00Z").toEpochMilli(), r[2]);
        assertEquals("Pacific Standard Time", r[3]);
        assertEquals(Instant.parse("2017-04-21T19:00:00Z").toEpochMilli(), r[4]);
        assertEquals("Assembly Hall", r[5]);
        assertEquals("samanthab@a830edad905084922E17020313.onmicrosoft.com", r[6]);
        String attendees = (String) r[7];
        assertEquals(2, attendees.split("\"type\":\"required\"", -1).length - 1, attendees);
        assertEquals(true, attendees.contains("danas@a830edad905084922E17020313"));
        assertEquals(true, requested.contains("/me/events?"), requested);
    }

    @Test
    void calendars() throws Exception {
        List<Object[]> rows = scan("user-list-calendars.json", query("Calendars", "id", "name",
                "color", "hexColor", "canEdit", "isRemovable", "allowedOnlineMeetingProviders",
                "owner_address", "isDefaultCalendar"));
        assertEquals(1, rows.size());
        assertArrayEquals(new Object[] {"AAMkAGI2TGuLAAA=", "Calendar", "auto", "", true, false,
            "[\"teamsForBusiness\"]", "samanthab@adatum.onmicrosoft.com", null}, rows.get(0));
    }

    @Test
    void calendarGroups() throws Exception {
        List<Object[]> rows = scan("user-list-calendargroups.json", query("CalendarGroups",
                "id", "name", "classId", "changeKey"));
        assertEquals(1, rows.size());
        assertArrayEquals(new Object[] {"AQMkADIxYjJiYgEzLTFmN_F8AAAIBBgAA_F8AAAJjIQAAAA==",
            "My Calendars", "0006f0b7-0000-0000-c000-000000000046",
            "NreqLYgxdE2DpHBBId74XwAAAAAGZw=="}, rows.get(0));
    }

    @Test
    void instancesOfASeries() throws Exception {
        TableDef t = GRAPH.table("EventInstances");
        GraphQuery q = query("EventInstances", "id", "type", "seriesMasterId", "start_dateTime",
                "recurrence_pattern_type", "eventId")
                .withRoute(t.graph().routeFor("eventId"),
                        new Operand.Literal("AAMkAGUzYRgWAAA="))
                .withWindow(new GraphQuery.Bound(new Operand.Literal(
                        Instant.parse("2019-04-08T09:00:00Z").toEpochMilli()), 0),
                        new GraphQuery.Bound(new Operand.Literal(
                                Instant.parse("2019-04-30T09:00:00Z").toEpochMilli()), 0));
        List<Object[]> rows = scan("event-list-instances.json", q);
        assertEquals(4, rows.size());
        assertArrayEquals(new Object[] {"AAMkAGUzYAgI1sE1TatAAEYAAAAAlNFb2CNPe0ucP9you",
            "exception", "AAMkAGUzYRgWAAA=", Instant.parse("2019-04-16T20:30:00Z")
                .toEpochMilli(), null, "AAMkAGUzYRgWAAA="}, rows.get(0));
        assertEquals("occurrence", rows.get(3)[1]);
        assertEquals(Instant.parse("2019-04-29T20:30:00Z").toEpochMilli(), rows.get(3)[3]);
        assertEquals(true, requested.contains("/me/events/AAMkAGUzYRgWAAA%3D/instances"
                + "?startDateTime=2019-04-08T09:00:00Z&endDateTime=2019-04-30T09:00:00Z"),
                requested);
    }

    @Test
    void fileAttachment() throws Exception {
        TableDef t = GRAPH.table("EventAttachments");
        EntityRowReader reader = new EntityRowReader(TestTables.columns(t, "id", "name",
                "contentType", "size", "isInline", "lastModifiedDateTime", "contentBytes",
                "contentId"), w -> {
                    throw new AssertionError(w);
                });
        Object[] r;
        try (JsonParser p = EntityRowReader.JSON.createParser(
                example("attachment-get-file.json"))) {
            p.nextToken();
            r = reader.read(p);
        }
        assertEquals("AAMkAGUzY5QKjAAABEgAQAMkpJI_X-LBFgvrv1PlZYd8=", r[0]);
        assertEquals("Draft sales invoice template.docx", r[1]);
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                r[2]);
        assertEquals(13068, r[3]);
        assertEquals(false, r[4]);
        assertEquals(Instant.parse("2019-04-02T03:41:29Z").toEpochMilli(), r[5]);
        assertArrayEquals(java.util.Base64.getDecoder().decode("UEsDBBQABgAIAAAAIQ4AAAAA"),
                ((org.apache.calcite.avatica.util.ByteString) r[6]).getBytes());
        assertEquals(null, r[7]);
    }
}
