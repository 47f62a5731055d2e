package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing the command line, and what a wrong one gets. */
class ExsqlOptionsTest {

    @Test
    void defaultsAreTableFormatWidthSixtyNoSql() throws UsageException {
        ExsqlOptions options = ExsqlOptions.parse();
        assertEquals(ResultFormat.TABLE, options.format());
        assertEquals(60, options.maxWidth());
        assertTrue(options.sources().isEmpty());
        assertNull(options.connect());
        assertFalse(options.demo());
        assertFalse(options.interactive());
        assertFalse(options.verbose());
    }

    @Test
    void readsEveryOptionInBothSpellings() throws UsageException {
        ExsqlOptions options = ExsqlOptions.parse("-c", "AuthScheme=None", "--format", "CSV",
                "--max-width=0", "-v", "-i", "-e", "SELECT 1", "--file=script.sql", "SELECT 2");
        assertEquals("AuthScheme=None", options.connect());
        assertEquals(ResultFormat.CSV, options.format());
        assertEquals(0, options.maxWidth());
        assertTrue(options.verbose());
        assertTrue(options.interactive());
        assertEquals(List.of(SqlSource.text("SELECT 1"), SqlSource.file("script.sql"),
                SqlSource.text("SELECT 2")), options.sources());
        assertEquals(ResultFormat.JSON, ExsqlOptions.parse("--format=json").format());
        assertEquals("x=1", ExsqlOptions.parse("--connect=x=1").connect());
    }

    @Test
    void doubleDashEndsTheOptions() throws UsageException {
        assertEquals(List.of(SqlSource.text("-- note\nSELECT 1")),
                ExsqlOptions.parse("--", "-- note\nSELECT 1").sources());
    }

    @Test
    void dashAsFileMeansStandardInput() throws UsageException {
        assertTrue(ExsqlOptions.parse("-f", "-").sources().get(0).stdin());
    }

    @Test
    void flagsForHelpVersionAndDemo() throws UsageException {
        assertTrue(ExsqlOptions.parse("--help").help());
        assertTrue(ExsqlOptions.parse("-h").help());
        assertTrue(ExsqlOptions.parse("--version").version());
        assertTrue(ExsqlOptions.parse("-V").version());
        assertTrue(ExsqlOptions.parse("--demo").demo());
    }

    @Test
    void rejectsWhatItCannotRun() {
        assertUsage("unknown option --frobnicate", "--frobnicate");
        assertUsage("option --format needs a value", "--format");
        assertUsage("option -c needs a value", "-c");
        assertUsage("unknown format 'xml'; use table, csv or json", "--format", "xml");
        assertUsage("--max-width needs a whole number of 0 or more, not '-1'",
                "--max-width", "-1");
        assertUsage("--max-width needs a whole number of 0 or more, not 'wide'",
                "--max-width", "wide");
        assertUsage("unexpected argument 'FROM': give the SQL as one quoted argument",
                "SELECT", "FROM");
        assertUsage("option --demo takes no value", "--demo=yes");
        assertUsage("give the connection string only once", "-c", "a=1", "-c", "b=2");
        assertUsage("--demo and --connect exclude each other: --demo connects to the built-in"
                + " emulator", "--demo", "-c", "a=1");
        assertUsage("standard input ('-f -') can be read only once", "-f", "-", "-f", "-");
    }

    private static void assertUsage(String message, String... args) {
        UsageException e = assertThrows(UsageException.class, () -> ExsqlOptions.parse(args));
        assertEquals(message, e.getMessage());
    }
}
