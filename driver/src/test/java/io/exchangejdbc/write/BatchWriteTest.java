package io.exchangejdbc.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.FaultSpec;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multi-row statements and JDBC batches go to Graph in JSON batches of at most 20 requests;
 * per-item failures are reported per row, throttled items alone are sent again.
 */
class BatchWriteTest {

    private static List<LoggedRequest> batches() {
        List<LoggedRequest> out = new ArrayList<>();
        for (LoggedRequest r : WriteEmulator.writes()) {
            assertTrue(r.path().equals("/v1.0/$batch"), "only batches expected: " + r);
            out.add(r);
        }
        return out;
    }

    private static int items(LoggedRequest batch) {
        return batch.body().split("\"method\":").length - 1;
    }

    private static List<String> newDrafts(Connection c, String marker, int n) throws Exception {
        StringBuilder sql = new StringBuilder("INSERT INTO Messages (subject) VALUES ");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append("('").append(marker).append(' ').append(i)
                    .append("')");
        }
        List<String> ids = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            assertEquals(n, s.executeUpdate(sql.toString(), Statement.RETURN_GENERATED_KEYS));
            try (ResultSet keys = s.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getString(1));
                }
            }
        }
        return ids;
    }

    @Test
    void fortyFiveRowsGoInThreeBatches() throws Exception {
        String marker = "Batch45 " + System.nanoTime();
        try (Connection c = WriteEmulator.connect()) {
            WriteEmulator.get().clearRequestLog();
            List<String> ids = newDrafts(c, marker, 45);
            assertEquals(45, ids.size());
            List<LoggedRequest> batches = batches();
            assertEquals(3, batches.size());
            assertEquals(List.of(20, 20, 5), batches.stream().map(BatchWriteTest::items)
                    .toList());
            for (String id : ids) {
                Message m = WriteEmulator.mailbox().message(id).orElseThrow();
                assertTrue(m.subject().startsWith(marker));
            }

            WriteEmulator.get().clearRequestLog();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE Messages SET importance = ? WHERE id = ?")) {
                for (String id : ids) {
                    ps.setString(1, "high");
                    ps.setString(2, id);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                assertEquals(45, counts.length);
                for (int n : counts) {
                    assertEquals(1, n);
                }
            }
            assertEquals(List.of(20, 20, 5), batches().stream().map(BatchWriteTest::items)
                    .toList());
            for (String id : ids) {
                assertEquals("high", WriteEmulator.mailbox().message(id).orElseThrow()
                        .importance().graphName());
            }
        }
    }

    @Test
    void aFailedRowIsReportedAndTheOthersAreApplied() throws Exception {
        Mailbox box = WriteEmulator.mailbox();
        Message gone = box.addMessage(box.folder(WellKnownFolder.INBOX), Message.builder()
                .receivedDateTime(Instant.now()).body(ItemBody.text("x")));
        box.deleteMessage(gone);
        try (Connection c = WriteEmulator.connect()) {
            List<String> ids = newDrafts(c, "Partial " + System.nanoTime(), 2);
            WriteEmulator.get().clearRequestLog();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE Messages SET categories = ? WHERE id = ?")) {
                for (String id : List.of(ids.get(0), gone.id(), ids.get(1))) {
                    ps.setString(1, "[\"Batch\"]");
                    ps.setString(2, id);
                    ps.addBatch();
                }
                BatchUpdateException e = assertThrows(BatchUpdateException.class,
                        ps::executeBatch);
                assertArrayEquals(new int[] {1, Statement.EXECUTE_FAILED, 1},
                        e.getUpdateCounts());
                assertTrue(e.getMessage().contains("1 of 3 statements"), e.getMessage());
                assertTrue(e.getNextException().getMessage().contains("Statement 2"),
                        e.getNextException().getMessage());
                assertTrue(e.getNextException().getMessage().contains("404"));
            }
            assertEquals(1, batches().size());
            for (String id : ids) {
                assertEquals(List.of("Batch"), box.message(id).orElseThrow().categories());
            }
        }
    }

    @Test
    void throttledItemsAloneAreSentAgain() throws Exception {
        Emulator emulator = WriteEmulator.get();
        try (Connection c = WriteEmulator.connect()) {
            List<String> ids = newDrafts(c, "Throttled " + System.nanoTime(), 5);
            emulator.clearRequestLog();
            emulator.batchItemFaults().next(2, FaultSpec.status(429).header("Retry-After",
                    "1"));
            try (Statement s = c.createStatement()) {
                for (String id : ids) {
                    s.addBatch("UPDATE Messages SET isRead = false WHERE id = '" + id + "'");
                }
                int[] counts = s.executeBatch();
                assertArrayEquals(new int[] {1, 1, 1, 1, 1}, counts);
            }
            List<LoggedRequest> batches = batches();
            assertEquals(2, batches.size());
            assertEquals(5, items(batches.get(0)));
            assertEquals(2, items(batches.get(1)), "only the two throttled items again");
            for (String id : ids) {
                assertTrue(!WriteEmulator.mailbox().message(id).orElseThrow().isRead());
            }
        } finally {
            emulator.batchItemFaults().reset();
        }
    }

    @Test
    void theEmulatorRefusesMoreThanTwentyRequests() throws Exception {
        Emulator emulator = WriteEmulator.get();
        StringBuilder body = new StringBuilder("{\"requests\":[");
        for (int i = 1; i <= 21; i++) {
            body.append(i == 1 ? "" : ",").append("{\"id\":\"").append(i)
                    .append("\",\"method\":\"DELETE\",\"url\":\"/users/")
                    .append(emulator.demoUser().id()).append("/messages/none\"}");
        }
        body.append("]}");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.graphUrl() + "/v1.0/$batch"))
                .header("Authorization", "Bearer " + emulator.issueAppToken(
                        emulator.defaultClientId()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("limit of 20"), r.body());
    }

    @Test
    void aWriteWhoseAnswerIsLostIsNotSentAgain() throws Exception {
        Emulator emulator = WriteEmulator.get();
        try (Connection c = WriteEmulator.connect(); Statement s = c.createStatement()) {
            emulator.clearRequestLog();
            emulator.faults().next(FaultSpec.connectionReset());
            java.sql.SQLException e = assertThrows(java.sql.SQLException.class,
                    () -> s.executeUpdate("INSERT INTO Messages (subject) VALUES ('lost')"));
            assertTrue(e.getMessage().contains("may have been applied"), e.getMessage());
            assertEquals(1, WriteEmulator.writes().size(), "a write is never repeated blind");
        } finally {
            emulator.faults().reset();
        }
    }
}
