package io.exchangejdbc.cli;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;

/**
 * Writer of the CSV format as RFC 4180 describes it: a header line of column names, CRLF line
 * ends, and a field in double quotes (with its quotes doubled) when it holds a comma, a quote or a
 * line break. A null is an empty field. Rows are printed as they are read.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4180">RFC 4180</a>
 */
public final class CsvWriter implements ResultWriter {

    private static final String CRLF = "\r\n";

    @Override
    public long write(Rows rows, PrintStream out) throws SQLException {
        List<Column> columns = rows.columns();
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                line.append(',');
            }
            appendField(line, columns.get(c).label());
        }
        out.print(line.append(CRLF));
        long count = 0;
        for (Object[] row = rows.next(); row != null; row = rows.next()) {
            line.setLength(0);
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    line.append(',');
                }
                if (row[c] != null) {
                    appendField(line, ValueText.of(row[c]));
                }
            }
            out.print(line.append(CRLF));
            count++;
        }
        out.flush();
        return count;
    }

    /** Appends {@code text} as one field, quoted only when it must be. */
    static void appendField(StringBuilder line, String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }
}
