package io.exchangejdbc.http;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.http.net.ProxySettings;
import io.exchangejdbc.http.net.ServerTrust;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.LogModule;
import io.exchangejdbc.log.Redactor;
import io.exchangejdbc.log.Verbosity;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The HTTP transport of one connection: a JDK {@link HttpClient} of its own, through which every
 * request to Microsoft Graph and to the sign-in service goes. It adds the headers every request
 * carries ({@code User-Agent}, a fresh {@code client-request-id}, {@code CustomHeaders}), bounds
 * each request by the {@code Timeout}, repeats requests that are safe to repeat when the service
 * throttles (429) or is unavailable (503, 504) or the connection is reset, and logs what it sends
 * with secrets masked.
 *
 * <p>Response bodies are streamed. Thread-safe; {@link #close()} releases the client's threads.
 *
 * @see <a href="https://learn.microsoft.com/graph/throttling">Microsoft Graph throttling
 *     guidance</a>
 * @see <a href="https://learn.microsoft.com/graph/errors">Microsoft Graph error responses</a>
 */
public final class Transport implements AutoCloseable {

    private static final AtomicInteger CLIENT_COUNT = new AtomicInteger();

    /** Attempts of a request whose connection through a proxy fails before any answer. */
    static final int PROXY_FAILURE_ATTEMPTS = 2;

    private final TransportOptions options;
    private final ConnectionLog log;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Wire wire;
    private final Watchdog watchdog;
    private final TransportErrors errors;
    private final MailboxThrottle throttle = MailboxThrottle.graphDefaults();
    private volatile boolean closed;

    /** A transport over the JDK's HTTP client, with the real clock and sleeps. */
    public Transport(TransportOptions options, ConnectionLog log) {
        this(options, log, null);
    }

    /**
     * A transport over the given wire (the JDK's HTTP client when null), with the real clock
     * and sleeps. The transport closes the wire.
     */
    public Transport(TransportOptions options, ConnectionLog log, Wire wire) {
        this(options, log, wire, Sleeper.SYSTEM, System::nanoTime, Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** A transport with its time sources replaced; for tests of timing behaviour. */
    Transport(TransportOptions options, ConnectionLog log, Sleeper sleeper, LongSupplier nanoClock,
            Clock clock, DoubleSupplier random) {
        this(options, log, null, sleeper, nanoClock, clock, random);
    }

    private Transport(TransportOptions options, ConnectionLog log, Wire wire, Sleeper sleeper,
            LongSupplier nanoClock, Clock clock, DoubleSupplier random) {
        this.options = requireNonNull(options, "options");
        this.log = requireNonNull(log, "log");
        this.sleeper = requireNonNull(sleeper, "sleeper");
        this.nanoClock = requireNonNull(nanoClock, "nanoClock");
        this.clock = requireNonNull(clock, "clock");
        this.random = requireNonNull(random, "random");
        this.wire = wire != null ? wire : new JdkWire(options);
        Duration tick = options.timeout().isZero() ? Duration.ofSeconds(1)
                : clamp(options.timeout().dividedBy(20), Duration.ofMillis(20),
                        Duration.ofSeconds(1));
        this.watchdog = new Watchdog(tick, nanoClock);
        this.errors = new TransportErrors(log.redactor(), options.timeout());
    }

    /** The JDK's HTTP client, one of the transport's own. */
    private final class JdkWire implements Wire {
        private final ExecutorService executor;
        private final HttpClient client;

        JdkWire(TransportOptions options) {
            int n = CLIENT_COUNT.incrementAndGet();
            AtomicInteger threads = new AtomicInteger();
            this.executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "exchange-jdbc-http-" + n + "-"
                        + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            HttpClient.Builder b = HttpClient.newBuilder()
                    .executor(executor)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .sslContext(options.trust().sslContext());
            if (options.proxy().enabled()) {
                b.proxy(options.proxy().selector());
            }
            if (!options.timeout().isZero()) {
                b.connectTimeout(options.timeout());
            }
            this.client = b.build();
        }

        @Override
        public Answer send(HttpRequest httpRequest, byte[] body, boolean repeatable,
                QueryControl control)
                throws IOException, InterruptedException, SQLException {
            HttpResponse<InputStream> r = exchange(httpRequest, control);
            return new Answer(r.statusCode(), r.headers(), r.body());
        }

        /**
         * Sends one attempt and waits for its response headers. For a cancellable execution
         * the wait is registered with its control, which interrupts the waiting thread when the
         * execution must stop: the JDK client then cancels the exchange. (The blocking
         * {@code send} is used rather than {@code sendAsync}, whose answer the JDK hands to a
         * further thread, one created per request on a machine with two cores or fewer, before
         * the waiting thread sees it.)
         */
        private HttpResponse<InputStream> exchange(HttpRequest httpRequest,
                QueryControl control) throws IOException, InterruptedException, SQLException {
            if (control == QueryControl.NONE) {
                return client.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
            }
            String what = httpRequest.method() + " " + errors.url(httpRequest.uri());
            WaitAbort abort = new WaitAbort(Thread.currentThread());
            control.inFlight(abort);
            try {
                return client.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                if (!abort.fired()) {
                    throw e;
                }
                SQLException stop = control.stopReason(what);
                throw stop != null ? stop : control.cancelledException(null);
            } catch (IOException e) {
                SQLException stop = control.stopReason(what);
                if (stop != null) {
                    stop.initCause(e);
                    throw stop;
                }
                throw e;
            } finally {
                control.done(abort);
                abort.finish();
            }
        }

        @Override
        public void close() {
            executor.shutdownNow();
            shutdownClient(client);
        }
    }

    /**
     * The abort of a thread waiting in {@link HttpClient#send}: interrupts it while it waits,
     * never after; an interrupt it caused that the wait did not consume is cleared when the wait
     * ends, so that it cannot reach later, unrelated work of the thread.
     */
    private static final class WaitAbort implements Runnable {
        private final Thread waiter;
        private boolean waiting = true;
        private boolean fired;

        WaitAbort(Thread waiter) {
            this.waiter = waiter;
        }

        @Override
        public synchronized void run() {
            if (waiting && !fired) {
                fired = true;
                waiter.interrupt();
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        /** Called by the waiter once its wait is over. */
        synchronized void finish() {
            waiting = false;
            if (fired) {
                Thread.interrupted();
            }
        }
    }

    private SQLException proxyRefused(TransportRequest request) {
        boolean tunnel = "https".equalsIgnoreCase(request.uri().getScheme());
        return new SQLException("The proxy refused " + request.method() + " "
                + errors.url(request.uri()) + " with 407 (Proxy Authentication Required)."
                + (options.proxy().scheme() == ProxySettings.Scheme.NONE
                        ? " Set ProxyAuthScheme, ProxyUser and ProxyPassword."
                        : " Check ProxyUser and ProxyPassword."
                        + (tunnel ? " Graph requests over HTTPS cannot sign in to a proxy"
                        + " tunnel: the JDK's HTTP client does not send Basic credentials to"
                        + " tunnels (jdk.http.auth.tunneling.disabledSchemes). Use a proxy that"
                        + " lets the driver through without sign-in, or list the host in"
                        + " ProxyExceptions." : "")),
                "28000");
    }

    /**
     * The HTTP proxy a request to {@code uri} goes through when the JDK's client connects to it,
     * or null (no proxy, or a ProxyExceptions host).
     */
    private InetSocketAddress proxyFor(URI uri) {
        if (!options.proxy().enabled()) {
            return null;
        }
        Proxy p = options.proxy().proxyFor(uri);
        return p.type() == Proxy.Type.HTTP && p.address() instanceof InetSocketAddress a ? a
                : null;
    }

    /** Whether the transport's wire signs in to the server itself ({@link Wire#signsIn()}). */
    public boolean wireSignsIn() {
        return wire.signsIn();
    }

    /** The options this transport was made with. */
    public TransportOptions options() {
        return options;
    }

    /** The connection's log, which the transport writes to. */
    public ConnectionLog log() {
        return log;
    }

    /** The connection's redactor. */
    public Redactor redactor() {
        return log.redactor();
    }

    /** The per-mailbox scheduler of the requests that name a {@link TransportRequest#mailbox}. */
    public MailboxThrottle throttle() {
        return throttle;
    }

    /** A deadline of one {@code Timeout} from now. */
    public Deadline newDeadline() {
        return Deadline.after(options.timeout(), nanoClock);
    }

    /** Sends a request within a new deadline of one {@code Timeout}, as {@link #send(
     *  TransportRequest, Deadline)} does. */
    public HttpResult send(TransportRequest request) throws SQLException {
        return send(request, newDeadline());
    }

    /**
     * Sends a request and returns its response once the headers are in, the body still streaming.
     * A request that is {@link TransportRequest#retrySafe() safe to repeat} is repeated, within
     * the retry policy and the deadline, after 429, 503 and 504 answers (waiting what
     * {@code Retry-After} asks, else backing off) and after a reset connection; when the retries
     * run out, the last answer is returned, whatever its status, for the caller to report.
     *
     * @throws SQLException 08001 when the host cannot be reached (refused, unknown host);
     *                      {@link java.sql.SQLTimeoutException} HYT00 when the deadline passes;
     *                      08S01 when the connection fails; HY008 when the thread is interrupted
     */
    public HttpResult send(TransportRequest request, Deadline deadline) throws SQLException {
        return send(request, deadline, QueryControl.NONE);
    }

    /**
     * Sends a request as {@link #send(TransportRequest, Deadline)} does, on behalf of a statement
     * execution that may be cancelled or have a query timeout: the wait for the response, the
     * pauses between attempts and the reading of the body all end promptly when the execution is
     * cancelled (HY008) or its query timeout passes (HYT00).
     */
    public HttpResult send(TransportRequest request, Deadline requestDeadline,
            QueryControl control) throws SQLException {
        requireNonNull(request, "request");
        requireNonNull(requestDeadline, "deadline");
        requireNonNull(control, "control");
        if (closed) {
            throw new SQLException("The connection is closed; open a new one.", "08003");
        }
        Deadline deadline = control.narrow(requestDeadline);
        RetryPolicy policy = request.retrySafe() ? options.retryPolicy() : RetryPolicy.NEVER;
        long firstStart = nanoClock.getAsLong();
        // What the request is, for messages: redacted once, not on every check.
        String what = request.method() + " " + errors.url(request.uri());
        for (int attempt = 1; ; attempt++) {
            control.check(what);
            if (deadline.expired()) {
                throw timeout(request, null, control);
            }
            // A caller that correlates requests itself (msal4j does) keeps its own id.
            String clientRequestId = request.header("client-request-id") != null
                    ? request.header("client-request-id") : UUID.randomUUID().toString();
            HttpRequest httpRequest = build(request, clientRequestId, deadline);
            logRequest(request, httpRequest, attempt, deadline);
            MailboxThrottle.Permit permit = request.mailbox() == null ? null
                    : throttle.acquire(request.mailbox(), deadline, control, what);
            long start = nanoClock.getAsLong();
            Wire.Answer response;
            boolean answered = false;
            try {
                response = wire.send(httpRequest, request.bodyUnsafe(), request.retrySafe(),
                        control);
                answered = true;
            } catch (HttpTimeoutException e) {
                // Also HttpConnectTimeoutException: an unroutable host uses up the Timeout.
                throw timeout(request, e, control);
            } catch (ConnectException e) {
                logFailure(request, attempt, e);
                if (deadline.expired()) {
                    throw timeout(request, e, control);
                }
                InetSocketAddress proxy = proxyFor(request.uri());
                throw proxy != null ? errors.proxyUnreachable(request, proxy, e)
                        : errors.cannotConnect(request, e);
            } catch (IOException e) {
                logFailure(request, attempt, e);
                SQLException stop = control.stopReason(request.method() + " "
                        + errors.url(request.uri()));
                if (stop != null) {
                    throw stop;
                }
                InetSocketAddress proxy = proxyFor(request.uri());
                if (ServerTrust.isUntrusted(e)) {
                    throw errors.cannotConnect(request, e);
                }
                if (TransportErrors.isUnknownHost(e)) {
                    throw proxy != null ? errors.proxyUnreachable(request, proxy, e)
                            : errors.cannotConnect(request, e);
                }
                if (proxy != null && attempt >= PROXY_FAILURE_ATTEMPTS) {
                    // A connection through a proxy that fails before any answer, twice, is the
                    // proxy's doing far more often than a passing reset: say so now rather than
                    // after the whole back-off of the retry policy.
                    throw errors.proxyFailed(request, proxy, e, attempt);
                }
                if (closed) {
                    throw new SQLException("The connection was closed while "
                            + request.method() + " " + errors.url(request.uri())
                            + " was in progress.", "08003", e);
                }
                Optional<Duration> delay = policy.delayBeforeRetry(attempt, null,
                        clock.instant(), random.getAsDouble());
                if (delay.isPresent() && deadline.allows(delay.get())) {
                    pause(request, delay.get(), attempt, policy, "the connection failed ("
                            + TransportErrors.reason(e) + ")", control);
                    continue;
                }
                if (deadline.expired()) {
                    throw timeout(request, e, control);
                }
                throw errors.connectionLost(request, e, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw errors.interrupted(request, e);
            } finally {
                if (!answered && permit != null) {
                    permit.release();
                }
            }
            int status = response.status();
            Duration took = Duration.ofNanos(nanoClock.getAsLong() - start);
            if (status == 407) {
                if (response.body() != null) {
                    discard(response.body());
                }
                if (permit != null) {
                    permit.release();
                }
                throw proxyRefused(request);
            }
            if (policy.isRetryableStatus(status)) {
                String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                Optional<Duration> delay = policy.delayBeforeRetry(attempt, retryAfter,
                        clock.instant(), random.getAsDouble());
                if (retryAfter != null && request.mailbox() != null && delay.isPresent()) {
                    // The wait is the mailbox's: other requests to it hold back too.
                    throttle.quiet(request.mailbox(), delay.get());
                }
                if (delay.isPresent() && deadline.allows(delay.get())) {
                    logResponse(request, response, clientRequestId, took, Verbosity.REQUESTS);
                    discard(response.body());
                    if (permit != null) {
                        permit.release();
                    }
                    pause(request, delay.get(), attempt, policy, "the service answered " + status
                            + (retryAfter != null ? " with Retry-After " + retryAfter : ""),
                            control);
                    continue;
                }
                if (attempt < policy.maxAttempts()) {
                    log.log(LogModule.HTTP, Verbosity.TRANSPORT, "not retrying "
                            + request.method() + " " + errors.url(request.uri()) + ": "
                            + (delay.isEmpty() ? "Retry-After " + retryAfter
                                    + " is longer than the driver waits"
                                    : "waiting " + delay.get().toMillis()
                                            + " ms would pass the Timeout"));
                }
            }
            Verbosity level = status >= 400 ? Verbosity.SUMMARY : Verbosity.REQUESTS;
            logResponse(request, response, clientRequestId, took, level);
            long budget = deadline.isBounded() ? Math.max(1, deadline.remaining().toNanos()) : 0;
            boolean captureBody = log.isEnabled(LogModule.HTTP, Verbosity.BODIES);
            BodyStream body = new BodyStream(response.body(), budget, nanoClock,
                    captureBody ? ConnectionLog.MAX_BODY_CHARS * 4 : 0,
                    b -> {
                        if (permit != null) {
                            permit.release();
                        }
                        bodyClosed(request, b, control);
                    });
            if (budget > 0) {
                watchdog.watch(body);
            }
            control.inFlight(body.aborter());
            return new HttpResult(request, status, response.headers(), body, clientRequestId,
                    attempt, Duration.ofNanos(nanoClock.getAsLong() - firstStart), errors,
                    control);
        }
    }

    private SQLException timeout(TransportRequest request, Exception cause, QueryControl control) {
        if (control.timedOut()) {
            SQLException e = control.timeoutException(request.method() + " "
                    + errors.url(request.uri()));
            if (cause != null) {
                e.initCause(cause);
            }
            return e;
        }
        return errors.timeout(request, cause);
    }

    private HttpRequest build(TransportRequest request, String clientRequestId, Deadline deadline)
            throws SQLException {
        URI uri = request.uri();
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri);
            if (deadline.isBounded()) {
                b.timeout(clamp(deadline.remaining(), Duration.ofMillis(1),
                        deadline.remaining()));
            }
            if ("http".equalsIgnoreCase(uri.getScheme())) {
                // Plain-text HTTP/2 would start with an h2c upgrade that loopback test servers
                // and most proxies do not speak.
                b.version(HttpClient.Version.HTTP_1_1);
            }
            byte[] body = request.bodyUnsafe();
            b.method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            b.setHeader("User-Agent", options.userAgent());
            b.setHeader("client-request-id", clientRequestId);
            for (Map.Entry<String, String> h : request.headers()) {
                if (!h.getKey().equalsIgnoreCase("client-request-id")) {
                    b.header(h.getKey(), h.getValue());
                }
            }
            String proxyAuthorization = wire.signsIn() ? null
                    : options.proxy().basicHeaderFor(uri);
            if (proxyAuthorization != null) {
                // Sent ahead: the JDK client drops the request's Authorization when it answers
                // a proxy's 407 through an Authenticator.
                b.setHeader("Proxy-Authorization", proxyAuthorization);
            }
            for (Map.Entry<String, String> h : options.customHeaders().entrySet()) {
                // A custom header replaces the driver's own of the same name, so that users
                // can override User-Agent or Accept for a gateway.
                if (request.header(h.getKey()) != null
                        || h.getKey().equalsIgnoreCase("User-Agent")) {
                    b.setHeader(h.getKey(), h.getValue());
                } else {
                    b.header(h.getKey(), h.getValue());
                }
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw errors.invalidRequest(request, e);
        }
    }

    private void pause(TransportRequest request, Duration delay, int attempt, RetryPolicy policy,
            String why, QueryControl control) throws SQLException {
        log.log(LogModule.HTTP, Verbosity.REQUESTS, "retrying " + request.method() + " "
                + errors.url(request.uri()) + " in " + delay.toMillis() + " ms (attempt "
                + (attempt + 1) + " of " + policy.maxAttempts() + "): " + why);
        try {
            if (control == QueryControl.NONE) {
                sleeper.sleep(delay);
            } else {
                // In slices, so that a cancel or a query timeout does not wait out a long
                // Retry-After.
                String what = request.method() + " " + errors.url(request.uri());
                long end = nanoClock.getAsLong() + delay.toNanos();
                long left;
                while ((left = end - nanoClock.getAsLong()) > 0) {
                    control.check(what);
                    sleeper.sleep(Duration.ofNanos(Math.min(left,
                            QueryControl.POLL.toNanos())));
                }
                control.check(what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.interrupted(request, e);
        }
    }

    private void logRequest(TransportRequest request, HttpRequest httpRequest, int attempt,
            Deadline deadline) {
        if (log.isEnabled(LogModule.HTTP, Verbosity.TRANSPORT)) {
            log.log(LogModule.HTTP, Verbosity.TRANSPORT, "sending " + request.method() + " "
                    + errors.url(request.uri()) + " attempt " + attempt + ", "
                    + deadline + ", " + httpRequest.version().map(Object::toString)
                    .orElse("HTTP version negotiated"));
        }
        if (log.isEnabled(LogModule.HTTP, Verbosity.HEADERS)) {
            log.log(LogModule.HTTP, Verbosity.HEADERS, "request headers of " + request.method()
                    + " " + errors.url(request.uri()) + ": "
                    + headerText(httpRequest.headers()));
        }
        if (request.bodyLength() > 0 && log.isEnabled(LogModule.HTTP, Verbosity.BODIES)) {
            log.log(LogModule.HTTP, Verbosity.BODIES, "request body of " + request.method() + " "
                    + errors.url(request.uri()) + ": " + log.body(request.bodyText()));
        }
    }

    private void logResponse(TransportRequest request, Wire.Answer response,
            String clientRequestId, Duration took, Verbosity level) {
        if (!log.isEnabled(LogModule.HTTP, level)) {
            return;
        }
        String requestId = response.headers().firstValue("request-id").orElse("none");
        log.log(LogModule.HTTP, level, request.method() + " " + errors.url(request.uri())
                + " -> " + response.status() + " in " + took.toMillis() + " ms (request-id "
                + requestId + ", client-request-id " + clientRequestId + ")");
        if (log.isEnabled(LogModule.HTTP, Verbosity.HEADERS)) {
            log.log(LogModule.HTTP, Verbosity.HEADERS, "response headers of " + request.method()
                    + " " + errors.url(request.uri()) + ": " + headerText(response.headers()));
        }
    }

    private void logFailure(TransportRequest request, int attempt, IOException e) {
        log.log(LogModule.HTTP, Verbosity.REQUESTS, request.method() + " "
                + errors.url(request.uri()) + " failed on attempt " + attempt + ": "
                + e.getClass().getSimpleName() + " " + TransportErrors.reason(e));
    }

    private void bodyClosed(TransportRequest request, BodyStream body, QueryControl control) {
        watchdog.forget(body);
        control.done(body.aborter());
        if (log.isEnabled(LogModule.HTTP, Verbosity.BODIES)) {
            byte[] kept = body.captured();
            String text = new String(kept, StandardCharsets.UTF_8);
            log.log(LogModule.HTTP, Verbosity.BODIES, "response body of " + request.method() + " "
                    + errors.url(request.uri()) + " (" + body.bytesRead() + " bytes read): "
                    + log.body(text) + (body.bytesRead() > kept.length ? " ..." : ""));
        } else if (log.isEnabled(LogModule.HTTP, Verbosity.TRANSPORT)) {
            log.log(LogModule.HTTP, Verbosity.TRANSPORT, "closed the body of " + request.method()
                    + " " + errors.url(request.uri()) + " after " + body.bytesRead() + " bytes");
        }
    }

    private String headerText(HttpHeaders headers) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : headers.map().entrySet()) {
            for (String v : e.getValue()) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(e.getKey()).append(": ").append(log.redactor().header(e.getKey(), v));
            }
        }
        return sb.toString();
    }

    private static void discard(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // The answer is being dropped for a retry; its connection is not reused either way.
        }
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        if (d.compareTo(min) < 0) {
            return min;
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /**
     * Releases the client: stops the watchdog and the client's threads. Requests in progress fail.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.close();
        wire.close();
    }

    /**
     * Stops the client's own selector thread where the JDK allows it (JDK 21 added
     * {@code HttpClient.shutdownNow}); on JDK 17 that thread ends once the client is unreachable.
     */
    private static void shutdownClient(HttpClient client) {
        try {
            Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
            shutdownNow.invoke(client);
        } catch (NoSuchMethodException e) {
            // JDK 17: nothing more to release explicitly.
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Best effort: the client is unusable already because its executor is shut down.
        }
    }
}
