package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.http.Transport;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The steps of a user sign-in that a web application drives itself through the OAuth
 * procedures (GetOAuthAuthorizationURL, GetOAuthAccessToken, RefreshOAuthAccessToken), for the
 * application, tenant and sign-in service of a connection. Tokens obtained are also kept in
 * {@code OAuthSettingsLocation} when that is set, so that a later connection with
 * {@code InitiateOAuth=REFRESH} finds them.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow">
 *     Authorization code flow</a>
 */
public final class UserSignIn {

    private final ExchangeConfig config;
    private final Transport transport;
    private final EntraTokenEndpoint endpoint;

    /** The sign-in of a connection's configuration, sending through the given transport. */
    public UserSignIn(ExchangeConfig config, Transport transport) {
        this.config = requireNonNull(config, "config");
        this.transport = requireNonNull(transport, "transport");
        this.endpoint = TokenProviders.userEndpoint(config, transport);
    }

    /** The redirect URI: the one given, else {@code CallbackURL}, else the desktop default. */
    public String callback(String given) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String c = config.get(ExchangeProperty.CALLBACK_URL);
        return c == null || c.isBlank() ? DesktopSignIn.DEFAULT_CALLBACK : c.strip();
    }

    /** The scopes: those given (plus offline_access), else the connection's delegated ones. */
    public Set<String> scopes(String given) {
        if (given == null || given.isBlank()) {
            return SignInScopes.delegated(config);
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String s : given.strip().split("[\\s,]+")) {
            scopes.add(s);
        }
        scopes.add(SignInScopes.OFFLINE_ACCESS);
        return scopes;
    }

    /** The sign-in URL of a web application (no PKCE: the application has its secret). */
    public String authorizationUrl(String callback, String scope, String state, String prompt) {
        return endpoint.authorizeUrl(callback(callback), scopes(scope), state, null, prompt);
    }

    /** Redeems the code of the redirect and keeps the tokens. */
    public TokenResponse redeem(String code, String callback, String scope)
            throws SQLException {
        return keep(endpoint.redeemCode(code, callback(callback), scopes(scope), null));
    }

    /** Signs the user in through the browser (as desktop sign-in) and keeps the tokens. */
    public TokenResponse signInWithBrowser(String callback, String scope) throws SQLException {
        return keep(new DesktopSignIn(endpoint, transport.log()).signIn(callback(callback),
                scopes(scope), null));
    }

    /** Redeems a refresh token and keeps the new tokens. */
    public TokenResponse refresh(String refreshToken) throws SQLException {
        return keep(endpoint.refresh(refreshToken, scopes(null)));
    }

    private TokenResponse keep(TokenResponse r) throws SQLException {
        if (config.isSet(ExchangeProperty.OAUTH_SETTINGS_LOCATION)) {
            Instant now = Instant.now();
            TokenProviders.userStore(config).write(new StoredTokens(endpoint.clientId(),
                    endpoint.tenant(), endpoint.loginUrl(), r.accessToken(), r.refreshToken(),
                    now, now.plusSeconds(r.expiresIn())));
        }
        return r;
    }
}
