package io.exchangejdbc.emulator.identity;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.exchangejdbc.emulator.http.Front;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.store.AppRegistration;
import io.exchangejdbc.emulator.store.Tenant;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The managed identity endpoints of the Azure resource the emulator plays: the Instance Metadata
 * Service ({@code GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=...}, which
 * insists on the header {@code Metadata: true}) and the App Service endpoint
 * ({@code GET /msi/token?api-version=2019-08-01&resource=...} with the
 * {@code X-IDENTITY-HEADER} secret that App Service puts in {@code IDENTITY_HEADER}). Without
 * {@code client_id} the token is the system-assigned identity's; with it, the user-assigned
 * identity's of that client id.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/how-to-use-vm-token">
 *     How to use managed identities on a virtual machine to acquire an access token</a>
 * @see <a href="https://learn.microsoft.com/azure/app-service/overview-managed-identity">
 *     Managed identities for App Service</a>
 */
public final class ManagedIdentityFront implements Front {

    /** Path of the Instance Metadata Service token endpoint. */
    public static final String IMDS_PATH = "/metadata/identity/oauth2/token";
    /** Path of the App Service style endpoint. */
    public static final String APP_SERVICE_PATH = "/msi/token";

    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final Tenant tenant;
    private final TokenService tokens;
    private final Clock clock;
    private final String identityHeader;

    /**
     * Creates the front for the resource running in the tenant.
     *
     * @param identityHeader the secret App Service callers must send in X-IDENTITY-HEADER
     */
    public ManagedIdentityFront(Tenant tenant, TokenService tokens, Clock clock,
            String identityHeader) {
        this.tenant = requireNonNull(tenant, "tenant");
        this.tokens = requireNonNull(tokens, "tokens");
        this.clock = requireNonNull(clock, "clock");
        this.identityHeader = requireNonNull(identityHeader, "identityHeader");
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
        return "managed-identity";
    }

    @Override
    public boolean serves(Request request) {
        List<String> s = request.segments();
        return s.equals(List.of("metadata", "identity", "oauth2", "token"))
                || s.equals(List.of("msi", "token"));
    }

    @Override
    public boolean acceptsFaults() {
        return false;
    }

    @Override
    public void handle(Request request, Response response) throws IOException {
        boolean imds = request.segments().get(0).equals("metadata");
        if (!request.method().equals("GET")) {
            sendError(request, response, 405, "invalid_request", "Only GET is allowed.");
            return;
        }
        if (imds) {
            if (!"true".equalsIgnoreCase(request.header("Metadata"))) {
                sendError(request, response, 400, "invalid_request",
                        "Required metadata header not specified");
                return;
            }
        } else {
            String given = request.header("X-IDENTITY-HEADER");
            if (given == null || !MessageDigest.isEqual(
                    given.getBytes(StandardCharsets.UTF_8),
                    identityHeader.getBytes(StandardCharsets.UTF_8))) {
                sendError(request, response, 401, "invalid_request",
                        "The X-IDENTITY-HEADER header is missing or does not match.");
                return;
            }
        }
        if (request.queryParam("api-version") == null) {
            sendError(request, response, 400, "invalid_request",
                    "Required query variable 'api-version' is missing");
            return;
        }
        String resource = request.queryParam("resource");
        String audience = resource == null ? null : IdentityFront.audienceOf(resource);
        if (audience == null) {
            sendError(request, response, 400, "invalid_resource", "AADSTS500011: The resource"
                    + " principal named " + resource + " was not found in the tenant.");
            return;
        }
        String clientId = request.queryParam("client_id");
        Optional<AppRegistration> identity = clientId == null
                ? tenant.systemAssignedIdentity()
                : tenant.userAssignedIdentity(clientId);
        if (identity.isEmpty()) {
            sendError(request, response, 400, "invalid_request", clientId == null
                    ? "Identity not found: the resource has no system-assigned identity"
                    : "Identity not found: no user-assigned identity with client_id "
                            + clientId + " is attached to the resource");
            return;
        }
        String token = tokens.issueAppToken(tenant, identity.get(), audience);
        long expiresIn = Math.max(0, tokens.lifetime().getSeconds() - 1);
        long now = clock.instant().getEpochSecond();
        try (JsonGenerator g = response.json(200, JSON_TYPE)) {
            g.writeStartObject();
            g.writeStringField("access_token", token);
            g.writeStringField("client_id", identity.get().clientId());
            g.writeStringField("expires_in", String.valueOf(expiresIn));
            g.writeStringField("expires_on", String.valueOf(now + expiresIn));
            g.writeStringField("ext_expires_in", String.valueOf(expiresIn));
            g.writeStringField("not_before", String.valueOf(now));
            g.writeStringField("resource", resource);
            g.writeStringField("token_type", "Bearer");
            g.writeEndObject();
        }
    }

    @Override
    public void sendError(Request request, Response response, int status, String code,
            String message) throws IOException {
        try (JsonGenerator g = response.json(status, JSON_TYPE)) {
            g.writeStartObject();
            g.writeStringField("error", code);
            g.writeStringField("error_description", message);
            g.writeEndObject();
        }
    }
}
