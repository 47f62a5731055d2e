package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The JSON format: one array of objects, typed values, escaped strings. */
class JsonWriterTest {

    private static String json(ResultSet rs) throws SQLException {
        Captured out = new Captured();
        new JsonWriter().write(new JdbcRows(rs), out.stream());
        return out.text();
    }

    @Test
    void writesOneArrayWithAnObjectPerRow() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"subject", "size"},
                new int[] {Types.VARCHAR, Types.INTEGER},
                new Object[] {"Hello", 10},
                new Object[] {"World", 20});
        assertEquals("[\n{\"subject\":\"Hello\",\"size\":10},\n"
                + "{\"subject\":\"World\",\"size\":20}\n]\n", json(rs));
    }

    @Test
    void writesAnEmptyResultAsAnEmptyArray() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"subject"}, new int[] {Types.VARCHAR});
        assertEquals("[]\n", json(rs));
    }

    @Test
    void leavesNumbersBooleansAndNullsUnquoted() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"i", "l", "d", "x", "b", "s"},
                new int[] {Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.DOUBLE,
                    Types.BOOLEAN, Types.VARCHAR},
                new Object[] {-3, 9_007_199_254_740_993L, new BigDecimal("12.50"), 0.5, true,
                    null});
        assertEquals("[\n{\"i\":-3,\"l\":9007199254740993,\"d\":12.50,\"x\":0.5,\"b\":true,"
                + "\"s\":null}\n]\n", json(rs));
    }

    @Test
    void writesTimestampsAsIsoStringsInUtc() throws SQLException {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        try {
            ResultSet rs = ResultSets.of(new String[] {"receivedDateTime", "sentDateTime"},
                    new int[] {Types.TIMESTAMP, Types.TIMESTAMP},
                    new Object[] {Timestamp.valueOf("2026-11-03 10:15:00"), null});
            assertEquals("[\n{\"receivedDateTime\":\"2026-11-03T10:15:00Z\",\"sentDateTime\":null}"
                    + "\n]\n", json(rs));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"say \"x\""}, new int[] {Types.VARCHAR},
                new Object[] {"a\"b\\c\nd\te\u0001f\u2028g é 会"});
        assertEquals("[\n{\"say \\\"x\\\"\":\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028g é 会\"}\n]\n",
                json(rs));
    }

    @Test
    void keepsRepeatedColumnNamesApart() {
        String[] keys = JsonWriter.keys(List.of(new Column("id", Types.VARCHAR),
                new Column("id", Types.VARCHAR), new Column("id_2", Types.VARCHAR)));
        assertEquals(List.of("id", "id_2", "id_2_2"), List.of(keys));
    }

    @Test
    void writesArraysAndNonFiniteNumbers() {
        StringBuilder sb = new StringBuilder();
        Json.appendValue(sb, List.of("a", 1L, Double.NaN));
        assertEquals("[\"a\",1,\"NaN\"]", sb.toString());
    }
}
