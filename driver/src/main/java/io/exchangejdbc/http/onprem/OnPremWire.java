package io.exchangejdbc.http.onprem;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.http.QueryControl;
import io.exchangejdbc.http.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Wire} of an {@link OnPremTransport}: a {@link io.exchangejdbc.http.Transport} over
 * it keeps its whole request policy (Timeout, retries of read-only requests, the per-mailbox
 * throttle, cancellation and query timeouts, redacted logging) while the on-premises transport
 * signs in with Basic, Digest, NTLM or Negotiate on its own sockets, through the proxy and with
 * the {@code SSLServerCert} trust of its settings.
 *
 * <p>A connection that fails during an attempt comes out as the {@link IOException} (a socket
 * timeout as {@link HttpTimeoutException}), so that the transport decides about repeating it; a
 * refused sign-in or an unreachable server is an SQLException no repetition cures. A cancel
 * closes the socket the attempt or its body is blocked on.
 */
public final class OnPremWire implements Wire {

    private final OnPremTransport transport;

    /** A wire over {@code transport}, which closing the wire closes. */
    public OnPremWire(OnPremTransport transport) {
        this.transport = requireNonNull(transport, "transport");
    }

    /** The on-premises transport. */
    public OnPremTransport transport() {
        return transport;
    }

    @Override
    public Answer send(HttpRequest request, byte[] body, boolean repeatable,
            QueryControl control)
            throws IOException, SQLException {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().map().forEach((k, v) -> headers.put(k, String.join(", ", v)));
        OnPremTransport.Call call = new OnPremTransport.Call();
        Runnable abort = call::abort;
        control.inFlight(abort);
        OnPremResponse r;
        try {
            r = transport.exchange(request.method(), request.uri(), body, headers, call,
                    repeatable);
        } catch (SocketTimeoutException e) {
            HttpTimeoutException t = new HttpTimeoutException("no answer within the Timeout");
            t.initCause(e);
            throw t;
        } finally {
            control.done(abort);
        }
        return new Answer(r.status(), HttpHeaders.of(r.headers(), (name, value) -> true),
                new Body(r));
    }

    @Override
    public boolean signsIn() {
        return true;
    }

    @Override
    public void close() {
        transport.close();
    }

    /**
     * The body of an answer. Closed after it was read (or while no read runs) it gives the
     * connection back for the next request; closed from another thread while a read is blocked
     * (a cancel, or the transport's watchdog) it closes the connection, so that the read fails at
     * once instead of the close waiting for the rest of the body.
     */
    private static final class Body extends InputStream {
        private final OnPremResponse response;
        private final InputStream in;
        private final AtomicInteger reading = new AtomicInteger();

        Body(OnPremResponse response) {
            this.response = response;
            this.in = response.body();
        }

        @Override
        public int read() throws IOException {
            reading.incrementAndGet();
            try {
                return in.read();
            } finally {
                reading.decrementAndGet();
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            reading.incrementAndGet();
            try {
                return in.read(b, off, len);
            } finally {
                reading.decrementAndGet();
            }
        }

        @Override
        public void close() {
            if (reading.get() > 0) {
                response.abort();
            } else {
                response.close();
            }
        }
    }
}
