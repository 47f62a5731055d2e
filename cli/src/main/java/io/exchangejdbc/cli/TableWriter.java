package io.exchangejdbc.cli;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writer of the table format: aligned columns under a header and a separator line, numbers
 * aligned to the right, {@code NULL} for null, a {@code (N rows)} footer, and values cut to a
 * maximum width so that one long body does not push every other column off the screen.
 *
 * <p>It reads the whole result before printing, because the width of a column is known only
 * after its last value.
 */
public final class TableWriter implements ResultWriter {

    /** The marker that ends a value which was cut. */
    static final String ELLIPSIS = "...";

    private final int maxWidth;

    /**
     * A table writer.
     *
     * @param maxWidth the widest a column may be, in terminal cells; 0 for no limit
     */
    public TableWriter(int maxWidth) {
        if (maxWidth < 0) {
            throw new IllegalArgumentException("maxWidth must be 0 or more: " + maxWidth);
        }
        this.maxWidth = maxWidth;
    }

    @Override
    public long write(Rows rows, PrintStream out) throws SQLException {
        List<Column> columns = rows.columns();
        int n = columns.size();
        String[] header = new String[n];
        int[] widths = new int[n];
        for (int c = 0; c < n; c++) {
            header[c] = cell(columns.get(c).label());
            widths[c] = displayWidth(header[c]);
        }
        List<String[]> body = new ArrayList<>();
        for (Object[] row = rows.next(); row != null; row = rows.next()) {
            String[] cells = new String[n];
            for (int c = 0; c < n; c++) {
                cells[c] = row[c] == null ? "NULL" : cell(ValueText.of(row[c]));
                widths[c] = Math.max(widths[c], displayWidth(cells[c]));
            }
            body.add(cells);
        }
        if (n > 0) {
            StringBuilder line = new StringBuilder();
            appendLine(line, header, widths, null);
            out.println(line);
            line.setLength(0);
            for (int c = 0; c < n; c++) {
                if (c > 0) {
                    line.append("-+-");
                }
                line.append("-".repeat(widths[c]));
            }
            out.println(line);
            for (String[] cells : body) {
                line.setLength(0);
                appendLine(line, cells, widths, columns);
                out.println(line);
            }
        }
        out.println(footer(body.size()));
        out.flush();
        return body.size();
    }

    /** {@code (1 row)} or {@code (N rows)}. */
    static String footer(long count) {
        return count == 1 ? "(1 row)" : "(" + count + " rows)";
    }

    private static void appendLine(
            StringBuilder line, String[] cells, int[] widths, List<Column> columns) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append(" | ");
            }
            int pad = widths[c] - displayWidth(cells[c]);
            boolean right = columns != null && columns.get(c).numeric() && !"NULL".equals(cells[c]);
            if (right) {
                line.append(" ".repeat(pad)).append(cells[c]);
            } else {
                line.append(cells[c]);
                // No trailing blanks after the last column.
                if (c < cells.length - 1) {
                    line.append(" ".repeat(pad));
                }
            }
        }
    }

    /** A value as it fits in one cell: on one line and no wider than the maximum. */
    String cell(String text) {
        String oneLine = oneLine(text);
        if (maxWidth == 0 || displayWidth(oneLine) <= maxWidth) {
            return oneLine;
        }
        int keep = maxWidth > ELLIPSIS.length() ? maxWidth - ELLIPSIS.length() : maxWidth;
        StringBuilder sb = new StringBuilder();
        int width = 0;
        for (int i = 0; i < oneLine.length(); ) {
            int cp = oneLine.codePointAt(i);
            int w = codePointWidth(cp);
            if (width + w > keep) {
                break;
            }
            sb.appendCodePoint(cp);
            width += w;
            i += Character.charCount(cp);
        }
        if (maxWidth > ELLIPSIS.length()) {
            sb.append(ELLIPSIS);
        }
        return sb.toString();
    }

    /** Line breaks and other control characters become spaces, so each row stays one line. */
    static String oneLine(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (c == '\n' && i > 0 && text.charAt(i - 1) == '\r') {
                    continue;
                }
                sb.append(' ');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** How many terminal cells {@code s} takes: wide East Asian characters take two. */
    static int displayWidth(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += codePointWidth(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    private static int codePointWidth(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT || cp == 0x200B) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
