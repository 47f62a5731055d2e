package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code exsql --demo} end to end, in-process: the emulator starts, the real driver connects to
 * it over loopback with the service-principal flow, and the query's rows come out.
 */
class ExsqlDemoTest {

    /** An ISO-8601 timestamp in UTC, such as 2026-11-03T10:15:00Z. */
    private static final String ISO_UTC =
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

    /** A JSON string literal. */
    private static final String JSON_STRING = "\"(?:[^\"\\\\]|\\\\.)*\"";

    private final Captured out = new Captured();
    private final Captured err = new Captured();

    private int exsql(String stdin, String... args) {
        return Exsql.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                out.stream(), err.stream(), Map.of());
    }

    @Test
    void runsTheGivenQueryAgainstTheEmulator() {
        int status = exsql("", "--demo",
                "SELECT subject, from_emailAddress_address FROM Messages LIMIT 5");
        assertEquals(0, status, err.text());
        String[] lines = out.lines();
        assertEquals(List.of("subject", "from_emailAddress_address"),
                Arrays.stream(lines[0].split("\\|")).map(String::trim)
                        .collect(Collectors.toList()), out.text());
        assertTrue(lines[1].matches("-+\\+-+"), out.text());
        for (int i = 2; i < 7; i++) {
            String[] cells = lines[i].split(" \\| ");
            assertEquals(2, cells.length, lines[i]);
            assertTrue(cells[1].contains("@"), "an address: " + lines[i]);
        }
        assertEquals("(5 rows)", lines[7], out.text());
        assertEquals(9, lines.length, out.text());
    }

    @Test
    void saysWhatItStartedAndHowItConnected() {
        assertEquals(0, exsql("", "--demo", "SELECT subject FROM Messages LIMIT 1"), err.text());
        String said = err.text();
        assertTrue(said.startsWith("Started the Exchange emulator at http://127.0.0.1:"), said);
        assertTrue(said.contains("5 users, 200 messages each"), said);
        assertTrue(said.contains("AuthScheme=AzureServicePrincipal"), said);
    }

    @Test
    void writesJsonWithTypedValues() {
        assertEquals(0, exsql("", "--demo", "--format", "json",
                "SELECT subject, isRead, receivedDateTime FROM Messages LIMIT 3"), err.text());
        String[] lines = out.lines();
        assertEquals("[", lines[0], out.text());
        for (int i = 1; i <= 3; i++) {
            assertTrue(lines[i].matches("\\{\"subject\":(" + JSON_STRING + "|null),"
                    + "\"isRead\":(true|false),\"receivedDateTime\":\"" + ISO_UTC + "\"},?"),
                    lines[i]);
        }
        assertEquals("]", lines[4], out.text());
    }

    @Test
    void runsASampleQueryWhenGivenNoSql() {
        assertEquals(0, exsql("", "--demo"), err.text());
        assertTrue(out.text().contains("(10 rows)"), out.text());
    }

    @Test
    void readsStatementsFromStandardInput() {
        assertEquals(0, exsql("SELECT subject FROM Messages LIMIT 2;\n", "--demo",
                "--format", "csv"), err.text());
        assertEquals(3, out.text().split("\r\n").length, out.text());
    }

    @Test
    void reportsAnUnknownColumnAsOneErrorLineAndExitsOne() {
        assertEquals(1, exsql("", "--demo", "SELECT no_such_column FROM Messages"));
        String[] lines = err.lines();
        assertTrue(lines[1].startsWith("ERROR "), err.text());
        assertEquals(3, lines.length, err.text());
    }
}
