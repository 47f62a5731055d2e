package io.exchangejdbc.cli;

import static java.util.Objects.requireNonNull;

/**
 * Some SQL named on the command line: statements given as text ({@code -e} or the last
 * argument) or a script file ({@code -f}, where {@code -} means standard input).
 *
 * @param file  whether {@code value} is a file name rather than SQL text
 * @param value the SQL text or the file name
 */
public record SqlSource(boolean file, String value) {

    public SqlSource {
        requireNonNull(value, "value");
    }

    /** SQL text, one or more statements separated by {@code ;}. */
    public static SqlSource text(String sql) {
        return new SqlSource(false, sql);
    }

    /** A script file, or standard input for {@code -}. */
    public static SqlSource file(String name) {
        return new SqlSource(true, name);
    }

    /** Whether this source is standard input. */
    public boolean stdin() {
        return file && "-".equals(value);
    }
}
