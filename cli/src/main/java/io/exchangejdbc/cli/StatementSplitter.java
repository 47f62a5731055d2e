package io.exchangejdbc.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splitter of SQL text into statements at each {@code ;} that is not inside a string literal
 * ({@code '...'}, with {@code ''} for a quote), a quoted identifier ({@code "..."}), a line comment
 * ({@code -- ...}) or a block comment ({@code /* ... *}{@code /}).
 *
 * <p>Each statement comes back without the comments and blanks that lead or trail it (a script's
 * heading comment is not sent to the server as part of its first statement); comments inside a
 * statement are kept. Statements that hold nothing but comments are dropped.
 */
public final class StatementSplitter {

    /**
     * The outcome of splitting text that may end in the middle of a statement.
     *
     * @param statements the statements that ended with {@code ;}
     * @param rest       what follows the last {@code ;}, verbatim
     * @param open       whether {@code rest} is unfinished: it holds SQL, or ends inside a
     *                   literal or comment
     */
    public record Split(List<String> statements, String rest, boolean open) {

        public Split {
            statements = Collections.unmodifiableList(new ArrayList<>(statements));
        }

        /** {@code rest} as a final statement, or null when it holds no SQL. */
        public String restStatement() {
            return trimmed(rest);
        }
    }

    /** Where the scanner is: in SQL proper, or inside something a {@code ;} cannot end. */
    private enum State { CODE, STRING, IDENTIFIER, LINE_COMMENT, BLOCK_COMMENT }

    private StatementSplitter() {
    }

    /** All statements of a complete text, including a last one that lacks its {@code ;}. */
    public static List<String> statements(String text) {
        Split split = split(text);
        List<String> all = new ArrayList<>(split.statements());
        String last = split.restStatement();
        if (last != null) {
            all.add(last);
        }
        return all;
    }

    /**
     * Whether {@code text} ends where a statement may end: after a {@code ;}, or with nothing but
     * blanks and comments since, and not inside a literal or a block comment.
     */
    public static boolean isComplete(String text) {
        return !split(text).open();
    }

    /** Splits {@code text} into its finished statements and the unfinished rest. */
    public static Split split(String text) {
        List<String> statements = new ArrayList<>();
        State state = State.CODE;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            switch (state) {
                case CODE:
                    if (c == ';') {
                        String statement = trimmed(text.substring(start, i));
                        if (statement != null) {
                            statements.add(statement);
                        }
                        start = i + 1;
                    } else if (c == '\'') {
                        state = State.STRING;
                    } else if (c == '"') {
                        state = State.IDENTIFIER;
                    } else if (c == '-' && next == '-') {
                        state = State.LINE_COMMENT;
                        i++;
                    } else if (c == '/' && next == '*') {
                        state = State.BLOCK_COMMENT;
                        i++;
                    }
                    break;
                case STRING:
                case IDENTIFIER:
                    char quote = state == State.STRING ? '\'' : '"';
                    if (c == quote) {
                        if (next == quote) {
                            i++;
                        } else {
                            state = State.CODE;
                        }
                    }
                    break;
                case LINE_COMMENT:
                    if (c == '\n' || c == '\r') {
                        state = State.CODE;
                    }
                    break;
                default:
                    if (c == '*' && next == '/') {
                        state = State.CODE;
                        i++;
                    }
                    break;
            }
        }
        String rest = text.substring(start);
        boolean open = state == State.STRING || state == State.IDENTIFIER
                || state == State.BLOCK_COMMENT || trimmed(rest) != null;
        return new Split(statements, rest, open);
    }

    /**
     * {@code sql} without leading and trailing blanks and comments, or null when nothing else is
     * left.
     */
    static String trimmed(String sql) {
        int first = -1;
        int end = 0;
        State state = State.CODE;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
            switch (state) {
                case CODE:
                    if (c == '-' && next == '-') {
                        state = State.LINE_COMMENT;
                        i++;
                        continue;
                    } else if (c == '/' && next == '*') {
                        state = State.BLOCK_COMMENT;
                        i++;
                        continue;
                    } else if (Character.isWhitespace(c)) {
                        continue;
                    } else if (c == '\'') {
                        state = State.STRING;
                    } else if (c == '"') {
                        state = State.IDENTIFIER;
                    }
                    break;
                case STRING:
                case IDENTIFIER:
                    char quote = state == State.STRING ? '\'' : '"';
                    if (c == quote) {
                        if (next == quote) {
                            i++;
                        } else {
                            state = State.CODE;
                        }
                    }
                    break;
                case LINE_COMMENT:
                    if (c == '\n' || c == '\r') {
                        state = State.CODE;
                    }
                    continue;
                default:
                    if (c == '*' && next == '/') {
                        state = State.CODE;
                        i++;
                    }
                    continue;
            }
            // Reached for every character of SQL proper, including those of literals.
            if (first < 0) {
                first = i;
            }
            end = i + 1;
        }
        if (state == State.STRING || state == State.IDENTIFIER) {
            end = sql.length();
        }
        return first < 0 ? null : sql.substring(first, end);
    }
}
