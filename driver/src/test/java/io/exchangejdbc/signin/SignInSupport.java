package io.exchangejdbc.signin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sign-in tests share: a free loopback port, the authorize URL the desktop sign-in
 * prints in its log, counting rows, and the check that a text carries no secret.
 */
final class SignInSupport {

    /** What a JSON Web Token looks like, wherever it appears. */
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.");
    private static final Pattern PRINTED_URL = Pattern.compile(
            "open this address in a browser: (\\S+)");

    private SignInSupport() {
    }

    /** A TCP port nobody listens on at the moment. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Waits for the n-th authorize URL the desktop sign-in writes to a log file (1 for the first)
     * and returns it; gives up after a minute.
     */
    static String printedUrl(Path log, int n) throws Exception {
        for (int i = 0; i < 6000; i++) {
            List<String> urls = printedUrls(log);
            if (urls.size() >= n) {
                return urls.get(n - 1);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no sign-in address in " + log);
    }

    /** Every authorize URL printed in a log file so far. */
    static List<String> printedUrls(Path log) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.exists(log)) {
            return out;
        }
        Matcher m = PRINTED_URL.matcher(Files.readString(log));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The result of a query running in another thread; when it does not come within a minute,
     * fails with the stacks of every thread, to show where it waits.
     */
    static <T> T await(Future<T> future) throws Exception {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            StringBuilder sb = new StringBuilder("no result within a minute; threads:\n");
            for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces()
                    .entrySet()) {
                sb.append(t.getKey()).append('\n');
                for (StackTraceElement f : t.getValue()) {
                    sb.append("    ").append(f).append('\n');
                }
            }
            System.err.println(sb);
            throw new AssertionError("no result within a minute", e);
        }
    }

    /**
     * Signs the demo user in to a web application through the OAuth procedures and returns the
     * access token, the refresh token and the code of the redirect.
     *
     * @param base a connection string with GraphUrl, LoginUrl, AzureTenant, OAuthClientId,
     *             OAuthClientSecret and CallbackURL
     */
    static String[] webSignIn(Emulator emu, String base) throws Exception {
        try (Connection c = DriverManager.getConnection(base + "InitiateOAuth=OFF;");
                Statement s = c.createStatement()) {
            String url;
            try (ResultSet rs = s.executeQuery("EXEC GetOAuthAuthorizationURL @State = 'w'")) {
                assertTrue(rs.next());
                url = rs.getString(1);
            }
            String location = new Browser().signIn(url, emu.demoUser().userPrincipalName(),
                    emu.demoUser().password());
            String code = Browser.param(location, "code");
            try (ResultSet rs = s.executeQuery("EXEC GetOAuthAccessToken @Verifier = '" + code
                    + "'")) {
                assertTrue(rs.next());
                return new String[] {rs.getString(1), rs.getString(2), code};
            }
        }
    }

    /** Counts the rows of a query. */
    static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    /** Asserts that a text holds none of the secrets and nothing that looks like a JWT. */
    static void assertNoSecret(String where, String text, Collection<String> secrets) {
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) {
                assertFalse(text.contains(s), where + " holds a secret of " + s.length()
                        + " characters");
            }
        }
        Matcher m = JWT.matcher(text);
        assertFalse(m.find(), () -> where + " holds a JWT-looking string at " + m.start());
    }

    /** The messages of an exception and its causes, for the check above. */
    static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }

    /** Asserts that a log file exists and is not empty, so that grepping it shows something. */
    static String readLog(Path log) throws IOException {
        assertTrue(Files.size(log) > 0, "empty log " + log);
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(log.getParent())) {
            for (Path p : files.filter(p -> p.getFileName().toString()
                    .startsWith(log.getFileName().toString())).toList()) {
                all.append(Files.readString(p));
            }
        }
        return all.toString();
    }
}
