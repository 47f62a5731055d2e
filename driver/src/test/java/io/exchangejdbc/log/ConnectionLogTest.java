package io.exchangejdbc.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.config.ExchangeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Logfile: levels, modules, redaction and rotation. */
class ConnectionLogTest {

    @TempDir
    Path dir;

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-03T10:15:00Z"), ZoneOffset.UTC);

    private List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void messagesAboveTheVerbosityAreNotWritten() throws Exception {
        Path file = dir.resolve("driver.log");
        try (ConnectionLog log = ConnectionLog.toFile(file, Verbosity.REQUESTS,
                EnumSet.allOf(LogModule.class), 1 << 20, 0, Redactor.PATTERNS_ONLY, CLOCK)) {
            log.log(LogModule.GRAPH, Verbosity.SUMMARY, "one");
            log.log(LogModule.HTTP, Verbosity.REQUESTS, "two");
            log.log(LogModule.HTTP, Verbosity.HEADERS, "three");
            assertFalse(log.isEnabled(LogModule.HTTP, Verbosity.BODIES));
        }
        List<String> lines = lines(file);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("2026-11-03T10:15:00Z [graph] 1 [" + Thread.currentThread().getName()
                + "] one", lines.get(0));
        assertTrue(lines.get(1).endsWith("two"));
    }

    @Test
    void onlyTheSelectedModulesAreWritten() throws Exception {
        Path file = dir.resolve("modules.log");
        try (ConnectionLog log = ConnectionLog.toFile(file, Verbosity.TRANSPORT,
                LogModule.parse("auth, Graph"), 1 << 20, 0, Redactor.PATTERNS_ONLY, CLOCK)) {
            log.log(LogModule.HTTP, Verbosity.SUMMARY, "http");
            log.log(LogModule.AUTH, Verbosity.SUMMARY, "auth");
            log.log(LogModule.GRAPH, Verbosity.SUMMARY, "graph");
        }
        List<String> lines = lines(file);
        assertEquals(2, lines.size(), lines.toString());
    }

    @Test
    void secretsNeverReachTheFile() throws Exception {
        Path file = dir.resolve("secrets.log");
        try (ConnectionLog log = ConnectionLog.toFile(file, Verbosity.TRANSPORT,
                EnumSet.allOf(LogModule.class), 1 << 20, 0,
                Redactor.of(List.of("my-client-secret")), CLOCK)) {
            log.log(LogModule.AUTH, Verbosity.BODIES,
                    "client_id=a&client_secret=my-client-secret&scope=x");
            log.log(LogModule.HTTP, Verbosity.HEADERS, "Authorization: Bearer abcdefgh.1234");
            log.error(LogModule.AUTH, "sign-in failed",
                    new IllegalStateException("secret my-client-secret refused"));
        }
        String text = Files.readString(file);
        assertFalse(text.contains("my-client-secret"), text);
        assertFalse(text.contains("abcdefgh"), text);
        assertTrue(text.contains("client_secret=****"), text);
    }

    @Test
    void theFileIsRotatedAtItsMaximumSizeKeepingTheNewestFiles() throws Exception {
        Path file = dir.resolve("rot.log");
        String line = "x".repeat(85);
        for (int round = 0; round < 4; round++) {
            Clock clock = Clock.fixed(Instant.parse("2026-11-03T10:15:0" + round + "Z"),
                    ZoneOffset.UTC);
            try (ConnectionLog log = ConnectionLog.toFile(file, Verbosity.SUMMARY,
                    EnumSet.allOf(LogModule.class), 300, 2, Redactor.PATTERNS_ONLY, clock)) {
                for (int i = 0; i < 3; i++) {
                    log.log(LogModule.JDBC, Verbosity.SUMMARY, line);
                }
            }
        }
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
        }
        // 12 lines of ~100 bytes, 2 per 300-byte file: the live file and the 2 newest rotated.
        assertEquals(3, names.size(), names.toString());
        assertTrue(names.contains("rot.log"), names.toString());
        for (String n : names) {
            assertTrue(Files.size(dir.resolve(n)) <= 300, n);
            assertTrue(n.equals("rot.log")
                    || n.matches("rot-20261103-1015\\d\\d-000(-\\d+)?\\.log"), n);
        }
    }

    @Test
    void connectionsNamingOneFileShareIt() throws Exception {
        Path file = dir.resolve("shared.log");
        ConnectionLog a = ConnectionLog.toFile(file, Verbosity.SUMMARY,
                EnumSet.allOf(LogModule.class), 1 << 20, 0, Redactor.PATTERNS_ONLY, CLOCK);
        ConnectionLog b = ConnectionLog.toFile(file, Verbosity.SUMMARY,
                EnumSet.allOf(LogModule.class), 1 << 20, 0, Redactor.PATTERNS_ONLY, CLOCK);
        a.log(LogModule.JDBC, Verbosity.SUMMARY, "from a");
        a.close();
        b.log(LogModule.JDBC, Verbosity.SUMMARY, "from b");
        b.close();
        assertEquals(2, lines(file).size());
    }

    @Test
    void theConfigurationChoosesFileLevelAndSecrets() throws Exception {
        Path file = dir.resolve("config.log");
        ExchangeConfig config = ExchangeConfig.fromConnectionString("Logfile=" + file
                + ";Verbosity=3;AuthScheme=AzureServicePrincipal;AzureTenant=t;"
                + "OAuthClientId=c;OAuthClientSecret=very-secret-value");
        try (ConnectionLog log = ConnectionLog.open(config)) {
            assertEquals(Verbosity.HEADERS, log.verbosity());
            log.log(LogModule.AUTH, Verbosity.HEADERS, "posting very-secret-value");
        }
        String text = Files.readString(file);
        assertTrue(text.contains("posting ****"), text);
    }

    @Test
    void aLogfileInAMissingFolderIsAConnectionError() {
        SQLException e = assertThrows(SQLException.class, () -> ConnectionLog.toFile(
                dir.resolve("missing/driver.log"), Verbosity.SUMMARY,
                EnumSet.allOf(LogModule.class), 100, 0, Redactor.PATTERNS_ONLY, CLOCK));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("Logfile"), e.getMessage());
    }
}
