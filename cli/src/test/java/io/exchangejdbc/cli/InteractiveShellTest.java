package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Types;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive shell driven through a scripted terminal. */
class InteractiveShellTest {

    private final FakeDatabase db = new FakeDatabase()
            .query("SELECT subject\nFROM Messages", () -> ResultSets.of(
                    new String[] {"subject"}, new int[] {Types.VARCHAR}, new Object[] {"Hi"}))
            .query("SELECT 'a;b' AS x", () -> ResultSets.of(
                    new String[] {"x"}, new int[] {Types.VARCHAR}, new Object[] {"a;b"}));
    private final Captured out = new Captured();
    private final Captured err = new Captured();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private void type(String input, Path history) throws IOException {
        Connection connection = db.connection();
        SqlSession session = new SqlSession(connection, ResultFormat.TABLE, 60, false,
                out.stream(), err.stream());
        // A plain stream terminal that reports an ANSI type, so JLine draws prompts as on a
        // real one (on a "dumb" type it leaves out the continuation prompt).
        try (Terminal terminal = new DumbTerminal("test", "ansi",
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), screen,
                StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(120, 40));
            InteractiveShell.run(session, connection, terminal, history, "banner line");
        }
    }

    @Test
    void runsAStatementOnceALineEndsItWithSemicolon(@TempDir Path dir) throws IOException {
        type("SELECT subject\nFROM Messages;\n\\q\n", dir.resolve("history"));
        assertEquals(List.of("SELECT subject\nFROM Messages"), db.executed());
        assertEquals("subject\n-------\nHi\n(1 row)\n", out.text());
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("banner line"), shown);
        assertTrue(shown.contains(InteractiveShell.PROMPT), shown);
        assertTrue(shown.contains(InteractiveShell.CONTINUATION_PROMPT), shown);
    }

    @Test
    void separatesResultsOfOneLineButNotOfSuccessiveLines(@TempDir Path dir)
            throws IOException {
        type("SELECT 'a;b' AS x; SELECT 'a;b' AS x;\nSELECT 'a;b' AS x;\n",
                dir.resolve("history"));
        String table = "x\n---\na;b\n(1 row)\n";
        assertEquals(table + "\n" + table + table, out.text());
    }

    @Test
    void semicolonInsideLiteralDoesNotEndTheStatement(@TempDir Path dir) throws IOException {
        type("SELECT 'a;b' AS x;\n", dir.resolve("history"));
        assertEquals(List.of("SELECT 'a;b' AS x"), db.executed());
    }

    @Test
    void runsCommandsAndKeepsHistory(@TempDir Path dir) throws IOException {
        Path history = dir.resolve("history");
        type("\\format csv\nSELECT 'a;b' AS x;\nquit\n", history);
        assertEquals("x\r\na;b\r\n", out.text());
        String saved = Files.readString(history, StandardCharsets.UTF_8);
        assertTrue(saved.contains("\\\\format csv"), saved);
        assertTrue(saved.contains("SELECT 'a;b' AS x;"), saved);
    }

    @Test
    void goesOnAfterAnErrorAndEndsAtEndOfInput(@TempDir Path dir) throws IOException {
        type("SELECT nope;\nSELECT 'a;b' AS x;\n", dir.resolve("history"));
        assertEquals(List.of("SELECT nope", "SELECT 'a;b' AS x"), db.executed());
        assertEquals("ERROR [42000] Unknown statement: SELECT nope\n", err.text());
        assertTrue(out.text().contains("a;b"), out.text());
    }
}
