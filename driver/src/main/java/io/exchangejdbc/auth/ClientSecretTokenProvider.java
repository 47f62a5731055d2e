package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.log.LogModule;
import io.exchangejdbc.log.Verbosity;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Application tokens of an app registration that proves itself with a client secret
 * ({@code AuthScheme=AzureServicePrincipal} with {@code AzureTenant}, {@code OAuthClientId} and
 * {@code OAuthClientSecret}), obtained with msal4j's client credentials flow from
 * {@code {LoginUrl}/{AzureTenant}/oauth2/v2.0/token}.
 *
 * <p>The token is cached and renewed five minutes before it expires (half its lifetime for short
 * lived tokens), and at once after the service refuses it. msal4j's HTTP goes through the
 * connection's {@link Transport} ({@link MsalHttpClient}); its own retries and token cache are not
 * used, so that the driver's retry policy and expiry rules are the only ones.
 *
 * @see <a href=
 *     "https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow">
 *     OAuth 2.0 client credentials flow</a>
 */
public final class ClientSecretTokenProvider implements TokenProvider {

    /** How long before its expiry a token is renewed. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

    /** Sign-in hosts of Microsoft's clouds, where msal4j's instance discovery works. */
    private static final Set<String> MICROSOFT_LOGIN_HOSTS = Set.of("login.microsoftonline.com",
            "login.microsoft.com", "login.windows.net", "sts.windows.net",
            "login.microsoftonline.us", "login-us.microsoftonline.com", "login.chinacloudapi.cn",
            "login.partner.microsoftonline.cn", "login.microsoftonline.de");

    private final Transport transport;
    private final String clientId;
    private final String tenant;
    private final Set<String> scopes;
    private final Clock clock;
    private final ConfidentialClientApplication app;
    private String token;
    private Instant renewAt = Instant.MIN;

    /**
     * A provider that signs in on first use; building it does not touch the network.
     *
     * @param loginUrl the {@code LoginUrl}, without a trailing slash
     * @param scopes   the scopes to ask for ({@code https://graph.microsoft.com/.default})
     * @throws SQLException SQLState 08001 when the settings cannot make a valid authority
     */
    public ClientSecretTokenProvider(String loginUrl, String tenant, String clientId,
            String clientSecret, Set<String> scopes, Transport transport, Clock clock)
            throws SQLException {
        this(loginUrl, tenant, clientId, ClientCredentialFactory.createFromSecret(
                requireNonNull(clientSecret, "clientSecret")), scopes, transport, clock);
    }

    /**
     * A provider for an app registration that proves itself with another credential, such as
     * the client assertion signed with a certificate's key
     * ({@code AuthScheme=AzureServicePrincipalCert}); msal4j builds and signs the assertion.
     *
     * @see <a href=
     *     "https://learn.microsoft.com/entra/identity-platform/certificate-credentials">
     *     Certificate credentials</a>
     */
    public ClientSecretTokenProvider(String loginUrl, String tenant, String clientId,
            IClientCredential credential, Set<String> scopes, Transport transport, Clock clock)
            throws SQLException {
        requireNonNull(loginUrl, "loginUrl");
        requireNonNull(credential, "credential");
        this.tenant = requireNonNull(tenant, "tenant").strip();
        this.clientId = requireNonNull(clientId, "clientId").strip();
        this.scopes = Set.copyOf(requireNonNull(scopes, "scopes"));
        this.transport = requireNonNull(transport, "transport");
        this.clock = requireNonNull(clock, "clock");
        URI login = URI.create(loginUrl);
        if (login.getRawAuthority() == null) {
            throw new SQLException("LoginUrl '" + loginUrl + "' has no host; set LoginUrl to an"
                    + " absolute URL such as https://login.microsoftonline.com.", "08001");
        }
        // msal4j wants https and the tenant as the first path segment; see MsalHttpClient.
        String origin = "https://" + login.getRawAuthority().toLowerCase(Locale.ROOT);
        boolean microsoft = MICROSOFT_LOGIN_HOSTS.contains(login.getHost().toLowerCase(Locale.ROOT))
                && "https".equalsIgnoreCase(login.getScheme());
        String authority = origin + "/"
                + URLEncoder.encode(this.tenant, StandardCharsets.UTF_8) + "/";
        try {
            this.app = ConfidentialClientApplication
                    .builder(this.clientId, credential)
                    .authority(authority)
                    // Instance discovery asks login.microsoftonline.com about the host; for any
                    // other host (a relay, a test server) it cannot succeed.
                    .instanceDiscovery(microsoft)
                    .validateAuthority(microsoft)
                    .httpClient(new MsalHttpClient(transport, origin, stripSlash(loginUrl)))
                    .executorService(new CallerRunsExecutor())
                    .disableInternalRetries()
                    .logPii(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new SQLException(transport.redactor().redact("Cannot sign in to tenant '"
                    + this.tenant + "' at LoginUrl " + loginUrl + ": " + e.getMessage()
                    + ". Check AzureTenant, OAuthClientId and LoginUrl."), "08001", e);
        }
    }

    @Override
    public synchronized String token() throws SQLException {
        Instant now = clock.instant();
        if (token != null && now.isBefore(renewAt)) {
            return token;
        }
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(scopes)
                .skipCache(true)
                .build();
        IAuthenticationResult result;
        try {
            result = app.acquireToken(parameters).get();
        } catch (ExecutionException | CompletionException e) {
            throw SignInErrors.of(e.getCause() != null ? e.getCause() : e, who(),
                    transport.redactor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while signing in " + who() + ".", "HY008", e);
        } catch (RuntimeException e) {
            throw SignInErrors.of(e, who(), transport.redactor());
        }
        token = result.accessToken();
        // msal4j dates the expiry by the system clock; keep only the lifetime it implies, so
        // that this provider's own clock decides when to renew.
        Duration lifetime = result.expiresOnDate() == null ? Duration.ofHours(1)
                : Duration.between(Instant.now(), result.expiresOnDate().toInstant());
        if (lifetime.isNegative()) {
            lifetime = Duration.ZERO;
        }
        Instant expires = now.plus(lifetime);
        Duration early = lifetime.dividedBy(2).compareTo(RENEW_BEFORE_EXPIRY) < 0
                ? lifetime.dividedBy(2) : RENEW_BEFORE_EXPIRY;
        renewAt = expires.minus(early);
        transport.log().log(LogModule.AUTH, Verbosity.REQUESTS, "signed in " + who()
                + " for " + String.join(" ", scopes) + "; token expires at " + expires
                + ", renewed from " + renewAt);
        return token;
    }

    @Override
    public synchronized void invalidate() {
        token = null;
        renewAt = Instant.MIN;
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
        return "A freshly issued token of application " + clientId + " was refused too: check"
                + " that the Scope (or the default https://graph.microsoft.com/.default) names"
                + " the resource of GraphUrl and that the tenant admin granted the app its"
                + " application permissions.";
    }

    /** The scopes asked for. */
    public Set<String> scopes() {
        return scopes;
    }

    private String who() {
        return "application " + clientId + " to tenant " + tenant;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "client credentials of " + who();
    }

    /**
     * Runs msal4j's work on the calling thread: the token is needed before the query can go on, so
     * a thread of its own would only add a hand-over; and nothing is left running after a failure.
     */
    private static final class CallerRunsExecutor extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
