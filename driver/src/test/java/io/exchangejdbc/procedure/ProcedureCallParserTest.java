package io.exchangejdbc.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four ways of calling a procedure, and the errors of a malformed call. */
class ProcedureCallParserTest {

    private static ProcedureCall.Argument named(String name, Object value) {
        return new ProcedureCall.Argument(name, value, false);
    }

    @Test
    void execWithNamedArgumentsWithAndWithoutAt() throws SQLException {
        ProcedureCall c = ProcedureCallParser.parse(
                "EXEC SendMail @Subject = 'It''s done', Importance = 'High', @Count=3;");
        assertEquals("SendMail", c.name());
        assertEquals(List.of(named("Subject", "It's done"), named("Importance", "High"),
                named("Count", new BigDecimal("3"))), c.arguments());
    }

    @Test
    void executeWithPositionalKeywordsAndMarkers() throws SQLException {
        ProcedureCall c = ProcedureCallParser.parse("execute MoveMail ?, TRUE, NULL, -1.5");
        assertEquals(List.of(new ProcedureCall.Argument(null, null, true),
                named(null, Boolean.TRUE), named(null, null),
                named(null, new BigDecimal("-1.5"))), c.arguments());
        assertEquals(1, c.markerCount());
    }

    @Test
    void callWithParenthesesNamedByArrowOrEquals() throws SQLException {
        ProcedureCall c = ProcedureCallParser.parse("CALL GetAdminConsentURL(State => 'x',"
                + " CallbackURL = 'http://localhost:1')");
        assertEquals(List.of(named("State", "x"), named("CallbackURL", "http://localhost:1")),
                c.arguments());
        assertEquals(List.of(), ProcedureCallParser.parse("CALL Ping()").arguments());
        assertEquals(List.of(), ProcedureCallParser.parse("CALL Ping").arguments());
        assertEquals(List.of(), ProcedureCallParser.parse("EXEC Ping").arguments());
    }

    @Test
    void jdbcEscape() throws SQLException {
        ProcedureCall c = ProcedureCallParser.parse("{ call GetAdminConsentURL(?, ?) }");
        assertEquals("GetAdminConsentURL", c.name());
        assertEquals(2, c.markerCount());
    }

    @Test
    void ordinarySqlIsNotACall() throws SQLException {
        assertNull(ProcedureCallParser.parse("SELECT * FROM Messages"));
        assertFalse(ProcedureCallParser.isCall("SELECT 'EXEC x'"));
        assertTrue(ProcedureCallParser.isCall("  exec x"));
        assertTrue(ProcedureCallParser.isCall("{call x}"));
    }

    @Test
    void malformedCallsSayWhereAndHow() {
        for (String sql : new String[] {"EXEC", "EXEC x @A 'v'", "CALL x('open",
                "CALL x(1 2)", "{call x(1)", "EXEC x A = bogus", "{select 1}"}) {
            SQLException e = assertThrows(SQLException.class, () -> ProcedureCallParser.parse(sql),
                    sql);
            assertEquals("42000", e.getSQLState(), sql);
            assertTrue(e.getMessage().contains("character"), e.getMessage());
        }
    }
}
