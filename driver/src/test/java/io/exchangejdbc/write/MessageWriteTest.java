package io.exchangejdbc.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INSERT, UPDATE and DELETE on Messages, against the emulator. */
class MessageWriteTest {

    @Test
    void insertCreatesADraftAndReturnsItsId() throws Exception {
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            WriteEmulator.get().clearRequestLog();
            int n = s.executeUpdate("INSERT INTO Messages (subject, body_content,"
                    + " body_contentType, toRecipients, importance, categories) VALUES"
                    + " ('Quarterly plan', 'See attached', 'text',"
                    + " '[{\"emailAddress\":{\"address\":\"bob@contoso.com\",\"name\":\"Bob\"}}]',"
                    + " 'high', '[\"Blue category\"]')", Statement.RETURN_GENERATED_KEYS);
            assertEquals(1, n);
            String id;
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                id = keys.getString(1);
                assertFalse(keys.next());
            }
            Message m = WriteEmulator.mailbox().message(id).orElseThrow();
            assertTrue(m.isDraft());
            assertEquals(WriteEmulator.mailbox().folder(WellKnownFolder.DRAFTS), m.folder());
            assertEquals("Quarterly plan", m.subject());
            assertEquals("bob@contoso.com", m.toRecipients().get(0).address());
            assertEquals(List.of("Blue category"), m.categories());
            List<LoggedRequest> writes = WriteEmulator.writes();
            assertEquals(1, writes.size());
            assertEquals("POST", writes.get(0).method());
            assertTrue(writes.get(0).path().endsWith("/messages"), writes.get(0).path());
            assertTrue(writes.get(0).body().contains("\"importance\":\"high\""));
        }
    }
}
