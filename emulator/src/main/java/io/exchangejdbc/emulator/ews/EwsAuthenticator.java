package io.exchangejdbc.emulator.ews;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.identity.AccessToken;
import io.exchangejdbc.emulator.identity.TokenRejectedException;
import io.exchangejdbc.emulator.identity.TokenService;
import io.exchangejdbc.emulator.onprem.AuthGate;
import io.exchangejdbc.emulator.onprem.AuthMethod;
import io.exchangejdbc.emulator.store.Store;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the credentials of an EWS request, the one place where the EWS front authenticates:
 * Basic against the users' passwords in the store, and Bearer tokens the emulator's identity
 * front issued for Exchange Online ({@code https://outlook.office365.com}) carrying the delegated
 * scope {@code EWS.AccessAsUser.All} or the application role {@code full_access_as_app}; and,
 * once {@link #onPremises} is called, Digest, NTLM and Negotiate through the on-premises
 * {@link AuthGate}.
 */
public final class EwsAuthenticator {

    /** The delegated scope that lets a user's token use EWS. */
    public static final String EWS_SCOPE = "EWS.AccessAsUser.All";
    /** The application role that lets an app-only token use EWS on any mailbox. */
    public static final String FULL_ACCESS_ROLE = "full_access_as_app";

    private final Store store;
    private final TokenService tokens;
    private volatile AuthGate gate;
    private volatile Set<AuthMethod> onPremises = Set.of();

    /** Creates an authenticator over the store's users and the token service's tokens. */
    public EwsAuthenticator(Store store, TokenService tokens) {
        this.store = requireNonNull(store, "store");
        this.tokens = requireNonNull(tokens, "tokens");
    }

    /**
     * Lets EWS also accept the on-premises schemes of {@code gate} (Digest, NTLM, Negotiate;
     * Basic stays this class's own), offered in the 401 beside Basic and Bearer.
     */
    public void onPremises(AuthGate gate, Set<AuthMethod> offered) {
        this.gate = requireNonNull(gate, "gate");
        Set<AuthMethod> methods = EnumSet.noneOf(AuthMethod.class);
        methods.addAll(offered);
        methods.remove(AuthMethod.BASIC);
        this.onPremises = methods;
    }

    /** Thrown when a request is not authenticated; the front answers 401 with challenges. */
    public static final class Unauthorized extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> challenges;

        Unauthorized(String message) {
            this(message, List.of());
        }

        Unauthorized(String message, List<String> challenges) {
            super(message, null, false, false);
            this.challenges = List.copyOf(challenges);
        }

        /** The challenges this refusal carries instead of the usual ones (an NTLM CHALLENGE). */
        public List<String> challenges() {
            return challenges;
        }
    }

    /** Returns the challenges a 401 carries, one {@code WWW-Authenticate} value each. */
    public List<String> challenges(Request request) {
        List<String> all = new ArrayList<>();
        AuthGate g = gate;
        if (g != null && !onPremises.isEmpty()) {
            all.addAll(g.challenges(onPremises));
        }
        all.addAll(List.of("Basic realm=\"" + host(request) + "\"",
                "Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\", "
                        + "trusted_issuers=\"00000001-0000-0000-c000-000000000000@*\", "
                        + "token_types=\"app_asserted_user_v1 service_asserted_app_v1\", "
                        + "authorization_uri=\"" + request.baseUrl()
                        + "/common/oauth2/authorize\""));
        return all;
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
        EwsCaller onPrem = onPremises(request, header);
        if (onPrem != null) {
            return onPrem;
        }
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

    /**
     * The caller of a request signed in with an on-premises scheme of the gate (or on a
     * connection NTLM or Negotiate signed in), or null when the request is not for the gate.
     */
    private EwsCaller onPremises(Request request, String header) throws Unauthorized {
        AuthGate g = gate;
        if (g == null || onPremises.isEmpty()) {
            return null;
        }
        String scheme = header == null ? "" : header.strip().split(" ", 2)[0];
        boolean mine = scheme.equalsIgnoreCase("Digest") || scheme.equalsIgnoreCase("NTLM")
                || scheme.equalsIgnoreCase("Negotiate");
        if (header != null && !mine) {
            return null;
        }
        String target = request.rawPath()
                + (request.rawQuery() == null ? "" : "?" + request.rawQuery());
        AuthGate.Outcome o = g.check(onPremises, request.method(), target, header,
                request.connection());
        if (!o.allowed()) {
            if (header == null) {
                return null;
            }
            throw new Unauthorized("The " + scheme + " credentials were refused.",
                    o.challenges());
        }
        for (Tenant tenant : store.tenants()) {
            Optional<User> user = tenant.user(o.user());
            if (user.isPresent()) {
                return new EwsCaller(tenant, user.get(), user.get().id(), o.scheme(), false);
            }
        }
        throw new Unauthorized("The signed-in account has no mailbox.");
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
