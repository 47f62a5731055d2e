package io.exchangejdbc.cli;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The {@code exsql} command: parses the command line, connects (to the connection string given,
 * or to the built-in emulator with {@code --demo}), then runs the SQL given, a script, the
 * statements piped to standard input, or the interactive shell.
 *
 * <p>Exit status: 0 when everything ran, 1 when a statement or the connection failed, 2 when the
 * command line is wrong.
 */
public final class Exsql {

    /** Exit status when everything ran. */
    public static final int OK = 0;
    /** Exit status when a statement, a command or the connection failed. */
    public static final int SQL_ERROR = 1;
    /** Exit status when the command line is wrong. */
    public static final int USAGE_ERROR = 2;

    /** The environment variable that holds the connection string when {@code -c} is absent. */
    public static final String URL_VARIABLE = "EXCHANGE_JDBC_URL";

    /** Opener of a JDBC connection from a URL; the driver manager, or a stand-in in tests. */
    @FunctionalInterface
    interface Connector {
        /** Opens a connection to {@code url}. */
        Connection connect(String url) throws SQLException;
    }

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final boolean stdinIsTerminal;
    private final Connector connector;

    /**
     * A run of the command with its own streams and environment.
     *
     * @param stdinIsTerminal whether {@code in} is a terminal, which makes the shell interactive
     *                        when no SQL is given
     * @param connector       opens the connection
     */
    Exsql(InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
            boolean stdinIsTerminal, Connector connector) {
        this.in = requireNonNull(in, "in");
        this.out = requireNonNull(out, "out");
        this.err = requireNonNull(err, "err");
        this.env = requireNonNull(env, "env");
        this.stdinIsTerminal = stdinIsTerminal;
        this.connector = requireNonNull(connector, "connector");
    }

    /**
     * A run that connects through {@link DriverManager} and never asks for the interactive
     * shell unless {@code -i} is given; for programs and tests that run {@code exsql} in-process.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
            Map<String, String> env) {
        return new Exsql(in, out, err, env, false, DriverManager::getConnection).run(args);
    }

    /** Runs {@code exsql} with the process's streams and environment, then exits. */
    public static void main(String[] args) {
        Charset charset = consoleCharset();
        PrintStream out = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, charset);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, charset);
        int status = new Exsql(System.in, out, err, System.getenv(), Terminals.stdinIsTerminal(),
                DriverManager::getConnection).run(args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * The charset for output: the console's where Java reports one (Windows consoles), else
     * UTF-8, which is what terminals and the files CSV and JSON go to expect, whatever the
     * locale of the process says.
     */
    static Charset consoleCharset() {
        String name = System.getProperty("sun.stdout.encoding");
        if (name != null) {
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                // An encoding Java cannot write: UTF-8 is the better guess.
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Runs the command line {@code args} and returns the exit status. */
    int run(String[] args) {
        ExsqlOptions options;
        try {
            options = ExsqlOptions.parse(args);
            if (options.help()) {
                out.print(ExsqlOptions.USAGE);
                out.flush();
                return OK;
            }
            if (options.version()) {
                out.println(version());
                out.flush();
                return OK;
            }
            checkFiles(options);
        } catch (UsageException e) {
            return usageError(e.getMessage());
        }
        String connectionString = options.connect() != null ? options.connect()
                : env.get(URL_VARIABLE);
        if (!options.demo() && (connectionString == null || connectionString.isBlank())) {
            return usageError("no connection string: give -c \"Name=Value;...\" or set "
                    + URL_VARIABLE + ", or try --demo");
        }
        DemoEnvironment demo = null;
        ErrorPrinter errors = new ErrorPrinter(options.verbose(), out, err,
                options.demo() ? List.of() : ConnectionProperties.secretValues(connectionString));
        try {
            if (options.demo()) {
                demo = DemoEnvironment.start();
                connectionString = demo.connectionString();
                errors = new ErrorPrinter(options.verbose(), out, err,
                        ConnectionProperties.secretValues(connectionString));
            }
            try (Connection connection = connector.connect(
                    ConnectionProperties.url(connectionString))) {
                if (demo != null) {
                    err.println(demo.description());
                    err.flush();
                }
                SqlSession session = new SqlSession(connection, options.format(),
                        options.maxWidth(), errors, out, err);
                return runWith(options, session, connection, demo != null);
            }
        } catch (SQLException | RuntimeException e) {
            errors.report(e);
            return SQL_ERROR;
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }

    private int runWith(ExsqlOptions options, SqlSession session, Connection connection,
            boolean demo) {
        ScriptRunner scripts = new ScriptRunner(session);
        try {
            for (SqlSource source : options.sources()) {
                ScriptRunner.Outcome outcome;
                if (source.file()) {
                    try (BufferedReader reader = source.stdin() ? stdinReader()
                            : Files.newBufferedReader(Path.of(source.value()),
                                    StandardCharsets.UTF_8)) {
                        outcome = scripts.run(reader);
                    }
                } else {
                    outcome = runText(session, source.value());
                }
                if (outcome.failed()) {
                    return SQL_ERROR;
                }
                if (outcome.quit()) {
                    return OK;
                }
            }
            boolean interactive = options.interactive()
                    || (options.sources().isEmpty() && stdinIsTerminal);
            if (interactive) {
                InteractiveShell.runOnSystemTerminal(session, connection, historyFile(),
                        version() + ". Statements end with ';'. \\help for help, \\q to quit.");
                return OK;
            }
            if (options.sources().isEmpty()) {
                ScriptRunner.Outcome outcome = scripts.run(stdinReader());
                if (outcome.failed()) {
                    return SQL_ERROR;
                }
                if (demo && outcome.executed() == 0) {
                    return session.execute(DemoEnvironment.SAMPLE_QUERY) ? OK : SQL_ERROR;
                }
            }
            return OK;
        } catch (IOException | UncheckedIOException e) {
            session.report(e);
            return SQL_ERROR;
        }
    }

    private static ScriptRunner.Outcome runText(SqlSession session, String text) {
        int executed = 0;
        for (String sql : StatementSplitter.statements(text)) {
            executed++;
            if (!session.execute(sql)) {
                return new ScriptRunner.Outcome(executed, true, false);
            }
        }
        return new ScriptRunner.Outcome(executed, false, false);
    }

    /** {@code ~/.exsql_history}, where {@code ~} is $HOME as shells have it, else Java's. */
    private Path historyFile() {
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return Path.of(home, ".exsql_history");
    }

    private BufferedReader stdinReader() {
        return new BufferedReader(new InputStreamReader(in, consoleCharset()));
    }

    /** Fails early, before connecting, when a script named with {@code -f} cannot be read. */
    private static void checkFiles(ExsqlOptions options) throws UsageException {
        for (SqlSource source : options.sources()) {
            if (source.file() && !source.stdin()) {
                Path path = Path.of(source.value());
                if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                    throw new UsageException("cannot read the file " + source.value());
                }
            }
        }
    }

    private int usageError(String message) {
        out.flush();
        err.println("exsql: " + message);
        err.println("Try 'exsql --help' for the options.");
        err.flush();
        return USAGE_ERROR;
    }

    /** {@code exsql VERSION}, from the jar's manifest. */
    static String version() {
        String version = Exsql.class.getPackage().getImplementationVersion();
        return "exsql " + (version == null ? "(development build)" : version);
    }
}
