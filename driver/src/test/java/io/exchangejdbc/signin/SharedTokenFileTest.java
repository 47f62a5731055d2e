package io.exchangejdbc.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.AppRegistration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes refreshing through one token file: refresh tokens are single use and rotate, so
 * only a file changed under its lock, read afresh before each refresh, keeps both working across
 * several expiries of two-second tokens; the file is valid JSON throughout and afterwards.
 */
class SharedTokenFileTest {

    private static final String WEB_ID = "6e8a0c2e-4f6b-4d8f-a1c3-5e7a9c1e3f5b";
    private static final String WEB_SECRET = "shared~Web.Secret-3";
    private static final String CALLBACK = "https://app.contoso.com/shared";
    private static final int MESSAGES = 12;
    private static Emulator emu;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().users(1).messagesPerUser(MESSAGES)
                .tokenLifetime(Duration.ofSeconds(2)).build().start();
        emu.registerApp(new AppRegistration(WEB_ID, "Shared web app", WEB_SECRET, Set.of(),
                Emulator.DEFAULT_DELEGATED_SCOPES, Set.of(CALLBACK), List.of()));
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static String web() {
        return "jdbc:exchange:AuthScheme=AzureAD;GraphUrl=" + emu.graphUrl() + ";LoginUrl="
                + emu.loginUrl() + ";AzureTenant=" + emu.tenantDomain() + ";OAuthClientId="
                + WEB_ID + ";OAuthClientSecret='" + WEB_SECRET + "';CallbackURL=" + CALLBACK
                + ";Pagesize=5;";
    }

    @Test
    void twoProcessesRefreshingThroughOneFileBothKeepWorking() throws Exception {
        String[] tokens = SignInSupport.webSignIn(emu, web());
        Path file = dir.resolve("shared").resolve("tokens.json");
        try (Connection c = DriverManager.getConnection(web() + "InitiateOAuth=REFRESH;"
                + "OAuthRefreshToken='" + tokens[1] + "';OAuthSettingsLocation=" + file + ";")) {
            assertEquals(MESSAGES, SignInSupport.count(c, "SELECT id FROM Messages"));
        }
        String shared = web() + "InitiateOAuth=REFRESH;OAuthSettingsLocation=" + file + ";";
        int rounds = 8;
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"),
                SharedTokenFileWorker.class.getName(), shared, String.valueOf(rounds),
                String.valueOf(MESSAGES)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("worker.out").toFile()).start();
        try {
            for (int i = 0; i < rounds; i++) {
                try (Connection c = DriverManager.getConnection(shared)) {
                    for (int j = 0; j < 5; j++) {
                        assertEquals(MESSAGES, SignInSupport.count(c,
                                "SELECT id FROM Messages"));
                        Map<String, Object> stored = TokenFiles.read(file);
                        assertEquals(WEB_ID, stored.get("clientId"));
                        Thread.sleep(60);
                    }
                }
            }
            assertTrue(other.waitFor(2, TimeUnit.MINUTES), "the other process ended");
            String out = Files.readString(dir.resolve("worker.out"), StandardCharsets.UTF_8);
            assertEquals(0, other.exitValue(), out);
        } finally {
            other.destroyForcibly();
        }
        Map<String, Object> stored = TokenFiles.read(file);
        assertTrue(stored.get("refreshToken") instanceof String);
        assertTrue(stored.get("expiresAt") instanceof Long);
        long refreshes = emu.requestLog().stream()
                .filter(r -> r.path().endsWith("/oauth2/v2.0/token")).count();
        assertTrue(refreshes >= 4, "several expiries were crossed: " + refreshes);
    }
}
