package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The table format: alignment, truncation, NULLs, timestamps and the row-count footer. */
class TableWriterTest {

    private static String table(ResultSet rs, int maxWidth) throws SQLException {
        Captured out = new Captured();
        new TableWriter(maxWidth).write(new JdbcRows(rs), out.stream());
        return out.text();
    }

    @Test
    void alignsColumnsUnderHeaderAndSeparatorWithNumbersToTheRight() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"subject", "size", "isRead"},
                new int[] {Types.VARCHAR, Types.INTEGER, Types.BOOLEAN},
                new Object[] {"Hello", 1234, true},
                new Object[] {"Quarterly numbers", 7, false});
        assertEquals(String.join("\n",
                "subject           | size | isRead",
                "------------------+------+-------",
                "Hello             | 1234 | true",
                "Quarterly numbers |    7 | false",
                "(2 rows)",
                ""), table(rs, 60));
    }

    @Test
    void showsNullAsNull() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"a", "n"},
                new int[] {Types.VARCHAR, Types.INTEGER},
                new Object[] {null, null});
        assertEquals(String.join("\n",
                "a    | n",
                "-----+-----",
                "NULL | NULL",
                "(1 row)",
                ""), table(rs, 60));
    }

    @Test
    void cutsValuesLongerThanTheMaximumWidth() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"body"}, new int[] {Types.VARCHAR},
                new Object[] {"abcdefghijklmnopqrstuvwxyz"},
                new Object[] {"short"});
        assertEquals(String.join("\n",
                "body",
                "----------",
                "abcdefg...",
                "short",
                "(2 rows)",
                ""), table(rs, 10));
    }

    @Test
    void maximumWidthZeroKeepsWholeValues() throws SQLException {
        String longValue = "x".repeat(200);
        ResultSet rs = ResultSets.of(new String[] {"body"}, new int[] {Types.VARCHAR},
                new Object[] {longValue});
        assertEquals(longValue, table(rs, 0).split("\n")[2]);
    }

    @Test
    void defaultWidthCutsAtSixtyCharacters() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"body"}, new int[] {Types.VARCHAR},
                new Object[] {"y".repeat(100)});
        String cell = table(rs, ExsqlOptions.DEFAULT_MAX_WIDTH).split("\n")[2];
        assertEquals(60, cell.length());
        assertEquals("y".repeat(57) + "...", cell);
    }

    @Test
    void keepsEachRowOnOneLine() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"bodyPreview", "n"},
                new int[] {Types.VARCHAR, Types.INTEGER},
                new Object[] {"Hi Bob,\r\nsee\tbelow\n", 1});
        assertEquals("Hi Bob, see below  | 1", table(rs, 60).split("\n")[2]);
    }

    @Test
    void countsWideCharactersAsTwoCells() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"subject", "n"},
                new int[] {Types.VARCHAR, Types.INTEGER},
                new Object[] {"会議", 1},
                new Object[] {"meet", 2});
        String[] lines = table(rs, 60).split("\n");
        assertEquals("会議    | 1", lines[2]);
        assertEquals("meet    | 2", lines[3]);
    }

    @Test
    void printsTimestampsInUtcWhateverTheLocalZone() throws SQLException {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        try {
            ResultSet rs = ResultSets.of(new String[] {"receivedDateTime"},
                    new int[] {Types.TIMESTAMP},
                    new Object[] {Timestamp.valueOf("2026-11-03 10:15:00")},
                    new Object[] {Timestamp.valueOf("2026-07-01 23:59:59.25")});
            String[] lines = table(rs, 60).split("\n");
            assertEquals("2026-11-03 10:15:00", lines[2].trim());
            assertEquals("2026-07-01 23:59:59.25", lines[3].trim());
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void printsDecimalsWithoutExponent() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"d", "x"},
                new int[] {Types.DECIMAL, Types.DOUBLE},
                new Object[] {new BigDecimal("1E+3"), 2.5});
        assertEquals("1000 | 2.5", table(rs, 60).split("\n")[2]);
    }

    @Test
    void emptyResultHasHeaderAndZeroRowsFooter() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"subject"}, new int[] {Types.VARCHAR});
        assertEquals("subject\n-------\n(0 rows)\n", table(rs, 60));
    }
}
