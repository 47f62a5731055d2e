package io.exchangejdbc.emulator.identity;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.http.QueryString;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.store.AppRegistration;
import io.exchangejdbc.emulator.store.Store;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The authorize endpoint ({@code /{tenant}/oauth2/v2.0/authorize}): a GET shows an HTML sign-in
 * and consent page (user name and password) for the request's application and scopes; the form's
 * POST checks the password and redirects to the request's {@code redirect_uri} with {@code code}
 * and {@code state}. Requests that cannot be redirected safely (unknown application, redirect URI
 * not registered) end on an error page, as Entra's do; the others redirect with {@code error}.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow">
 *     Authorization code flow</a>
 */
final class AuthorizeEndpoint {

    private static final String HTML = "text/html; charset=utf-8";
    /** Parameters of the authorize request carried through the sign-in form. */
    private static final List<String> CARRIED = List.of("client_id", "response_type",
            "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method",
            "prompt", "login_hint", "response_mode");

    private final Store store;
    private final SignInGrants grants;

    AuthorizeEndpoint(Store store, SignInGrants grants) {
        this.store = requireNonNull(store, "store");
        this.grants = requireNonNull(grants, "grants");
    }

    void handle(Request request, Response response, String tenantName) throws IOException {
        boolean post = request.method().equals("POST");
        Map<String, String> p = post ? request.form() : request.query();
        Optional<Tenant> named = IdentityFront.isGeneric(tenantName) ? Optional.empty()
                : store.tenant(tenantName);
        if (!IdentityFront.isGeneric(tenantName) && named.isEmpty()) {
            page(response, 400, "AADSTS90002: Tenant '" + tenantName + "' not found.");
            return;
        }
        String clientId = p.get("client_id");
        Optional<AppRegistration> app = Optional.empty();
        for (Tenant t : named.map(List::of).orElseGet(store::tenants)) {
            if (clientId != null && IdentityFront.isGuid(clientId)) {
                app = t.app(clientId);
            }
            if (app.isPresent()) {
                break;
            }
        }
        if (app.isEmpty()) {
            page(response, 400, "AADSTS700016: Application with identifier '" + clientId
                    + "' was not found in the directory.");
            return;
        }
        String redirect = p.get("redirect_uri");
        if (redirect == null || !redirectAllowed(app.get(), redirect)) {
            page(response, 400, "AADSTS50011: The redirect URI specified in the request does"
                    + " not match the redirect URIs configured for the application '"
                    + app.get().clientId() + "'.");
            return;
        }
        if (!"code".equals(p.get("response_type"))) {
            redirectError(response, redirect, p.get("state"), "unsupported_response_type",
                    "AADSTS700054: response_type '" + p.get("response_type")
                            + "' is not enabled for the application.");
            return;
        }
        Scopes scopes = Scopes.parse(p.get("scope"), app.get());
        if (scopes.error() != null) {
            redirectError(response, redirect, p.get("state"), "invalid_scope", scopes.error());
            return;
        }
        if (!post) {
            signInPage(response, request.rawPath(), p, app.get(), scopes, null);
            return;
        }
        String login = p.getOrDefault("login", "");
        String password = p.getOrDefault("passwd", "");
        User user = null;
        Tenant userTenant = null;
        for (Tenant t : named.map(List::of).orElseGet(store::tenants)) {
            Optional<User> u = login.isEmpty() ? Optional.empty() : t.user(login);
            if (u.isPresent()) {
                user = u.get();
                userTenant = t;
                break;
            }
        }
        if (user == null || user.password() == null || !MessageDigest.isEqual(
                user.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            signInPage(response, request.rawPath(), p, app.get(), scopes,
                    "Your account or password is incorrect.");
            return;
        }
        if (userTenant.app(app.get().clientId()).isEmpty()) {
            redirectError(response, redirect, p.get("state"), "unauthorized_client",
                    "AADSTS700016: The application is not registered in the user's tenant.");
            return;
        }
        SignInGrants.Grant grant = new SignInGrants.Grant(userTenant.id(), app.get().clientId(),
                user.id(), scopes.granted(), scopes.audience());
        String code = grants.issueCode(grant, redirect, p.get("code_challenge"),
                p.get("code_challenge_method"));
        StringBuilder location = new StringBuilder(redirect)
                .append(redirect.contains("?") ? '&' : '?')
                .append("code=").append(QueryString.encode(code));
        if (p.get("state") != null) {
            location.append("&state=").append(QueryString.encode(p.get("state")));
        }
        location.append("&session_state=").append(UUID.randomUUID());
        response.header("Location", location.toString());
        response.header("Cache-Control", "no-store");
        response.sendEmpty(302);
    }

    /**
     * Whether a redirect URI may receive codes: a registered one, or for an app that registered
     * none (the built-in public client) any loopback address on any port, which Entra allows for
     * loopback redirect URIs.
     */
    static boolean redirectAllowed(AppRegistration app, String redirect) {
        URI uri;
        try {
            uri = URI.create(redirect);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getFragment() != null) {
            return false;
        }
        boolean loopback = uri.getScheme().equalsIgnoreCase("http")
                && Set.of("localhost", "127.0.0.1", "[::1]")
                        .contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (app.redirectUris().isEmpty()) {
            return loopback;
        }
        for (String r : app.redirectUris()) {
            if (r.equals(redirect)) {
                return true;
            }
            if (loopback) {
                URI reg = URI.create(r);
                if (reg.getHost() != null && reg.getHost().equalsIgnoreCase(uri.getHost())
                        && String.valueOf(reg.getPath()).equals(String.valueOf(uri.getPath()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void redirectError(Response response, String redirect, String state,
            String error, String description) throws IOException {
        StringBuilder location = new StringBuilder(redirect)
                .append(redirect.contains("?") ? '&' : '?')
                .append("error=").append(QueryString.encode(error))
                .append("&error_description=").append(QueryString.encode(description));
        if (state != null) {
            location.append("&state=").append(QueryString.encode(state));
        }
        response.header("Location", location.toString());
        response.sendEmpty(302);
    }

    private static void signInPage(Response response, String action, Map<String, String> p,
            AppRegistration app, Scopes scopes, String problem) throws IOException {
        StringBuilder h = new StringBuilder(2048);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Sign in to your account</title></head><body>\n")
                .append("<h1>Sign in</h1>\n<p>").append(escape(app.displayName()))
                .append(" wants to:</p>\n<ul>\n");
        for (String s : scopes.granted().stream().sorted().toList()) {
            h.append("<li>").append(escape(s)).append("</li>\n");
        }
        if (scopes.offlineAccess()) {
            h.append("<li>Maintain access to data you have given it access to</li>\n");
        }
        h.append("</ul>\n");
        if (problem != null) {
            h.append("<p id=\"error\" role=\"alert\">").append(escape(problem)).append("</p>\n");
        }
        h.append("<form method=\"post\" action=\"").append(escape(action)).append("\">\n");
        for (String name : CARRIED) {
            String v = p.get(name);
            if (v != null) {
                h.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(v)).append("\">\n");
            }
        }
        String hint = p.getOrDefault("login", p.getOrDefault("login_hint", ""));
        h.append("<label>Email, phone, or Skype <input type=\"email\" name=\"login\" value=\"")
                .append(escape(hint)).append("\"></label>\n")
                .append("<label>Password <input type=\"password\" name=\"passwd\"></label>\n")
                .append("<button type=\"submit\">Sign in and accept</button>\n</form>\n")
                .append("</body></html>\n");
        response.header("Cache-Control", "no-store");
        response.send(200, HTML, h.toString());
    }

    private static void page(Response response, int status, String message) throws IOException {
        response.send(status, HTML, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta"
                + " charset=\"utf-8\"><title>Sign in error</title></head><body><h1>Sorry, but"
                + " we're having trouble signing you in.</h1><p id=\"error\">" + escape(message)
                + "</p></body></html>\n");
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
