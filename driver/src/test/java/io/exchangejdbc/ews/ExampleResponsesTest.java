package io.exchangejdbc.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.schema.Catalog;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.SchemaKind;
import io.exchangejdbc.schema.TableDef;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The EWS readers against the example responses of Microsoft's EWS reference (copied in the
 * test resources, each noting its page): FindItem, GetItem (message), FindFolder, GetFolder,
 * CreateItem, CreateAttachment, GetAttachment, GetUserOofSettings, SyncFolderItems and their
 * error examples.
 */
class ExampleResponsesTest {

    private static final TableDef INBOX = Catalog.of(SchemaKind.EWS).table("Inbox");
    private static final TableDef CALENDAR = Catalog.of(SchemaKind.EWS).table("Calendar");
    private static final TableDef FOLDERS = Catalog.of(SchemaKind.EWS).table("Folders");

    /** A canned answer. */
    private static SoapResponse answer(String name, int status) {
        byte[] bytes = EwsStub.example(name).getBytes(StandardCharsets.UTF_8);
        return new SoapResponse() {
            @Override
            public int status() {
                return status;
            }

            @Override
            public String header(String h) {
                return null;
            }

            @Override
            public InputStream body() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public String describe() {
                return name;
            }

            @Override
            public void close() {
            }
        };
    }

    /** The items of the named content element (Items, Folders, Changes) as rows. */
    private static List<Object[]> rows(String example, String operation, TableDef table,
            AtomicReference<SoapReader.ServerVersion> version) throws SQLException {
        List<ColumnDef> columns = table.columns();
        ItemReader reader = new ItemReader(columns);
        List<Object[]> rows = new ArrayList<>();
        SoapReader.read(answer(example, 200), operation, version::set, r -> {
            SoapReader.messages(r, operation, c -> collect(c, reader, columns.size(), rows));
            return null;
        });
        return rows;
    }

    private static void collect(javax.xml.stream.XMLStreamReader c, ItemReader reader, int width,
            List<Object[]> rows) throws javax.xml.stream.XMLStreamException {
        String n = c.getLocalName();
        if (n.equals("RootFolder") || n.equals("Changes") || n.equals("Create")) {
            while (Xml.nextChild(c)) {
                collect(c, reader, width, rows);
            }
        } else if (n.equals("Items") || n.equals("Folders")) {
            while (Xml.nextChild(c)) {
                Object[] row = new Object[width];
                reader.read(c, row);
                rows.add(row);
            }
        } else if (n.equals("Message") || n.equals("MeetingRequest") || n.equals("Folder")) {
            Object[] row = new Object[width];
            reader.read(c, row);
            rows.add(row);
        } else {
            Xml.skip(c);
        }
    }

    private static Object value(TableDef t, Object[] row, String column) {
        return row[t.indexOf(column)];
    }

    @Test
    void findItemExample() throws SQLException {
        AtomicReference<SoapReader.ServerVersion> v = new AtomicReference<>();
        List<Object[]> rows = rows("FindItem-response", "FindItem", INBOX, v);
        assertEquals(2, rows.size());
        assertEquals("AS4AUn=", value(INBOX, rows.get(0), "ItemId"));
        assertEquals("fsVU4==", value(INBOX, rows.get(0), "ChangeKey"));
        assertEquals("AS4AUM=", value(INBOX, rows.get(1), "ItemId"));
        assertEquals("fsVUA==", value(INBOX, rows.get(1), "ChangeKey"));
        assertEquals(8, v.get().major());
        assertEquals(595, v.get().majorBuild());
    }

    @Test
    void findItemExampleThroughSql() throws Exception {
        try (EwsStub stub = EwsStub.start((r, i) -> EwsStub.example("FindItem-response"));
                Connection c = stub.connect("")) {
            List<String> ids = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT ItemId, ChangeKey FROM DeletedItems")) {
                while (rs.next()) {
                    ids.add(rs.getString(1) + "/" + rs.getString(2));
                }
            }
            assertEquals(List.of("AS4AUn=/fsVU4==", "AS4AUM=/fsVUA=="), ids);
            assertEquals(1, stub.requests().size());
            assertTrue(stub.bodies().get(0).contains(
                    "<t:DistinguishedFolderId Id=\"deleteditems\"/>"));
        }
    }

    @Test
    void getItemMessageExample() throws SQLException {
        AtomicReference<SoapReader.ServerVersion> v = new AtomicReference<>();
        List<Object[]> rows = rows("GetItem-message-response", "GetItem", INBOX, v);
        assertEquals(1, rows.size());
        Object[] m = rows.get(0);
        assertEquals("AAAlAFVz", value(INBOX, m, "ItemId"));
        assertEquals("CQAAAB", value(INBOX, m, "ChangeKey"));
        assertEquals("", value(INBOX, m, "Subject"));
        assertEquals("Normal", value(INBOX, m, "Sensitivity"));
        assertEquals("HTML", value(INBOX, m, "BodyType"));
        assertTrue(((String) value(INBOX, m, "Body")).contains("<div dir=\"ltr\">"));
        assertEquals(881, value(INBOX, m, "Size"));
        assertEquals(Instant.parse("2006-10-28T01:37:06Z").toEpochMilli(),
                value(INBOX, m, "DateTimeSent"));
        assertEquals(false, value(INBOX, m, "HasAttachments"));
        assertEquals("User1", value(INBOX, m, "ToRecipients_Names"));
        assertEquals("User1@example.com", value(INBOX, m, "ToRecipients_EmailAddresses"));
        assertNull(value(INBOX, m, "CcRecipients_Names"));
        assertEquals("User2", value(INBOX, m, "From_Name"));
        assertEquals("User2@example.com", value(INBOX, m, "From_EmailAddress"));
        assertEquals(false, value(INBOX, m, "IsRead"));
        assertEquals(false, value(INBOX, m, "IsReadReceiptRequested"));
        assertEquals(685, v.get().majorBuild());
        assertEquals(8, v.get().minorBuild());
    }

    @Test
    void findFolderAndGetFolderExamples() throws SQLException {
        AtomicReference<SoapReader.ServerVersion> v = new AtomicReference<>();
        List<Object[]> found = rows("FindFolder-response", "FindFolder", FOLDERS, v);
        assertEquals(1, found.size());
        assertEquals("AQAnAH", value(FOLDERS, found.get(0), "FolderId"));
        assertEquals("AQAAABY", value(FOLDERS, found.get(0), "ChangeKey"));
        assertEquals("TestFolder", value(FOLDERS, found.get(0), "DisplayName"));
        assertEquals(0, value(FOLDERS, found.get(0), "TotalCount"));
        assertEquals(0, value(FOLDERS, found.get(0), "ChildFolderCount"));
        assertEquals(0, value(FOLDERS, found.get(0), "UnreadCount"));
        List<Object[]> got = rows("GetFolder-response", "GetFolder", FOLDERS, v);
        assertEquals(1, got.size());
        String example = EwsStub.example("GetFolder-response");
        assertTrue(example.contains("Id=\"" + value(FOLDERS, got.get(0), "FolderId") + "\""));
        assertTrue(example.contains("<t:DisplayName>" + value(FOLDERS, got.get(0),
                "DisplayName") + "</t:DisplayName>"));
    }

    @Test
    void syncFolderItemsExampleReadsTheCreatedItem() throws SQLException {
        AtomicReference<SoapReader.ServerVersion> v = new AtomicReference<>();
        List<Object[]> rows = rows("SyncFolderItems-response", "SyncFolderItems", CALENDAR, v);
        assertEquals(1, rows.size());
        Object[] r = rows.get(0);
        assertEquals("AQApAHRwA==", value(CALENDAR, r, "ItemId"));
        assertEquals("Budget Q3", value(CALENDAR, r, "Subject"));
        assertEquals(Instant.parse("2006-08-02T17:30:00Z").toEpochMilli(),
                value(CALENDAR, r, "Start"));
        assertEquals(Instant.parse("2006-08-02T19:30:00Z").toEpochMilli(),
                value(CALENDAR, r, "End"));
        assertEquals("Conference Room 2", value(CALENDAR, r, "Location"));
        assertEquals("Dan Park", value(CALENDAR, r, "Organizer_Name"));
        assertEquals("dpark@example.com", value(CALENDAR, r, "Organizer_EmailAddress"));
    }

    @Test
    void createItemExampleSucceedsWithNoItems() throws SQLException {
        List<String> content = new ArrayList<>();
        SoapReader.read(answer("CreateItem-message-response", 200), "CreateItem", null, r -> {
            SoapReader.messages(r, "CreateItem", c -> {
                content.add(c.getLocalName());
                Xml.skip(c);
            });
            return null;
        });
        assertEquals(List.of("Items"), content);
    }

    @Test
    void errorExamplesQuoteTheirResponseCodes() {
        String[][] cases = {
            {"FindItem-error", "FindItem", "ErrorInvalidIdMalformed", "Id is malformed."},
            {"GetItem-message-error", "GetItem", null, null},
            {"CreateItem-message-error", "CreateItem", null, null},
            {"CreateAttachment-error", "CreateAttachment", null, null},
        };
        for (String[] c : cases) {
            EwsException e = assertThrows(EwsException.class, () -> SoapReader.read(
                    answer(c[0], 200), c[1], null, r -> {
                        SoapReader.messages(r, c[1], x -> Xml.skip(x));
                        return null;
                    }), c[0]);
            String example = EwsStub.example(c[0]);
            assertTrue(example.contains("<m:ResponseCode>" + e.responseCode()
                    + "</m:ResponseCode>"), c[0] + ": " + e.responseCode());
            assertTrue(e.getMessage().contains(e.responseCode()), e.getMessage());
            assertTrue(e.getMessage().startsWith("Exchange refused " + c[1]), e.getMessage());
            if (c[2] != null) {
                assertEquals(c[2], e.responseCode());
                assertTrue(e.getMessage().contains(c[3]), e.getMessage());
            }
            assertFalse(e.serverBusy());
        }
    }
}
