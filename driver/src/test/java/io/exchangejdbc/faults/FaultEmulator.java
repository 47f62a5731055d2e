package io.exchangejdbc.faults;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator of the fault tests, started once per test JVM: three mailboxes, the first with
 * enough messages for several pages, and helpers to run a query and collect its rows.
 */
final class FaultEmulator {

    /** Messages in the demo user's mailbox. */
    static final int MESSAGES = 600;

    private static Emulator emulator;

    private FaultEmulator() {
    }

    static synchronized Emulator get() {
        if (emulator == null) {
            emulator = Emulator.builder().seed(11).users(3).messagesForUser(0, MESSAGES)
                    .messagesPerUser(40).build().start();
            Emulator started = emulator;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return emulator;
    }

    static String url(String extra) {
        return "jdbc:exchange:" + get().connectionString() + extra;
    }

    static Connection connect(String extra) throws SQLException {
        return DriverManager.getConnection(url(extra));
    }

    /** Every row of a query as text, in the order read. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(rs.getString(i)).append('|');
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** Graph requests logged since the log was cleared whose path contains {@code part}. */
    static List<LoggedRequest> requests(String part) {
        List<LoggedRequest> out = new ArrayList<>();
        for (LoggedRequest r : get().requestLog()) {
            if (r.path().startsWith("/v1.0/") && r.path().contains(part)) {
                out.add(r);
            }
        }
        return out;
    }
}
