package io.exchangejdbc.emulator.identity;

import java.time.Instant;
import java.util.Set;

/**
 * The verified claims of an access token the emulator issued: who the token is for (tenant,
 * application, and for delegated tokens the user) and what it allows (app roles or delegated
 * scopes) until when.
 *
 * @param tenantId the {@code tid} claim
 * @param appId the {@code appid} claim (client id)
 * @param audience the {@code aud} claim, e.g. {@code https://graph.microsoft.com}
 * @param issuedAt the {@code iat} claim
 * @param expiresAt the {@code exp} claim
 * @param roles the {@code roles} claim (application permissions), empty for delegated tokens
 * @param scopes the {@code scp} claim split at spaces (delegated permissions), empty for app
 *     tokens
 * @param userId the {@code oid} of the signed-in user, or null for app tokens
 * @param userPrincipalName the {@code upn} of the signed-in user, or null for app tokens
 */
public record AccessToken(String tenantId, String appId, String audience, Instant issuedAt,
        Instant expiresAt, Set<String> roles, Set<String> scopes, String userId,
        String userPrincipalName) {

    /** Copies the sets. */
    public AccessToken {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    /** Tells whether the token acts for a signed-in user (delegated) rather than as the app. */
    public boolean isDelegated() {
        return userId != null;
    }

    /** Tells whether the token carries any of the given roles (app) or scopes (delegated). */
    public boolean allowsAny(Set<String> appRoles, Set<String> delegatedScopes) {
        Set<String> have = isDelegated() ? scopes : roles;
        Set<String> want = isDelegated() ? delegatedScopes : appRoles;
        for (String w : want) {
            for (String h : have) {
                if (h.equalsIgnoreCase(w)) {
                    return true;
                }
            }
        }
        return false;
    }
}
