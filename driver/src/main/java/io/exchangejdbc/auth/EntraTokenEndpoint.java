package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exchangejdbc.http.HttpResult;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportRequest;
import io.exchangejdbc.log.LogModule;
import io.exchangejdbc.log.Verbosity;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Microsoft Entra endpoints of a user sign-in for one application: the authorize URL a
 * browser opens, and the token requests that redeem an authorization code (with its PKCE
 * verifier) or a refresh token, sent through the connection's {@link Transport}.
 *
 * <p>These two grants are sent as plain protocol requests rather than through msal4j because
 * msal4j keeps refresh tokens inside its own cache and never hands them out, while the driver must
 * return them from GetOAuthAccessToken and keep them in {@code OAuthSettingsLocation}.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow">
 *     Microsoft identity platform and OAuth 2.0 authorization code flow</a>
 */
public final class EntraTokenEndpoint {

    /** The tenant of user sign-ins when {@code AzureTenant} is not set: work accounts. */
    public static final String ANY_ORGANIZATION = "organizations";

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)\\s*:?\\s*");
    private static final int MAX_BODY_CHARS = 1 << 20;

    /** What to do about the refusals users meet in user sign-ins. */
    private static final Map<String, String> ADVICE = Map.of(
            "50173", "Sign in again with InitiateOAuth=GETANDREFRESH (or obtain new tokens with"
                    + " GetOAuthAccessToken).",
            "70008", "Sign in again with InitiateOAuth=GETANDREFRESH (or obtain a new code with"
                    + " GetOAuthAuthorizationURL).",
            "54005", "An authorization code can be redeemed once: sign in again to get a new"
                    + " one.",
            "501481", "The PKCE code verifier does not belong to this code: sign in again.",
            "500117", "Use the same CallbackURL as in the authorization request.",
            "700005", "The code or refresh token was issued for another tenant: check"
                    + " AzureTenant.",
            "7000215", "Check OAuthClientSecret: it must be the secret's value, not its id.",
            "700016", "Check OAuthClientId and AzureTenant: the application is not registered"
                    + " in that tenant.",
            "7000218", "The application is confidential: set OAuthClientSecret.");

    private final Transport transport;
    private final String loginUrl;
    private final String tenant;
    private final String clientId;
    private final String clientSecret;

    /**
     * @param loginUrl     the {@code LoginUrl}, without a trailing slash
     * @param tenant       the tenant segment: the {@code AzureTenant}, else
     *                     {@link #ANY_ORGANIZATION}
     * @param clientSecret the secret of a confidential (web) application, or null for a public one
     */
    public EntraTokenEndpoint(Transport transport, String loginUrl, String tenant,
            String clientId, String clientSecret) {
        this.transport = requireNonNull(transport, "transport");
        this.loginUrl = requireNonNull(loginUrl, "loginUrl");
        this.tenant = requireNonNull(tenant, "tenant");
        this.clientId = requireNonNull(clientId, "clientId");
        this.clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
    }

    /** The application's client id. */
    public String clientId() {
        return clientId;
    }

    /** The tenant segment of the endpoints. */
    public String tenant() {
        return tenant;
    }

    /** The sign-in service's base URL. */
    public String loginUrl() {
        return loginUrl;
    }

    /**
     * The authorize URL a browser opens.
     *
     * @param codeChallenge the PKCE S256 challenge, or null for a confidential web application
     * @param prompt        {@code login}, {@code consent}, {@code select_account}, or null
     */
    public String authorizeUrl(String redirectUri, Set<String> scopes, String state,
            String codeChallenge, String prompt) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", clientId);
        q.put("response_type", "code");
        q.put("redirect_uri", redirectUri);
        q.put("response_mode", "query");
        q.put("scope", String.join(" ", scopes));
        if (state != null) {
            q.put("state", state);
        }
        if (codeChallenge != null) {
            q.put("code_challenge", codeChallenge);
            q.put("code_challenge_method", "S256");
        }
        if (prompt != null && !prompt.isBlank()) {
            q.put("prompt", prompt.strip().toLowerCase(java.util.Locale.ROOT));
        }
        return endpoint("authorize") + "?" + form(q);
    }

    /** Redeems an authorization code (with its PKCE verifier, when the request had one). */
    public TokenResponse redeemCode(String code, String redirectUri, Set<String> scopes,
            String codeVerifier) throws SQLException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("client_id", clientId);
        f.put("code", code);
        f.put("redirect_uri", redirectUri);
        f.put("scope", String.join(" ", scopes));
        if (codeVerifier != null) {
            f.put("code_verifier", codeVerifier);
        }
        return post(f, "redeem the authorization code");
    }

    /** Redeems a refresh token for new tokens (and, usually, its successor refresh token). */
    public TokenResponse refresh(String refreshToken, Set<String> scopes) throws SQLException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "refresh_token");
        f.put("client_id", clientId);
        f.put("refresh_token", refreshToken);
        f.put("scope", String.join(" ", scopes));
        return post(f, "refresh the access token");
    }

    private TokenResponse post(Map<String, String> f, String what) throws SQLException {
        if (clientSecret != null) {
            f.put("client_secret", clientSecret);
        }
        URI uri = URI.create(endpoint("token"));
        TransportRequest request = TransportRequest.post(uri,
                        "application/x-www-form-urlencoded; charset=utf-8",
                        form(f).getBytes(StandardCharsets.UTF_8))
                .endpointProperty("LoginUrl")
                .header("Accept", "application/json")
                .build();
        Map<String, Object> body;
        int status;
        try (HttpResult result = transport.send(request)) {
            status = result.status();
            body = parse(result.readText(MAX_BODY_CHARS));
        }
        if (status == 200 && body.get("access_token") instanceof String access) {
            Object expires = body.get("expires_in");
            long expiresIn = expires instanceof Long l ? l
                    : expires instanceof String s && s.matches("\\d+") ? Long.parseLong(s)
                    : 3600;
            transport.log().log(LogModule.AUTH, Verbosity.REQUESTS, "signed in to application "
                    + clientId + " (" + what + "); access token valid for " + expiresIn + " s"
                    + (body.get("refresh_token") != null ? ", refresh token received" : ""));
            return new TokenResponse(access, (String) body.get("refresh_token"), expiresIn);
        }
        throw refused(status, body, what);
    }

    private SQLException refused(int status, Map<String, Object> body, String what) {
        String error = body.get("error") instanceof String e ? e : "HTTP " + status;
        String description = body.get("error_description") instanceof String d ? d : "";
        Matcher m = AADSTS.matcher(description);
        String code = null;
        String sentence;
        if (m.find()) {
            code = m.group(1);
            sentence = SignInErrors.firstSentence(description.substring(m.end()));
        } else {
            sentence = SignInErrors.firstSentence(description);
        }
        StringBuilder msg = new StringBuilder();
        if (status == 429 || status >= 500) {
            msg.append("The Microsoft Entra sign-in service is unavailable (HTTP ")
                    .append(status).append(") and could not ").append(what)
                    .append(". Try again later.");
            return new SQLException(transport.redactor().redact(msg.toString()), "08S01");
        }
        msg.append("Microsoft Entra ID refused to ").append(what).append(" for application ")
                .append(clientId).append(": ").append(error);
        if (code != null) {
            msg.append(", AADSTS").append(code);
        }
        if (!sentence.isEmpty()) {
            msg.append(": ").append(sentence);
        }
        if (msg.charAt(msg.length() - 1) != '.') {
            msg.append('.');
        }
        String advice = code == null ? null : ADVICE.get(code);
        if (advice == null) {
            advice = error.equals("invalid_grant")
                    ? "Sign in again with InitiateOAuth=GETANDREFRESH."
                    : "Check OAuthClientId, AzureTenant and Scope.";
        }
        msg.append(' ').append(advice);
        return new SQLException(transport.redactor().redact(msg.toString()),
                SignInErrors.INVALID_AUTHORIZATION, status);
    }

    private String endpoint(String name) {
        return loginUrl + "/" + URLEncoder.encode(tenant, StandardCharsets.UTF_8)
                + "/oauth2/v2.0/" + name;
    }

    /** An {@code application/x-www-form-urlencoded} rendering of the parameters. */
    static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        return sb.toString();
    }

    /** The top-level string and number members of a JSON object; empty when it is not one. */
    static Map<String, Object> parse(String json) {
        Map<String, Object> out = new HashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_STRING) {
                    out.put(name, p.getText());
                } else if (t == JsonToken.VALUE_NUMBER_INT) {
                    out.put(name, p.getLongValue());
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // Not JSON (an HTML error page of a proxy): the caller reports the status.
        }
        return out;
    }
}
