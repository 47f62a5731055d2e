package io.exchangejdbc.cli;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writer of the JSON format: one array holding an object per row, keyed by column name, one
 * object per line, printed as rows are read. Numbers and booleans are bare, timestamps are
 * ISO-8601 strings in UTC ({@code 2026-11-03T10:15:00Z}) and nulls are {@code null}.
 */
public final class JsonWriter implements ResultWriter {

    @Override
    public long write(Rows rows, PrintStream out) throws SQLException {
        String[] keys = keys(rows.columns());
        StringBuilder sb = new StringBuilder();
        long count = 0;
        out.print('[');
        for (Object[] row = rows.next(); row != null; row = rows.next()) {
            sb.setLength(0);
            sb.append(count == 0 ? "\n" : ",\n").append('{');
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                Json.appendString(sb, keys[c]);
                sb.append(':');
                Json.appendValue(sb, row[c]);
            }
            out.print(sb.append('}'));
            count++;
        }
        out.println(count == 0 ? "]" : "\n]");
        out.flush();
        return count;
    }

    /**
     * The object keys: the column names, with {@code _2}, {@code _3}... added to repeated ones
     * ({@code SELECT a.id, b.id}) so that no value hides another.
     */
    static String[] keys(List<Column> columns) {
        String[] keys = new String[columns.size()];
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < keys.length; c++) {
            String label = columns.get(c).label();
            String key = label;
            for (int k = 2; !seen.add(key); k++) {
                key = label + "_" + k;
            }
            keys[c] = key;
        }
        return keys;
    }
}
