package io.exchangejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.FaultSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full run at the highest {@code Verbosity}, failures included, leaves no secret, token or
 * password in the log file or in any exception message.
 */
class SecretsInLogTest {

    /** A JWT: three base64url parts, the first one a JSON header ({"...). */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    @Test
    void fullRunAtVerbosityFiveLogsNoSecret(@TempDir Path dir) throws Exception {
        Emulator emu = SharedEmulator.get();
        Path log = dir.resolve("driver.log");
        String userToken = emu.issueUserToken(emu.store().users().get(0).userPrincipalName());
        List<String> messages = new ArrayList<>();
        String logging = "Logfile=" + log + ";Verbosity=5;";
        try (Connection c = SharedEmulator.connect(logging)) {
            SharedEmulator.rows(c, "SELECT subject, body_content FROM Messages LIMIT 30");
            SharedEmulator.rows(c, "SELECT displayName FROM Users");
            emu.faults().next(FaultSpec.status(429).header("Retry-After", "0"));
            SharedEmulator.rows(c, "SELECT id FROM MailFolders");
            messages.add(fails(c, "SELECT * FROM Messages WHERE UserId = 'nobody@nowhere.test'"));
            messages.add(fails(c, "SELEC 1"));
        }
        String badSecret = "Wr0ng~" + emu.defaultClientSecret();
        String wrong = SharedEmulator.url(logging).replace(emu.defaultClientSecret(), badSecret);
        try (Connection c = DriverManager.getConnection(wrong)) {
            messages.add(fails(c, "SELECT subject FROM Messages LIMIT 1"));
        }
        String delegated = "jdbc:exchange:AuthScheme=AzureAD;InitiateOAuth=OFF;OAuthAccessToken="
                + userToken + ";GraphUrl=" + emu.graphUrl() + ";" + logging;
        try (Connection c = DriverManager.getConnection(delegated)) {
            SharedEmulator.rows(c, "SELECT subject FROM Messages LIMIT 3");
            messages.add(fails(c, "SELECT subject FROM Messages WHERE UserId = '"
                    + emu.store().users().get(1).userPrincipalName() + "'"));
        }
        String text = Files.readString(log);
        assertTrue(text.contains("/v1.0/"), "the log records the requests");
        assertTrue(text.length() > 1000, "a verbose log");
        for (String secret : List.of(emu.defaultClientSecret(), badSecret, userToken)) {
            assertFalse(text.contains(secret), "a secret in the log");
            for (String m : messages) {
                assertFalse(m.contains(secret), "a secret in: " + m);
            }
        }
        Matcher jwt = JWT.matcher(text);
        assertFalse(jwt.find(), () -> "a token in the log near: "
                + text.substring(Math.max(0, jwt.start() - 80), Math.min(text.length(),
                        jwt.end())));
        assertFalse(text.toLowerCase().contains("client_secret=" + emu.defaultClientSecret()
                .substring(0, 4).toLowerCase()));
    }

    private static String fails(Connection c, String sql) {
        try {
            SharedEmulator.rows(c, sql);
        } catch (SQLException e) {
            StringBuilder sb = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                sb.append(t).append('\n');
            }
            return sb.toString();
        }
        throw new AssertionError("expected a failure: " + sql);
    }
}
