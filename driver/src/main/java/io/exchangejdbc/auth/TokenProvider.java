package io.exchangejdbc.auth;

import java.sql.SQLException;

/**
 * The source of the bearer access token a connection sends to Microsoft Graph, one implementation
 * per supported sign-in ({@code AuthScheme}). Implementations cache their token and are
 * thread-safe.
 *
 * @see <a href="https://learn.microsoft.com/graph/auth/auth-concepts">Authentication and
 *     authorization basics for Microsoft Graph</a>
 */
public interface TokenProvider extends AutoCloseable {

    /** No sign-in: requests carry no {@code Authorization} header ({@code AuthScheme=None}). */
    TokenProvider NONE = new TokenProvider() {
        @Override
        public String token() {
            return null;
        }

        @Override
        public void invalidate() {
            // Nothing is cached.
        }

        @Override
        public String rejectionAdvice() {
            return "The connection uses AuthScheme=None and sends no credentials; choose an"
                    + " AuthScheme that signs in (AzureAD with OAuthAccessToken, or"
                    + " AzureServicePrincipal).";
        }

        @Override
        public String toString() {
            return "no sign-in";
        }
    };

    /**
     * The access token to send as {@code Authorization: Bearer <token>}, acquiring or renewing it
     * when needed; null when requests go without credentials.
     *
     * @throws SQLException SQLState 28000 when the sign-in is refused; the transport's exceptions
     *                      (08001, HYT00, 08S01) when the sign-in service cannot be reached
     */
    String token() throws SQLException;

    /**
     * Forgets the cached token, because the service refused it; the next {@link #token()} gets a
     * new one where the provider can.
     */
    void invalidate();

    /** Whether {@link #invalidate()} followed by {@link #token()} can yield a different token. */
    default boolean renewable() {
        return false;
    }

    /**
     * Whether the token identifies an application rather than a user, so that there is no signed-in
     * mailbox ({@code /me}) and every query needs a {@code UserId}.
     */
    default boolean applicationOnly() {
        return false;
    }

    /** What the user should do when the service refuses the token (HTTP 401), in a sentence. */
    String rejectionAdvice();

    /** Releases what the provider holds; the default holds nothing. */
    @Override
    default void close() {
    }
}
