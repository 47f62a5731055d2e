package io.exchangejdbc.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.AppRegistration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop sign-in ({@code InitiateOAuth=GETANDREFRESH}) with no browser to open: the driver
 * prints the authorize URL, a user signs in at it, the redirect reaches the driver's loopback
 * listener and the waiting query returns its rows; the next connection uses the stored tokens.
 * Also: a redirect with a forged state is refused, and the log at Verbosity=5 keeps no secret.
 */
class DesktopFlowTest {

    private static final String CUSTOM_ID = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final String CUSTOM_SECRET = "desk~Top.Secret-77";
    private static Emulator emu;
    private static String user;
    private static String password;
    private static String previousBrowser;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        previousBrowser = System.setProperty("exchangejdbc.browser", "none");
        emu = Emulator.builder().users(2).messagesPerUser(12).build().start();
        emu.registerApp(new AppRegistration(CUSTOM_ID, "Contoso desktop tool", CUSTOM_SECRET,
                Set.of(), Emulator.DEFAULT_DELEGATED_SCOPES, Set.of("http://localhost"),
                List.of()));
        user = emu.demoUser().userPrincipalName();
        password = emu.demoUser().password();
    }

    @AfterAll
    static void stop() {
        emu.close();
        if (previousBrowser == null) {
            System.clearProperty("exchangejdbc.browser");
        } else {
            System.setProperty("exchangejdbc.browser", previousBrowser);
        }
    }

    private String url(String client, int port, Path tokens, Path log) {
        return "jdbc:exchange:AuthScheme=AzureAD;InitiateOAuth=GETANDREFRESH;GraphUrl="
                + emu.graphUrl() + ";LoginUrl=" + emu.loginUrl() + ";AzureTenant="
                + emu.tenantDomain() + ";CallbackURL=http://localhost:" + port
                + ";OAuthSettingsLocation=" + tokens + ";Logfile=" + log + ";Verbosity=5;"
                + client;
    }

    /** Signs in at the printed URL and follows the redirect; returns the redirect. */
    private static String playUser(Path log, int n, int port) throws Exception {
        String authorize = SignInSupport.printedUrl(log, n);
        assertTrue(authorize.startsWith(emu.loginUrl() + "/"), authorize);
        Browser browser = new Browser();
        String location = browser.signIn(authorize, user, password);
        assertTrue(location.startsWith("http://localhost:" + port + "?"), location);
        assertEquals(200, browser.follow(location));
        return location;
    }

    private List<String> signInThenReuse(String client, List<String> secrets) throws Exception {
        int port = SignInSupport.freePort();
        Path tokens = dir.resolve("tokens.json");
        Path log = dir.resolve("desktop.log");
        String jdbc = url(client, port, tokens, log);
        try (Connection c = DriverManager.getConnection(jdbc)) {
            Future<Integer> rows = pool.submit(() -> SignInSupport.count(c,
                    "SELECT subject FROM Messages"));
            String location = playUser(log, 1, port);
            assertEquals(12, SignInSupport.await(rows));
            secrets.add(Browser.param(location, "code"));
        }
        // A second connection: the stored tokens, no new sign-in address.
        try (Connection c = DriverManager.getConnection(jdbc)) {
            Future<Integer> rows = pool.submit(() -> SignInSupport.count(c,
                    "SELECT subject FROM Messages"));
            assertEquals(12, SignInSupport.await(rows));
        }
        assertEquals(1, SignInSupport.printedUrls(log).size());
        Map<String, Object> stored = TokenFiles.read(tokens);
        secrets.add((String) stored.get("accessToken"));
        secrets.add((String) stored.get("refreshToken"));
        secrets.add(password);
        String text = SignInSupport.readLog(log);
        SignInSupport.assertNoSecret("the log", text, secrets);
        return secrets;
    }

    @Test
    void theBuiltInClientSignsInThroughThePrintedAddressAndReusesTheStoredTokens()
            throws Exception {
        signInThenReuse("", new ArrayList<>());
    }

    @Test
    void aCustomClientWithASecretSignsInTheSameWay() throws Exception {
        List<String> secrets = new ArrayList<>();
        secrets.add(CUSTOM_SECRET);
        signInThenReuse("OAuthClientId=" + CUSTOM_ID + ";OAuthClientSecret='" + CUSTOM_SECRET
                + "';", secrets);
        Map<String, Object> stored = TokenFiles.read(dir.resolve("tokens.json"));
        assertEquals(CUSTOM_ID, stored.get("clientId"));
    }

    @Test
    void aRedirectWithAForgedStateIsRefusedByTheListenerAndTheQuery() throws Exception {
        int port = SignInSupport.freePort();
        Path log = dir.resolve("forged.log");
        try (Connection c = DriverManager.getConnection(url("", port,
                dir.resolve("forged.json"), log))) {
            Future<Integer> rows = pool.submit(() -> SignInSupport.count(c,
                    "SELECT subject FROM Messages"));
            String authorize = SignInSupport.printedUrl(log, 1);
            Browser browser = new Browser();
            String location = browser.signIn(authorize, user, password);
            String state = Browser.param(location, "state");
            String forged = location.replace("state=" + state, "state=forged-" + state);
            assertEquals(400, browser.follow(forged));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> SignInSupport.await(rows));
            SQLException sql = (SQLException) e.getCause();
            assertEquals("28000", WebFlowTest.sqlState(sql), WebFlowTest.message(sql));
            assertTrue(WebFlowTest.message(sql).contains("state"), WebFlowTest.message(sql));
            SignInSupport.assertNoSecret("the message", SignInSupport.messages(sql),
                    List.of(Browser.param(location, "code"), password));
        }
        assertTrue(Files.notExists(dir.resolve("forged.json")));
    }
}
