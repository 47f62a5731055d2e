package io.exchangejdbc.jdbc;

import io.exchangejdbc.calcite.ScanFailures;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Turns what Calcite and the scans throw into the exception a user can act on: a scan's own
 * {@link SQLException} with its SQLState, or a syntax or validation error with SQLState 42xxx and
 * the position in the statement, instead of Calcite's generic wrapper.
 */
final class SqlErrors {

    /** SQLState of a syntax error or an access rule violation. */
    static final String SYNTAX = "42000";
    /** SQLState of an unknown table or view. */
    static final String UNKNOWN_TABLE = "42S02";
    /** SQLState of an unknown column. */
    static final String UNKNOWN_COLUMN = "42S22";

    private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("Object '([^']*)' not found");
    private static final Pattern TABLE_NOT_FOUND =
            Pattern.compile("Table '([^']*)' not found");
    private static final Pattern COLUMN_NOT_FOUND =
            Pattern.compile("Column '([^']*)' not found");

    private SqlErrors() {
    }

    /**
     * The exception to give the user for a failure of a statement.
     *
     * @param tableNames the tables of the connection, named in the message for an unknown table
     */
    static SQLException translate(Throwable failure, Collection<String> tableNames) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t != failure && t instanceof SQLException sql && sql.getSQLState() != null) {
                // an exception of ours wrapped by Calcite: it carries the considered SQLState
                return sql;
            }
            SQLException lost = ScanFailures.take(t.getMessage());
            if (lost != null) {
                return lost;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        SqlParseException parse = find(failure, SqlParseException.class);
        if (parse != null) {
            return new SQLSyntaxErrorException("SQL syntax error"
                    + position(parse.getPos() == null ? 0 : parse.getPos().getLineNum(),
                            parse.getPos() == null ? 0 : parse.getPos().getColumnNum())
                    + ": " + firstSentence(parse.getMessage()), SYNTAX, failure);
        }
        CalciteContextException context = find(failure, CalciteContextException.class);
        SqlValidatorException validator = find(failure, SqlValidatorException.class);
        if (context != null || validator != null) {
            String message = validator != null ? validator.getMessage() : context.getMessage();
            String where = context == null ? ""
                    : position(context.getPosLine(), context.getPosColumn());
            Matcher table = OBJECT_NOT_FOUND.matcher(message);
            Matcher table2 = TABLE_NOT_FOUND.matcher(message);
            if (table.find() || table2.find()) {
                String name = table.find(0) ? table.group(1) : table2.group(1);
                return new SQLSyntaxErrorException("Table '" + name + "' not found" + where
                        + ". The tables are: " + String.join(", ", tableNames) + ".",
                        UNKNOWN_TABLE, failure);
            }
            Matcher column = COLUMN_NOT_FOUND.matcher(message);
            if (column.find()) {
                return new SQLSyntaxErrorException(message + where
                        + ". DatabaseMetaData.getColumns (or \\d TABLE in exsql) lists the"
                        + " columns.", UNKNOWN_COLUMN, failure);
            }
            return new SQLSyntaxErrorException("Invalid statement" + where + ": " + message,
                    SYNTAX, failure);
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            return sql;
        }
        return new SQLException("The statement failed: " + failure.getMessage(), "HY000",
                failure);
    }

    private static String position(int line, int column) {
        if (line <= 0) {
            return "";
        }
        return " at line " + line + ", column " + column;
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "";
        }
        String m = message.strip();
        int newline = m.indexOf('\n');
        String first = newline < 0 ? m : m.substring(0, newline);
        int was = m.indexOf("Was expecting");
        if (was > 0) {
            String expecting = m.substring(was).replaceAll("\\s+", " ");
            if (expecting.length() > 200) {
                expecting = expecting.substring(0, 200) + " ...";
            }
            return first + " " + expecting;
        }
        return first;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
