package io.exchangejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.LoggedRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.Test;

/** A prepared statement is parsed and planned once; its parameters reach the request each run. */
class PreparedPlanTest {

    @Test
    void executionsBindParametersIntoTheRequestWithoutPlanningAgain() throws Exception {
        AtomicInteger plans = new AtomicInteger();
        try (Connection c = SharedEmulator.connect();
             Hook.Closeable hook = Hook.PARSE_TREE.addThread((java.util.function.Consumer<Object>) x -> plans.incrementAndGet())) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT subject FROM Messages WHERE subject = ? AND isRead = ?")) {
                assertEquals(1, plans.get(), "planned when prepared");
                String[] subjects = {"O'Brien", "Quarterly review"};
                for (int i = 0; i < subjects.length; i++) {
                    SharedEmulator.get().clearRequestLog();
                    ps.setString(1, subjects[i]);
                    ps.setBoolean(2, i == 0);
                    SharedEmulator.rows(ps.executeQuery());
                    List<LoggedRequest> requests = SharedEmulator.graphRequests();
                    assertEquals(1, requests.size());
                    String expectedSubject = subjects[i].replace("'", "''");
                    assertEquals("subject eq '" + expectedSubject + "' and isRead eq "
                            + (i == 0), requests.get(0).queryParam("$filter"));
                }
                assertEquals(1, plans.get(), "no planning at execution");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT subject FROM Messages WHERE isRead = ? LIMIT ?")) {
                assertEquals(2, plans.get());
                for (int top : new int[] {3, 8}) {
                    SharedEmulator.get().clearRequestLog();
                    ps.setBoolean(1, false);
                    ps.setInt(2, top);
                    assertEquals(top, SharedEmulator.rows(ps.executeQuery()).size());
                    List<LoggedRequest> requests = SharedEmulator.graphRequests();
                    assertEquals(1, requests.size());
                    assertEquals(String.valueOf(top), requests.get(0).queryParam("$top"));
                    assertEquals("isRead eq false", requests.get(0).queryParam("$filter"));
                }
                assertEquals(2, plans.get(), "no planning at execution");
            }
        }
        assertTrue(plans.get() >= 1);
    }
}
