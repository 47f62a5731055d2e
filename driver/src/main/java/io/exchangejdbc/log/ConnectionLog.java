package io.exchangejdbc.log;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of one connection: messages of the selected {@link LogModule}s up to the configured
 * {@link Verbosity}, with every secret masked by the connection's {@link Redactor}, written to the
 * {@code Logfile} when one is set (no SLF4J binding needed) and forwarded to SLF4J at debug level.
 *
 * <p>Thread-safe. Logging never throws: a file that can no longer be written is dropped with one
 * warning through SLF4J, since a failing log must not fail the query it describes.
 */
public final class ConnectionLog implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    /** Bodies longer than this are cut in the log; the rest is only counted. */
    public static final int MAX_BODY_CHARS = 4096;

    private final Verbosity verbosity;
    private final Set<LogModule> modules;
    private final Redactor redactor;
    private final Clock clock;
    private final Map<LogModule, Logger> loggers = new EnumMap<>(LogModule.class);
    private volatile RotatingLogFile file;

    private ConnectionLog(Verbosity verbosity, Set<LogModule> modules, Redactor redactor,
            RotatingLogFile file, Clock clock) {
        this.verbosity = verbosity;
        this.modules = EnumSet.copyOf(modules);
        this.redactor = redactor;
        this.file = file;
        this.clock = clock;
        for (LogModule m : LogModule.values()) {
            loggers.put(m, LoggerFactory.getLogger("io.exchangejdbc." + m.label()));
        }
    }

    /**
     * The log a connection's configuration asks for: {@code Logfile}, {@code Verbosity},
     * {@code LogModules}, {@code MaxLogFileSize} and {@code MaxLogFileCount}, masking the values of
     * every secret property that is set (and each value of {@code CustomHeaders}).
     *
     * @throws SQLException with SQLState 08001 when the log file cannot be opened
     */
    public static ConnectionLog open(ExchangeConfig config) throws SQLException {
        requireNonNull(config, "config");
        Redactor redactor = Redactor.of(secretValues(config));
        Verbosity verbosity = Verbosity.of(config.getInt(ExchangeProperty.VERBOSITY));
        Set<LogModule> modules = LogModule.parse(config.get(ExchangeProperty.LOG_MODULES));
        String logfile = config.get(ExchangeProperty.LOGFILE);
        if (logfile == null || logfile.isBlank()) {
            return new ConnectionLog(verbosity, modules, redactor, null, Clock.systemUTC());
        }
        Path path;
        try {
            path = Path.of(logfile.strip());
        } catch (InvalidPathException e) {
            throw new SQLException("The Logfile '" + logfile + "' is not a valid file path: "
                    + e.getReason() + ". Check the Logfile connection property.", "08001", e);
        }
        long maxSize = config.getLong(ExchangeProperty.MAX_LOG_FILE_SIZE);
        int maxCount = config.getInt(ExchangeProperty.MAX_LOG_FILE_COUNT);
        return toFile(path, verbosity, modules, maxSize, maxCount, redactor, Clock.systemUTC());
    }

    /**
     * A log written to a file.
     *
     * @param maxSize  bytes at which the file is rotated
     * @param maxCount rotated files kept; 0 or less keeps them all
     * @throws SQLException with SQLState 08001 when the file cannot be opened
     */
    public static ConnectionLog toFile(Path path, Verbosity verbosity, Set<LogModule> modules,
            long maxSize, int maxCount, Redactor redactor, Clock clock) throws SQLException {
        requireNonNull(path, "path");
        try {
            RotatingLogFile file = RotatingLogFile.acquire(path, maxSize, maxCount, clock);
            return new ConnectionLog(requireNonNull(verbosity, "verbosity"), modules,
                    requireNonNull(redactor, "redactor"), file, clock);
        } catch (IOException e) {
            throw new SQLException("Could not open the Logfile '" + path + "' for writing: "
                    + e.getMessage() + ". Check the Logfile connection property: its folder"
                    + " must exist and be writable.", "08001", e);
        }
    }

    /** A log without a file: messages only reach SLF4J, secrets masked by {@code redactor}. */
    public static ConnectionLog withoutFile(Verbosity verbosity, Redactor redactor) {
        return new ConnectionLog(requireNonNull(verbosity, "verbosity"),
                EnumSet.allOf(LogModule.class), requireNonNull(redactor, "redactor"), null,
                Clock.systemUTC());
    }

    /** The values of the configuration that must never be printed. */
    public static List<String> secretValues(ExchangeConfig config) {
        List<String> values = new ArrayList<>();
        for (ExchangeProperty p : ExchangeProperty.values()) {
            if (p.secret() && config.isSet(p)) {
                values.add(config.get(p));
            }
        }
        if (config.isSet(ExchangeProperty.CUSTOM_HEADERS)) {
            values.addAll(config.customHeaders().values());
        }
        return values;
    }

    /** The redactor of this connection, for messages that leave the driver in exceptions. */
    public Redactor redactor() {
        return redactor;
    }

    /** The configured verbosity. */
    public Verbosity verbosity() {
        return verbosity;
    }

    /**
     * Whether a message of this module and level would be recorded anywhere; lets callers skip
     * building messages nobody reads.
     */
    public boolean isEnabled(LogModule module, Verbosity level) {
        if (!modules.contains(module) || !verbosity.includes(level)) {
            return false;
        }
        return file != null || loggers.get(module).isDebugEnabled();
    }

    /** Records a message (secrets masked) when its module and level are enabled. */
    public void log(LogModule module, Verbosity level, String message) {
        if (isEnabled(module, level)) {
            write(module, level, redactor.redact(message));
        }
    }

    /**
     * Records an error at {@link Verbosity#SUMMARY}: the message and the chain of causes, each on
     * one line, plus stack frames at {@link Verbosity#TRANSPORT}.
     */
    public void error(LogModule module, String message, Throwable error) {
        if (!isEnabled(module, Verbosity.SUMMARY)) {
            return;
        }
        StringBuilder sb = new StringBuilder(message);
        boolean frames = verbosity.includes(Verbosity.TRANSPORT);
        for (Throwable t = error; t != null; t = t.getCause()) {
            sb.append(t == error ? ": " : " | caused by ").append(t.getClass().getName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            if (frames) {
                for (StackTraceElement e : t.getStackTrace()) {
                    sb.append(System.lineSeparator()).append("    at ").append(e);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        write(module, Verbosity.SUMMARY, redactor.redact(sb.toString()));
    }

    /** A body for the log: secrets masked, cut at {@link #MAX_BODY_CHARS} characters. */
    public String body(String text) {
        if (text == null) {
            return "";
        }
        String redacted = redactor.redact(text);
        if (redacted.length() <= MAX_BODY_CHARS) {
            return redacted;
        }
        return redacted.substring(0, MAX_BODY_CHARS) + "... (" + (redacted.length()
                - MAX_BODY_CHARS) + " more characters)";
    }

    private void write(LogModule module, Verbosity level, String text) {
        Logger logger = loggers.get(module);
        if (logger.isDebugEnabled()) {
            logger.debug(text);
        }
        RotatingLogFile f = file;
        if (f == null) {
            return;
        }
        String line = TIME.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)) + " ["
                + module.label() + "] " + level.level()
                + " [" + Thread.currentThread().getName() + "] " + text;
        try {
            f.append(line);
        } catch (IOException e) {
            file = null;
            f.release();
            logger.warn("exchange-jdbc stopped writing its Logfile {}: {}", f.path(),
                    e.getMessage());
        }
    }

    /** Closes the file (the last connection sharing it closes it for real). */
    @Override
    public void close() {
        RotatingLogFile f = file;
        file = null;
        if (f != null) {
            f.release();
        }
    }
}
