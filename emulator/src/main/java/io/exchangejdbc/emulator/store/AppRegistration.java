package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

/**
 * An application registered in a tenant (Entra's app registration with its service principal):
 * the client id and secret that the token endpoint checks, the application permissions (app roles)
 * granted to it and the delegated permissions (scopes) consented for its users.
 *
 * @param clientId the application (client) id, a GUID
 * @param displayName the application's name
 * @param clientSecret the client secret, or null for a public client
 * @param roles application permissions granted, e.g. {@code Mail.Read}
 * @param scopes delegated permissions consented, e.g. {@code Mail.ReadWrite}
 */
public record AppRegistration(String clientId, String displayName, String clientSecret,
        Set<String> roles, Set<String> scopes) {

    /** Checks and copies the values. */
    public AppRegistration {
        clientId = UUID.fromString(requireNonNull(clientId, "clientId")).toString();
        requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    /** Returns the object id of the app's service principal, derived from the client id. */
    public String servicePrincipalId() {
        return UUID.nameUUIDFromBytes(("sp:" + clientId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Override
    public String toString() {
        // The secret stays out of logs.
        return "AppRegistration[" + clientId + ", " + displayName + "]";
    }
}
