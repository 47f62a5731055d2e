package io.exchangejdbc.emulator.identity;

import io.exchangejdbc.emulator.store.AppRegistration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The scopes of a delegated request as Entra reads them: OpenID Connect scopes
 * ({@code openid profile email offline_access}) aside, every other scope names one resource
 * (its prefix, Microsoft Graph when there is none) and a permission; {@code .default} stands for
 * the permissions consented for the application.
 *
 * @param granted the permission names, without the resource prefix
 * @param audience the resource the access tokens are for
 * @param offlineAccess whether a refresh token was asked for
 * @param error the AADSTS description when the scopes cannot be granted, else null
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/scopes-oidc">Scopes and
 *     permissions in the Microsoft identity platform</a>
 */
record Scopes(Set<String> granted, String audience, boolean offlineAccess, String error) {

    private static final Set<String> OIDC = Set.of("openid", "profile", "email",
            "offline_access");

    static Scopes parse(String scope, AppRegistration app) {
        if (scope == null || scope.isBlank()) {
            return new Scopes(Set.of(), TokenService.GRAPH_AUDIENCE, false,
                    "AADSTS900144: The request body must contain the following parameter:"
                            + " 'scope'.");
        }
        Set<String> granted = new LinkedHashSet<>();
        String audience = null;
        boolean offline = false;
        for (String s : scope.trim().split("\\s+")) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (OIDC.contains(lower)) {
                offline |= lower.equals("offline_access");
                continue;
            }
            String resource = TokenService.GRAPH_AUDIENCE;
            String name = s;
            int slash = s.lastIndexOf('/');
            if (slash > 0) {
                resource = IdentityFront.audienceOf(s.substring(0, slash));
                name = s.substring(slash + 1);
                if (resource == null) {
                    return new Scopes(Set.of(), TokenService.GRAPH_AUDIENCE, offline,
                            "AADSTS500011: The resource principal named "
                                    + s.substring(0, slash) + " was not found in the tenant.");
                }
            }
            if (audience != null && !audience.equals(resource)) {
                return new Scopes(Set.of(), audience, offline, "AADSTS28000: Provided value"
                        + " for the input parameter scope is not valid because it contains"
                        + " more than one resource.");
            }
            audience = resource;
            if (name.equals(".default")) {
                granted.addAll(app.scopes());
            } else {
                granted.add(name);
            }
        }
        return new Scopes(Set.copyOf(granted),
                audience == null ? TokenService.GRAPH_AUDIENCE : audience, offline, null);
    }
}
