package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.http.Transport;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The factory that chooses the {@link TokenProvider} for a Microsoft Graph connection from its
 * {@code AuthScheme} and {@code InitiateOAuth}, and checks that the properties that sign-in needs
 * are there, without touching the network.
 *
 * <p>Microsoft Graph connections sign in as a user ({@code AzureAD}: a token store refreshed
 * without asking, a browser sign-in with GETANDREFRESH, a code from another device in
 * {@code OAuthVerifier}, or a token given as is with {@code InitiateOAuth=OFF}), as an
 * application with a client secret or a certificate, as the managed identity of an Azure
 * resource, or not at all ({@code None}); the on-premises schemes belong to the EWS back end
 * ({@code Schema=EWS}) and are refused here with SQLState 0A000.
 *
 * @see <a href="https://learn.microsoft.com/graph/auth/auth-concepts">Authentication and
 *     authorization basics for Microsoft Graph</a>
 */
public final class TokenProviders {

    /** The scope of application permissions on Microsoft Graph in the global cloud. */
    public static final String GLOBAL_GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    /** Hosts of Microsoft Graph in Microsoft's clouds, which are token audiences themselves. */
    private static final Set<String> MICROSOFT_GRAPH_HOSTS = Set.of("graph.microsoft.com",
            "graph.microsoft.us", "dod-graph.microsoft.us", "microsoftgraph.chinacloudapi.cn",
            "canary.graph.microsoft.com");

    private TokenProviders() {
    }

    /** The client id of exchange-jdbc's built-in public application (no secret). */
    public static final String BUILT_IN_CLIENT_ID = "4e9b2c1f-7a3d-4f8e-b6c5-0d2a9e1f3b7c";

    /**
     * The token provider of a connection, with the process environment ({@code System.getenv()})
     * for the managed identity endpoints.
     *
     * @throws SQLFeatureNotSupportedException SQLState 0A000 for a sign-in this version does not do
     * @throws SQLException                    SQLState 08001 when a property the sign-in needs is
     *                                         missing
     */
    public static TokenProvider create(ExchangeConfig config, Transport transport)
            throws SQLException {
        return create(config, transport, System.getenv());
    }

    /**
     * The token provider of a connection. Building it does not touch the network: tokens are
     * obtained on first use.
     *
     * @param environment the environment variables the managed identity reads
     *                    ({@code IDENTITY_ENDPOINT}, {@code IDENTITY_HEADER})
     */
    public static TokenProvider create(ExchangeConfig config, Transport transport,
            Map<String, String> environment) throws SQLException {
        requireNonNull(config, "config");
        requireNonNull(transport, "transport");
        requireNonNull(environment, "environment");
        String scheme = config.authScheme();
        String normalized = scheme == null ? "" : scheme.strip().toLowerCase(Locale.ROOT);
        switch (normalized) {
            case "none":
                return TokenProvider.NONE;
            case "azuread":
                return azureAd(config, transport);
            case "azureserviceprincipal":
                return new ClientSecretTokenProvider(config.loginUrl(),
                        required(config, ExchangeProperty.AZURE_TENANT, scheme),
                        required(config, ExchangeProperty.OAUTH_CLIENT_ID, scheme),
                        required(config, ExchangeProperty.OAUTH_CLIENT_SECRET, scheme),
                        SignInScopes.application(config), transport, Clock.systemUTC());
            case "azureserviceprincipalcert":
                return certificate(config, transport, scheme);
            case "azuremsi":
                return new ManagedIdentityTokenProvider(transport,
                        config.isSet(ExchangeProperty.AZURE_MSI_ENDPOINT)
                                ? config.get(ExchangeProperty.AZURE_MSI_ENDPOINT) : null,
                        ExchangeProperty.AZURE_MSI_ENDPOINT.defaultValue(),
                        SignInScopes.resource(config),
                        config.get(ExchangeProperty.OAUTH_CLIENT_ID), environment,
                        Clock.systemUTC());
            default:
                throw notSupported("AuthScheme=" + scheme);
        }
    }

    private static TokenProvider certificate(ExchangeConfig config, Transport transport,
            String scheme) throws SQLException {
        String tenant = required(config, ExchangeProperty.AZURE_TENANT, scheme);
        String clientId = required(config, ExchangeProperty.OAUTH_CLIENT_ID, scheme);
        ClientCertificate cert = ClientCertificate.load(
                required(config, ExchangeProperty.OAUTH_JWT_CERT, scheme),
                config.get(ExchangeProperty.OAUTH_JWT_CERT_TYPE),
                config.get(ExchangeProperty.OAUTH_JWT_CERT_PASSWORD),
                config.get(ExchangeProperty.OAUTH_JWT_CERT_SUBJECT));
        if (!cert.isRsa()) {
            throw new SQLException("Microsoft Entra ID accepts client assertions signed with RSA"
                    + " keys only; the " + cert + " of OAuthJWTCert has another key type.",
                    "28000");
        }
        return new ClientSecretTokenProvider(config.loginUrl(), tenant, clientId,
                ClientCredentialFactory.createFromCertificateChain(cert.key(), cert.chain()),
                SignInScopes.application(config), transport, Clock.systemUTC());
    }

    /** The client id of user sign-ins: {@code OAuthClientId}, else the built-in application. */
    public static String userClientId(ExchangeConfig config) {
        String id = config.get(ExchangeProperty.OAUTH_CLIENT_ID);
        return id == null || id.isBlank() ? BUILT_IN_CLIENT_ID : id.strip();
    }

    /** The tenant segment of user sign-ins: {@code AzureTenant}, else organizations. */
    public static String userTenant(ExchangeConfig config) {
        String t = config.get(ExchangeProperty.AZURE_TENANT);
        return t == null || t.isBlank() ? EntraTokenEndpoint.ANY_ORGANIZATION : t.strip();
    }

    /** The token endpoint of user sign-ins of a connection. */
    public static EntraTokenEndpoint userEndpoint(ExchangeConfig config, Transport transport) {
        return new EntraTokenEndpoint(transport, config.loginUrl(), userTenant(config),
                userClientId(config), config.get(ExchangeProperty.OAUTH_CLIENT_SECRET));
    }

    /** The token store of user sign-ins of a connection ({@code OAuthSettingsLocation}). */
    public static TokenStore userStore(ExchangeConfig config) {
        return TokenStore.open(config.get(ExchangeProperty.OAUTH_SETTINGS_LOCATION),
                userClientId(config), userTenant(config), config.loginUrl());
    }

    private static TokenProvider azureAd(ExchangeConfig config, Transport transport)
            throws SQLException {
        String token = config.get(ExchangeProperty.OAUTH_ACCESS_TOKEN);
        String refresh = config.get(ExchangeProperty.OAUTH_REFRESH_TOKEN);
        String initiate = config.get(ExchangeProperty.INITIATE_OAUTH);
        String mode = initiate == null ? "GETANDREFRESH" : initiate.strip()
                .toUpperCase(Locale.ROOT);
        if ("CLIENT".equalsIgnoreCase(config.get(ExchangeProperty.OAUTH_GRANT_TYPE))) {
            return new ClientSecretTokenProvider(config.loginUrl(),
                    required(config, ExchangeProperty.AZURE_TENANT, "AzureAD"),
                    required(config, ExchangeProperty.OAUTH_CLIENT_ID, "AzureAD"),
                    required(config, ExchangeProperty.OAUTH_CLIENT_SECRET,
                            "AzureAD with OAuthGrantType=CLIENT"),
                    SignInScopes.application(config), transport, Clock.systemUTC());
        }
        if (mode.equals("OFF")) {
            if (token != null && !token.isBlank()) {
                try {
                    return new StaticTokenProvider(token);
                } catch (IllegalArgumentException e) {
                    throw new SQLException("OAuthAccessToken is empty; set it to an access token"
                            + " for Microsoft Graph.", "08001");
                }
            }
            // The connection opens so that the OAuth procedures can obtain tokens.
            return new NoTokenYet();
        }
        EntraTokenEndpoint endpoint = userEndpoint(config, transport);
        StoredTokens given = null;
        if ((token != null && !token.isBlank()) || (refresh != null && !refresh.isBlank())) {
            Instant expires = null;
            Instant obtained = null;
            if (config.isSet(ExchangeProperty.OAUTH_EXPIRES_IN)) {
                obtained = config.isSet(ExchangeProperty.OAUTH_TOKEN_TIMESTAMP)
                        ? Instant.ofEpochMilli(config.getLong(
                                ExchangeProperty.OAUTH_TOKEN_TIMESTAMP))
                        : Instant.now();
                expires = obtained.plusSeconds(config.getLong(ExchangeProperty.OAUTH_EXPIRES_IN));
            } else if (token != null && !token.isBlank()) {
                // Without its lifetime the token is tried; a refusal then renews it.
                obtained = Instant.now();
                expires = obtained.plusSeconds(3600);
            }
            given = new StoredTokens(endpoint.clientId(), endpoint.tenant(), endpoint.loginUrl(),
                    token == null || token.isBlank() ? null : StaticTokenProvider.strip(token),
                    refresh == null || refresh.isBlank() ? null : refresh.strip(), obtained,
                    expires);
        }
        return new UserTokenProvider(endpoint, userStore(config),
                mode.equals("REFRESH") ? UserTokenProvider.Mode.REFRESH
                        : UserTokenProvider.Mode.GETANDREFRESH,
                SignInScopes.delegated(config), given,
                config.get(ExchangeProperty.OAUTH_VERIFIER),
                config.get(ExchangeProperty.CALLBACK_URL), transport.log(), Clock.systemUTC());
    }

    /**
     * The scopes to ask for: the {@code Scope} property (separated by spaces) when set, else the
     * {@code .default} scope of the Graph host in use.
     */
    public static Set<String> scopes(ExchangeConfig config) {
        String scope = config.get(ExchangeProperty.SCOPE);
        if (scope != null && !scope.isBlank()) {
            Set<String> scopes = new LinkedHashSet<>();
            for (String s : scope.strip().split("[\\s,]+")) {
                if (!s.isEmpty()) {
                    scopes.add(s);
                }
            }
            return scopes;
        }
        return Set.of(defaultGraphScope(config.graphUrl()));
    }

    /**
     * The {@code .default} scope for a {@code GraphUrl}: the URL's own when it is one of
     * Microsoft's Graph hosts (national clouds have their own audience); otherwise, for a gateway
     * or a test server, the global Graph resource, which is what the token must be issued for.
     */
    public static String defaultGraphScope(String graphUrl) {
        if (graphUrl != null) {
            try {
                URI uri = URI.create(graphUrl.strip());
                String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
                if (MICROSOFT_GRAPH_HOSTS.contains(host)
                        && "https".equalsIgnoreCase(uri.getScheme())) {
                    return "https://" + host + "/.default";
                }
            } catch (IllegalArgumentException e) {
                // Not a URL: the configuration reports that elsewhere; fall back to the global one.
            }
        }
        return GLOBAL_GRAPH_SCOPE;
    }

    private static String required(ExchangeConfig config, ExchangeProperty property,
            String scheme) throws SQLException {
        String value = config.get(property);
        if (value == null || value.isBlank()) {
            throw new SQLException("AuthScheme=" + scheme + " needs " + property.propertyName()
                    + "; set it in the connection string.", "08001");
        }
        return value;
    }

    private static SQLFeatureNotSupportedException notSupported(String what) {
        return new SQLFeatureNotSupportedException("Signing in with " + what + " is for"
                + " Exchange Server on premises through the EWS back end: set Schema=EWS and"
                + " Server to the EWS URL. Microsoft Graph connections sign in with"
                + " AuthScheme=AzureAD, AzureServicePrincipal, AzureServicePrincipalCert,"
                + " AzureMSI or None.",
                "0A000");
    }
}
