package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.http.Transport;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The factory that chooses the {@link TokenProvider} for a Microsoft Graph connection from its
 * {@code AuthScheme} and {@code InitiateOAuth}, and checks that the properties that sign-in needs
 * are there, without touching the network.
 *
 * <p>This release signs in with an access token the caller supplies
 * ({@code AuthScheme=AzureAD;InitiateOAuth=OFF;OAuthAccessToken=...}), with the client credentials
 * of an app registration ({@code AuthScheme=AzureServicePrincipal}), or not at all
 * ({@code AuthScheme=None}); every other sign-in is refused with SQLState 0A000.
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

    /**
     * The token provider of a connection.
     *
     * @throws SQLFeatureNotSupportedException SQLState 0A000 for a sign-in this version does not do
     * @throws SQLException                    SQLState 08001 when a property the sign-in needs is
     *                                         missing
     */
    public static TokenProvider create(ExchangeConfig config, Transport transport)
            throws SQLException {
        requireNonNull(config, "config");
        requireNonNull(transport, "transport");
        String scheme = config.authScheme();
        String normalized = scheme == null ? "" : scheme.strip().toLowerCase(Locale.ROOT);
        switch (normalized) {
            case "none":
                return TokenProvider.NONE;
            case "azuread":
                return azureAd(config);
            case "azureserviceprincipal":
                return new ClientSecretTokenProvider(config.loginUrl(),
                        required(config, ExchangeProperty.AZURE_TENANT, scheme),
                        required(config, ExchangeProperty.OAUTH_CLIENT_ID, scheme),
                        required(config, ExchangeProperty.OAUTH_CLIENT_SECRET, scheme),
                        scopes(config), transport, Clock.systemUTC());
            default:
                throw notSupported("AuthScheme=" + scheme);
        }
    }

    private static TokenProvider azureAd(ExchangeConfig config) throws SQLException {
        String token = config.get(ExchangeProperty.OAUTH_ACCESS_TOKEN);
        String initiate = config.get(ExchangeProperty.INITIATE_OAUTH);
        boolean off = initiate != null && initiate.strip().equalsIgnoreCase("OFF");
        if (token != null && !token.isBlank()) {
            // With GETANDREFRESH or REFRESH a given token is only where the token store would
            // start; this version has no store, so it uses the token as given either way.
            try {
                return new StaticTokenProvider(token);
            } catch (IllegalArgumentException e) {
                throw new SQLException("OAuthAccessToken is empty; set it to an access token for"
                        + " Microsoft Graph.", "08001");
            }
        }
        if (off) {
            throw new SQLException("AuthScheme=AzureAD with InitiateOAuth=OFF needs an access"
                    + " token: set OAuthAccessToken to a token for Microsoft Graph obtained"
                    + " elsewhere.", "08001");
        }
        throw notSupported("AuthScheme=AzureAD with InitiateOAuth="
                + (initiate == null ? "GETANDREFRESH" : initiate.strip().toUpperCase(Locale.ROOT))
                + " (signing a user in, or refreshing a token)");
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
        return new SQLFeatureNotSupportedException("Signing in with " + what + " is not"
                + " supported yet by exchange-jdbc " + ExchangeConfig.DRIVER_VERSION + ". This"
                + " version supports AuthScheme=AzureAD with InitiateOAuth=OFF and an"
                + " OAuthAccessToken you obtain yourself, AuthScheme=AzureServicePrincipal with"
                + " AzureTenant, OAuthClientId and OAuthClientSecret, and AuthScheme=None.",
                "0A000");
    }
}
