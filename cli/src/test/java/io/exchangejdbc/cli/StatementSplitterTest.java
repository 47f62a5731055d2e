package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting SQL text into statements at the semicolons that end them. */
class StatementSplitterTest {

    @Test
    void splitsAtSemicolons() {
        assertEquals(List.of("SELECT 1", "SELECT 2"),
                StatementSplitter.statements("SELECT 1; SELECT 2;"));
    }

    @Test
    void keepsALastStatementWithoutSemicolon() {
        assertEquals(List.of("SELECT 1", "SELECT 2"),
                StatementSplitter.statements("SELECT 1;\nSELECT 2\n"));
    }

    @Test
    void semicolonInsideStringLiteralIsNoSeparator() {
        assertEquals(List.of("SELECT * FROM Messages WHERE subject = 'a;b'", "SELECT 2"),
                StatementSplitter.statements(
                        "SELECT * FROM Messages WHERE subject = 'a;b'; SELECT 2"));
    }

    @Test
    void doubledQuoteInsideLiteralDoesNotEndIt() {
        assertEquals(List.of("SELECT 'it''s; fine'", "SELECT 2"),
                StatementSplitter.statements("SELECT 'it''s; fine'; SELECT 2;"));
    }

    @Test
    void semicolonInsideQuotedIdentifierIsNoSeparator() {
        assertEquals(List.of("SELECT \"odd;name\" FROM t"),
                StatementSplitter.statements("SELECT \"odd;name\" FROM t;"));
    }

    @Test
    void semicolonInLineCommentIsNoSeparator() {
        assertEquals(List.of("SELECT 1 -- not here; nor here\nFROM t"),
                StatementSplitter.statements("SELECT 1 -- not here; nor here\nFROM t;"));
    }

    @Test
    void semicolonInBlockCommentIsNoSeparator() {
        assertEquals(List.of("SELECT /* a; b */ 1"),
                StatementSplitter.statements("SELECT /* a; b */ 1;"));
    }

    @Test
    void dropsLeadingAndTrailingCommentsAndCommentOnlyStatements() {
        assertEquals(List.of("SELECT 1", "SELECT 2"),
                StatementSplitter.statements(String.join("\n",
                        "-- the first query",
                        "/* about it */ SELECT 1; -- trailing note",
                        ";",
                        "-- nothing but a comment;",
                        "SELECT 2 -- last",
                        "")));
    }

    @Test
    void dashesInsideLiteralAreNoComment() {
        assertEquals(List.of("SELECT '--x'", "SELECT 2"),
                StatementSplitter.statements("SELECT '--x'; SELECT 2"));
    }

    @Test
    void textEndingInsideLiteralOrCommentIsIncomplete() {
        assertFalse(StatementSplitter.isComplete("SELECT 'abc;"));
        assertFalse(StatementSplitter.isComplete("SELECT 1 /* note;"));
        assertFalse(StatementSplitter.isComplete("SELECT 1"));
        assertTrue(StatementSplitter.isComplete("SELECT 1;"));
        assertTrue(StatementSplitter.isComplete("SELECT 1; -- done"));
        assertTrue(StatementSplitter.isComplete("  "));
    }

    @Test
    void splitKeepsTheUnfinishedRestVerbatim() {
        StatementSplitter.Split split = StatementSplitter.split("SELECT 1; SELECT 'a\n");
        assertEquals(List.of("SELECT 1"), split.statements());
        assertEquals(" SELECT 'a\n", split.rest());
        assertTrue(split.open());
        assertNull(StatementSplitter.split("SELECT 1; -- bye\n").restStatement());
    }
}
