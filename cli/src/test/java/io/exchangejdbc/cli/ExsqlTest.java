package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a whole: where the connection string and the SQL come from, exit statuses. */
class ExsqlTest {

    private static final String CONNECTION = "AuthScheme=None;GraphUrl=http://127.0.0.1:1";

    private final FakeDatabase db = new FakeDatabase()
            .query("SELECT subject FROM Messages", () -> ResultSets.of(
                    new String[] {"subject"}, new int[] {Types.VARCHAR},
                    new Object[] {"Hello"}, new Object[] {"World"}))
            .update("UPDATE Messages SET isRead = true", 2)
            .fail("SELECT x", new SQLException("Column 'x' not found", "42S22"));
    private final Captured out = new Captured();
    private final Captured err = new Captured();
    private String stdin = "";
    private Map<String, String> env = Map.of();

    private int run(String... args) {
        return new Exsql(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                out.stream(), err.stream(), env, false, db.connector()).run(args);
    }

    @Test
    void runsTheSqlArgumentAndExitsZero() {
        assertEquals(0, run("-c", CONNECTION, "SELECT subject FROM Messages"));
        assertEquals("subject\n-------\nHello\nWorld\n(2 rows)\n", out.text());
        assertEquals(List.of("jdbc:exchange:" + CONNECTION), db.urls());
        assertTrue(db.closed());
    }

    @Test
    void acceptsTheConnectionStringWithItsJdbcPrefix() {
        assertEquals(0, run("-c", "jdbc:exchange:" + CONNECTION, "-e",
                "UPDATE Messages SET isRead = true"));
        assertEquals(List.of("jdbc:exchange:" + CONNECTION), db.urls());
        assertEquals("2 rows affected\n", out.text());
    }

    @Test
    void takesTheConnectionStringFromTheEnvironment() {
        env = Map.of("EXCHANGE_JDBC_URL", "jdbc:exchange:" + CONNECTION);
        assertEquals(0, run("--format", "csv", "SELECT subject FROM Messages"));
        assertEquals(List.of("jdbc:exchange:" + CONNECTION), db.urls());
        assertEquals("subject\r\nHello\r\nWorld\r\n", out.text());
    }

    @Test
    void runsSeveralStatementsInOrder() {
        assertEquals(0, run("-c", CONNECTION, "-e",
                "UPDATE Messages SET isRead = true; SELECT subject FROM Messages;"));
        assertEquals(List.of("UPDATE Messages SET isRead = true", "SELECT subject FROM Messages"),
                db.executed());
    }

    @Test
    void exitsOneWithOneErrorLineWhenAStatementFails() {
        assertEquals(1, run("-c", CONNECTION, "SELECT x; SELECT subject FROM Messages"));
        assertEquals("ERROR [42S22] Column 'x' not found\n", err.text());
        assertEquals(List.of("SELECT x"), db.executed());
        assertTrue(db.closed());
    }

    @Test
    void exitsOneWhenTheConnectionFails() {
        Exsql exsql = new Exsql(new ByteArrayInputStream(new byte[0]), out.stream(),
                err.stream(), Map.of(), false, url -> {
                    throw new SQLException("AADSTS7000215: Invalid client secret provided.",
                            "28000");
                });
        assertEquals(1, exsql.run(new String[] {"-c", CONNECTION, "SELECT 1"}));
        assertEquals("ERROR [28000] AADSTS7000215: Invalid client secret provided.\n",
                err.text());
    }

    @Test
    void masksSecretsInErrorMessagesThatQuoteTheConnectionString() {
        Exsql exsql = new Exsql(new ByteArrayInputStream(new byte[0]), out.stream(),
                err.stream(), Map.of(), false, url -> {
                    throw new SQLException("No suitable driver found for " + url, "08001");
                });
        assertEquals(1, exsql.run(new String[] {"-v", "-c",
            "AuthScheme=AzureServicePrincipal;OAuthClientId=app;OAuthClientSecret='s3cr;et';"
                    + "UserId=a@b", "SELECT 1"}));
        assertEquals("ERROR [08001] No suitable driver found for jdbc:exchange:"
                + "AuthScheme=AzureServicePrincipal;OAuthClientId=app;OAuthClientSecret=****;"
                + "UserId=a@b", err.lines()[0]);
        assertFalse(err.text().contains("s3cr"), err.text());
    }

    @Test
    void runsAScriptFile(@TempDir Path dir) throws IOException {
        db.query("SELECT subject\n  FROM Messages", () -> ResultSets.of(
                new String[] {"subject"}, new int[] {Types.VARCHAR}, new Object[] {"Hello"}));
        Path script = dir.resolve("script.sql");
        Files.writeString(script, "-- mark all read\nUPDATE Messages SET isRead = true;\n"
                + "SELECT subject\n  FROM Messages;\n");
        assertEquals(0, run("-c", CONNECTION, "-f", script.toString()));
        assertEquals(List.of("UPDATE Messages SET isRead = true",
                "SELECT subject\n  FROM Messages"), db.executed());
    }

    @Test
    void readsStatementsPipedToStandardInput() {
        stdin = "UPDATE Messages SET isRead = true;\n\\format json\n"
                + "SELECT subject FROM Messages;\n";
        assertEquals(0, run("-c", CONNECTION));
        assertEquals("2 rows affected\n[\n{\"subject\":\"Hello\"},\n{\"subject\":\"World\"}\n]\n",
                out.text());
    }

    @Test
    void exitsTwoWithoutConnectionString() {
        assertEquals(2, run("SELECT 1"));
        assertEquals("exsql: no connection string: give -c \"Name=Value;...\" or set "
                + "EXCHANGE_JDBC_URL, or try --demo\nTry 'exsql --help' for the options.\n",
                err.text());
        assertTrue(db.urls().isEmpty());
    }

    @Test
    void exitsTwoOnABadOption() {
        assertEquals(2, run("-c", CONNECTION, "--format", "xml", "SELECT 1"));
        assertEquals("exsql: unknown format 'xml'; use table, csv or json", err.lines()[0]);
        assertTrue(db.urls().isEmpty());
    }

    @Test
    void exitsTwoWhenTheScriptFileIsMissing(@TempDir Path dir) {
        assertEquals(2, run("-c", CONNECTION, "-f", dir.resolve("none.sql").toString()));
        assertTrue(err.lines()[0].startsWith("exsql: cannot read the file "), err.text());
        assertTrue(db.urls().isEmpty());
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.text().startsWith("Usage: exsql [options] [SQL]\n"), out.text());
        assertTrue(out.text().contains("--max-width N"));
    }

    @Test
    void versionPrintsTheVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out.text().startsWith("exsql "), out.text());
    }
}
