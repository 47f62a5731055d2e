package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An application registered in a tenant (Entra's app registration with its service principal):
 * the client id, the credentials the token endpoint checks (a secret, certificates, or none for a
 * public client), the redirect URIs the authorize endpoint accepts, the application permissions
 * (app roles) granted to it and the delegated permissions (scopes) consented for its users.
 *
 * @param clientId the application (client) id, a GUID
 * @param displayName the application's name
 * @param clientSecret the client secret, or null
 * @param roles application permissions granted, e.g. {@code Mail.Read}
 * @param scopes delegated permissions consented, e.g. {@code Mail.ReadWrite}
 * @param redirectUris the redirect URIs registered; empty accepts any loopback URI
 * @param certificates the certificates whose keys may sign client assertions
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/reply-url">Redirect URI
 *     restrictions</a>
 */
public record AppRegistration(String clientId, String displayName, String clientSecret,
        Set<String> roles, Set<String> scopes, Set<String> redirectUris,
        List<X509Certificate> certificates) {

    /** Checks and copies the values. */
    public AppRegistration {
        clientId = UUID.fromString(requireNonNull(clientId, "clientId")).toString();
        requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        redirectUris = Set.copyOf(redirectUris);
        certificates = List.copyOf(certificates);
    }

    /** An application with a secret (or none), no registered redirect URI and no certificate. */
    public AppRegistration(String clientId, String displayName, String clientSecret,
            Set<String> roles, Set<String> scopes) {
        this(clientId, displayName, clientSecret, roles, scopes, Set.of(), List.of());
    }

    /** Tells whether the app has no credential of its own (a desktop or mobile client). */
    public boolean isPublicClient() {
        return clientSecret == null && certificates.isEmpty();
    }

    /** Returns a copy of this registration with one more certificate. */
    public AppRegistration withCertificate(X509Certificate certificate) {
        List<X509Certificate> all = new java.util.ArrayList<>(certificates);
        all.add(requireNonNull(certificate, "certificate"));
        return new AppRegistration(clientId, displayName, clientSecret, roles, scopes,
                redirectUris, all);
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
