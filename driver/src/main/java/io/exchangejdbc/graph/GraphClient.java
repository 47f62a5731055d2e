package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.auth.TokenProvider;
import io.exchangejdbc.auth.TokenProviders;
import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportOptions;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.LogModule;
import io.exchangejdbc.log.Verbosity;
import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.http.QueryControl;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Microsoft Graph client of one connection: it owns the connection's {@link Transport} and
 * {@link TokenProvider} and runs scans of Graph-backed tables ({@link #scan}), streaming their
 * rows from the service's pages.
 *
 * <p>Every request sends {@code Prefer: IdType="ImmutableId"} (ids that survive moves), the body
 * format of {@code BodyType}, {@code Accept: application/json} and the bearer token. Thread-safe:
 * scans may run concurrently; each scan is used by one thread.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-list-messages">List messages</a>
 * @see <a href="https://learn.microsoft.com/graph/outlook-immutable-id">Immutable identifiers
 *     for Outlook resources</a>
 */
public final class GraphClient implements AutoCloseable {

    private final String graphUrl;
    private final Transport transport;
    private final TokenProvider tokens;
    private final ConnectionLog log;
    private final ScanSettings settings;
    private final boolean ownsLog;
    private final ExecutorService readers;
    private volatile boolean closed;
    private volatile boolean readOnly;
    private volatile int batchSize = GraphWriter.MAX_BATCH;

    GraphClient(String graphUrl, Transport transport, TokenProvider tokens, ConnectionLog log,
            ScanSettings settings, boolean ownsLog) {
        this.graphUrl = stripSlash(requireNonNull(graphUrl, "graphUrl"));
        this.transport = requireNonNull(transport, "transport");
        this.tokens = requireNonNull(tokens, "tokens");
        this.log = requireNonNull(log, "log");
        this.settings = requireNonNull(settings, "settings");
        this.ownsLog = ownsLog;
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "exchange-jdbc-pages-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A client for a connection's configuration, with a log of its own ({@code Logfile},
     * {@code Verbosity}). Builds the transport and the token provider; does not touch the network.
     *
     * @throws java.sql.SQLFeatureNotSupportedException 0A000 for a sign-in this version does not do
     * @throws SQLException                             08001 for a missing sign-in property or a
     *                                                  log file that cannot be opened
     */
    public static GraphClient open(ExchangeConfig config) throws SQLException {
        requireNonNull(config, "config");
        ConnectionLog log = ConnectionLog.open(config);
        try {
            return open(config, log, true);
        } catch (SQLException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /**
     * A client writing to a log the caller owns (and closes), for a connection that logs other
     * things too.
     */
    public static GraphClient open(ExchangeConfig config, ConnectionLog log) throws SQLException {
        return open(requireNonNull(config, "config"), requireNonNull(log, "log"), false);
    }

    private static GraphClient open(ExchangeConfig config, ConnectionLog log, boolean ownsLog)
            throws SQLException {
        Transport transport = new Transport(TransportOptions.forConnection(config), log);
        try {
            TokenProvider tokens = TokenProviders.create(config, transport);
            GraphClient client = new GraphClient(config.graphUrl(), transport, tokens, log,
                    ScanSettings.from(config), ownsLog);
            client.readOnly = config.getBoolean(ExchangeProperty.READONLY);
            client.batchSize = config.getInt(ExchangeProperty.BATCH_SIZE);
            log.log(LogModule.GRAPH, Verbosity.SUMMARY, "Graph client for " + client.graphUrl
                    + " signing in with " + tokens + ", " + client.settings);
            return client;
        } catch (SQLException | RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    /** The Graph base URL (the {@code GraphUrl} property, without a trailing slash). */
    public String graphUrl() {
        return graphUrl;
    }

    /** The connection's log. */
    public ConnectionLog log() {
        return log;
    }

    /**
     * Starts a scan: no request is sent until the first {@link RowCursor#next()}. The mailboxes
     * read are the query's ({@code UserId = ...}, {@code UserId IN (...)}), else the
     * {@code UserId} property, else the signed-in user ({@code /me}).
     *
     * @param params the values of the statement's {@code ?} parameters
     * @throws SQLException 42000 when a mailbox table is read with an application sign-in and no
     *                      mailbox is named; 08003 when the client is closed
     */
    public RowCursor scan(GraphQuery query, Operand.Parameters params) throws SQLException {
        requireNonNull(query, "query");
        requireNonNull(params, "params");
        if (closed) {
            throw new SQLException("The connection is closed; open a new one.", "08003");
        }
        RequiredPredicates.check(query, params);
        try {
            switch (query.resource().shape()) {
                case MESSAGE_RECIPIENTS:
                case EXTENDED_PROPERTIES:
                    return ElementRows.open(this, query, params);
                default:
                    return new GraphScan(this, query, params);
            }
        } catch (RuntimeException e) {
            // A parameter value that does not fit its column, or one that was never bound.
            throw new SQLException(transport.redactor().redact("Cannot read table "
                    + query.table().name() + ": " + e.getMessage()), "HY000", e);
        }
    }

    /**
     * Applies an INSERT, UPDATE or DELETE: checks and plans its requests, then sends them (one
     * alone, several in {@code $batch} requests), or leaves them in the {@link PendingWrites}
     * active on this thread. The ids an INSERT created go to {@link GeneratedIds}.
     *
     * @return the number of rows changed (while collecting a batch: the rows planned)
     * @throws SQLException 25006 on a read-only connection; the planner's errors before anything
     *                      is sent; the service's error when one row failed;
     *                      {@link java.sql.BatchUpdateException} with a count per row when some
     *                      of several rows failed
     */
    public long modify(TableChange change, QueryControl control) throws SQLException {
        requireNonNull(change, "change");
        requireNonNull(control, "control");
        if (closed) {
            throw new SQLException("The connection is closed; open a new one.", "08003");
        }
        if (readOnly) {
            throw new SQLException("The connection is read-only (Readonly=true): "
                    + change.kind().name() + " on " + change.table().name() + " is refused and"
                    + " nothing was sent. Connect without Readonly=true to change data.",
                    "25006");
        }
        WritePlanner planner = new WritePlanner(settings.defaultMailbox(),
                tokens.applicationOnly(), graphUrl);
        PendingWrites pending = PendingWrites.current();
        if (pending != null) {
            pending.add(planner.plan(change, pending.size()), change.table().name());
            return change.rows().size();
        }
        List<WriteRequest> requests = planner.plan(change, 0);
        GeneratedIds.clear();
        if (requests.isEmpty()) {
            return 0;
        }
        List<WriteOutcome> outcomes = new GraphWriter(this, batchSize).send(requests,
                change.table().name(), control);
        return WriteResults.statement(change, outcomes);
    }

    /**
     * Sends the requests collected for a JDBC batch and returns the update count of each of
     * its {@code statements}.
     *
     * @throws java.sql.BatchUpdateException when some rows failed, with
     *                                       {@code Statement.EXECUTE_FAILED} for their statements
     */
    public int[] sendBatch(PendingWrites pending, int statements, QueryControl control)
            throws SQLException {
        requireNonNull(pending, "pending");
        GeneratedIds.clear();
        if (pending.requests().isEmpty()) {
            return new int[statements];
        }
        String table = pending.tableOf(0);
        List<WriteOutcome> outcomes = new GraphWriter(this, batchSize).send(
                pending.requests(), table, control);
        return WriteResults.batch(pending, statements, outcomes);
    }

    Transport transport() {
        return transport;
    }

    TokenProvider tokens() {
        return tokens;
    }

    ScanSettings settings() {
        return settings;
    }

    /** The most requests of one {@code $batch} ({@code BatchSize}, at most 20). */
    int batchSize() {
        return Math.max(1, Math.min(GraphWriter.MAX_BATCH, batchSize));
    }

    /** The threads that read pages ahead of the consumer ({@link ReadAhead}). */
    ExecutorService readers() {
        return readers;
    }

    private static String stripSlash(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /** Releases the token provider, the transport and (when owned) the log. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        readers.shutdownNow();
        try {
            tokens.close();
        } finally {
            transport.close();
            if (ownsLog) {
                log.close();
            }
        }
    }
}
