package io.exchangejdbc.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link TransportRequest}, after any retries: status, headers and a body that is
 * streamed, not buffered, so that a JSON parser can turn a page into rows while it arrives.
 *
 * <p>Must be closed; closing before the end of the body abandons the rest of it (the connection is
 * then not reused). Not thread-safe.
 */
public final class HttpResult implements AutoCloseable {

    private final TransportRequest request;
    private final int status;
    private final HttpHeaders headers;
    private final BodyStream body;
    private final String clientRequestId;
    private final int attempts;
    private final Duration elapsed;
    private final TransportErrors errors;
    private final QueryControl control;

    HttpResult(TransportRequest request, int status, HttpHeaders headers, BodyStream body,
            String clientRequestId, int attempts, Duration elapsed, TransportErrors errors) {
        this(request, status, headers, body, clientRequestId, attempts, elapsed, errors,
                QueryControl.NONE);
    }

    HttpResult(TransportRequest request, int status, HttpHeaders headers, BodyStream body,
            String clientRequestId, int attempts, Duration elapsed, TransportErrors errors,
            QueryControl control) {
        this.control = requireNonNull(control, "control");
        this.request = requireNonNull(request, "request");
        this.status = status;
        this.headers = requireNonNull(headers, "headers");
        this.body = requireNonNull(body, "body");
        this.clientRequestId = requireNonNull(clientRequestId, "clientRequestId");
        this.attempts = attempts;
        this.elapsed = requireNonNull(elapsed, "elapsed");
        this.errors = requireNonNull(errors, "errors");
    }

    /** The request this answers. */
    public TransportRequest request() {
        return request;
    }

    /** The URL requested. */
    public URI uri() {
        return request.uri();
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The first value of a response header (any letter case), or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** All response headers. */
    public Map<String, List<String>> headers() {
        return headers.map();
    }

    /** The media type of the body without parameters, lower case, or null when not given. */
    public String mediaType() {
        String ct = header("Content-Type");
        if (ct == null) {
            return null;
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The body as it arrives. Read failures should be turned into exceptions with
     * {@link #readFailure(IOException)}, which tells a stalled body (timeout) from a cut one.
     */
    public InputStream body() {
        return body;
    }

    /**
     * Reads the body as UTF-8 text, at most {@code maxChars} characters, and closes it; for error
     * bodies, which are small, and for identity responses.
     */
    public String readText(int maxChars) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Reader r = new InputStreamReader(body, StandardCharsets.UTF_8)) {
            char[] buf = new char[4096];
            int n;
            while (sb.length() < maxChars
                    && (n = r.read(buf, 0, Math.min(buf.length, maxChars - sb.length()))) > 0) {
                sb.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw readFailure(e);
        }
        return sb.toString();
    }

    /**
     * The id the service gave the request ({@code request-id}, as Graph sends it), else the
     * {@code client-request-id} the driver sent, which the service logs too.
     */
    public String requestId() {
        String id = header("request-id");
        if (id == null) {
            id = header("x-ms-request-id");
        }
        return id != null ? id : clientRequestId;
    }

    /** The {@code client-request-id} the driver sent with the last attempt. */
    public String clientRequestId() {
        return clientRequestId;
    }

    /** Attempts made, the first included. */
    public int attempts() {
        return attempts;
    }

    /** Time from the first attempt until the response headers of the last one. */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * The exception for a failure while reading the body: {@link java.sql.SQLTimeoutException}
     * (HYT00) when the body stalled past the {@code Timeout}, otherwise SQLState 08S01 (the
     * connection was cut).
     */
    public SQLException readFailure(IOException cause) {
        if (body.aborted() || control.mustStop()) {
            SQLException stop = control.stopReason("reading the response of "
                    + request.method() + " " + errors.url(request.uri()));
            if (stop != null) {
                stop.initCause(cause);
                return stop;
            }
        }
        return errors.bodyFailure(request, cause, body.expired()
                || cause instanceof BodyStream.StalledBodyException);
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // Closing abandons the body; a failure to close it changes nothing for the caller.
        }
    }

    @Override
    public String toString() {
        return request.method() + " " + request.uri() + " -> " + status;
    }
}
