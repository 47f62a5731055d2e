package io.exchangejdbc.http;

import io.exchangejdbc.http.net.ServerTrust;
import io.exchangejdbc.log.Redactor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;

/**
 * The exceptions of the transport, with the SQLStates and wording users act on: a host that
 * cannot be reached (08001, "check GraphUrl"), a request that outlived the {@code Timeout}
 * (HYT00, naming the property), a connection lost mid-way (08S01). URLs in messages go through the
 * connection's {@link Redactor}.
 */
final class TransportErrors {

    /** SQLState of a service that cannot be reached at all. */
    static final String CANNOT_CONNECT = "08001";
    /** SQLState of a connection that failed during a request. */
    static final String LINK_FAILURE = "08S01";
    /** SQLState of a timeout. */
    static final String TIMEOUT = "HYT00";
    /** SQLState of a wait cut short by an interrupt. */
    static final String CANCELLED = "HY008";

    private final Redactor redactor;
    private final Duration timeout;

    TransportErrors(Redactor redactor, Duration timeout) {
        this.redactor = redactor;
        this.timeout = timeout;
    }

    SQLException cannotConnect(TransportRequest request, IOException cause) {
        URI uri = request.uri();
        String reason = isUnknownHost(cause) ? "unknown host " + uri.getHost()
                : redactor.redact(reason(cause));
        if (ServerTrust.isUntrusted(cause)) {
            return new SQLException("Could not connect to " + origin(uri) + ": " + reason
                    + ". " + ServerTrust.advice(), CANNOT_CONNECT, cause);
        }
        return new SQLException("Could not connect to " + origin(uri) + ": " + reason
                + ". Check the " + request.endpointProperty()
                + " connection property and that this machine can reach that host.",
                CANNOT_CONNECT, cause);
    }

    /**
     * The proxy could not be reached (refused, unknown host): a request through a proxy resolves
     * and connects to the proxy only, so the fault is in ProxyServer or ProxyPort.
     */
    SQLException proxyUnreachable(TransportRequest request, InetSocketAddress proxy,
            IOException cause) {
        String reason = isUnknownHost(cause) ? "unknown host " + proxy.getHostString()
                : redactor.redact(reason(cause));
        return new SQLException("Could not connect to the proxy " + proxy.getHostString() + ":"
                + proxy.getPort() + " for " + origin(request.uri()) + ": " + reason
                + ". Check the ProxyServer and ProxyPort connection properties (or list the host"
                + " in ProxyExceptions) and that this machine can reach the proxy.",
                CANNOT_CONNECT, cause);
    }

    /**
     * Each attempt through the proxy failed before any answer: a proxy that closes connections
     * (a wrong port, a service that is not an HTTP proxy) or that cannot reach the host.
     */
    SQLException proxyFailed(TransportRequest request, InetSocketAddress proxy,
            IOException cause, int attempts) {
        return new SQLException("The connection through the proxy " + proxy.getHostString()
                + ":" + proxy.getPort() + " to " + origin(request.uri()) + " failed before any"
                + " answer (" + redactor.redact(reason(cause)) + ") on each of " + attempts
                + " attempts: the proxy closed it, or it is not an HTTP proxy, or it cannot reach"
                + " that host. Check the ProxyServer and ProxyPort connection properties, or list"
                + " the host in ProxyExceptions.", CANNOT_CONNECT, cause);
    }

    SQLTimeoutException timeout(TransportRequest request, Throwable cause) {
        String budget = timeout.isZero() ? "" : " within the Timeout of " + seconds(timeout);
        SQLTimeoutException e = new SQLTimeoutException("No answer from " + origin(request.uri())
                + budget + " (" + request.method() + " " + url(request.uri()) + "). Raise the"
                + " Timeout connection property (in seconds; 0 waits without limit) or try again"
                + " later.", TIMEOUT);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    SQLException connectionLost(TransportRequest request, IOException cause, int attempts) {
        return new SQLException("The connection to " + origin(request.uri()) + " failed during "
                + request.method() + " " + url(request.uri()) + " ("
                + redactor.redact(reason(cause)) + ")"
                + (attempts > 1 ? " on each of " + attempts + " attempts" : "")
                + (request.retrySafe() ? ". Run the query again; if it keeps failing, check"
                        + " the network path to " + request.endpointProperty() + "."
                        : "; the request may have reached the server and was not sent again."),
                LINK_FAILURE, cause);
    }

    SQLException bodyFailure(TransportRequest request, IOException cause, boolean stalled) {
        if (stalled) {
            return timeout(request, cause);
        }
        return new SQLException("The response of " + request.method() + " " + url(request.uri())
                + " was cut off (" + redactor.redact(reason(cause)) + ")."
                + (request.retrySafe() ? " Run the query again." : " The server received the"
                        + " request."), LINK_FAILURE, cause);
    }

    SQLException interrupted(TransportRequest request, InterruptedException cause) {
        return new SQLException("Interrupted while waiting for " + request.method() + " "
                + url(request.uri()) + "; the statement was cancelled.", CANCELLED, cause);
    }

    SQLException invalidRequest(TransportRequest request, IllegalArgumentException cause) {
        return new SQLException("The driver could not send " + request.method() + " "
                + url(request.uri()) + ": " + redactor.redact(cause.getMessage())
                + ". Check the CustomHeaders connection property.", CANNOT_CONNECT, cause);
    }

    String url(URI uri) {
        return redactor.redact(uri.toString());
    }

    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static boolean isUnknownHost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The most telling message in the chain of causes (the JDK often nests the real one). */
    static String reason(Throwable e) {
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

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            long s = ms / 1000;
            return s + (s == 1 ? " second" : " seconds");
        }
        return ms / 1000.0 + " seconds";
    }
}
