package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.LogModule;
import io.exchangejdbc.log.Verbosity;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * The delegated tokens of a signed-in user ({@code AuthScheme=AzureAD} with
 * {@code InitiateOAuth=GETANDREFRESH} or {@code REFRESH}), kept in a {@link TokenStore}.
 *
 * <p>{@link #token()} returns the stored access token while it is fresh; otherwise, under the
 * store's lock and on the tokens as stored at that moment (another connection or process may
 * have refreshed them), it redeems the refresh token and stores the new pair; without a refresh
 * token it redeems {@code OAuthVerifier} when given, and with GETANDREFRESH signs the user in
 * through the browser ({@link DesktopSignIn}). REFRESH never asks the user: missing or refused
 * tokens end in SQLState 28000 saying how to sign in.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow">
 *     Authorization code flow, refreshing the access token</a>
 */
final class UserTokenProvider implements TokenProvider {

    /** How the provider may obtain tokens it does not have. */
    enum Mode {
        /** Sign the user in when needed. */
        GETANDREFRESH,
        /** Only refresh tokens given or stored. */
        REFRESH
    }

    private final EntraTokenEndpoint endpoint;
    private final TokenStore store;
    private final Mode mode;
    private final Set<String> scopes;
    private final StoredTokens given;
    private final String verifier;
    private final String callbackUrl;
    private final DesktopSignIn desktop;
    private final ConnectionLog log;
    private final Clock clock;
    private StoredTokens current;
    private String refused;
    private boolean verifierUsed;

    /**
     * @param given       tokens given in the connection string (OAuthAccessToken,
     *                    OAuthRefreshToken), used when the store holds none of this application
     * @param verifier    an authorization code obtained on another device, or null
     * @param callbackUrl the redirect URI of the code (CallbackURL), or null for the default
     */
    UserTokenProvider(EntraTokenEndpoint endpoint, TokenStore store, Mode mode,
            Set<String> scopes, StoredTokens given, String verifier, String callbackUrl,
            ConnectionLog log, Clock clock) {
        this.endpoint = requireNonNull(endpoint, "endpoint");
        this.store = requireNonNull(store, "store");
        this.mode = requireNonNull(mode, "mode");
        this.scopes = Set.copyOf(requireNonNull(scopes, "scopes"));
        this.given = given;
        this.verifier = verifier == null || verifier.isBlank() ? null : verifier.strip();
        this.callbackUrl = callbackUrl;
        this.log = requireNonNull(log, "log");
        this.clock = requireNonNull(clock, "clock");
        this.desktop = new DesktopSignIn(endpoint, log);
    }

    @Override
    public synchronized String token() throws SQLException {
        Instant now = clock.instant();
        if (current != null && current.accessTokenFresh(now)
                && !current.accessToken().equals(refused)) {
            return current.accessToken();
        }
        current = store.update(this::renew);
        refused = null;
        return current.accessToken();
    }

    /** The tokens to use, given those stored now; runs under the store's lock. */
    private StoredTokens renew(StoredTokens stored) throws SQLException {
        Instant now = clock.instant();
        StoredTokens mine = stored != null && stored.belongsTo(endpoint.clientId(),
                endpoint.tenant(), endpoint.loginUrl()) ? stored : null;
        if (mine == null && given != null) {
            mine = given;
        }
        if (mine != null && mine.accessTokenFresh(now)
                && !mine.accessToken().equals(refused)) {
            // Fresh already, possibly refreshed by another connection or process meanwhile.
            return mine == stored ? stored : mine;
        }
        if (mine != null && mine.refreshToken() != null) {
            try {
                return store(endpoint.refresh(mine.refreshToken(), scopes), mine.refreshToken(),
                        now, "refreshed the access token");
            } catch (SQLException e) {
                if (!"28000".equals(e.getSQLState()) || (mode == Mode.REFRESH
                        && (verifier == null || verifierUsed))) {
                    if ("28000".equals(e.getSQLState())) {
                        throw new SQLException(e.getMessage() + " The stored refresh token ("
                                + store.location() + ") can no longer be used.", "28000",
                                e.getErrorCode(), e);
                    }
                    throw e;
                }
                log.log(LogModule.AUTH, Verbosity.SUMMARY, "the refresh token was refused;"
                        + " signing in again");
            }
        }
        if (verifier != null && !verifierUsed) {
            verifierUsed = true;
            return store(endpoint.redeemCode(verifier, callbackUrl == null
                    ? DesktopSignIn.DEFAULT_CALLBACK : callbackUrl.strip(), scopes, null), null,
                    now, "redeemed OAuthVerifier");
        }
        if (mode == Mode.GETANDREFRESH) {
            return store(desktop.signIn(callbackUrl, scopes, null), null, clock.instant(),
                    "signed the user in");
        }
        throw new SQLException("There is no usable OAuth token for application "
                + endpoint.clientId() + " in " + store.location() + " and InitiateOAuth=REFRESH"
                + " never starts a sign-in. Sign in once with InitiateOAuth=GETANDREFRESH (or"
                + " give OAuthRefreshToken, or OAuthVerifier, or obtain tokens with"
                + " GetOAuthAccessToken).", "28000");
    }

    private StoredTokens store(TokenResponse r, String previousRefresh, Instant now,
            String what) {
        String refresh = r.refreshToken() != null ? r.refreshToken() : previousRefresh;
        StoredTokens next = new StoredTokens(endpoint.clientId(), endpoint.tenant(),
                endpoint.loginUrl(), r.accessToken(), refresh, now,
                now.plusSeconds(r.expiresIn()));
        log.log(LogModule.AUTH, Verbosity.REQUESTS, what + "; " + next + ", kept in "
                + store.location());
        return next;
    }

    @Override
    public synchronized void invalidate() {
        if (current != null) {
            refused = current.accessToken();
        }
    }

    @Override
    public boolean renewable() {
        return true;
    }

    @Override
    public String rejectionAdvice() {
        return "A freshly renewed token of the signed-in user was refused too: check that the"
                + " Scope (or the default delegated permissions) covers what the query reads and"
                + " that the user has a mailbox.";
    }

    @Override
    public String toString() {
        return "the tokens of a signed-in user of application " + endpoint.clientId()
                + " (InitiateOAuth=" + mode + ", " + store + ")";
    }
}
