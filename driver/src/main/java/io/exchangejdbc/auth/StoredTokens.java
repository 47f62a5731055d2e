package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * The OAuth tokens of one signed-in user as the token store keeps them: the access token, the
 * refresh token, when the access token was obtained and when it expires, and the application,
 * tenant and sign-in service they belong to (tokens of another application are never used).
 *
 * @param clientId     the application (client) id the tokens were issued to
 * @param tenant       the {@code AzureTenant} they were obtained for ({@code organizations} when
 *                     none was set)
 * @param loginUrl     the sign-in service that issued them
 * @param accessToken  the access token, or null
 * @param refreshToken the refresh token, or null
 * @param obtainedAt   when the access token was obtained, or null when unknown
 * @param expiresAt    when the access token expires, or null when unknown
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/refresh-tokens">Refresh
 *     tokens in the Microsoft identity platform</a>
 */
public record StoredTokens(String clientId, String tenant, String loginUrl, String accessToken,
        String refreshToken, Instant obtainedAt, Instant expiresAt) {

    /** How long before its expiry an access token is renewed, at most. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

    /** Checks the owner fields. */
    public StoredTokens {
        requireNonNull(clientId, "clientId");
        requireNonNull(tenant, "tenant");
        requireNonNull(loginUrl, "loginUrl");
    }

    /** Whether these tokens belong to the given application, tenant and sign-in service. */
    public boolean belongsTo(String client, String tenantName, String login) {
        return clientId.equalsIgnoreCase(client) && tenant.equalsIgnoreCase(tenantName)
                && loginUrl.equalsIgnoreCase(login);
    }

    /**
     * When the access token should be renewed: five minutes before it expires, or half-way
     * through its life when it lives less than ten minutes; null expiry means at once.
     */
    public Instant renewAt() {
        if (accessToken == null || expiresAt == null) {
            return Instant.MIN;
        }
        Duration early = RENEW_BEFORE_EXPIRY;
        if (obtainedAt != null) {
            Duration half = Duration.between(obtainedAt, expiresAt).dividedBy(2);
            if (half.compareTo(early) < 0) {
                early = half.isNegative() ? Duration.ZERO : half;
            }
        }
        return expiresAt.minus(early);
    }

    /** Whether the access token can be sent at {@code now} without renewing it first. */
    public boolean accessTokenFresh(Instant now) {
        return accessToken != null && now.isBefore(renewAt());
    }

    @Override
    public String toString() {
        // Tokens never reach a log or a message.
        return "tokens of application " + clientId + " for tenant " + tenant
                + (accessToken != null ? ", access token expiring at " + expiresAt : "")
                + (refreshToken != null ? ", with a refresh token" : "");
    }
}
