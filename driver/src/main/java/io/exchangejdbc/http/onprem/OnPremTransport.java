package io.exchangejdbc.http.onprem;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.http.net.ServerTrust;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.LogModule;
import io.exchangejdbc.log.Verbosity;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP transport of one connection to Exchange Server on premises. It posts a buffered body
 * (an EWS SOAP request) and answers the server's challenges with the connection's
 * {@code AuthScheme}: Basic, Digest, NTLM or Negotiate; through a proxy when one is set,
 * answering the proxy's own challenges; over TLS with the connection's {@code SSLServerCert}.
 *
 * <p>The transport keeps its own TCP connections: no socket, nonce, ticket or signed-in NTLM
 * connection is shared with another transport, so two JDBC connections in one JVM never see each
 * other's credentials, whatever their users and schemes. Nothing JVM-wide is changed.
 *
 * <p>A refused password fails at once with SQLState 28000 ("Authentication failed for user X
 * with scheme Y"), never a retry loop; a server that does not offer the configured scheme fails
 * with 28000 naming the schemes it does offer.
 *
 * <p>An idle connection is checked before it is reused, and one the server closed is dropped.
 * When a reused connection fails after a request went out whole, only a GET, HEAD or OPTIONS is
 * sent again on a new connection; a POST may have been acted on, so its failure goes to the
 * caller (the EWS transport repeats it when it only reads, and reports a write's outcome as
 * unknown).
 *
 * <p>Use: {@code try (OnPremResponse r = transport.post(uri, soap, Map.of("Content-Type",
 * "text/xml; charset=utf-8"))) { r.status(); r.headers(); r.body(); }}. Thread-safe; each
 * request uses a connection of its own while it runs.
 */
public final class OnPremTransport implements AutoCloseable {

    private static final int MAX_ROUNDS = 8;
    private static final int MAX_IDLE = 8;
    /** Methods that may be sent again unless the caller says otherwise. */
    private static final java.util.Set<String> IDEMPOTENT = java.util.Set.of("GET", "HEAD",
            "OPTIONS");

    private final OnPremSettings settings;
    private final ConnectionLog log;
    private final AuthScheme server;
    private final AuthScheme proxyScheme;
    private final Deque<WireConnection> idle = new ArrayDeque<>();
    private volatile boolean closed;

    /** A transport with the given settings, logging to {@code log}. */
    public OnPremTransport(OnPremSettings settings, ConnectionLog log) throws SQLException {
        this(settings, log, false);
    }

    /**
     * A transport with the given settings, logging to {@code log}.
     *
     * @param basicAhead whether {@code AuthScheme=Basic} sends the credentials with the first
     *                   request rather than after the server's first challenge (as EWS clients
     *                   do: the scheme is configured, so the extra round trip buys nothing)
     */
    public OnPremTransport(OnPremSettings settings, ConnectionLog log, boolean basicAhead)
            throws SQLException {
        this.settings = requireNonNull(settings, "settings");
        this.log = requireNonNull(log, "log");
        this.server = Schemes.server(settings, basicAhead);
        this.proxyScheme = Schemes.proxy(settings.proxy());
    }

    /**
     * One request in progress, which another thread may {@link #abort()}: the connection it is
     * using is closed, so that a blocked write or read fails at once. Used by a caller that
     * cancels requests (a statement's cancel or query timeout).
     */
    public static final class Call {
        private WireConnection connection;
        private boolean aborted;

        synchronized void attach(WireConnection c) throws IOException {
            if (aborted) {
                c.close();
                throw new InterruptedIOException("the request was aborted");
            }
            connection = c;
        }

        synchronized void detach() {
            connection = null;
        }

        /** Aborts the request: its connection is closed. */
        public void abort() {
            WireConnection c;
            synchronized (this) {
                aborted = true;
                c = connection;
                connection = null;
            }
            if (c != null) {
                c.close();
            }
        }

        /** Whether {@link #abort()} was called. */
        public synchronized boolean aborted() {
            return aborted;
        }
    }

    /** The transport of a connection's configuration. */
    public static OnPremTransport open(ExchangeConfig config, ConnectionLog log)
            throws SQLException {
        return new OnPremTransport(OnPremSettings.from(config), log);
    }

    /** The settings. */
    public OnPremSettings settings() {
        return settings;
    }

    /**
     * Posts {@code body} to {@code uri} with the given headers (such as {@code Content-Type} and
     * {@code SOAPAction}) and returns the server's answer once signed in. Statuses other than 401
     * and 407 are returned as they are, for the caller to read (EWS sends faults with 500).
     *
     * @throws SQLException 28000 when the sign-in fails; 08001 when the server or proxy cannot
     *                      be reached or its certificate is not trusted; HYT00 when it does not
     *                      answer within the Timeout; 08S01 when the connection fails
     */
    public OnPremResponse post(URI uri, byte[] body, Map<String, String> headers)
            throws SQLException {
        return send("POST", uri, requireNonNull(body, "body"), headers);
    }

    /** Sends a request as {@link #post} does, with any method (GET with a null body). */
    public OnPremResponse send(String method, URI uri, byte[] body, Map<String, String> headers)
            throws SQLException {
        try {
            return exchange(method, uri, body, headers, null);
        } catch (SocketTimeoutException e) {
            SQLTimeoutException t = new SQLTimeoutException("No answer from " + origin(uri)
                    + " within the Timeout of " + settings.timeout().toSeconds() + " seconds ("
                    + method + " " + uri + "). Raise the Timeout connection property or try"
                    + " again later.", "HYT00");
            t.initCause(e);
            throw t;
        } catch (IOException e) {
            throw new SQLException("The connection to " + origin(uri) + " failed during "
                    + method + " " + uri + " (" + reason(e) + "). Run the query again; if it"
                    + " keeps failing, check the network path to Server.", "08S01", e);
        }
    }

    /**
     * Sends a request as {@link #send} does, for a caller with its own policy on failed
     * connections: a connection that fails during the request (reset, closed, timed out, or
     * {@link Call#abort() aborted}) comes out as the {@link IOException} itself, for the caller
     * to repeat the request or not. Sign-in failures and unreachable servers are SQLExceptions
     * as with {@link #send}.
     *
     * @param call the handle another thread may abort the request through, or null
     */
    public OnPremResponse exchange(String method, URI uri, byte[] body,
            Map<String, String> headers, Call call) throws SQLException, IOException {
        return exchange(method, uri, body, headers, call, IDEMPOTENT.contains(method));
    }

    /**
     * Sends a request as {@link #exchange(String, URI, byte[], Map, Call)} does.
     *
     * @param repeatable whether the request may be written again when a kept-alive connection
     *                   fails after it went out whole; one that is not (a write) is never sent
     *                   twice
     */
    public OnPremResponse exchange(String method, URI uri, byte[] body,
            Map<String, String> headers, Call call, boolean repeatable)
            throws SQLException, IOException {
        requireNonNull(method, "method");
        requireNonNull(uri, "uri");
        if (closed) {
            throw new SQLException("The connection is closed; open a new one.", "08003");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new SQLException("Server must be an http or https URL, not " + uri.getScheme()
                    + ".", "08001");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        Proxy proxy = settings.proxy().proxyFor(uri);
        InetSocketAddress proxyAddress = proxy.type() == Proxy.Type.HTTP
                ? (InetSocketAddress) proxy.address() : null;
        boolean forward = proxyAddress != null && !https;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/"
                : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        String target = forward ? uri.getScheme() + "://" + uri.getRawAuthority() + path : path;
        // The server's Digest uri is the origin-form target the server receives, also when a
        // proxy passes the request on; the proxy's own is the absolute-form target it receives.
        String route = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + ":"
                + port + (proxyAddress == null ? "" : " via " + proxyAddress.getHostString() + ":"
                + proxyAddress.getPort());
        long start = System.nanoTime();

        WireConnection conn = take(route, !repeatable);
        boolean reused = conn != null;
        if (conn == null) {
            conn = open(uri, port, https, proxyAddress, route);
        }
        if (server instanceof NegotiateScheme n) {
            n.server(uri);
        }
        AuthScheme.Attempt serverAttempt = server == null ? null : server.begin(method, path);
        AuthScheme.Attempt proxyAttempt = forward && proxyScheme != null
                ? proxyScheme.begin(method, target) : null;
        String authorization = null;
        boolean sentAhead = false;
        if (server != null) {
            if (server.connectionOriented()) {
                if (!conn.signedIn()) {
                    authorization = serverAttempt.answer(List.of(new Challenge(server.name(),
                            null, Map.of())), false);
                }
            } else {
                authorization = server.ahead(method, path);
                sentAhead = authorization != null;
            }
        }
        String proxyAuthorization = proxyAttempt == null ? null
                : proxyScheme.connectionOriented() ? proxyAttempt.answer(List.of(
                        new Challenge(proxyScheme.name(), null, Map.of())), false)
                : proxyScheme.ahead(method, target);
        boolean proxySentAhead = proxyAuthorization != null && !proxyScheme.connectionOriented();
        boolean serverSchemeSeen = false;
        boolean proxySchemeSeen = false;
        boolean serverFresh = true;
        boolean proxyFresh = true;
        try {
            for (int round = 1; ; round++) {
                // Digest answers once per nonce count: a repeated request counts again.
                if (!serverFresh && server != null && !server.connectionOriented()
                        && authorization != null) {
                    authorization = server.ahead(method, path);
                }
                if (!proxyFresh && proxyAttempt != null && !proxyScheme.connectionOriented()
                        && proxyAuthorization != null) {
                    proxyAuthorization = proxyScheme.ahead(method, target);
                }
                serverFresh = false;
                proxyFresh = false;
                if (call != null) {
                    call.attach(conn);
                }
                Map<String, String> h = new LinkedHashMap<>();
                h.put("Host", uri.getRawAuthority());
                h.put("User-Agent", settings.userAgent());
                h.putAll(settings.customHeaders());
                if (headers != null) {
                    h.putAll(headers);
                }
                h.put("Authorization", authorization);
                h.put("Proxy-Authorization", proxyAuthorization);
                logRequest(method, uri, h, round);
                WireResponse r;
                try {
                    r = conn.exchange(method, target, h, body);
                } catch (EOFException | SocketException e) {
                    if (!reused || round > 1 || (!repeatable && conn.requestWritten())) {
                        // A request that went out whole may have been acted on: a write is
                        // not sent again, and the caller says what it may have done.
                        throw e;
                    }
                    // An idle connection the server had closed: the request never arrived.
                    conn.close();
                    reused = false;
                    conn = open(uri, port, https, proxyAddress, route);
                    if (server != null && server.connectionOriented()) {
                        serverAttempt = server.begin(method, path);
                        authorization = serverAttempt.answer(List.of(new Challenge(server.name(),
                                null, Map.of())), false);
                    }
                    round--;
                    continue;
                }
                int status = r.status();
                if (status == 407 && forward && proxyScheme != null) {
                    List<Challenge> offered = Challenge.parseAll(r.headers("Proxy-Authenticate"));
                    List<Challenge> mine = only(offered, proxyScheme.name());
                    r.drain();
                    if (mine.isEmpty()) {
                        throw proxySchemeSeen ? proxyFailed() : proxyNotOffered(offered);
                    }
                    proxySchemeSeen = true;
                    proxyAuthorization = proxyAttempt.answer(mine, proxySentAhead);
                    proxySentAhead = false;
                    proxyFresh = true;
                    if (proxyAuthorization == null || round >= MAX_ROUNDS) {
                        throw proxyFailed();
                    }
                    conn = keepOrReopen(conn, r, uri, port, https, proxyAddress, route,
                            proxyScheme.connectionOriented());
                    continue;
                }
                if (status == 407) {
                    r.drain();
                    throw proxyNeedsSignIn(r);
                }
                if (status == 401 && server != null) {
                    List<Challenge> offered = Challenge.parseAll(r.headers("WWW-Authenticate"));
                    List<Challenge> mine = only(offered, server.name());
                    r.drain();
                    log(Verbosity.REQUESTS, method + " " + uri + " -> 401, the server offers "
                            + Challenge.names(offered));
                    if (mine.isEmpty()) {
                        throw serverSchemeSeen ? authFailed(uri) : notOffered(uri, offered);
                    }
                    serverSchemeSeen = true;
                    if (server.connectionOriented() && conn.signedIn()) {
                        // The server forgot the connection's sign-in: sign in again.
                        conn.signedIn(false);
                        serverAttempt = server.begin(method, path);
                    }
                    authorization = serverAttempt.answer(mine, sentAhead);
                    sentAhead = false;
                    serverFresh = true;
                    if (authorization == null || round >= MAX_ROUNDS) {
                        throw authFailed(uri);
                    }
                    WireConnection before = conn;
                    conn = keepOrReopen(conn, r, uri, port, https, proxyAddress, route,
                            server.connectionOriented());
                    if (conn != before && proxyAttempt != null
                            && proxyScheme.connectionOriented()) {
                        // A new connection to the proxy signs in to it again.
                        proxyAttempt = proxyScheme.begin(method, target);
                        proxyAuthorization = proxyAttempt.answer(List.of(new Challenge(
                                proxyScheme.name(), null, Map.of())), false);
                        proxyFresh = true;
                    }
                    continue;
                }
                if (server != null && server.connectionOriented() && authorization != null) {
                    conn.signedIn(true);
                }
                log(Verbosity.REQUESTS, method + " " + uri + " -> " + status + " in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms"
                        + (server == null ? "" : " (" + server.name() + ")"));
                if (log.isEnabled(LogModule.HTTP, Verbosity.HEADERS)) {
                    log(Verbosity.HEADERS, "response headers of " + method + " " + uri + ": "
                            + headerText(r.headers()));
                }
                OnPremResponse answer = new OnPremResponse(uri, r, conn, this);
                conn = null;
                return answer;
            }
        } finally {
            if (call != null) {
                call.detach();
            }
            if (conn != null) {
                conn.close();
            }
        }
    }

    private WireConnection keepOrReopen(WireConnection conn, WireResponse r, URI uri, int port,
            boolean https, InetSocketAddress proxyAddress, String route, boolean connectionBound)
            throws SQLException, IOException {
        if (r.keepAlive()) {
            return conn;
        }
        conn.close();
        if (connectionBound) {
            throw new SQLException("The server at " + origin(uri) + " closed the connection in"
                    + " the middle of a connection-bound sign-in (" + server.name() + "); a proxy"
                    + " or load balancer that does not keep connections open breaks it. Use"
                    + " another AuthScheme, or reach the server directly.", "28000");
        }
        return open(uri, port, https, proxyAddress, route);
    }

    /** Opens a connection: directly, or through the proxy (a CONNECT tunnel for HTTPS). */
    private WireConnection open(URI uri, int port, boolean https, InetSocketAddress proxyAddress,
            String route) throws SQLException {
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        String host = uri.getHost();
        WireConnection conn = null;
        try {
            if (proxyAddress == null) {
                conn = WireConnection.connect(host, port, timeout, route);
            } else {
                conn = WireConnection.connect(proxyAddress.getHostString(), proxyAddress.getPort(),
                        timeout, route);
                if (https) {
                    conn = tunnel(conn, host, port, timeout, proxyAddress, route);
                }
            }
            log(Verbosity.TRANSPORT, "opened a connection to " + route);
            if (https) {
                conn.startTls(settings.trust().sslContext(), host, port);
                log(Verbosity.TRANSPORT, "TLS with " + host + " trusting "
                        + settings.trust().description());
            }
            WireConnection ok = conn;
            conn = null;
            return ok;
        } catch (SocketTimeoutException e) {
            SQLTimeoutException t = new SQLTimeoutException("No answer from " + route
                    + " within the Timeout. Raise the Timeout connection property or check the"
                    + " network path.", "HYT00");
            t.initCause(e);
            throw t;
        } catch (UnknownHostException e) {
            throw new SQLException("Could not connect to " + route + ": unknown host "
                    + e.getMessage() + ". Check the " + (proxyAddress == null ? "Server"
                    : "ProxyServer") + " connection property.", "08001", e);
        } catch (IOException e) {
            if (ServerTrust.isUntrusted(e)) {
                throw new SQLException("Could not connect to " + origin(uri) + ": "
                        + reason(e) + ". " + ServerTrust.advice(), "08001", e);
            }
            String which = proxyAddress == null ? "Server"
                    : e instanceof ConnectException ? "ProxyServer and ProxyPort"
                    : "ProxyServer and ProxyPort (the proxy closed the connection or is not an"
                    + " HTTP proxy)";
            throw new SQLException("Could not connect to " + route + ": " + reason(e)
                    + ". Check the " + which + " connection property and that this machine can"
                    + " reach that host.", "08001", e);
        } finally {
            if (conn != null) {
                conn.close();
            }
        }
    }

    /** Asks the proxy for a tunnel to {@code host:port}, signing in to it as it asks. */
    private WireConnection tunnel(WireConnection conn, String host, int port, int timeout,
            InetSocketAddress proxyAddress, String route) throws IOException, SQLException {
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        AuthScheme.Attempt attempt = proxyScheme == null ? null
                : proxyScheme.begin("CONNECT", authority);
        String proxyAuthorization = proxyScheme == null ? null
                : proxyScheme.connectionOriented() ? attempt.answer(List.of(
                        new Challenge(proxyScheme.name(), null, Map.of())), false)
                : proxyScheme.ahead("CONNECT", authority);
        boolean sentAhead = proxyAuthorization != null && !proxyScheme.connectionOriented();
        boolean seen = false;
        for (int round = 1; ; round++) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Host", authority);
            h.put("User-Agent", settings.userAgent());
            h.put("Proxy-Authorization", proxyAuthorization);
            logRequest("CONNECT", null, h, round);
            WireResponse r = conn.exchange("CONNECT", authority, h, null);
            if (r.status() / 100 == 2) {
                log(Verbosity.TRANSPORT, "tunnel to " + authority + " through "
                        + proxyAddress.getHostString() + ":" + proxyAddress.getPort());
                return conn;
            }
            if (r.status() != 407) {
                r.drain();
                throw new SQLException("The proxy " + proxyAddress.getHostString() + ":"
                        + proxyAddress.getPort() + " refused a tunnel to " + authority
                        + " with status " + r.status() + ". Check ProxyServer and"
                        + " ProxyExceptions.", "08001");
            }
            List<Challenge> offered = Challenge.parseAll(r.headers("Proxy-Authenticate"));
            r.drain();
            if (proxyScheme == null) {
                throw proxyNeedsSignIn(r);
            }
            List<Challenge> mine = only(offered, proxyScheme.name());
            if (mine.isEmpty()) {
                throw seen ? proxyFailed() : proxyNotOffered(offered);
            }
            seen = true;
            proxyAuthorization = attempt.answer(mine, sentAhead);
            sentAhead = false;
            if (proxyAuthorization == null || round >= MAX_ROUNDS) {
                throw proxyFailed();
            }
            if (!r.keepAlive()) {
                conn.close();
                if (proxyScheme.connectionOriented()) {
                    throw new SQLException("The proxy closed the connection in the middle of an"
                            + " NTLM sign-in.", "28000");
                }
                conn = WireConnection.connect(proxyAddress.getHostString(),
                        proxyAddress.getPort(), timeout, route);
            }
        }
    }

    private static List<Challenge> only(List<Challenge> offered, String scheme) {
        List<Challenge> mine = new ArrayList<>();
        for (Challenge c : offered) {
            if (c.is(scheme)) {
                mine.add(c);
            }
        }
        return mine;
    }

    private SQLException authFailed(URI uri) {
        return new SQLException("Authentication failed for user " + server.user()
                + " with scheme " + server.name() + " at " + origin(uri) + ": the server refused"
                + " the credentials. Check User and Password (NTLM: DOMAIN\\user or"
                + " user@domain).", "28000");
    }

    private SQLException notOffered(URI uri, List<Challenge> offered) {
        return new SQLException("The server at " + origin(uri) + " does not offer AuthScheme="
                + server.name() + "; it offers " + Challenge.names(offered) + ". Set AuthScheme"
                + " to one of those.", "28000");
    }

    private SQLException proxyFailed() {
        return new SQLException("Proxy authentication failed for user " + proxyScheme.user()
                + " with scheme " + proxyScheme.name() + ": the proxy refused the credentials."
                + " Check ProxyUser and ProxyPassword.", "28000");
    }

    private SQLException proxyNotOffered(List<Challenge> offered) {
        return new SQLException("The proxy does not offer ProxyAuthScheme="
                + proxyScheme.name().toUpperCase(Locale.ROOT) + "; it offers "
                + Challenge.names(offered) + ". Set ProxyAuthScheme to one of those.", "28000");
    }

    private static SQLException proxyNeedsSignIn(WireResponse r) {
        return new SQLException("The proxy asks for a sign-in (it offers "
                + Challenge.names(Challenge.parseAll(r.headers("Proxy-Authenticate")))
                + "). Set ProxyAuthScheme, ProxyUser and ProxyPassword.", "28000");
    }

    /**
     * An idle connection of the route, or null. With {@code probe} (before a request that must
     * not be sent twice) a connection the server closed while idle is found and dropped first;
     * a request that may be repeated skips the look, since its failure is simply retried.
     */
    private WireConnection take(String route, boolean probe) {
        while (true) {
            WireConnection c = takeIdle(route);
            if (c == null || !probe || !c.stale()) {
                return c;
            }
            // closed by the server while idle: found now, before a request is risked
            c.close();
        }
    }

    private synchronized WireConnection takeIdle(String route) {
        for (Iterator<WireConnection> it = idle.iterator(); it.hasNext(); ) {
            WireConnection c = it.next();
            if (c.route().equals(route)) {
                it.remove();
                return c;
            }
        }
        return null;
    }

    /** Takes back a connection whose response was read through. */
    void release(WireConnection c) {
        synchronized (this) {
            if (!closed && !c.isClosed() && idle.size() < MAX_IDLE) {
                idle.addFirst(c);
                return;
            }
        }
        c.close();
    }

    private void logRequest(String method, URI uri, Map<String, String> h, int round) {
        if (log.isEnabled(LogModule.HTTP, Verbosity.HEADERS)) {
            log(Verbosity.HEADERS, "request headers of " + method + " "
                    + (uri == null ? h.get("Host") : uri) + " (leg " + round + "): "
                    + headerText(h));
        }
    }

    private String headerText(Map<String, ?> headers) {
        StringBuilder sb = new StringBuilder();
        headers.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            List<?> values = v instanceof List<?> l ? l : List.of(v);
            for (Object one : values) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                String value = String.valueOf(one);
                if (k.equalsIgnoreCase("WWW-Authenticate")
                        || k.equalsIgnoreCase("Proxy-Authenticate")) {
                    int space = value.indexOf(' ');
                    value = space > 0 ? value.substring(0, space) + " ****" : value;
                }
                sb.append(k).append(": ").append(log.redactor().header(k, value));
            }
        });
        return sb.toString();
    }

    private void log(Verbosity level, String message) {
        if (log.isEnabled(LogModule.HTTP, level)) {
            log.log(LogModule.HTTP, level, log.redactor().redact(message));
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String reason(Throwable e) {
        String best = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return best != null ? best : e.getClass().getSimpleName();
    }

    /** Closes the idle connections; requests still reading keep theirs until closed. */
    @Override
    public void close() {
        List<WireConnection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(WireConnection::close);
        if (server instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // releasing credentials cannot fail in a way the caller could act on
            }
        }
    }
}
