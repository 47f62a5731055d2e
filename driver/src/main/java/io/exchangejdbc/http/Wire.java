package io.exchangejdbc.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.sql.SQLException;

/**
 * How a {@link Transport} sends one attempt of a request and waits for the answer's headers.
 * The transport keeps the policy around it (the {@code Timeout}, retries of requests that are
 * safe to repeat, the per-mailbox throttle, cancellation, redacted logging); a wire only moves
 * bytes: the JDK's {@link java.net.http.HttpClient} for Microsoft Graph and Exchange Online, or
 * the on-premises HTTP/1.1 client that answers Digest, NTLM and Negotiate challenges on its own
 * sockets.
 */
public interface Wire extends AutoCloseable {

    /**
     * The answer to one attempt: its status, headers and the body still streaming.
     *
     * @param status  the HTTP status code
     * @param headers the response headers
     * @param body    the body (null when the client gave none); closing it releases the
     *                connection
     */
    record Answer(int status, HttpHeaders headers, InputStream body) {
        public Answer {
            requireNonNull(headers, "headers");
        }
    }

    /**
     * Sends one attempt. While it waits, it registers with {@code control} an action that
     * aborts it, so that a cancel or a query timeout ends the wait at once.
     *
     * @param request the request as the transport built it: method, URL, headers (with
     *                {@code User-Agent}, {@code client-request-id} and {@code CustomHeaders})
     *                and the per-attempt timeout
     * @param body    the body bytes, or null
     * @param repeatable whether the request may be sent again (it reads, or the service
     *                applies it once whatever the repetitions); a wire that keeps connections
     *                alive writes one that is not only on a connection seen open
     * @throws java.net.http.HttpTimeoutException when no answer came within the timeout
     * @throws java.net.ConnectException          when the host refused the connection
     * @throws IOException                        when the connection failed; the transport
     *                                            may repeat the request
     * @throws SQLException                       for a failure no repetition cures, with its
     *                                            SQLState (28000 sign-in refused, 08001
     *                                            unreachable or untrusted server)
     */
    Answer send(HttpRequest request, byte[] body, boolean repeatable, QueryControl control)
            throws IOException, InterruptedException, SQLException;

    /**
     * Whether the wire answers the server's and the proxy's sign-in challenges itself (401 and
     * 407), so that the transport adds no {@code Proxy-Authorization} of its own and the caller
     * no {@code Authorization}.
     */
    default boolean signsIn() {
        return false;
    }

    /** Releases the wire's connections and threads. */
    @Override
    void close();
}
