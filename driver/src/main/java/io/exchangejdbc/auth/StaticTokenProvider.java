package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

/**
 * The access token the caller obtained elsewhere and gave in {@code OAuthAccessToken}
 * ({@code AuthScheme=AzureAD;InitiateOAuth=OFF}): sent as is and never renewed, so the connection
 * fails with SQLState 28000 once the service stops accepting it.
 *
 * @see <a href="https://learn.microsoft.com/graph/auth/auth-concepts">Authentication and
 *     authorization basics for Microsoft Graph</a>
 */
public final class StaticTokenProvider implements TokenProvider {

    private final String token;

    /** A provider of the given token, without surrounding whitespace or a {@code Bearer} prefix. */
    public StaticTokenProvider(String token) {
        String t = strip(token);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the token is empty");
        }
        this.token = t;
    }

    /** The token without surrounding whitespace or a {@code Bearer} prefix. */
    static String strip(String token) {
        String t = requireNonNull(token, "token").strip();
        if (t.regionMatches(true, 0, "Bearer ", 0, 7)) {
            t = t.substring(7).strip();
        }
        return t;
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public void invalidate() {
        // The token cannot be renewed; the caller reports the refusal instead.
    }

    @Override
    public String rejectionAdvice() {
        return "The access token given in OAuthAccessToken is expired or invalid: supply a new"
                + " OAuthAccessToken, or connect with InitiateOAuth=REFRESH and OAuthRefreshToken"
                + " (or GETANDREFRESH) so that the driver renews tokens itself.";
    }

    @Override
    public String toString() {
        return "the access token of OAuthAccessToken";
    }
}
