package io.exchangejdbc.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One connection as the shell uses it: runs statements and shell commands ({@code \tables},
 * {@code \d}, {@code \format}...), prints their results in the current format and reports their
 * errors as one {@code ERROR [SQLSTATE] message} line on the error stream.
 */
public final class SqlSession {

    /** What the shell does after a command. */
    public enum CommandOutcome {
        /** The command ran; go on. */
        DONE,
        /** The command failed and said why; go on, or stop a script. */
        FAILED,
        /** The user asked to leave. */
        QUIT
    }

    /** What {@code \help} prints. */
    static final String COMMANDS = String.join("\n",
            "Statements end with ';' and may span lines. Commands:",
            "  \\tables                      list the tables",
            "  \\d TABLE                     describe the columns of TABLE",
            "  \\format [table|csv|json]     show or set the output format",
            "  \\help                        print this help",
            "  \\q, quit, exit               leave",
            "");

    private final Connection connection;
    private final PrintStream out;
    private final PrintStream err;
    private final int maxWidth;
    private ResultFormat format;
    private int resultsPrinted;
    private final ErrorPrinter errors;
    private volatile Statement running;

    /**
     * A session over {@code connection}, which stays the caller's to close.
     *
     * @param maxWidth the widest a table column may be, 0 for no limit
     * @param verbose  whether errors also print their causes and stack trace
     */
    public SqlSession(Connection connection, ResultFormat format, int maxWidth, boolean verbose,
            PrintStream out, PrintStream err) {
        this(connection, format, maxWidth, new ErrorPrinter(verbose, out, err), out, err);
    }

    /** A session whose errors {@code errors} prints. */
    SqlSession(Connection connection, ResultFormat format, int maxWidth, ErrorPrinter errors,
            PrintStream out, PrintStream err) {
        this.connection = requireNonNull(connection, "connection");
        this.format = requireNonNull(format, "format");
        this.out = requireNonNull(out, "out");
        this.err = requireNonNull(err, "err");
        this.errors = requireNonNull(errors, "errors");
        this.maxWidth = maxWidth;
    }

    /**
     * Marks the start of a new input (a line typed at the prompt): results of one input are
     * separated by a blank line, while the prompt already separates those of different inputs.
     */
    public void startInput() {
        resultsPrinted = 0;
    }

    /** The current output format. */
    public ResultFormat format() {
        return format;
    }

    /**
     * Runs one SQL statement and prints its result set or update count.
     *
     * @return whether it succeeded; if not, the error has been printed
     */
    public boolean execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            running = statement;
            // Only the first result is read: the driver returns one, and some JDBC drivers keep
            // reporting the same update count from getMoreResults() forever.
            if (statement.execute(sql)) {
                try (ResultSet rs = statement.getResultSet()) {
                    print(new JdbcRows(rs));
                }
            } else {
                printUpdateCount(statement.getUpdateCount());
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            report(e);
            return false;
        } finally {
            running = null;
        }
    }

    /**
     * Asks the driver to stop the running statement, if any; for Ctrl-C in the shell.
     * Drivers that cannot cancel are left to finish.
     */
    public void cancel() {
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                // Cancelling is a courtesy; the statement goes on and reports its own outcome.
            }
        }
    }

    /** Whether {@code line} is a shell command rather than SQL. */
    public static boolean isCommand(String line) {
        String word = line.trim();
        if (word.endsWith(";")) {
            word = word.substring(0, word.length() - 1).trim();
        }
        return word.startsWith("\\") || word.equalsIgnoreCase("quit")
                || word.equalsIgnoreCase("exit") || word.equalsIgnoreCase("help");
    }

    /** Runs one shell command (a line for which {@link #isCommand} holds). */
    public CommandOutcome command(String line) {
        String text = line.trim();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        String[] words = text.split("\\s+", 2);
        String name = words[0].toLowerCase(Locale.ROOT);
        String argument = words.length > 1 ? words[1].trim() : "";
        try {
            switch (name) {
                case "\\q":
                case "\\quit":
                case "quit":
                case "exit":
                    return CommandOutcome.QUIT;
                case "\\help":
                case "\\h":
                case "\\?":
                case "help":
                    out.print(COMMANDS);
                    out.flush();
                    return CommandOutcome.DONE;
                case "\\tables":
                case "\\dt":
                    print(tables());
                    return CommandOutcome.DONE;
                case "\\d":
                    if (argument.isEmpty()) {
                        print(tables());
                        return CommandOutcome.DONE;
                    }
                    return describe(argument);
                case "\\format":
                    return setFormat(argument);
                default:
                    return fail("unknown command " + words[0] + "; \\help lists the commands");
            }
        } catch (SQLException | RuntimeException e) {
            report(e);
            return CommandOutcome.FAILED;
        }
    }

    private CommandOutcome setFormat(String argument) {
        if (argument.isEmpty()) {
            out.println("format " + format.label());
            out.flush();
            return CommandOutcome.DONE;
        }
        try {
            format = ResultFormat.of(argument);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        return CommandOutcome.DONE;
    }

    private CommandOutcome fail(String message) {
        errors.report(message);
        return CommandOutcome.FAILED;
    }

    /** The user tables: schema (when there is more than one), name, type and description. */
    Rows tables() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        Set<String> schemas = new LinkedHashSet<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", null)) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String type = rs.getString("TABLE_TYPE");
                // Calcite lists its own catalog views under schema "metadata".
                if ("metadata".equalsIgnoreCase(schema)
                        || (type != null && type.toUpperCase(Locale.ROOT).contains("SYSTEM"))) {
                    continue;
                }
                schemas.add(String.valueOf(schema));
                rows.add(new Object[] {schema, rs.getString("TABLE_NAME"), type,
                    rs.getString("REMARKS")});
            }
        }
        List<Column> columns = new ArrayList<>(List.of(
                new Column("schema", Types.VARCHAR),
                new Column("table", Types.VARCHAR),
                new Column("type", Types.VARCHAR),
                new Column("remarks", Types.VARCHAR)));
        if (schemas.size() <= 1) {
            columns.remove(0);
            rows.replaceAll(row -> new Object[] {row[1], row[2], row[3]});
        }
        return new ListRows(columns, rows);
    }

    private CommandOutcome describe(String argument) throws SQLException {
        TableName name = TableName.parse(argument);
        DatabaseMetaData md = connection.getMetaData();
        String table = name.table();
        List<Object[]> rows = columnsOf(md, name.schema(), table);
        if (rows.isEmpty()) {
            // Identifiers are case-insensitive in SQL but patterns are not in DatabaseMetaData.
            table = null;
            try (ResultSet rs = md.getTables(null, name.schema(), "%", null)) {
                while (rs.next() && table == null) {
                    String candidate = rs.getString("TABLE_NAME");
                    if (candidate != null && candidate.equalsIgnoreCase(name.table())) {
                        table = candidate;
                    }
                }
            }
            if (table != null) {
                rows = columnsOf(md, name.schema(), table);
            }
        }
        if (rows.isEmpty()) {
            return fail("no table named " + argument + "; \\tables lists the tables");
        }
        print(new ListRows(List.of(
                new Column("column", Types.VARCHAR),
                new Column("type", Types.VARCHAR),
                new Column("size", Types.INTEGER),
                new Column("nullable", Types.VARCHAR),
                new Column("remarks", Types.VARCHAR)), rows));
        return CommandOutcome.DONE;
    }

    private static List<Object[]> columnsOf(DatabaseMetaData md, String schema, String table)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                // A pattern's '_' matches any character; keep only the table itself.
                if (!table.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                int size = rs.getInt("COLUMN_SIZE");
                Long shownSize = rs.wasNull() || size < 0 ? null : (long) size;
                String nullable = rs.getString("IS_NULLABLE");
                if (nullable == null || nullable.isEmpty()) {
                    int code = rs.getInt("NULLABLE");
                    nullable = code == DatabaseMetaData.columnNoNulls ? "NO"
                            : code == DatabaseMetaData.columnNullable ? "YES" : "";
                }
                rows.add(new Object[] {rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
                    shownSize, nullable, rs.getString("REMARKS")});
            }
        }
        return rows;
    }

    private void print(Rows rows) throws SQLException {
        if (format == ResultFormat.TABLE && resultsPrinted > 0) {
            out.println();
        }
        resultsPrinted++;
        format.writer(maxWidth).write(rows, out);
        out.flush();
    }

    private void printUpdateCount(int count) {
        String text = count < 0 ? "OK"
                : count == 1 ? "1 row affected" : count + " rows affected";
        // CSV and JSON output is read by programs; the count would break it.
        PrintStream target = format == ResultFormat.TABLE ? out : err;
        target.println(text);
        target.flush();
    }

    /** Prints the error line (and, when verbose, the causes and stack trace). */
    public void report(Throwable e) {
        errors.report(e);
    }

    /**
     * A table name as typed after {@code \d}: {@code Messages}, {@code "Messages"} or
     * {@code MSGraph.Messages}.
     *
     * @param schema the schema, or null for any
     * @param table  the table name without quotes
     */
    record TableName(String schema, String table) {

        static TableName parse(String text) {
            List<String> parts = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        part.append('"');
                        i++;
                    } else {
                        quoted = !quoted;
                    }
                } else if (c == '.' && !quoted) {
                    parts.add(part.toString());
                    part.setLength(0);
                } else {
                    part.append(c);
                }
            }
            parts.add(part.toString());
            if (parts.size() >= 2) {
                return new TableName(parts.get(parts.size() - 2).trim(),
                        parts.get(parts.size() - 1).trim());
            }
            return new TableName(null, parts.get(0).trim());
        }
    }
}
