package io.exchangejdbc.auth;

import java.sql.SQLException;

/**
 * The token provider of a web application's connection before it has tokens
 * ({@code AuthScheme=AzureAD;InitiateOAuth=OFF} without {@code OAuthAccessToken}): the connection
 * opens so that the OAuth procedures (GetOAuthAuthorizationURL, GetOAuthAccessToken,
 * RefreshOAuthAccessToken) can run, and reading data fails with SQLState 28000.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow">
 *     Authorization code flow</a>
 */
final class NoTokenYet implements TokenProvider {

    @Override
    public String token() throws SQLException {
        throw new SQLException("This connection has no access token: with InitiateOAuth=OFF set"
                + " OAuthAccessToken, or obtain tokens with GetOAuthAuthorizationURL and"
                + " GetOAuthAccessToken and connect with them (InitiateOAuth=REFRESH and"
                + " OAuthRefreshToken to have them renewed).", "28000");
    }

    @Override
    public void invalidate() {
        // Nothing is cached.
    }

    @Override
    public String rejectionAdvice() {
        return "Obtain tokens with GetOAuthAccessToken first.";
    }

    @Override
    public String toString() {
        return "no token yet (InitiateOAuth=OFF)";
    }
}
