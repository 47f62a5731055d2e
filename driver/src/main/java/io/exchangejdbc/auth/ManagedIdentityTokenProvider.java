package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.http.HttpResult;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportRequest;
import io.exchangejdbc.log.LogModule;
import io.exchangejdbc.log.Verbosity;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Application tokens of the managed identity of the Azure resource the driver runs on
 * ({@code AuthScheme=AzureMSI}): the system-assigned identity, or the user-assigned one whose
 * client id {@code OAuthClientId} names.
 *
 * <p>Where App Service (or Functions, Container Apps) sets {@code IDENTITY_ENDPOINT} and
 * {@code IDENTITY_HEADER} in the environment, tokens come from that endpoint with the header
 * {@code X-IDENTITY-HEADER}; elsewhere, or when {@code AzureMSIEndpoint} is set, from the
 * Instance Metadata Service with the header {@code Metadata: true}. The environment is a map given
 * to the constructor ({@code System.getenv()} in the driver), so that it is read in one place.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/how-to-use-vm-token">
 *     Use managed identities on a virtual machine to acquire an access token</a>
 * @see <a href="https://learn.microsoft.com/azure/app-service/overview-managed-identity#rest-endpoint-reference">
 *     App Service managed identity REST endpoint</a>
 */
final class ManagedIdentityTokenProvider implements TokenProvider {

    private final Transport transport;
    private final String resource;
    private final String clientId;
    private final URI endpoint;
    private final String identityHeader;
    private final Clock clock;
    private StoredTokens current;

    /**
     * @param msiEndpoint the {@code AzureMSIEndpoint} when set, else null
     * @param defaultImds the Instance Metadata Service token URL used when nothing else applies
     * @param resource    the resource to get a token for, such as https://graph.microsoft.com
     * @param clientId    the client id of a user-assigned identity, or null
     * @param environment the process environment
     */
    ManagedIdentityTokenProvider(Transport transport, String msiEndpoint, String defaultImds,
            String resource, String clientId, Map<String, String> environment, Clock clock) {
        this.transport = requireNonNull(transport, "transport");
        this.resource = requireNonNull(resource, "resource");
        this.clientId = clientId == null || clientId.isBlank() ? null : clientId.strip();
        this.clock = requireNonNull(clock, "clock");
        String appServiceEndpoint = environment.get("IDENTITY_ENDPOINT");
        String header = environment.get("IDENTITY_HEADER");
        if (msiEndpoint == null && appServiceEndpoint != null && header != null) {
            this.endpoint = URI.create(appServiceEndpoint.strip()
                    + (appServiceEndpoint.contains("?") ? "&" : "?") + "api-version=2019-08-01"
                    + query());
            this.identityHeader = header;
        } else {
            String base = msiEndpoint != null ? msiEndpoint.strip() : defaultImds;
            this.endpoint = URI.create(base + (base.contains("?") ? "&" : "?")
                    + "api-version=2018-02-01" + query());
            this.identityHeader = null;
        }
    }

    private String query() {
        return "&resource=" + URLEncoder.encode(resource, StandardCharsets.UTF_8)
                + (clientId == null ? ""
                        : "&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized String token() throws SQLException {
        Instant now = clock.instant();
        if (current != null && current.accessTokenFresh(now)) {
            return current.accessToken();
        }
        TransportRequest.Builder b = TransportRequest.get(endpoint)
                .endpointProperty("AzureMSIEndpoint").retrySafe(true);
        if (identityHeader != null) {
            b.header("X-IDENTITY-HEADER", identityHeader);
        } else {
            b.header("Metadata", "true");
        }
        Map<String, Object> body;
        int status;
        try (HttpResult result = transport.send(b.build())) {
            status = result.status();
            body = EntraTokenEndpoint.parse(result.readText(1 << 20));
        }
        if (status != 200 || !(body.get("access_token") instanceof String access)) {
            String detail = body.get("error_description") instanceof String d ? d
                    : body.get("error") instanceof String e ? e : "HTTP " + status;
            throw new SQLException(transport.redactor().redact("The managed identity endpoint "
                    + endpoint.getScheme() + "://" + endpoint.getRawAuthority()
                    + endpoint.getRawPath() + " refused a token for " + who() + " (HTTP "
                    + status + "): " + SignInErrors.firstSentence(detail) + ". Check that the"
                    + " Azure resource has " + (clientId == null ? "a system-assigned identity"
                            : "the user-assigned identity " + clientId + " attached")
                    + ", or set AzureMSIEndpoint."), status >= 500 ? "08S01" : "28000", status);
        }
        Object expires = body.get("expires_in");
        long seconds = expires instanceof Long l ? l
                : expires instanceof String s && s.matches("\\d+") ? Long.parseLong(s) : 3600;
        current = new StoredTokens(clientId == null ? "system-assigned" : clientId, "", "",
                access, null, now, now.plusSeconds(seconds));
        transport.log().log(LogModule.AUTH, Verbosity.REQUESTS, "obtained a token of " + who()
                + " for " + resource + ", valid for " + seconds + " s");
        return access;
    }

    @Override
    public synchronized void invalidate() {
        current = null;
    }

    @Override
    public boolean renewable() {
        return true;
    }

    @Override
    public boolean applicationOnly() {
        return true;
    }

    @Override
    public String rejectionAdvice() {
        return "A fresh token of " + who() + " was refused too: grant the identity the"
                + " application permissions the query needs (such as Mail.Read).";
    }

    private String who() {
        return clientId == null ? "the system-assigned managed identity"
                : "the user-assigned managed identity " + clientId;
    }

    @Override
    public String toString() {
        return who() + " (" + (identityHeader != null ? "App Service endpoint"
                : "instance metadata endpoint") + ")";
    }
}
