package io.exchangejdbc.ews;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.graph.GraphQuery;
import io.exchangejdbc.graph.Operand;
import io.exchangejdbc.graph.RowCursor;
import io.exchangejdbc.http.QueryControl;
import io.exchangejdbc.http.Sleeper;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.LogModule;
import io.exchangejdbc.log.Verbosity;
import io.exchangejdbc.schema.EwsSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Exchange Web Services client of one connection: it owns the connection's
 * {@link SoapPoster}, writes each operation's envelope ({@link SoapWriter}), reads the answer as
 * it streams in ({@link SoapReader}), waits out {@code ErrorServerBusy} as long as Exchange's
 * {@code BackOffMilliseconds} says (a bounded number of times), and runs scans of EWS tables.
 *
 * <p>Thread-safe: scans and procedure calls may run concurrently.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/ews-operations-in-exchange">
 *     EWS operations in Exchange</a>
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/exchange-web-services/ews-throttling-in-exchange">
 *     EWS throttling in Exchange</a>
 */
public final class EwsClient implements AutoCloseable {

    /** Attempts of a request that Exchange answers with ErrorServerBusy, the first included. */
    static final int MAX_BUSY_ATTEMPTS = 4;
    /** The longest BackOffMilliseconds waited; a longer one is reported instead. */
    static final long MAX_BACK_OFF_MILLIS = 60_000;
    /**
     * Requests of one read, the first included, whose answers break off (a cut connection, a
     * truncated or malformed envelope); the transport itself repeats reset connections and
     * 429, 503 and 504 answers.
     */
    static final int ANSWER_ATTEMPTS = 3;
    private static final AtomicInteger PAGE_THREADS = new AtomicInteger();

    private final SoapPoster poster;
    private final ExchangeVersion version;
    private final EwsSettings settings;
    private final ConnectionLog log;
    private final AutoCloseable owned;
    private final Sleeper sleeper;
    private final Duration timeout;
    private volatile SoapReader.ServerVersion serverVersion;
    private volatile boolean closed;
    /** Reads the next page of a scan while its consumer works through the current one. */
    private final ExecutorService pageReaders = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "exchange-jdbc-ews-pages-" + PAGE_THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /**
     * A client over a poster.
     *
     * @param owned what closing the client closes besides the poster (the transport, the log),
     *              or null
     */
    public EwsClient(SoapPoster poster, ExchangeVersion version, EwsSettings settings,
            ConnectionLog log, AutoCloseable owned, Sleeper sleeper) {
        this(poster, version, settings, log, owned, sleeper, Duration.ZERO);
    }

    /**
     * A client over a poster whose calls, their waits for {@code ErrorServerBusy} included, are
     * bounded by {@code timeout} (the connection's {@code Timeout}; zero for none).
     */
    public EwsClient(SoapPoster poster, ExchangeVersion version, EwsSettings settings,
            ConnectionLog log, AutoCloseable owned, Sleeper sleeper, Duration timeout) {
        this.timeout = requireNonNull(timeout, "timeout");
        this.poster = requireNonNull(poster, "poster");
        this.version = requireNonNull(version, "version");
        this.settings = requireNonNull(settings, "settings");
        this.log = requireNonNull(log, "log");
        this.owned = owned;
        this.sleeper = requireNonNull(sleeper, "sleeper");
    }

    /**
     * The client of a connection's configuration: {@code Server}, {@code Platform},
     * {@code AuthScheme} and the scan properties. Does not touch the network.
     *
     * @throws SQLException 08001 for a malformed Platform or a missing Server or credential
     */
    public static EwsClient open(ExchangeConfig config) throws SQLException {
        requireNonNull(config, "config");
        ExchangeVersion version = ExchangeVersion.of(config);
        ConnectionLog log = ConnectionLog.open(config);
        Transport transport = null;
        try {
            transport = TransportSoapPoster.transport(config, log);
            TransportSoapPoster poster = TransportSoapPoster.open(config, transport);
            Transport t = transport;
            EwsClient client = new EwsClient(poster, version, EwsSettings.from(config), log,
                    () -> {
                        t.close();
                        log.close();
                    }, Sleeper.SYSTEM, transport.options().timeout());
            log.log(LogModule.EWS, Verbosity.SUMMARY, "EWS client for " + poster.server()
                    + " as " + version.platform() + " (RequestServerVersion "
                    + version.requestVersion() + ")");
            return client;
        } catch (SQLException | RuntimeException e) {
            if (transport != null) {
                transport.close();
            }
            log.close();
            throw e;
        }
    }

    /** The version the client asks Exchange to speak. */
    public ExchangeVersion version() {
        return version;
    }

    /** The scan settings. */
    public EwsSettings settings() {
        return settings;
    }

    /** The connection's log. */
    public ConnectionLog log() {
        return log;
    }

    /** The threads that read pages ahead of a scan's consumer. */
    ExecutorService pageReaders() {
        return pageReaders;
    }

    /** The version of the server from the last answer's ServerVersionInfo, or null. */
    public SoapReader.ServerVersion serverVersion() {
        return serverVersion;
    }

    /**
     * Sends one operation and reads its answer.
     *
     * <p>A read ({@code readOnly}) whose answer breaks off is sent again, at most
     * {@link #ANSWER_ATTEMPTS} times in all, so the handler must start from nothing each time it
     * is called (collect into state it resets). {@code ErrorServerBusy} is waited out as
     * {@code BackOffMilliseconds} asks, while the poster holds back the other requests to the
     * same mailbox, when the wait fits within the {@code Timeout}. A write is never sent again
     * after a failure that leaves its fate unknown (the connection broke after it was sent, the
     * answer never came or was cut off): the exception says it may have been applied.
     *
     * @param operation the operation's name ({@code FindItem}), its SOAP action
     * @param scope     whose mailbox the request acts on
     * @param readOnly  whether the request only reads (the transport may repeat it)
     * @param body      writes the {@code m:} operation element
     * @param handler   reads the operation's response element
     * @throws EwsException for a SOAP fault or an error response message (the ResponseCode
     *                      quoted), including ErrorServerBusy once the retries run out
     */
    public <T> T call(String operation, MailboxScope scope, boolean readOnly,
            SoapWriter.Body body, SoapReader.Handler<T> handler, QueryControl control)
            throws SQLException {
        requireNonNull(control, "control");
        byte[] envelope = SoapWriter.envelope(version, requireNonNull(scope, "scope"), body);
        SoapRequest request = new SoapRequest(operation, envelope, scope.anchorMailbox(),
                readOnly);
        long start = System.nanoTime();
        int broken = 0;
        for (int attempt = 1; ; attempt++) {
            if (closed) {
                throw new SQLException("The connection is closed; open a new one.", "08003");
            }
            SoapResponse answer;
            try {
                // The transport has already repeated a read as far as its retry policy allows.
                answer = poster.post(request, control);
            } catch (SQLException e) {
                throw readOnly ? e : unknownFate(e, operation);
            }
            try (SoapResponse response = answer) {
                return SoapReader.read(response, operation, v -> serverVersion = v, handler);
            } catch (EwsException e) {
                if (!e.serverBusy() || attempt >= MAX_BUSY_ATTEMPTS
                        || e.backOffMillis() > MAX_BACK_OFF_MILLIS) {
                    throw e;
                }
                long wait = e.backOffMillis() > 0 ? e.backOffMillis() : 500L << attempt;
                if (!timeout.isZero() && Duration.ofNanos(System.nanoTime() - start)
                        .plusMillis(wait).compareTo(timeout) > 0) {
                    log.log(LogModule.EWS, Verbosity.SUMMARY, operation + " answered "
                            + EwsException.SERVER_BUSY + " with a back-off of " + wait
                            + " ms, longer than the Timeout allows; not retrying");
                    throw e;
                }
                poster.holdOff(request, Duration.ofMillis(wait));
                log.log(LogModule.EWS, Verbosity.SUMMARY, operation + " answered "
                        + EwsException.SERVER_BUSY + "; waiting " + wait + " ms (attempt "
                        + attempt + " of " + MAX_BUSY_ATTEMPTS + ")");
                pause(wait, control, operation);
            } catch (SQLException e) {
                if (!readOnly) {
                    throw unknownFate(e, operation);
                }
                if (!brokenAnswer(e) || ++broken >= ANSWER_ATTEMPTS || control.mustStop()
                        || (!timeout.isZero() && System.nanoTime() - start
                                >= timeout.toNanos())) {
                    throw e;
                }
                log.log(LogModule.EWS, Verbosity.REQUESTS, "sending " + operation + " again"
                        + " (attempt " + (broken + 1) + " of " + ANSWER_ATTEMPTS + ") after its"
                        + " answer broke off: " + e.getMessage());
            }
        }
    }

    /**
     * Whether the answer of a read broke off (cut or malformed) rather than said something (an
     * HTTP error status is its vendor code) or came too late.
     */
    private static boolean brokenAnswer(SQLException e) {
        return "08S01".equals(e.getSQLState()) && e.getErrorCode() == 0
                && !(e instanceof java.sql.SQLTimeoutException);
    }

    /**
     * The failure of a write after which Exchange may or may not have applied it; failures that
     * show it was not applied (unreachable server, refused credentials) are returned as they are.
     */
    private static SQLException unknownFate(SQLException e, String operation) {
        String state = e.getSQLState();
        boolean ambiguous = "08S01".equals(state) || "HYT00".equals(state)
                || "HY008".equals(state) || e instanceof java.sql.SQLTimeoutException;
        if (!ambiguous) {
            return e;
        }
        SQLException out = e instanceof java.sql.SQLTimeoutException
                ? new java.sql.SQLTimeoutException(unknownFateText(e, operation), state, e)
                : new SQLException(unknownFateText(e, operation), state, e);
        return out;
    }

    private static String unknownFateText(SQLException e, String operation) {
        return "The outcome of " + operation + " is unknown: " + e.getMessage() + " Exchange"
                + " may have applied it before the failure; the driver did not send it again."
                + " Check the mailbox before running it again.";
    }

    private void pause(long millis, QueryControl control, String what) throws SQLException {
        long end = System.nanoTime() + millis * 1_000_000L;
        try {
            while (true) {
                control.check(what);
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                sleeper.sleep(Duration.ofNanos(Math.min(left, QueryControl.POLL.toNanos())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting out " + EwsException.SERVER_BUSY
                    + " of " + what + ".", "HY008", e);
        }
    }

    /**
     * Starts a scan of an EWS table; no request is sent until the first
     * {@link RowCursor#next()}.
     *
     * @throws SQLException 42000 when the query lacks what the table needs (an ItemId), or uses
     *                      a pseudo-column other than in an equality at the top of WHERE
     */
    public RowCursor scan(GraphQuery query, Operand.Parameters params) throws SQLException {
        requireNonNull(query, "query");
        requireNonNull(params, "params");
        EwsSource source = query.table().ews();
        if (source == null) {
            throw new SQLException("Table " + query.table().name() + " is not an EWS table.",
                    "42000");
        }
        if (closed) {
            throw new SQLException("The connection is closed; open a new one.", "08003");
        }
        try {
            EwsQuery q = EwsQuery.of(query, params, settings);
            switch (source.kind()) {
                case FOLDER_ITEMS:
                    return new ItemScan(this, q, params.control());
                case FOLDERS:
                    return new FolderScan(this, q, params.control());
                default:
                    return new DetailScan(this, q, params.control());
            }
        } catch (IllegalArgumentException e) {
            throw new SQLException(log.redactor().redact("Cannot read table "
                    + query.table().name() + ": " + e.getMessage()), "22023", e);
        }
    }

    /**
     * Applies an INSERT, UPDATE or DELETE to a folder table (CreateItem, UpdateItem,
     * DeleteItem); returns the number of rows changed.
     *
     * @throws EwsException for an item Exchange refuses, its ResponseCode quoted
     */
    public long modify(io.exchangejdbc.graph.TableChange change, QueryControl control)
            throws SQLException {
        if (closed) {
            throw new SQLException("The connection is closed; open a new one.", "08003");
        }
        return new EwsWriter(this).apply(requireNonNull(change, "change"),
                control == null ? QueryControl.NONE : control);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pageReaders.shutdownNow();
        try {
            poster.close();
        } finally {
            if (owned != null) {
                try {
                    owned.close();
                } catch (Exception e) {
                    // releasing resources; nothing the caller can do
                }
            }
        }
    }
}
