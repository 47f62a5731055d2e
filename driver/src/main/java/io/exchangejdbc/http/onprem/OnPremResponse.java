package io.exchangejdbc.http.onprem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The answer of an on-premises server once the sign-in is through: status, headers and the body
 * as it arrives. Must be closed; a body read to its end gives the connection back to the
 * transport for the next request, one closed early closes the connection.
 */
public final class OnPremResponse implements AutoCloseable {

    private final URI uri;
    private final WireResponse response;
    private final Body body;

    OnPremResponse(URI uri, WireResponse response, WireConnection connection,
            OnPremTransport owner) {
        this.uri = uri;
        this.response = response;
        this.body = new Body(response.body(), connection, owner, response.keepAlive());
    }

    /** The URL requested. */
    public URI uri() {
        return uri;
    }

    /** The HTTP status code. */
    public int status() {
        return response.status();
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status() / 100 == 2;
    }

    /** All headers, by name in any letter case. */
    public Map<String, List<String>> headers() {
        return response.headers();
    }

    /** The first value of a header (any letter case), or null. */
    public String header(String name) {
        return response.header(name);
    }

    /** The body as it arrives. */
    public InputStream body() {
        return body;
    }

    /** Reads the body as UTF-8 text (at most {@code maxBytes}) and closes the response. */
    public String text(int maxBytes) throws IOException {
        try {
            return new String(body.readNBytes(maxBytes), java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        body.close();
    }

    /**
     * Abandons the response from any thread: the connection is closed without reading the rest
     * of the body, so that a read blocked on it fails at once.
     */
    public void abort() {
        body.abort();
    }

    @Override
    public String toString() {
        return "POST " + uri + " -> " + status();
    }

    /** The body stream that gives the connection back when it has been read through. */
    private static final class Body extends InputStream {
        private final InputStream in;
        private final WireConnection connection;
        private final OnPremTransport owner;
        private final boolean keepAlive;
        private boolean ended;
        private volatile boolean closed;

        Body(InputStream in, WireConnection connection, OnPremTransport owner, boolean keepAlive) {
            this.in = in;
            this.connection = connection;
            this.owner = owner;
            this.keepAlive = keepAlive;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("the response is closed");
            }
            if (ended) {
                return -1;
            }
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                ended = true;
                connection.close();
                throw e;
            }
            if (n < 0) {
                ended = true;
            }
            return n;
        }

        void abort() {
            closed = true;
            connection.close();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (!ended) {
                try {
                    // A short rest of the body is read so the connection can be reused.
                    if (in.available() >= 0 && in.skip(64 * 1024) >= 0 && in.read() < 0) {
                        ended = true;
                    }
                } catch (IOException e) {
                    ended = false;
                }
            }
            if (ended && keepAlive) {
                owner.release(connection);
            } else {
                connection.close();
            }
        }
    }
}
