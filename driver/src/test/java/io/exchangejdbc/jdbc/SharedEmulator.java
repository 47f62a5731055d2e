package io.exchangejdbc.jdbc;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One emulator for the driver's JDBC tests, started on loopback the first time a test asks for
 * it and stopped when the test JVM exits; tests read its store for the expected answers and its
 * request log for what the driver asked.
 */
final class SharedEmulator {

    /** Messages per mailbox: enough for several pages at the driver's page sizes. */
    static final int MESSAGES_PER_USER = 2500;

    private static Emulator emulator;

    private SharedEmulator() {
    }

    static synchronized Emulator get() {
        if (emulator == null) {
            emulator = Emulator.builder().seed(7).users(3).messagesPerUser(MESSAGES_PER_USER)
                    .port(0).build().start();
            Emulator started = emulator;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return emulator;
    }

    /** The emulator's ready connection string, as a JDBC URL, plus extra properties. */
    static String url(String extra) {
        return "jdbc:exchange:" + get().connectionString() + (extra == null ? "" : extra);
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(null));
    }

    static Connection connect(String extra) throws SQLException {
        return DriverManager.getConnection(url(extra));
    }

    /** The Graph requests the emulator received since the log was last cleared. */
    static List<LoggedRequest> graphRequests() {
        List<LoggedRequest> out = new ArrayList<>();
        for (LoggedRequest r : get().requestLog()) {
            if (r.path().startsWith("/v1.0/")) {
                out.add(r);
            }
        }
        return out;
    }

    /** All rows of a query, each as an array of its column values. */
    static List<Object[]> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    static List<Object[]> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<Object[]> out = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[md.getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            out.add(row);
        }
        return out;
    }

    /** The first column of every row. */
    static List<Object> column(Connection c, String sql) throws SQLException {
        List<Object> out = new ArrayList<>();
        for (Object[] row : rows(c, sql)) {
            out.add(row[0]);
        }
        return out;
    }
}
