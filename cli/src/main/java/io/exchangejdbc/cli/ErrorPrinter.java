package io.exchangejdbc.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Printer of errors as one line a user can act on, {@code ERROR [SQLSTATE] message} with the
 * first line of the message, followed, when verbose, by the causes and the stack trace.
 *
 * <p>Whatever it prints has the connection's secrets masked: messages from outside the driver
 * (the driver manager's "No suitable driver found for URL", say) may quote the connection string.
 */
final class ErrorPrinter {

    /** The mask that stands for a secret. */
    static final String MASK = "****";

    /** Shorter values would mask ordinary words; no real secret is that short. */
    private static final int MIN_SECRET_LENGTH = 3;

    private static final Pattern SECRET_PAIR = Pattern.compile("(?i)\\b("
            + String.join("|", ConnectionProperties.SECRET_NAMES)
            + ")(\\s*=\\s*)('(?:[^']|'')*'?|\"(?:[^\"]|\"\")*\"?|[^;\\s]*)");

    private final boolean verbose;
    private final PrintStream out;
    private final PrintStream err;
    private final List<String> secrets;

    /** A printer that knows no secrets but those written as {@code Name=value} pairs. */
    ErrorPrinter(boolean verbose, PrintStream out, PrintStream err) {
        this(verbose, out, err, List.of());
    }

    /**
     * A printer to {@code err}; {@code out} is flushed first so that an error shows after the
     * output that came before it.
     *
     * @param secrets values to mask wherever they show up
     */
    ErrorPrinter(boolean verbose, PrintStream out, PrintStream err, Collection<String> secrets) {
        this.verbose = verbose;
        this.out = requireNonNull(out, "out");
        this.err = requireNonNull(err, "err");
        this.secrets = List.copyOf(secrets);
    }

    /** Prints the error line for {@code e} and, when verbose, its causes and stack trace. */
    void report(Throwable e) {
        out.flush();
        err.println(redact(line(e)));
        if (verbose) {
            StringWriter trace = new StringWriter();
            PrintWriter writer = new PrintWriter(trace);
            e.printStackTrace(writer);
            if (e instanceof SQLException) {
                for (SQLException next = ((SQLException) e).getNextException(); next != null;
                        next = next.getNextException()) {
                    writer.print("Next exception: ");
                    next.printStackTrace(writer);
                }
            }
            writer.flush();
            err.print(redact(trace.toString()));
        }
        err.flush();
    }

    /** {@code text} with every secret masked. */
    String redact(String text) {
        String masked = SECRET_PAIR.matcher(text).replaceAll("$1$2" + MASK);
        for (String secret : secrets) {
            if (secret.length() >= MIN_SECRET_LENGTH) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    /** Prints an error of the shell itself, which has no SQLSTATE. */
    void report(String message) {
        out.flush();
        err.println(redact("ERROR " + message));
        err.flush();
    }

    /** {@code ERROR [SQLSTATE] first line of the message}. */
    static String line(Throwable e) {
        StringBuilder sb = new StringBuilder("ERROR ");
        if (e instanceof SQLException) {
            String state = ((SQLException) e).getSQLState();
            if (state != null && !state.isBlank()) {
                sb.append('[').append(state.trim()).append("] ");
            }
        }
        String message = firstLine(e.getMessage());
        if (!(e instanceof SQLException) || message == null) {
            // Anything but an SQLException is a surprise; its type says more than its message.
            sb.append(e.getClass().getName());
            if (message != null) {
                sb.append(": ");
            }
        }
        if (message != null) {
            sb.append(message);
        }
        return sb.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        for (String line : message.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return null;
    }
}
