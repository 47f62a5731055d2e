package io.exchangejdbc.emulator.http;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The emulator's HTTP server: the JDK's {@link HttpServer} (or {@link HttpsServer}) on the
 * loopback address with a fixed pool of worker threads. Each request is logged, may meet an
 * injected fault, and is passed to the first front that serves its path.
 */
public final class EmulatorHttpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmulatorHttpServer.class.getName());
    private static final Map<Integer, String[]> FAULT_ERRORS = Map.of(
            429, new String[] {"TooManyRequests", "Please retry again later."},
            500, new String[] {"InternalServerError", "An internal server error occurred."},
            502, new String[] {"BadGateway", "The upstream service failed."},
            503, new String[] {"ServiceUnavailable",
                "The service is temporarily unavailable. Please retry later."},
            504, new String[] {"GatewayTimeout", "The request timed out."});

    private final int requestedPort;
    private final int threads;
    private final List<Front> fronts;
    private final RequestLog log;
    private final Faults faults;
    private final Clock clock;
    private final TlsIdentity tls;
    private final MailboxLimiter limiter = new MailboxLimiter();
    private final PageCache pages = new PageCache();
    private HttpServer server;
    private ExecutorService executor;
    private String baseUrl;

    /**
     * Creates a server (not yet listening).
     *
     * @param port the port, 0 for an ephemeral one
     * @param threads the number of worker threads
     * @param fronts the fronts, asked in order whether they serve a request
     * @param log where requests are logged
     * @param faults the faults to inject
     * @param clock the clock that stamps logged requests
     * @param tls the identity to serve HTTPS with, or null for plain HTTP
     */
    public EmulatorHttpServer(int port, int threads, List<Front> fronts, RequestLog log,
            Faults faults, Clock clock, TlsIdentity tls) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads < 1");
        }
        this.requestedPort = port;
        this.threads = threads;
        this.fronts = List.copyOf(fronts);
        this.log = requireNonNull(log, "log");
        this.faults = requireNonNull(faults, "faults");
        this.clock = requireNonNull(clock, "clock");
        this.tls = tls;
    }

    /** Binds the port and starts serving. */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    requestedPort);
            if (tls == null) {
                server = HttpServer.create(address, 256);
            } else {
                HttpsServer https = HttpsServer.create(address, 256);
                https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + requestedPort, e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "emulator-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newFixedThreadPool(threads, tf);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
        baseUrl = (tls == null ? "http" : "https") + "://127.0.0.1:"
                + server.getAddress().getPort();
    }

    /** Returns the port listened on. */
    public int port() {
        checkStarted();
        return server.getAddress().getPort();
    }

    /** Returns {@code http://127.0.0.1:PORT} (or {@code https://...}). */
    public String baseUrl() {
        checkStarted();
        return baseUrl;
    }

    /** Returns the cache of pre-rendered answers (off at first). */
    public PageCache pages() {
        return pages;
    }

    /** Returns the limiter that throttles requests per application and mailbox (off at first). */
    public MailboxLimiter limiter() {
        return limiter;
    }

    private void checkStarted() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
    }

    private void dispatch(HttpExchange exchange) {
        MailboxLimiter.Admission admission = MailboxLimiter.Admission.FREE;
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Request request = new Request(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body, baseUrl, clock.instant())
                    .onConnection(String.valueOf(exchange.getRemoteAddress()));
            Front front = null;
            for (Front f : fronts) {
                if (f.serves(request)) {
                    front = f;
                    break;
                }
            }
            RequestLog.Entry entry = log.arrive(request, front == null ? "none" : front.name());
            admission = front != null && limiter.settings().enabled()
                    ? limiter.admit(front.throttleKey(request)) : MailboxLimiter.Admission.FREE;
            if (!admission.admitted()) {
                // Turned away before any fault: the service throttles before it does any work.
                Response response = new Response(exchange, false,
                        status -> entry.complete(status, false));
                throttled(front, request, response, admission);
                response.finish();
                return;
            }
            FaultSpec fault = front != null && front.acceptsFaults() ? faults.take() : null;
            boolean byFault = fault != null;
            if (fault != null && fault.kind() == FaultSpec.Kind.CONNECTION_RESET) {
                entry.complete(0, true);
                throw new DroppedConnection("injected connection reset");
            }
            boolean withheld = fault != null
                    && fault.kind() == FaultSpec.Kind.RESET_AFTER_SERVING;
            Response response = new Response(exchange,
                    fault != null && fault.kind() == FaultSpec.Kind.TRUNCATED_BODY, withheld,
                    status -> entry.complete(withheld ? 0 : status, byFault));
            response.beforeEnd(admission::release);
            if (fault != null && fault.kind() == FaultSpec.Kind.DELAY) {
                Thread.sleep(fault.delay().toMillis());
            }
            if (front == null) {
                response.send(404, "application/json", "{\"error\":{\"code\":\"NotFound\","
                        + "\"message\":\"No service at this path.\"}}");
            } else if (fault != null && fault.kind() == FaultSpec.Kind.RESPOND) {
                respond(front, request, response, fault);
            } else if (fault == null && pages.enabled()) {
                servePrerendered(front, request, response);
            } else {
                pages.observe(request, front);
                serve(front, request, response);
            }
            response.finish();
            if (withheld) {
                throw new DroppedConnection("injected connection reset after serving");
            }
        } catch (IOException e) {
            // The client went away or the body was cut on purpose. Throwing out of the handler
            // is how the JDK server is told to close the connection instead of reusing it.
            LOG.log(Level.FINE, "request ended early", e);
            throw new DroppedConnection(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            admission.release();
            exchange.close();
        }
    }

    private static void throttled(Front front, Request request, Response response,
            MailboxLimiter.Admission admission) throws IOException {
        response.header("Retry-After", MailboxLimiter.retryAfterValue(admission.retryAfter()));
        if (admission.overConcurrency()) {
            // What Outlook answers over its 4 concurrent requests per app and mailbox.
            front.sendError(request, response, 429, "ApplicationThrottled",
                    "Application is over its MailboxConcurrency limit.");
        } else {
            front.sendError(request, response, 429, "TooManyRequests",
                    "Please retry again later.");
        }
    }

    /** Answers from a kept page, or renders the answer and keeps it. */
    private void servePrerendered(Front front, Request request, Response response)
            throws IOException {
        pages.observe(request, front);
        String key = pages.key(request, front);
        PageCache.Page page = key == null ? null : pages.get(key);
        if (page != null) {
            page.headers().forEach((name, values) -> values.forEach(v -> response.header(name, v)));
            response.send(page.status(), page.contentType(), page.body());
            return;
        }
        if (key != null) {
            response.capture(bytes -> pages.put(key, new PageCache.Page(response.status(),
                    response.contentType(), response.extraHeaders(), bytes)));
        }
        serve(front, request, response);
    }

    private static void serve(Front front, Request request, Response response)
            throws IOException {
        try {
            front.handle(request, response);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "failure serving " + request, e);
            if (!response.started()) {
                front.sendError(request, response, 500, "InternalServerError",
                        "The emulator failed: " + e);
            } else {
                throw new IOException("failure after the response started", e);
            }
        }
    }

    private static void respond(Front front, Request request, Response response, FaultSpec fault)
            throws IOException {
        fault.headers().forEach(response::header);
        if (fault.bodyText() != null) {
            response.send(fault.statusCode(), fault.contentType(), fault.bodyText());
        } else {
            String[] err = FAULT_ERRORS.getOrDefault(fault.statusCode(),
                    new String[] {"UnknownError", "Injected fault."});
            front.sendError(request, response, fault.statusCode(), err[0], err[1]);
        }
    }

    /** Thrown out of the exchange handler so that the server closes the connection. */
    private static final class DroppedConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DroppedConnection(String message) {
            super(message, null, false, false);
        }
    }

    /** Stops listening and ends the worker threads. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
