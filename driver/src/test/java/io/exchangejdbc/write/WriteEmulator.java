package io.exchangejdbc.write;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Mailbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An emulator of its own for the write tests, which change its store: a small tenant, started
 * on loopback once and stopped when the test JVM exits. Tests clear the request log and read
 * the store to check what changed.
 */
final class WriteEmulator {

    /** Client id of an application that may also write the directory. */
    static final String ADMIN_CLIENT_ID = "5b8f1c2d-3e4a-4b6c-9d7e-0f1a2b3c4d5e";
    static final String ADMIN_SECRET = "admin-secret-for-tests";

    private static Emulator emulator;

    private WriteEmulator() {
    }

    static synchronized Emulator get() {
        if (emulator == null) {
            emulator = Emulator.builder().seed(11).users(3).messagesPerUser(40).port(0)
                    .build().start();
            emulator.registerApp(ADMIN_CLIENT_ID, ADMIN_SECRET, Set.of("Mail.ReadWrite",
                    "User.ReadWrite.All"));
            Emulator started = emulator;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return emulator;
    }

    static Connection connect() throws SQLException {
        return connect("");
    }

    static Connection connect(String extra) throws SQLException {
        return DriverManager.getConnection("jdbc:exchange:" + get().connectionString() + extra);
    }

    /** A connection signed in as the application that may write the directory. */
    static Connection admin(String extra) throws SQLException {
        Emulator e = get();
        return DriverManager.getConnection("jdbc:exchange:AuthScheme=AzureServicePrincipal;"
                + "AzureTenant=" + e.tenantDomain() + ";OAuthClientId=" + ADMIN_CLIENT_ID
                + ";OAuthClientSecret=" + ADMIN_SECRET + ";GraphUrl=" + e.graphUrl()
                + ";LoginUrl=" + e.loginUrl() + ";UserId=" + e.demoUser().userPrincipalName()
                + ";" + extra);
    }

    static Mailbox mailbox() {
        return get().tenant().mailbox(get().demoUser());
    }

    /** The Graph requests (not sign-in) logged since the log was last cleared. */
    static List<LoggedRequest> graphRequests() {
        List<LoggedRequest> out = new ArrayList<>();
        for (LoggedRequest r : get().requestLog()) {
            if (r.path().startsWith("/v1.0/")) {
                out.add(r);
            }
        }
        return out;
    }

    /** The logged Graph requests that are not reads. */
    static List<LoggedRequest> writes() {
        List<LoggedRequest> out = new ArrayList<>();
        for (LoggedRequest r : graphRequests()) {
            if (!r.method().equals("GET")) {
                out.add(r);
            }
        }
        return out;
    }

    static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
