package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The CSV format as RFC 4180 has it: header, CRLF, quoting only when needed. */
class CsvWriterTest {

    private static String csv(ResultSet rs) throws SQLException {
        Captured out = new Captured();
        new CsvWriter().write(new JdbcRows(rs), out.stream());
        return out.text();
    }

    @Test
    void writesHeaderThenOneLineEndingInCrlfPerRow() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"subject", "size"},
                new int[] {Types.VARCHAR, Types.INTEGER},
                new Object[] {"Hello", 10},
                new Object[] {"World", 20});
        assertEquals("subject,size\r\nHello,10\r\nWorld,20\r\n", csv(rs));
    }

    @Test
    void quotesFieldsHoldingCommasQuotesOrLineBreaksAndDoublesTheQuotes() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"a", "b", "c", "d"},
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR},
                new Object[] {"Smith, Ann", "say \"hi\"", "two\nlines", "plain text"});
        assertEquals("a,b,c,d\r\n\"Smith, Ann\",\"say \"\"hi\"\"\",\"two\nlines\",plain text\r\n",
                csv(rs));
    }

    @Test
    void quotesHeaderNamesToo() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"a,b"}, new int[] {Types.VARCHAR});
        assertEquals("\"a,b\"\r\n", csv(rs));
    }

    @Test
    void writesNullAsAnEmptyField() throws SQLException {
        ResultSet rs = ResultSets.of(new String[] {"a", "b", "c"},
                new int[] {Types.VARCHAR, Types.INTEGER, Types.VARCHAR},
                new Object[] {null, null, "x"});
        assertEquals("a,b,c\r\n,,x\r\n", csv(rs));
    }

    @Test
    void writesTimestampsInUtcAndBooleansAsWords() throws SQLException {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        try {
            ResultSet rs = ResultSets.of(new String[] {"receivedDateTime", "isRead"},
                    new int[] {Types.TIMESTAMP, Types.BOOLEAN},
                    new Object[] {Timestamp.valueOf("2026-11-03 10:15:00"), false});
            assertEquals("receivedDateTime,isRead\r\n2026-11-03 10:15:00,false\r\n", csv(rs));
        } finally {
            TimeZone.setDefault(saved);
        }
    }
}
