package io.exchangejdbc.procedure;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recognises the statements that call a stored procedure and parses them into a
 * {@link ProcedureCall}:
 * <ul>
 *   <li>{@code EXEC name @P1 = value, @P2 = value} and {@code EXECUTE name P1 = value, ...}
 *       (named, with or without {@code @}, or positional);</li>
 *   <li>{@code CALL name(value, ...)}, {@code CALL name(P1 => value, ...)} or {@code P1 = value};
 *   </li>
 *   <li>JDBC's escape {@code {call name(?, ?)}}.</li>
 * </ul>
 * Values are string literals in single quotes (a doubled quote is a quote), numbers,
 * {@code TRUE}, {@code FALSE}, {@code NULL} or the marker {@code ?}.
 */
public final class ProcedureCallParser {

    /** SQLState of a malformed call. */
    static final String SYNTAX = "42000";

    private final String sql;
    private int pos;

    private ProcedureCallParser(String sql) {
        this.sql = sql;
    }

    /**
     * The call the statement makes, or null when the statement is not a procedure call (it is
     * then ordinary SQL for the query engine).
     *
     * @throws SQLSyntaxErrorException 42000 when it is a call but malformed
     */
    public static ProcedureCall parse(String sql) throws SQLException {
        if (sql == null) {
            return null;
        }
        ProcedureCallParser p = new ProcedureCallParser(sql);
        return p.call();
    }

    /** Whether the statement looks like a procedure call, without parsing it. */
    public static boolean isCall(String sql) {
        if (sql == null) {
            return false;
        }
        ProcedureCallParser p = new ProcedureCallParser(sql);
        p.skipSpace();
        if (p.peek() == '{') {
            return true;
        }
        String word = p.word();
        return word != null && (word.equals("EXEC") || word.equals("EXECUTE")
                || word.equals("CALL"));
    }

    private ProcedureCall call() throws SQLException {
        skipSpace();
        boolean escape = false;
        if (peek() == '{') {
            escape = true;
            pos++;
            skipSpace();
        }
        int start = pos;
        String keyword = word();
        if (keyword == null || !(keyword.equals("CALL") || (!escape
                && (keyword.equals("EXEC") || keyword.equals("EXECUTE"))))) {
            if (escape) {
                throw error(start, "a JDBC escape must read {call name(...)}");
            }
            pos = 0;
            return null;
        }
        skipSpace();
        String name = identifier();
        if (name == null) {
            throw error(pos, "the procedure name is missing after " + keyword);
        }
        skipSpace();
        List<ProcedureCall.Argument> args = new ArrayList<>();
        if (keyword.equals("CALL")) {
            if (peek() == '(') {
                pos++;
                skipSpace();
                if (peek() == ')') {
                    pos++;
                } else {
                    arguments(args, ')');
                    expect(')');
                }
            }
        } else if (!atEnd()) {
            arguments(args, '\0');
        }
        skipSpace();
        if (escape) {
            expect('}');
            skipSpace();
        }
        if (peek() == ';') {
            pos++;
            skipSpace();
        }
        if (!atEnd()) {
            throw error(pos, "unexpected text after the call");
        }
        return new ProcedureCall(name, args);
    }

    private void arguments(List<ProcedureCall.Argument> args, char close) throws SQLException {
        while (true) {
            skipSpace();
            int start = pos;
            String name = null;
            if (peek() == '@' || Character.isLetter(peek())) {
                int save = pos;
                boolean at = peek() == '@';
                if (at) {
                    pos++;
                }
                String id = identifier();
                skipSpace();
                if (id != null && (peek() == '=' || lookingAt("=>"))) {
                    pos += lookingAt("=>") ? 2 : 1;
                    name = id;
                    skipSpace();
                } else if (at) {
                    throw error(start, "a named argument reads @Name = value");
                } else {
                    pos = save; // a keyword value such as TRUE or NULL
                }
            }
            args.add(value(name));
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            if (peek() == close || (close == '\0' && (atEnd() || peek() == ';'))) {
                return;
            }
            throw error(pos, "expected ',' between arguments");
        }
    }

    private ProcedureCall.Argument value(String name) throws SQLException {
        char c = peek();
        if (c == '?') {
            pos++;
            return new ProcedureCall.Argument(name, null, true);
        }
        if (c == '\'') {
            return new ProcedureCall.Argument(name, string(), false);
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            int start = pos;
            pos++;
            while (!atEnd() && (Character.isDigit(peek()) || peek() == '.' || peek() == 'e'
                    || peek() == 'E')) {
                pos++;
            }
            try {
                return new ProcedureCall.Argument(name,
                        new BigDecimal(sql.substring(start, pos)), false);
            } catch (NumberFormatException e) {
                throw error(start, "'" + sql.substring(start, pos) + "' is not a number");
            }
        }
        int start = pos;
        String word = word();
        if ("TRUE".equals(word) || "FALSE".equals(word)) {
            return new ProcedureCall.Argument(name, Boolean.valueOf(word.equals("TRUE")), false);
        }
        if ("NULL".equals(word)) {
            return new ProcedureCall.Argument(name, null, false);
        }
        throw error(start, "expected a value: 'text', a number, TRUE, FALSE, NULL or ?");
    }

    private String string() throws SQLException {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (!atEnd()) {
            char c = sql.charAt(pos++);
            if (c == '\'') {
                if (peek() == '\'') {
                    sb.append('\'');
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        throw error(start, "the string starting here is not closed with '");
    }

    private String identifier() {
        skipSpace();
        if (peek() == '"') {
            int end = sql.indexOf('"', pos + 1);
            if (end < 0) {
                return null;
            }
            String id = sql.substring(pos + 1, end);
            pos = end + 1;
            return id;
        }
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_'
                || peek() == '.')) {
            pos++;
        }
        return pos > start ? sql.substring(start, pos) : null;
    }

    /** The next bare word in upper case, or null. */
    private String word() {
        int start = pos;
        while (!atEnd() && Character.isLetter(peek())) {
            pos++;
        }
        return pos > start ? sql.substring(start, pos).toUpperCase(Locale.ROOT) : null;
    }

    private void expect(char c) throws SQLException {
        skipSpace();
        if (peek() != c) {
            throw error(pos, "expected '" + c + "'");
        }
        pos++;
    }

    private boolean lookingAt(String s) {
        return sql.startsWith(s, pos);
    }

    private void skipSpace() {
        while (!atEnd()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                int nl = sql.indexOf('\n', pos);
                pos = nl < 0 ? sql.length() : nl + 1;
            } else {
                return;
            }
        }
    }

    private char peek() {
        return atEnd() ? '\0' : sql.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= sql.length();
    }

    private SQLSyntaxErrorException error(int at, String what) {
        return new SQLSyntaxErrorException("Malformed procedure call at character " + (at + 1)
                + ": " + what + ". Write EXEC name @Param = value, ... or CALL name(value, ...).",
                SYNTAX);
    }
}
