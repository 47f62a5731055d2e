package io.exchangejdbc.emulator;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.ews.EwsBehaviour;
import io.exchangejdbc.emulator.ews.EwsFront;
import io.exchangejdbc.emulator.generate.DataGenerator;
import io.exchangejdbc.emulator.generate.GeneratorSettings;
import io.exchangejdbc.emulator.graph.GraphFront;
import io.exchangejdbc.emulator.http.EmulatorHttpServer;
import io.exchangejdbc.emulator.http.Faults;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.http.RequestLog;
import io.exchangejdbc.emulator.http.Throttling;
import io.exchangejdbc.emulator.http.TlsIdentity;
import io.exchangejdbc.emulator.identity.IdentityFront;
import io.exchangejdbc.emulator.identity.ManagedIdentityFront;
import io.exchangejdbc.emulator.identity.SignInGrants;
import io.exchangejdbc.emulator.identity.TokenService;
import io.exchangejdbc.emulator.store.AppRegistration;
import io.exchangejdbc.emulator.store.Store;
import io.exchangejdbc.emulator.store.Tenant;
import io.exchangejdbc.emulator.store.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * An in-memory Microsoft Exchange Online that speaks Microsoft Graph and the Entra ID token
 * endpoints over loopback HTTP, filled with deterministic demo data. Tests of the driver, the
 * command line's demo mode and the benchmarks run against it.
 *
 * <pre>{@code
 * try (Emulator emu = Emulator.builder().seed(42).users(5).messagesPerUser(200).build()
 *         .start()) {
 *     String url = "jdbc:exchange:" + emu.connectionString();
 *     ...
 * }
 * }</pre>
 *
 * <p>The tenant has one registered confidential client, {@link #DEFAULT_CLIENT_ID} with secret
 * {@link #DEFAULT_CLIENT_SECRET}, granted the application permissions
 * {@link #DEFAULT_APP_ROLES} and the delegated permissions {@link #DEFAULT_DELEGATED_SCOPES}.
 *
 * <p>It serves plain HTTP unless built with {@link Builder#https(boolean)}: MSAL insists on an
 * {@code https} authority, so a client that signs in through MSAL needs the HTTPS mode and must
 * trust {@link #tlsCertificatePem()} (or pin {@link #tlsCertificateThumbprint()}).
 */
public final class Emulator implements AutoCloseable {

    /** Client id of the application registered in every emulated tenant. */
    public static final String DEFAULT_CLIENT_ID = "5a1e7c3d-8b2f-4e6a-9d0c-3f7b1e5a9c2d";
    /** Client secret of the default application. */
    public static final String DEFAULT_CLIENT_SECRET = "emu8Q~Contoso.Demo-Secret_0042";
    /** Display name of the default application. */
    public static final String DEFAULT_APP_NAME = "Exchange JDBC Emulator Client";
    /** Application permissions (app roles) granted to the default application. */
    public static final Set<String> DEFAULT_APP_ROLES = Set.of("Mail.ReadWrite", "Mail.Send",
            "User.Read.All", "Calendars.ReadWrite", "Contacts.ReadWrite",
            "MailboxSettings.ReadWrite", "Group.Read.All", "Reports.Read.All");
    /** Delegated permissions (scopes) consented for the default application. */
    public static final Set<String> DEFAULT_DELEGATED_SCOPES = Set.of("Mail.ReadWrite",
            "Mail.Send", "User.Read", "User.ReadBasic.All", "Calendars.ReadWrite",
            "Contacts.ReadWrite", "MailboxSettings.ReadWrite");

    /**
     * Client id of exchange-jdbc's built-in public application, registered in every emulated
     * tenant as Entra would know it: no secret, any loopback redirect URI, the delegated
     * permissions {@link #DEFAULT_DELEGATED_SCOPES}.
     */
    public static final String BUILT_IN_CLIENT_ID = "4e9b2c1f-7a3d-4f8e-b6c5-0d2a9e1f3b7c";
    /** Client id of the system-assigned managed identity of the resource the emulator plays. */
    public static final String SYSTEM_IDENTITY_CLIENT_ID =
            "9d3f6b2a-1c4e-4a7d-8e5f-2b6c9a0d4e13";

    private final Clock clock;
    private final Store store;
    private final Tenant tenant;
    private final TokenService tokens;
    private final RequestLog requestLog;
    private final Faults faults = new Faults();
    private final SignInGrants signIns;
    private final String identityHeader = java.util.UUID.randomUUID().toString();
    private final TlsIdentity tls;
    private final EmulatorHttpServer server;
    private final EwsFront ews;
    private volatile boolean started;

    private Emulator(Builder b) {
        this.clock = b.clock;
        this.store = new Store(clock);
        GeneratorSettings settings = new GeneratorSettings(b.seed, b.users, b.messagesPerUser,
                b.messagesByUser, b.baseInstant, b.historyDays, b.tenantDomain, b.tenantName);
        this.tenant = new DataGenerator(settings).populate(store);
        tenant.registerApp(new AppRegistration(DEFAULT_CLIENT_ID, DEFAULT_APP_NAME,
                DEFAULT_CLIENT_SECRET, DEFAULT_APP_ROLES, DEFAULT_DELEGATED_SCOPES));
        tenant.registerApp(new AppRegistration(BUILT_IN_CLIENT_ID, "exchange-jdbc", null,
                Set.of(), DEFAULT_DELEGATED_SCOPES));
        tenant.setSystemAssignedIdentity(new AppRegistration(SYSTEM_IDENTITY_CLIENT_ID,
                "System-assigned identity", null, DEFAULT_APP_ROLES, Set.of()));
        this.tokens = new TokenService(store, clock);
        tokens.setLifetime(b.tokenLifetime);
        this.signIns = new SignInGrants(clock);
        this.requestLog = new RequestLog(b.requestLogLimit);
        this.tls = TlsIdentity.bundled();
        this.ews = new EwsFront(store, tokens, clock);
        this.server = new EmulatorHttpServer(b.port, b.threads,
                List.of(new GraphFront(store, tokens, clock),
                        new IdentityFront(store, tokens, clock, signIns),
                        new ManagedIdentityFront(tenant, tokens, clock, identityHeader), ews),
                requestLog, faults, clock, b.https ? tls : null);
        server.limiter().configure(b.throttling);
    }

    /**
     * Switches pre-rendered answers on or off: when on, a {@code GET} answered before is answered
     * again from the bytes then sent, so that reading the same data repeatedly costs the
     * emulator next to nothing (for benchmarks). Any other request empties the kept answers.
     */
    public void setPrerenderedPages(boolean on) {
        server.pages().enable(on);
    }

    /** How many requests were answered from pre-rendered pages. */
    public long prerenderedHits() {
        return server.pages().hits();
    }

    /** Returns a builder with the defaults: seed 42, 5 users, 200 messages each, port 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving on the loopback address and returns this emulator. */
    public Emulator start() {
        server.start();
        started = true;
        return this;
    }

    /** Returns the port listened on. */
    public int port() {
        checkStarted();
        return server.port();
    }

    /** Returns the base URL, {@code http://127.0.0.1:PORT} ({@code https://} in HTTPS mode). */
    public String baseUrl() {
        checkStarted();
        return server.baseUrl();
    }

    /** Returns the Graph endpoint root (the base URL; clients append {@code /v1.0}). */
    public String graphUrl() {
        return baseUrl();
    }

    /**
     * Returns the identity endpoint root (the base URL; clients append
     * {@code /{tenant}/oauth2/v2.0/token}).
     */
    public String loginUrl() {
        return baseUrl();
    }

    /** Returns the EWS endpoint, {@code http://127.0.0.1:PORT/EWS/Exchange.asmx}. */
    public String ewsUrl() {
        return baseUrl() + EwsFront.PATH;
    }

    /** Returns what tests can make the EWS front do: short pages, busy answers. */
    public EwsBehaviour ews() {
        return ews.behaviour();
    }

    /** Issues a delegated token for a user with the given scopes and audience. */
    public String issueUserToken(String userPrincipalName, Collection<String> scopes,
            String audience) {
        User user = tenant.user(userPrincipalName)
                .orElseThrow(() -> new NoSuchElementException("no user " + userPrincipalName));
        return tokens.issueUserToken(tenant, app(DEFAULT_CLIENT_ID), user, Set.copyOf(scopes),
                audience);
    }

    /** Returns the tenant's domain, e.g. {@code contoso.onmicrosoft.com}. */
    public String tenantDomain() {
        return tenant.domain();
    }

    /** Returns the tenant's id (a GUID). */
    public String tenantId() {
        return tenant.id();
    }

    /** Returns the emulated tenant. */
    public Tenant tenant() {
        return tenant;
    }

    /** Returns {@link #DEFAULT_CLIENT_ID}. */
    public String defaultClientId() {
        return DEFAULT_CLIENT_ID;
    }

    /** Returns {@link #DEFAULT_CLIENT_SECRET}. */
    public String defaultClientSecret() {
        return DEFAULT_CLIENT_SECRET;
    }

    /** Returns the first user, the one the demo signs in as and reads the mail of. */
    public User demoUser() {
        return tenant.users().get(0);
    }

    /**
     * Returns a connection string for the driver (without the {@code jdbc:exchange:} prefix)
     * that signs in with the default application and reads the demo user's mailbox; in HTTPS
     * mode it also pins the emulator's certificate with {@code SSLServerCert}.
     */
    public String connectionString() {
        return "AuthScheme=AzureServicePrincipal;AzureTenant=" + tenantDomain()
                + ";OAuthClientId=" + DEFAULT_CLIENT_ID + ";OAuthClientSecret="
                + DEFAULT_CLIENT_SECRET + ";GraphUrl=" + graphUrl() + ";LoginUrl=" + loginUrl()
                + ";UserId=" + demoUser().userPrincipalName() + ";"
                + (isHttps() ? "SSLServerCert=" + tlsCertificateThumbprint() + ";" : "");
    }

    /** Tells whether the emulator serves HTTPS. */
    public boolean isHttps() {
        return baseUrl().startsWith("https:");
    }

    /** Returns the certificate presented in HTTPS mode, in PEM form. */
    public String tlsCertificatePem() {
        return tls.certificatePem();
    }

    /** Returns the SHA-256 thumbprint (upper-case hex) of the HTTPS certificate. */
    public String tlsCertificateThumbprint() {
        return tls.sha256Thumbprint();
    }

    /** Returns a client TLS context that trusts the emulator's certificate, for HTTPS mode. */
    public SSLContext clientSslContext() {
        return tls.clientContext();
    }

    /** Returns the store, to read users, mailboxes and messages or to change them. */
    public Store store() {
        return store;
    }

    /** Returns the requests received so far, in arrival order. */
    public List<LoggedRequest> requestLog() {
        return requestLog.requests();
    }

    /** Forgets the requests received so far. */
    public void clearRequestLog() {
        requestLog.clear();
    }

    /** Returns the faults to inject into the next Graph requests. */
    public Faults faults() {
        return faults;
    }

    /**
     * Throttles Graph requests from now on as Outlook does per application and mailbox (429 with
     * {@code Retry-After} over a limit), or stops with {@link Throttling#off()}; each mailbox's
     * history starts afresh.
     */
    public void setThrottling(Throttling throttling) {
        server.limiter().configure(throttling);
    }

    /** Returns the throttling in force ({@link Throttling#off()} by default). */
    public Throttling throttling() {
        return server.limiter().settings();
    }

    /** Returns the number of 429 answers given by the throttling. */
    public long throttledCount() {
        return server.limiter().throttledCount();
    }

    /**
     * Returns the most requests seen in flight at once for one application and mailbox while
     * throttling was on, counting a request that was turned away.
     */
    public int peakMailboxConcurrency() {
        return server.limiter().peakConcurrency();
    }

    /**
     * Returns the number of requests that came to a mailbox before the wait a 429 announced was
     * over, leaving out those already on their way when the 429 was sent.
     */
    public long requestsBeforeRetryAfter() {
        return server.limiter().earlyRequests();
    }

    /** Sets the throttling figures (429s, peak concurrency, early requests) back to zero. */
    public void resetThrottlingCounters() {
        server.limiter().resetCounters();
    }

    /** Sets the lifetime of tokens issued from now on (zero: tokens expire at once). */
    public void setTokenLifetime(Duration lifetime) {
        tokens.setLifetime(lifetime);
    }

    /** Returns the lifetime of tokens issued from now on. */
    public Duration tokenLifetime() {
        return tokens.lifetime();
    }

    /**
     * Issues a delegated Graph token for a user (by UPN or id) through the default application,
     * with its default delegated scopes, as the authorization-code flow would.
     */
    public String issueUserToken(String userPrincipalName) {
        return issueUserToken(userPrincipalName, DEFAULT_DELEGATED_SCOPES);
    }

    /** Issues a delegated Graph token for a user with the given scopes. */
    public String issueUserToken(String userPrincipalName, Collection<String> scopes) {
        User user = tenant.user(userPrincipalName)
                .orElseThrow(() -> new NoSuchElementException("no user " + userPrincipalName));
        return tokens.issueUserToken(tenant, app(DEFAULT_CLIENT_ID), user, Set.copyOf(scopes),
                TokenService.GRAPH_AUDIENCE);
    }

    /** Issues an app-only Graph token for a registered application, as client credentials do. */
    public String issueAppToken(String clientId) {
        return tokens.issueAppToken(tenant, app(clientId), TokenService.GRAPH_AUDIENCE);
    }

    /** Issues an app-only token for another audience, e.g. the Exchange Online (EWS) one. */
    public String issueAppToken(String clientId, String audience) {
        return tokens.issueAppToken(tenant, app(clientId), audience);
    }

    /**
     * Returns the Instance Metadata Service token URL of the resource the emulator plays, for
     * {@code AzureMSIEndpoint}.
     */
    public String managedIdentityEndpoint() {
        return baseUrl() + ManagedIdentityFront.IMDS_PATH;
    }

    /** Returns the App Service style identity URL (what App Service puts in IDENTITY_ENDPOINT). */
    public String appServiceIdentityEndpoint() {
        return baseUrl() + ManagedIdentityFront.APP_SERVICE_PATH;
    }

    /** Returns the secret App Service callers send in X-IDENTITY-HEADER (IDENTITY_HEADER). */
    public String identityHeader() {
        return identityHeader;
    }

    /** Attaches a user-assigned managed identity with application permissions. */
    public AppRegistration addUserAssignedIdentity(String clientId, Set<String> roles) {
        return tenant.addUserAssignedIdentity(new AppRegistration(clientId,
                "User-assigned identity " + clientId, null, roles, Set.of()));
    }

    /**
     * Revokes every refresh token of a user (by UPN or id), as a password reset does; their next
     * use fails with {@code invalid_grant}.
     */
    public void revokeRefreshTokens(String userPrincipalName) {
        User user = tenant.user(userPrincipalName)
                .orElseThrow(() -> new NoSuchElementException("no user " + userPrincipalName));
        signIns.revokeRefreshTokens(user.id());
    }

    /** Registers an application in the tenant with a secret and application permissions. */
    public AppRegistration registerApp(String clientId, String clientSecret, Set<String> roles) {
        return registerApp(new AppRegistration(clientId, "App " + clientId, clientSecret, roles,
                DEFAULT_DELEGATED_SCOPES));
    }

    /** Registers an application in the tenant. */
    public AppRegistration registerApp(AppRegistration app) {
        return tenant.registerApp(app);
    }

    private AppRegistration app(String clientId) {
        return tenant.app(clientId)
                .orElseThrow(() -> new NoSuchElementException("no app " + clientId));
    }

    private void checkStarted() {
        if (!started) {
            throw new IllegalStateException("the emulator is not started");
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }

    /** Builder of emulators. */
    public static final class Builder {
        private long seed = 42;
        private int users = 5;
        private int messagesPerUser = 200;
        private final Map<Integer, Integer> messagesByUser = new HashMap<>();
        private int port;
        private int threads = 16;
        private String tenantDomain = "contoso.onmicrosoft.com";
        private String tenantName = "Contoso";
        private Instant baseInstant = GeneratorSettings.DEFAULT_BASE_INSTANT;
        private int historyDays = 180;
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = TokenService.DEFAULT_LIFETIME;
        private int requestLogLimit = 100_000;
        private boolean https;
        private Throttling throttling = Throttling.off();

        private Builder() {
        }

        /**
         * Sets the throttling of Graph requests per application and mailbox, e.g.
         * {@code Throttling.graphDefaults().withWindow(Duration.ofSeconds(2)).withBudget(50)}
         * (default {@link Throttling#off()}).
         */
        public Builder throttling(Throttling v) {
            this.throttling = requireNonNull(v, "throttling");
            return this;
        }

        /** Sets the seed of the generated data. */
        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        /** Sets the number of users (at least 1). */
        public Builder users(int v) {
            this.users = v;
            return this;
        }

        /** Sets the number of messages in each mailbox. */
        public Builder messagesPerUser(int v) {
            this.messagesPerUser = v;
            return this;
        }

        /** Sets the number of messages of one user (0 = the demo user), e.g. a million. */
        public Builder messagesForUser(int userIndex, int count) {
            this.messagesByUser.put(userIndex, count);
            return this;
        }

        /** Sets the port, 0 (the default) for an ephemeral one. */
        public Builder port(int v) {
            this.port = v;
            return this;
        }

        /**
         * Serves HTTPS with the bundled certificate for {@code 127.0.0.1} instead of plain HTTP
         * (default false).
         */
        public Builder https(boolean v) {
            this.https = v;
            return this;
        }

        /** Sets the number of server threads (default 16). */
        public Builder threads(int v) {
            this.threads = v;
            return this;
        }

        /** Sets the tenant's domain (default {@code contoso.onmicrosoft.com}). */
        public Builder tenantDomain(String v) {
            this.tenantDomain = requireNonNull(v, "tenantDomain");
            return this;
        }

        /** Sets the organization's name (default {@code Contoso}). */
        public Builder tenantName(String v) {
            this.tenantName = requireNonNull(v, "tenantName");
            return this;
        }

        /** Sets the "now" of the generated data (default 2026-12-01T09:00:00Z). */
        public Builder baseInstant(Instant v) {
            this.baseInstant = requireNonNull(v, "baseInstant");
            return this;
        }

        /** Sets how many days of mail history to generate (default 180). */
        public Builder historyDays(int v) {
            this.historyDays = v;
            return this;
        }

        /** Sets the clock of token lifetimes and change times (default: the system clock). */
        public Builder clock(Clock v) {
            this.clock = requireNonNull(v, "clock");
            return this;
        }

        /** Sets the lifetime of issued tokens (default one hour). */
        public Builder tokenLifetime(Duration v) {
            this.tokenLifetime = requireNonNull(v, "tokenLifetime");
            return this;
        }

        /** Sets how many requests the request log keeps (default 100,000). */
        public Builder requestLogLimit(int v) {
            this.requestLogLimit = v;
            return this;
        }

        /** Generates the data and returns the emulator, not yet started. */
        public Emulator build() {
            return new Emulator(this);
        }
    }
}
