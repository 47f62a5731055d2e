package io.exchangejdbc.http.onprem;

import java.sql.SQLException;
import java.util.List;

/**
 * One way of signing in to an HTTP server or proxy. A scheme keeps what it learns across requests
 * (a Digest nonce, whether Basic was asked for) and answers the challenges of each request
 * through a fresh {@link Attempt}.
 */
interface AuthScheme {

    /** The scheme's name as servers spell it in challenges: {@code Basic}, {@code NTLM}. */
    String name();

    /** The user, for messages. */
    String user();

    /**
     * Whether a successful sign-in authenticates the TCP connection rather than each request
     * (NTLM, Negotiate): requests that follow on that connection carry no credentials.
     */
    default boolean connectionOriented() {
        return false;
    }

    /**
     * The header value to send with a request before any challenge, or null. Basic and Digest
     * answer ahead once the server has asked for them.
     */
    default String ahead(String method, String requestUri) {
        return null;
    }

    /** Begins the challenges of one request. */
    Attempt begin(String method, String requestUri);

    /** The answers of one request to the server's challenges. */
    interface Attempt {

        /**
         * The header value answering the server's challenges of this scheme (never empty), or
         * null when the scheme has nothing more to offer: the server refused the credentials.
         *
         * @param challenges the challenges of this scheme the server sent
         * @param sentAhead  whether the request that was refused carried {@link #ahead} credentials
         */
        String answer(List<Challenge> challenges, boolean sentAhead) throws SQLException;
    }
}
