package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Running a script line by line: statements, commands, errors. */
class ScriptRunnerTest {

    private final FakeDatabase db = new FakeDatabase()
            .query("SELECT 'a;b' AS x", () -> ResultSets.of(
                    new String[] {"x"}, new int[] {Types.VARCHAR}, new Object[] {"a;b"}))
            .update("UPDATE t SET a = 1", 2)
            .fail("SELECT broken", new SQLException("Broken", "42000"));
    private final Captured out = new Captured();
    private final Captured err = new Captured();
    private final SqlSession session =
            new SqlSession(db.connection(), ResultFormat.CSV, 60, false, out.stream(),
                    err.stream());

    private ScriptRunner.Outcome run(String script) throws IOException {
        return new ScriptRunner(session).run(new BufferedReader(new StringReader(script)));
    }

    @Test
    void runsStatementsSpanningLinesAndALastOneWithoutSemicolon() throws IOException {
        db.query("SELECT 'a;b'\n  AS x", () -> ResultSets.of(
                new String[] {"x"}, new int[] {Types.VARCHAR}, new Object[] {"a;b"}));
        db.update("UPDATE t\nSET a = 1", 2);
        ScriptRunner.Outcome outcome = run(String.join("\n",
                "-- a script",
                "SELECT 'a;b'",
                "  AS x;",
                "UPDATE t",
                "SET a = 1"));
        assertEquals(List.of("SELECT 'a;b'\n  AS x", "UPDATE t\nSET a = 1"), db.executed());
        assertEquals(2, outcome.executed());
        assertFalse(outcome.failed());
    }

    @Test
    void runsCommandsOnTheirOwnLines() throws IOException {
        run("\\format json\nSELECT 'a;b' AS x;\n");
        assertEquals("[\n{\"x\":\"a;b\"}\n]\n", out.text());
    }

    @Test
    void stopsAtTheFirstError() throws IOException {
        ScriptRunner.Outcome outcome =
                run("UPDATE t SET a = 1;\nSELECT broken;\nUPDATE t SET a = 1;");
        assertTrue(outcome.failed());
        assertEquals(List.of("UPDATE t SET a = 1", "SELECT broken"), db.executed());
        assertEquals("2 rows affected\nERROR [42000] Broken\n", err.text());
    }

    @Test
    void stopsAtQuit() throws IOException {
        ScriptRunner.Outcome outcome = run("UPDATE t SET a = 1;\n\\q\nUPDATE t SET a = 1;");
        assertTrue(outcome.quit());
        assertEquals(1, db.executed().size());
    }

    @Test
    void backslashInsideAStatementIsNoCommand() throws IOException {
        db.query("SELECT 'x'\n\\d", () -> ResultSets.of(
                new String[] {"x"}, new int[] {Types.VARCHAR}));
        run("SELECT 'x'\n\\d;");
        assertEquals(List.of("SELECT 'x'\n\\d"), db.executed());
    }
}
