package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/** Running statements and shell commands on a connection, and reporting their errors. */
class SqlSessionTest {

    private final FakeDatabase db = new FakeDatabase()
            .query("SELECT subject FROM Messages", () -> ResultSets.of(
                    new String[] {"subject"}, new int[] {Types.VARCHAR},
                    new Object[] {"Hello"}))
            .update("UPDATE Messages SET isRead = true", 3)
            .update("DELETE FROM Messages WHERE id = 'x'", 1)
            .fail("SELECT nope FROM Messages", new SQLSyntaxErrorException(
                    "Column 'nope' not found in table 'Messages'\n  at line 1, column 8", "42S22"));
    private final Captured out = new Captured();
    private final Captured err = new Captured();

    private SqlSession session(ResultFormat format, boolean verbose) {
        return new SqlSession(db.connection(), format, 60, verbose, out.stream(), err.stream());
    }

    @Test
    void printsAQueryResultInTheCurrentFormat() {
        assertTrue(session(ResultFormat.TABLE, false).execute("SELECT subject FROM Messages"));
        assertEquals("subject\n-------\nHello\n(1 row)\n", out.text());
        assertEquals("", err.text());
    }

    @Test
    void printsUpdateCounts() {
        SqlSession session = session(ResultFormat.TABLE, false);
        assertTrue(session.execute("UPDATE Messages SET isRead = true"));
        assertTrue(session.execute("DELETE FROM Messages WHERE id = 'x'"));
        assertEquals("3 rows affected\n1 row affected\n", out.text());
    }

    @Test
    void sendsUpdateCountsToTheErrorStreamWhenOutputIsForPrograms() {
        assertTrue(session(ResultFormat.JSON, false).execute("UPDATE Messages SET isRead = true"));
        assertEquals("", out.text());
        assertEquals("3 rows affected\n", err.text());
    }

    @Test
    void reportsAnErrorAsOneLineWithSqlStateAndTheFirstLineOfTheMessage() {
        assertFalse(session(ResultFormat.TABLE, false).execute("SELECT nope FROM Messages"));
        assertEquals("ERROR [42S22] Column 'nope' not found in table 'Messages'\n", err.text());
        assertEquals("", out.text());
    }

    @Test
    void verboseErrorsAlsoShowTheCauseChain() {
        db.fail("SELECT 1", new SQLException("Cannot reach the service", "08001",
                new java.net.ConnectException("Connection refused")));
        assertFalse(session(ResultFormat.TABLE, true).execute("SELECT 1"));
        String[] lines = err.lines();
        assertEquals("ERROR [08001] Cannot reach the service", lines[0]);
        assertTrue(err.text().contains("Caused by: java.net.ConnectException: Connection refused"),
                err.text());
    }

    @Test
    void namesTheTypeOfUnexpectedExceptions() {
        assertEquals("ERROR java.lang.IllegalStateException: broken",
                ErrorPrinter.line(new IllegalStateException("broken\nmore")));
        assertEquals("ERROR java.sql.SQLException",
                ErrorPrinter.line(new SQLException()));
    }

    @Test
    void separatesConsecutiveTablesWithABlankLine() {
        SqlSession session = session(ResultFormat.TABLE, false);
        session.execute("SELECT subject FROM Messages");
        session.execute("SELECT subject FROM Messages");
        assertEquals("subject\n-------\nHello\n(1 row)\n\nsubject\n-------\nHello\n(1 row)\n",
                out.text());
    }

    @Test
    void tablesListsUserTablesWithoutCalcitesOwn() {
        SqlSession session = session(ResultFormat.CSV, false);
        assertEquals(SqlSession.CommandOutcome.DONE, session.command("\\tables"));
        assertEquals("table,type,remarks\r\nMessages,TABLE,Mail messages\r\n"
                + "Events,TABLE,Calendar events\r\n", out.text());
    }

    @Test
    void describeListsColumnsWhateverTheCaseOfTheName() {
        SqlSession session = session(ResultFormat.TABLE, false);
        assertEquals(SqlSession.CommandOutcome.DONE, session.command("\\d messages"));
        assertEquals(String.join("\n",
                "column           | type      | size | nullable | remarks",
                "-----------------+-----------+------+----------+----------------------",
                "id               | VARCHAR   |  512 | NO       | Item id",
                "subject          | VARCHAR   | NULL | YES      | The subject line",
                "receivedDateTime | TIMESTAMP | NULL | YES      | When it arrived (UTC)",
                "(3 rows)",
                ""), out.text());
    }

    @Test
    void describeOfAnUnknownTableFails() {
        assertEquals(SqlSession.CommandOutcome.FAILED,
                session(ResultFormat.TABLE, false).command("\\d Nope"));
        assertEquals("ERROR no table named Nope; \\tables lists the tables\n", err.text());
    }

    @Test
    void formatCommandSwitchesTheFormat() {
        SqlSession session = session(ResultFormat.TABLE, false);
        assertEquals(SqlSession.CommandOutcome.DONE, session.command("\\format json"));
        assertEquals(ResultFormat.JSON, session.format());
        session.execute("SELECT subject FROM Messages");
        assertEquals("[\n{\"subject\":\"Hello\"}\n]\n", out.text());
        assertEquals(SqlSession.CommandOutcome.FAILED, session.command("\\format xml"));
        assertEquals("ERROR unknown format 'xml'; use table, csv or json\n", err.text());
    }

    @Test
    void recognisesQuitAndHelpAndRejectsUnknownCommands() {
        SqlSession session = session(ResultFormat.TABLE, false);
        assertEquals(SqlSession.CommandOutcome.QUIT, session.command("\\q"));
        assertEquals(SqlSession.CommandOutcome.QUIT, session.command("quit"));
        assertEquals(SqlSession.CommandOutcome.QUIT, session.command("EXIT;"));
        assertEquals(SqlSession.CommandOutcome.DONE, session.command("\\help"));
        assertTrue(out.text().contains("\\d TABLE"), out.text());
        assertEquals(SqlSession.CommandOutcome.FAILED, session.command("\\x"));
        assertEquals("ERROR unknown command \\x; \\help lists the commands\n", err.text());
    }

    @Test
    void tellsCommandsFromSql() {
        assertTrue(SqlSession.isCommand("\\d Messages"));
        assertTrue(SqlSession.isCommand("  quit;"));
        assertFalse(SqlSession.isCommand("SELECT 1"));
        assertFalse(SqlSession.isCommand("exit_code"));
    }

    @Test
    void readsQualifiedAndQuotedTableNames() {
        assertEquals(new SqlSession.TableName("MSGraph", "Messages"),
                SqlSession.TableName.parse("MSGraph.Messages"));
        assertEquals(new SqlSession.TableName(null, "My.Table"),
                SqlSession.TableName.parse("\"My.Table\""));
    }
}
