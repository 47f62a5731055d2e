package io.exchangejdbc.emulator.identity;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.exchangejdbc.emulator.http.Front;
import io.exchangejdbc.emulator.http.QueryString;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.store.AppRegistration;
import io.exchangejdbc.emulator.store.Store;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Microsoft Entra ID front: the authorize endpoint with its sign-in page
 * ({@link AuthorizeEndpoint}), the OAuth 2.0 token endpoint ({@code POST
 * /{tenant}/oauth2/v2.0/token}: client credentials with a client secret or a certificate's client
 * assertion, authorization code with PKCE, rotating refresh tokens) and the
 * discovery documents MSAL reads before it asks for a token (OpenID configuration, instance
 * discovery, signing keys). Errors have Entra's shape and {@code AADSTS} codes.
 *
 * @see <a href=
 *     "https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow">
 *     Client credentials flow</a>
 */
public final class IdentityFront implements Front {

    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final Set<String> ROOT_PATHS = Set.of("oauth2", "v2.0", "discovery",
            ".well-known");
    private static final Set<String> GENERIC_TENANTS = Set.of("common", "organizations",
            "consumers");
    private static final Map<String, String> RESOURCES = Map.of(
            "https://graph.microsoft.com", TokenService.GRAPH_AUDIENCE,
            "00000003-0000-0000-c000-000000000000", TokenService.GRAPH_AUDIENCE,
            "https://outlook.office365.com", TokenService.OUTLOOK_AUDIENCE,
            "https://outlook.office.com", TokenService.OUTLOOK_AUDIENCE,
            "00000002-0000-0ff1-ce00-000000000000", TokenService.OUTLOOK_AUDIENCE);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private static final String ASSERTION_TYPE =
            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final Store store;
    private final TokenService tokens;
    private final Clock clock;
    private final SignInGrants grants;
    private final AuthorizeEndpoint authorize;

    /** Creates the front over the store's tenants and apps, with a memory of its own. */
    public IdentityFront(Store store, TokenService tokens, Clock clock) {
        this(store, tokens, clock, new SignInGrants(clock));
    }

    /** Creates the front over the store's tenants and apps and the given sign-in memory. */
    public IdentityFront(Store store, TokenService tokens, Clock clock, SignInGrants grants) {
        this.store = requireNonNull(store, "store");
        this.tokens = requireNonNull(tokens, "tokens");
        this.clock = requireNonNull(clock, "clock");
        this.grants = requireNonNull(grants, "grants");
        this.authorize = new AuthorizeEndpoint(store, grants);
    }

    /** Sign-in answers (codes, tokens) are fresh each time: never kept as pre-rendered pages. */
    @Override
    public boolean readsOnly(Request request) {
        return false;
    }

    /** Signing in and issuing tokens change no mailbox data: kept pages stay. */
    @Override
    public boolean mayChangeData(Request request) {
        return false;
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public boolean serves(Request request) {
        List<String> s = request.segments();
        return s.size() >= 2 && !s.get(0).equals("v1.0") && ROOT_PATHS.contains(s.get(1));
    }

    @Override
    public boolean acceptsFaults() {
        return false;
    }

    @Override
    public void handle(Request request, Response response) throws IOException {
        List<String> s = request.segments();
        String tenant = s.get(0);
        String rest = String.join("/", s.subList(1, s.size()));
        switch (rest) {
            case "oauth2/v2.0/authorize":
                if (!request.method().equals("GET") && !request.method().equals("POST")) {
                    error(request, response, 405, "invalid_request", 900561,
                            "The endpoint only accepts GET and POST requests.");
                    return;
                }
                authorize.handle(request, response, tenant);
                return;
            case "oauth2/v2.0/token":
            case "oauth2/token":
                if (!request.method().equals("POST")) {
                    error(request, response, 405, "invalid_request", 900561,
                            "The endpoint only accepts POST requests. Received a "
                                    + request.method() + " request.");
                    return;
                }
                token(request, response, tenant, rest.equals("oauth2/token"));
                return;
            case "v2.0/.well-known/openid-configuration":
            case ".well-known/openid-configuration":
                openIdConfiguration(request, response, tenant, rest.startsWith("v2.0"));
                return;
            case "discovery/instance":
                instanceDiscovery(request, response);
                return;
            case "discovery/v2.0/keys":
            case "discovery/keys":
                response.send(200, JSON_TYPE, "{\"keys\":[]}");
                return;
            default:
                error(request, response, 404, "invalid_request", 90027,
                        "The endpoint '/" + rest + "' is not served by this identity provider.");
        }
    }

    private void token(Request request, Response response, String tenantName, boolean v1)
            throws IOException {
        Map<String, String> form = request.form();
        String grant = form.get("grant_type");
        if (grant == null || grant.isEmpty()) {
            missing(request, response, "grant_type");
            return;
        }
        boolean delegated = grant.equals("authorization_code") || grant.equals("refresh_token");
        Optional<Tenant> tenant = store.tenant(tenantName);
        if (tenant.isEmpty() && !(delegated && isGeneric(tenantName))) {
            error(request, response, 400, "invalid_request", 90002, "Tenant '" + tenantName
                    + "' not found. Check to make sure you have the correct tenant ID and are "
                    + "signing into the correct cloud. Check with your subscription "
                    + "administrator, this may happen if there are no active subscriptions for "
                    + "the tenant.");
            return;
        }
        switch (grant) {
            case "client_credentials" -> clientCredentials(request, response, form,
                    tenant.get(), v1);
            case "authorization_code", "refresh_token" -> delegated(request, response, form,
                    tenant.orElse(null), grant);
            default -> error(request, response, 400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + grant + "'.");
        }
    }

    private void clientCredentials(Request request, Response response, Map<String, String> form,
            Tenant tenant, boolean v1) throws IOException {
        AppRegistration app = client(request, response, form, tenant, true);
        if (app == null) {
            return;
        }
        String audience;
        if (v1) {
            String resource = form.get("resource");
            if (resource == null || resource.isEmpty()) {
                missing(request, response, "resource");
                return;
            }
            audience = RESOURCES.get(stripSlash(resource).toLowerCase(Locale.ROOT));
            if (audience == null) {
                unknownResource(request, response, resource, tenant);
                return;
            }
        } else {
            String scope = form.get("scope");
            if (scope == null || scope.isBlank()) {
                missing(request, response, "scope");
                return;
            }
            String first = scope.trim().split("\\s+")[0];
            if (!first.endsWith("/.default")) {
                error(request, response, 400, "invalid_scope", 1002012, "The provided value "
                        + "for scope " + scope + " is not valid. Client credential flows must "
                        + "have a scope value with /.default suffixed to the resource identifier "
                        + "(application ID URI).");
                return;
            }
            String resource = first.substring(0, first.length() - "/.default".length());
            audience = RESOURCES.get(resource.toLowerCase(Locale.ROOT));
            if (audience == null) {
                unknownResource(request, response, resource, tenant);
                return;
            }
        }
        String token = tokens.issueAppToken(tenant, app, audience);
        long expiresIn = Math.max(0, tokens.lifetime().getSeconds() - 1);
        response.header("Cache-Control", "no-store, no-cache").header("Pragma", "no-cache");
        addTraceHeaders(request, response);
        try (JsonGenerator g = response.json(200, JSON_TYPE)) {
            g.writeStartObject();
            g.writeStringField("token_type", "Bearer");
            g.writeNumberField("expires_in", expiresIn);
            g.writeNumberField("ext_expires_in", expiresIn);
            if (v1) {
                long now = clock.instant().getEpochSecond();
                g.writeStringField("expires_on", String.valueOf(now + expiresIn + 1));
                g.writeStringField("not_before", String.valueOf(now));
                g.writeStringField("resource", audience);
            }
            g.writeStringField("access_token", token);
            g.writeEndObject();
        }
    }

    /**
     * The registered application of the request, authenticated: a confidential client must prove
     * itself with its secret or a client assertion; a public client (required is false) sends
     * only its id. Sends the error and returns null when the client does not pass.
     */
    private AppRegistration client(Request request, Response response, Map<String, String> form,
            Tenant tenant, boolean credentialRequired) throws IOException {
        String[] basic = basicCredentials(request);
        String clientId = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        String assertion = form.get("client_assertion");
        if (clientId == null || clientId.isEmpty()) {
            missing(request, response, "client_id");
            return null;
        }
        Optional<AppRegistration> app = isGuid(clientId) ? tenant.app(clientId)
                : Optional.empty();
        if (app.isEmpty()) {
            error(request, response, 400, "unauthorized_client", 700016, "Application with "
                    + "identifier '" + clientId + "' was not found in the directory '"
                    + tenant.displayName() + "'. This can happen if the application has "
                    + "not been installed by the administrator of the tenant or consented to by "
                    + "any user in the tenant. You may have sent your authentication request to "
                    + "the wrong tenant.");
            return null;
        }
        AppRegistration a = app.get();
        boolean hasSecret = secret != null && !secret.isEmpty();
        boolean hasAssertion = assertion != null && !assertion.isEmpty();
        if (!hasSecret && !hasAssertion) {
            if (!credentialRequired && a.isPublicClient()) {
                return a;
            }
            error(request, response, 401, "invalid_client", 7000218, "The request body must "
                    + "contain the following parameter: 'client_assertion' or 'client_secret'.");
            return null;
        }
        if (hasAssertion) {
            if (!ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
                error(request, response, 400, "invalid_request", 50027, "Invalid JWT token."
                        + " client_assertion_type must be '" + ASSERTION_TYPE + "'.");
                return null;
            }
            String problem = ClientAssertion.verify(assertion, a, tenant, clock.instant());
            if (problem != null) {
                int colon = problem.indexOf(':');
                error(request, response, 401, "invalid_client",
                        Integer.parseInt(problem.substring(6, colon)),
                        problem.substring(colon + 1).strip());
                return null;
            }
            return a;
        }
        if (a.clientSecret() == null || !a.clientSecret().equals(secret)) {
            error(request, response, 401, "invalid_client", 7000215, "Invalid client secret "
                    + "provided. Ensure the secret being sent in the request is the client "
                    + "secret value, not the client secret ID, for a secret added to app '"
                    + a.clientId() + "'.");
            return null;
        }
        return a;
    }

    private void delegated(Request request, Response response, Map<String, String> form,
            Tenant named, String grantType) throws IOException {
        SignInGrants.Grant grant;
        String redirect = null;
        SignInGrants.PendingCode pending = null;
        if (grantType.equals("authorization_code")) {
            String code = form.get("code");
            if (code == null || code.isEmpty()) {
                missing(request, response, "code");
                return;
            }
            pending = grants.redeemCode(code);
            if (pending == null) {
                if (grants.wasUsed(code)) {
                    error(request, response, 400, "invalid_grant", 54005, "OAuth2"
                            + " Authorization code was already redeemed, please retry with a"
                            + " new valid code or use an existing refresh token.");
                } else {
                    error(request, response, 400, "invalid_grant", 70008, "The provided"
                            + " authorization code or refresh token has expired due to"
                            + " inactivity. Send a new interactive authorization request for"
                            + " this user and resource.");
                }
                return;
            }
            grant = pending.grant();
            redirect = form.get("redirect_uri");
        } else {
            String refresh = form.get("refresh_token");
            if (refresh == null || refresh.isEmpty()) {
                missing(request, response, "refresh_token");
                return;
            }
            grant = grants.redeemRefreshToken(refresh);
            if (grant == null) {
                error(request, response, 400, "invalid_grant", 50173, "The provided grant has"
                        + " expired due to it being revoked, a fresh auth token is needed. The"
                        + " user might have changed or reset their password.");
                return;
            }
        }
        Tenant tenant = store.tenant(grant.tenantId()).orElse(null);
        if (tenant == null || (named != null && !named.id().equals(tenant.id()))) {
            error(request, response, 400, "invalid_grant", 700005, "Provided Authorization"
                    + " Code is intended to use against other tenant, thus rejected.");
            return;
        }
        AppRegistration app = client(request, response, form, tenant, false);
        if (app == null) {
            return;
        }
        if (!app.clientId().equals(grant.clientId())) {
            error(request, response, 400, "invalid_grant", 70000, "The provided grant was"
                    + " issued to another client.");
            return;
        }
        if (pending != null) {
            if (redirect == null || !redirect.equals(pending.redirectUri())) {
                error(request, response, 400, "invalid_grant", 500117, "The reply uri"
                        + " specified in the request does not match the reply uri used in the"
                        + " authorization request.");
                return;
            }
            if (!SignInGrants.pkceMatches(pending.codeChallenge(), pending.challengeMethod(),
                    form.get("code_verifier"))) {
                error(request, response, 400, "invalid_grant", 501481, "The Code_Verifier"
                        + " does not match the code_challenge supplied in the authorization"
                        + " request.");
                return;
            }
        }
        Optional<User> user = tenant.user(grant.userId());
        if (user.isEmpty() || !user.get().accountEnabled()) {
            error(request, response, 400, "invalid_grant", 50057, "The user account is"
                    + " disabled.");
            return;
        }
        String access = tokens.issueUserToken(tenant, app, user.get(), grant.scopes(),
                grant.audience());
        // The first code exchange gives a refresh token because the driver asks offline_access;
        // each refresh gives the successor of the one it used.
        String refresh = grants.issueRefreshToken(grant);
        long expiresIn = Math.max(0, tokens.lifetime().getSeconds() - 1);
        response.header("Cache-Control", "no-store, no-cache").header("Pragma", "no-cache");
        addTraceHeaders(request, response);
        try (JsonGenerator g = response.json(200, JSON_TYPE)) {
            g.writeStartObject();
            g.writeStringField("token_type", "Bearer");
            g.writeStringField("scope", String.join(" ", grant.scopes().stream().sorted()
                    .map(s -> grant.audience().equals(TokenService.GRAPH_AUDIENCE) ? s
                            : grant.audience() + "/" + s).toList()));
            g.writeNumberField("expires_in", expiresIn);
            g.writeNumberField("ext_expires_in", expiresIn);
            g.writeStringField("access_token", access);
            g.writeStringField("refresh_token", refresh);
            g.writeEndObject();
        }
    }

    private void unknownResource(Request request, Response response, String resource,
            Tenant tenant) throws IOException {
        error(request, response, 400, "invalid_resource", 500011, "The resource principal "
                + "named " + resource + " was not found in the tenant named "
                + tenant.displayName() + ". This can happen if the application has not been "
                + "installed by the administrator of the tenant or consented to by any user in "
                + "the tenant. You might have sent your authentication request to the wrong "
                + "tenant.");
    }

    private void missing(Request request, Response response, String parameter)
            throws IOException {
        error(request, response, 400, "invalid_request", 900144, "The request body must "
                + "contain the following parameter: '" + parameter + "'.");
    }

    private void openIdConfiguration(Request request, Response response, String tenantName,
            boolean v2) throws IOException {
        String base = request.baseUrl();
        String tenantSegment;
        String issuerTenant;
        if (GENERIC_TENANTS.contains(tenantName.toLowerCase(Locale.ROOT))) {
            tenantSegment = tenantName;
            issuerTenant = "{tenantid}";
        } else {
            Optional<Tenant> tenant = store.tenant(tenantName);
            if (tenant.isEmpty()) {
                error(request, response, 400, "invalid_tenant", 90002, "Tenant '" + tenantName
                        + "' not found. Check to make sure you have the correct tenant ID and "
                        + "are signing into the correct cloud.");
                return;
            }
            tenantSegment = tenant.get().id();
            issuerTenant = tenant.get().id();
        }
        String root = base + "/" + tenantSegment;
        String oauth = root + (v2 ? "/oauth2/v2.0" : "/oauth2");
        try (JsonGenerator g = response.json(200, JSON_TYPE)) {
            g.writeStartObject();
            g.writeStringField("token_endpoint", oauth + "/token");
            g.writeArrayFieldStart("token_endpoint_auth_methods_supported");
            g.writeString("client_secret_post");
            g.writeString("private_key_jwt");
            g.writeString("client_secret_basic");
            g.writeEndArray();
            g.writeStringField("jwks_uri", root + (v2 ? "/discovery/v2.0/keys"
                    : "/discovery/keys"));
            stringArray(g, "response_modes_supported", "query", "fragment", "form_post");
            stringArray(g, "subject_types_supported", "pairwise");
            stringArray(g, "id_token_signing_alg_values_supported", "RS256");
            stringArray(g, "response_types_supported", "code", "id_token", "code id_token",
                    "id_token token");
            stringArray(g, "scopes_supported", "openid", "profile", "email", "offline_access");
            g.writeStringField("issuer", v2 ? base + "/" + issuerTenant + "/v2.0"
                    : TokenService.issuer(issuerTenant));
            g.writeBooleanField("request_uri_parameter_supported", false);
            g.writeStringField("userinfo_endpoint", base + "/oidc/userinfo");
            g.writeStringField("authorization_endpoint", oauth + "/authorize");
            g.writeStringField("device_authorization_endpoint", oauth + "/devicecode");
            g.writeBooleanField("http_logout_supported", true);
            g.writeBooleanField("frontchannel_logout_supported", true);
            g.writeStringField("end_session_endpoint", oauth + "/logout");
            stringArray(g, "claims_supported", "sub", "iss", "aud", "exp", "iat", "auth_time",
                    "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash",
                    "c_hash", "email");
            g.writeStringField("kerberos_endpoint", root + "/kerberos");
            g.writeStringField("tenant_region_scope", "NA");
            g.writeStringField("cloud_instance_name", "microsoftonline.com");
            g.writeStringField("cloud_graph_host_name", "graph.windows.net");
            g.writeStringField("msgraph_host", "graph.microsoft.com");
            g.writeStringField("rbac_url", "https://pas.windows.net");
            g.writeEndObject();
        }
    }

    private void instanceDiscovery(Request request, Response response) throws IOException {
        String base = request.baseUrl();
        String tenant = "common";
        String authorize = request.queryParam("authorization_endpoint");
        if (authorize != null) {
            try {
                String path = URI.create(authorize).getPath();
                String[] parts = path == null ? new String[0] : path.split("/");
                if (parts.length > 1 && !parts[1].isEmpty()) {
                    tenant = parts[1];
                }
            } catch (IllegalArgumentException e) {
                error(request, response, 400, "invalid_instance", 50049,
                        "Unknown or invalid instance.");
                return;
            }
        }
        String hostPort = URI.create(base).getAuthority();
        try (JsonGenerator g = response.json(200, JSON_TYPE)) {
            g.writeStartObject();
            g.writeStringField("tenant_discovery_endpoint", base + "/"
                    + QueryString.encode(tenant) + "/v2.0/.well-known/openid-configuration");
            g.writeStringField("api-version", "1.1");
            g.writeArrayFieldStart("metadata");
            g.writeStartObject();
            g.writeStringField("preferred_network", hostPort);
            g.writeStringField("preferred_cache", hostPort);
            stringArray(g, "aliases", hostPort, URI.create(base).getHost(),
                    "localhost:" + URI.create(base).getPort());
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    @Override
    public void sendError(Request request, Response response, int status, String code,
            String message) throws IOException {
        error(request, response, status, status >= 500 ? "temporarily_unavailable" : code,
                status >= 500 ? 50001 : 90000, message);
    }

    private void error(Request request, Response response, int status, String error,
            int aadsts, String description) throws IOException {
        String trace = request.requestId();
        String correlation = correlationId(request);
        String timestamp = TIMESTAMP.format(clock.instant());
        response.header("Cache-Control", "no-store, no-cache").header("Pragma", "no-cache");
        addTraceHeaders(request, response);
        try (JsonGenerator g = response.json(status, JSON_TYPE)) {
            g.writeStartObject();
            g.writeStringField("error", error);
            g.writeStringField("error_description", "AADSTS" + aadsts + ": " + description
                    + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: " + correlation
                    + "\r\nTimestamp: " + timestamp);
            g.writeArrayFieldStart("error_codes");
            g.writeNumber(aadsts);
            g.writeEndArray();
            g.writeStringField("timestamp", timestamp);
            g.writeStringField("trace_id", trace);
            g.writeStringField("correlation_id", correlation);
            g.writeStringField("error_uri", request.baseUrl() + "/error?code=" + aadsts);
            g.writeEndObject();
        }
    }

    private static void addTraceHeaders(Request request, Response response) {
        response.header("x-ms-request-id", request.requestId());
        String corr = request.header("client-request-id");
        if (corr != null) {
            response.header("client-request-id", corr);
        }
    }

    private static String correlationId(Request request) {
        String corr = request.header("client-request-id");
        return corr != null ? corr : request.requestId();
    }

    private static String[] basicCredentials(Request request) {
        String auth = request.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[] {QueryString.decode(decoded.substring(0, colon), true),
                QueryString.decode(decoded.substring(colon + 1), true)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void stringArray(JsonGenerator g, String field, String... values)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Whether a tenant segment is one of the multi-tenant names rather than a tenant. */
    static boolean isGeneric(String tenant) {
        return GENERIC_TENANTS.contains(tenant.toLowerCase(Locale.ROOT));
    }

    /** The token audience of a resource (URI or app id), or null when it is not served. */
    static String audienceOf(String resource) {
        return RESOURCES.get(stripSlash(resource).toLowerCase(Locale.ROOT));
    }

    static boolean isGuid(String s) {
        try {
            UUID.fromString(s);
            return s.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
