package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.http.HttpResult;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A usage report's CSV file (RFC 4180, as the report download serves it) read as rows while it
 * streams in: the header line names the columns, each later line is one row. Columns are matched
 * by their header without spaces and punctuation ({@code Storage Used (Byte)} is the column
 * {@code StorageUsedByte}), so that a report with more or fewer columns than documented still
 * reads; a column the file lacks reads as null, as does an empty field.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/report">Microsoft 365 usage
 *     reports</a>
 */
final class CsvReportPage implements PageRows {

    private final HttpResult result;
    private final Reader in;
    private final List<ColumnDef> columns;
    private int[] slotOfField;
    private boolean finished;

    private CsvReportPage(HttpResult result, Reader in, List<ColumnDef> columns) {
        this.result = result;
        this.in = in;
        this.columns = columns;
    }

    /** Starts reading a report download and its header line. */
    static CsvReportPage open(HttpResult result, List<ColumnDef> columns) throws SQLException {
        requireNonNull(result, "result");
        CsvReportPage page = new CsvReportPage(result, new BufferedReader(
                new InputStreamReader(result.body(), StandardCharsets.UTF_8)), columns);
        try {
            page.readHeader();
        } catch (IOException e) {
            page.close();
            throw result.readFailure(e);
        }
        return page;
    }

    /** A header or column name reduced to letters and digits, lower case. */
    static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private void readHeader() throws IOException {
        List<String> header = readRecord();
        if (header == null) {
            finished = true;
            slotOfField = new int[0];
            return;
        }
        slotOfField = new int[header.size()];
        for (int f = 0; f < header.size(); f++) {
            String h = header.get(f);
            if (f == 0 && !h.isEmpty() && h.charAt(0) == '\uFEFF') {
                h = h.substring(1);
            }
            slotOfField[f] = -1;
            String k = key(h);
            for (int c = 0; c < columns.size(); c++) {
                ColumnDef def = columns.get(c);
                if (def.nature() != ColumnNature.PSEUDO && key(def.name()).equals(k)) {
                    slotOfField[f] = c;
                    break;
                }
            }
        }
    }

    @Override
    public Object[] next() throws SQLException {
        if (finished) {
            return null;
        }
        List<String> fields;
        try {
            fields = readRecord();
        } catch (IOException e) {
            close();
            throw result.readFailure(e);
        }
        if (fields == null || (fields.size() == 1 && fields.get(0).isEmpty())) {
            if (fields == null) {
                finished = true;
                return null;
            }
            return next();
        }
        Object[] row = new Object[columns.size()];
        for (int f = 0; f < fields.size() && f < slotOfField.length; f++) {
            int slot = slotOfField[f];
            String text = fields.get(f);
            if (slot >= 0 && !text.isEmpty()) {
                row[slot] = value(columns.get(slot), text);
            }
        }
        return row;
    }

    private static Object value(ColumnDef c, String text) throws SQLException {
        try {
            switch (c.type()) {
                case BOOLEAN:
                    return GraphValues.bool(text);
                case INTEGER:
                    return Integer.valueOf(text.strip());
                case BIGINT:
                    return Long.valueOf(text.strip());
                case DATE:
                    return GraphValues.epochDay(text.strip());
                default:
                    return text;
            }
        } catch (RuntimeException e) {
            throw new SQLException("The report's value '" + text + "' for column " + c.name()
                    + " is not a valid " + c.type() + ".", "22018", e);
        }
    }

    /** One CSV record (quoted fields may hold commas, doubled quotes and line breaks). */
    private List<String> readRecord() throws IOException {
        int ch = in.read();
        if (ch < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (ch < 0) {
                    throw new IOException("the report ends inside a quoted field");
                }
                if (ch == '"') {
                    int nextCh = in.read();
                    if (nextCh == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        ch = nextCh;
                        continue;
                    }
                } else {
                    field.append((char) ch);
                }
            } else if (ch < 0 || ch == '\n') {
                fields.add(field.toString());
                return fields;
            } else if (ch == '\r') {
                // part of CRLF
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '"' && field.length() == 0) {
                quoted = true;
            } else {
                field.append((char) ch);
            }
            ch = in.read();
        }
    }

    @Override
    public String nextLink() {
        return null;
    }

    @Override
    public HttpResult result() {
        return result;
    }

    @Override
    public void close() {
        finished = true;
        result.close();
    }
}
