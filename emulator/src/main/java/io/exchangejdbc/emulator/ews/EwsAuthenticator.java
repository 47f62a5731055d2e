package io.exchangejdbc.emulator.ews;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.identity.AccessToken;
import io.exchangejdbc.emulator.identity.TokenRejectedException;
import io.exchangejdbc.emulator.identity.TokenService;
import io.exchangejdbc.emulator.store.Store;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the credentials of an EWS request, the one place where the EWS front authenticates:
 * Basic against the users' passwords in the store, and Bearer tokens the emulator's identity
 * front issued for Exchange Online ({@code https://outlook.office365.com}) carrying the delegated
 * scope {@code EWS.AccessAsUser.All} or the application role {@code full_access_as_app}. Other
 * schemes (Digest, NTLM, Negotiate) plug in here as further branches of {@link #authenticate}.
 */
public final class EwsAuthenticator {

    /** The delegated scope that lets a user's token use EWS. */
    public static final String EWS_SCOPE = "EWS.AccessAsUser.All";
    /** The application role that lets an app-only token use EWS on any mailbox. */
    public static final String FULL_ACCESS_ROLE = "full_access_as_app";

    private final Store store;
    private final TokenService tokens;

    /** Creates an authenticator over the store's users and the token service's tokens. */
    public EwsAuthenticator(Store store, TokenService tokens) {
        this.store = requireNonNull(store, "store");
        this.tokens = requireNonNull(tokens, "tokens");
    }

    /** Thrown when a request is not authenticated; the front answers 401 with challenges. */
    public static final class Unauthorized extends Exception {
        private static final long serialVersionUID = 1L;

        Unauthorized(String message) {
            super(message, null, false, false);
        }
    }

    /** Returns the challenges a 401 carries, one {@code WWW-Authenticate} value each. */
    public List<String> challenges(Request request) {
        return List.of("Basic realm=\"" + host(request) + "\"",
                "Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", "
                        + "trusted_issuers=\"00000001-0000-0000-c000-000000000000@*\", "
                        + "token_types=\"app_asserted_user_v1 service_asserted_app_v1\", "
                        + "authorization_uri=\"" + request.baseUrl()
                        + "/common/oauth2/authorize\"");
    }

    private static String host(Request request) {
        String base = request.baseUrl();
        return base.substring(base.indexOf("//") + 2);
    }

    /**
     * Authenticates a request.
     *
     * @throws Unauthorized if it carries no credentials, or wrong ones
     */
    public EwsCaller authenticate(Request request) throws Unauthorized {
        String header = request.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new Unauthorized("No credentials were sent.");
        }
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String value = space < 0 ? "" : header.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Basic")) {
            return basic(value);
        }
        if (scheme.equalsIgnoreCase("Bearer")) {
            return bearer(value);
        }
        throw new Unauthorized("The authentication scheme " + scheme + " is not accepted.");
    }

    private EwsCaller basic(String value) throws Unauthorized {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Unauthorized("The Basic credentials are not base64.");
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            throw new Unauthorized("The Basic credentials have no password.");
        }
        String name = pair.substring(0, colon);
        String password = pair.substring(colon + 1);
        for (Tenant tenant : store.tenants()) {
            Optional<User> user = findUser(tenant, name);
            if (user.isPresent()) {
                User u = user.get();
                boolean ok = MessageDigest.isEqual(
                        u.password().getBytes(StandardCharsets.UTF_8),
                        password.getBytes(StandardCharsets.UTF_8));
                if (!ok || !u.accountEnabled()) {
                    throw new Unauthorized("The user name or password is wrong.");
                }
                return new EwsCaller(tenant, u, u.id(), "Basic", false);
            }
        }
        throw new Unauthorized("The user name or password is wrong.");
    }

    /**
     * Finds a user by the names Exchange accepts at sign-in: the user principal name, the
     * primary SMTP address, or {@code DOMAIN\alias}.
     */
    static Optional<User> findUser(Tenant tenant, String name) {
        String n = name;
        int backslash = n.indexOf('\\');
        if (backslash >= 0) {
            n = n.substring(backslash + 1);
        }
        Optional<User> byUpn = tenant.user(n);
        if (byUpn.isPresent()) {
            return byUpn;
        }
        String lower = n.toLowerCase(Locale.ROOT);
        for (User u : tenant.users()) {
            if ((u.mail() != null && u.mail().equalsIgnoreCase(lower))
                    || (u.mailNickname() != null && u.mailNickname().equalsIgnoreCase(lower))) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    private EwsCaller bearer(String value) throws Unauthorized {
        AccessToken token;
        try {
            token = tokens.verify(value, TokenService.OUTLOOK_AUDIENCE);
        } catch (TokenRejectedException e) {
            throw new Unauthorized(e.getMessage());
        }
        Tenant tenant = store.tenant(token.tenantId())
                .orElseThrow(() -> new Unauthorized("The token's tenant is unknown."));
        if (token.isDelegated()) {
            if (!token.allowsAny(java.util.Set.of(), java.util.Set.of(EWS_SCOPE))) {
                throw new Unauthorized("The token lacks the scope " + EWS_SCOPE + ".");
            }
            User user = tenant.user(token.userId())
                    .orElseThrow(() -> new Unauthorized("The token's user does not exist."));
            return new EwsCaller(tenant, user, user.id(), "Bearer", false);
        }
        if (!token.allowsAny(java.util.Set.of(FULL_ACCESS_ROLE), java.util.Set.of())) {
            throw new Unauthorized("The token lacks the role " + FULL_ACCESS_ROLE + ".");
        }
        return new EwsCaller(tenant, null, token.appId(), "Bearer", true);
    }
}
