package io.exchangejdbc.config;

import static io.exchangejdbc.config.PropertyGroup.AUTHENTICATION;
import static io.exchangejdbc.config.PropertyGroup.AZURE;
import static io.exchangejdbc.config.PropertyGroup.ENDPOINTS;
import static io.exchangejdbc.config.PropertyGroup.JWT_OAUTH;
import static io.exchangejdbc.config.PropertyGroup.KERBEROS;
import static io.exchangejdbc.config.PropertyGroup.LOGGING;
import static io.exchangejdbc.config.PropertyGroup.MISCELLANEOUS;
import static io.exchangejdbc.config.PropertyGroup.OAUTH;
import static io.exchangejdbc.config.PropertyGroup.PROXY;
import static io.exchangejdbc.config.PropertyGroup.SSL;
import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalog of every connection property of the driver: its name, group, type, default,
 * allowed values, whether it is secret, whether this release supports it, and what it does.
 *
 * <p>Parsing, validation, {@link java.sql.Driver#getPropertyInfo getPropertyInfo} and the property
 * reference of the README are all derived from this enum, so a property is described once.
 */
public enum ExchangeProperty {

    // Authentication

    SCHEMA(Spec.choice("Schema", AUTHENTICATION, "MSGraph", "EWS")
            .byDefault("MSGraph").supported()
            .about("Which Exchange API the driver speaks: MSGraph for Exchange Online through"
                    + " Microsoft Graph v1.0, EWS for Exchange Server on premises (and Exchange"
                    + " Online while Microsoft still allows it) through Exchange Web Services."
                    + " The two expose different tables.")),

    PLATFORM(Spec.choice("Platform", AUTHENTICATION,
                    "Exchange2007", "Exchange2007_SP1", "Exchange2010", "Exchange2010_SP1",
                    "Exchange2010_SP2", "Exchange2013", "Exchange2013_SP1", "Exchange2016",
                    "Exchange2019", "Exchange_Online")
            .byDefault("Exchange2019").supported()
            .about("Version of the Exchange server when Schema=EWS: it sets the"
                    + " RequestServerVersion the driver sends and limits requests to what that"
                    + " version understands. Ignored for MSGraph.")),

    AUTH_SCHEME(Spec.choice("AuthScheme", AUTHENTICATION,
                    "Basic", "Digest", "NTLM", "Negotiate", "AzureAD", "AzureServicePrincipal",
                    "AzureServicePrincipalCert", "AzureMSI", "None")
            .supported()
            .about("How the driver signs in. On premises: Basic, Digest, NTLM or Negotiate"
                    + " (Kerberos) with User and Password. Online: AzureAD (a user signs in, or a"
                    + " token you supply), AzureServicePrincipal (an app registration with a client"
                    + " secret), AzureServicePrincipalCert (an app registration with a"
                    + " certificate), AzureMSI (the managed identity of the Azure resource running"
                    + " the driver). None sends no credentials. When not set: AzureAD for"
                    + " Schema=MSGraph, Basic for Schema=EWS.")),

    SERVER(Spec.url("Server", AUTHENTICATION).supported()
            .about("Address of the EWS endpoint when Schema=EWS, for example"
                    + " https://mail.contoso.com/EWS/Exchange.asmx (Exchange Online:"
                    + " https://outlook.office365.com/EWS/Exchange.asmx). Required for EWS;"
                    + " ignored for MSGraph.")),

    USER(Spec.string("User", AUTHENTICATION).supported()
            .about("User name for Basic, Digest, NTLM and Negotiate: an email address, a user"
                    + " principal name or DOMAIN\\user. The user argument of"
                    + " DriverManager.getConnection sets it too.")),

    PASSWORD(Spec.string("Password", AUTHENTICATION).supported().secret()
            .about("Password of User for Basic, Digest, NTLM and Negotiate. The password argument"
                    + " of DriverManager.getConnection sets it too.")),

    OFFICE365_ENVIRONMENT(Spec.choice("Office365Environment", AUTHENTICATION,
                    "Global", "GCC", "GCCHigh", "DOD", "China")
            .byDefault("Global").supported()
            .about("Microsoft cloud the tenant lives in. It chooses the hosts when GraphUrl and"
                    + " LoginUrl are not set: Global and GCC use graph.microsoft.com and"
                    + " login.microsoftonline.com, GCCHigh graph.microsoft.us and"
                    + " login.microsoftonline.us, DOD dod-graph.microsoft.us and"
                    + " login.microsoftonline.us, China microsoftgraph.chinacloudapi.cn and"
                    + " login.chinacloudapi.cn.")),

    // Azure

    AZURE_TENANT(Spec.string("AzureTenant", AZURE).supported()
            .about("Microsoft Entra tenant to sign in to: a domain such as"
                    + " contoso.onmicrosoft.com, or the tenant id (a GUID). When not set, a user"
                    + " sign-in (AzureAD) goes to the multi-tenant endpoint and the account chosen"
                    + " decides the tenant; AzureServicePrincipal and AzureServicePrincipalCert"
                    + " need it, because an application has no tenant of its own to guess.")),

    // OAuth

    INITIATE_OAUTH(Spec.choice("InitiateOAuth", OAUTH, "OFF", "GETANDREFRESH", "REFRESH")
            .byDefault("GETANDREFRESH").supported()
            .about("How the driver obtains its OAuth access token. GETANDREFRESH (default): use"
                    + " the stored token, refresh it before it expires, and sign in when there is"
                    + " none. REFRESH: never start a sign-in; refresh the token given in"
                    + " OAuthAccessToken and OAuthRefreshToken or kept in OAuthSettingsLocation."
                    + " OFF: use OAuthAccessToken as given and never refresh it, so the connection"
                    + " fails once it expires.")),

    OAUTH_CLIENT_ID(Spec.string("OAuthClientId", OAUTH).supported()
            .about("Application (client) id of the Microsoft Entra app registration. With AzureAD"
                    + " it is optional: when not set, the driver's built-in application is used."
                    + " The service principal schemes require it. With AzureMSI it selects a"
                    + " user-assigned managed identity; when not set, the system-assigned one.")),

    OAUTH_CLIENT_SECRET(Spec.string("OAuthClientSecret", OAUTH).secret().supported()
            .about("Client secret of the app registration: required by AzureServicePrincipal, and"
                    + " by AzureAD when the app is a confidential web application.")),

    OAUTH_ACCESS_TOKEN(Spec.string("OAuthAccessToken", OAUTH).secret().supported()
            .about("An access token obtained elsewhere. With InitiateOAuth=OFF it is sent as is"
                    + " until it expires; otherwise it is where the token store starts.")),

    OAUTH_REFRESH_TOKEN(Spec.string("OAuthRefreshToken", OAUTH).secret().supported()
            .about("A refresh token obtained elsewhere, exchanged for new access tokens when"
                    + " InitiateOAuth is REFRESH or GETANDREFRESH.")),

    OAUTH_SETTINGS_LOCATION(Spec.filePath("OAuthSettingsLocation", OAUTH).supported()
            .about("Where a user's tokens are kept between connections: the path of a file, or"
                    + " memory://name to share them between the connections of one JVM under that"
                    + " name. The file holds the refresh token: it is written atomically, readable"
                    + " by its owner only, and safe to share between processes. When not set, a"
                    + " file of the user's own under ~/.exchange-jdbc/tokens/, one per"
                    + " application and tenant.")),

    CALLBACK_URL(Spec.url("CallbackURL", OAUTH).supported()
            .about("Redirect URL registered for the app: the loopback address desktop sign-in"
                    + " listens on (loopback interface only, one redirect, five minutes), or the"
                    + " page of your web application that receives the authorization code. When"
                    + " not set: http://localhost:33333.")),

    OAUTH_VERIFIER(Spec.string("OAuthVerifier", OAUTH).secret().supported()
            .about("Authorization code copied from the address bar after signing in on another"
                    + " machine (headless sign-in). The driver exchanges it for tokens and keeps"
                    + " them in OAuthSettingsLocation.")),

    OAUTH_GRANT_TYPE(Spec.choice("OAuthGrantType", OAUTH, "CODE", "CLIENT").supported()
            .about("OAuth grant used with AzureAD: CODE signs a user in (delegated permissions),"
                    + " CLIENT uses the app's own credentials (application permissions; needs"
                    + " OAuthClientSecret). When not set: CODE. The service principal schemes"
                    + " always use client credentials.")),

    OAUTH_EXPIRES_IN(Spec.integer("OAuthExpiresIn", OAUTH, 1, Integer.MAX_VALUE).supported()
            .about("Lifetime of OAuthAccessToken in seconds, as the token endpoint returned it;"
                    + " with OAuthTokenTimestamp it tells the driver when to refresh the token.")),

    OAUTH_TOKEN_TIMESTAMP(Spec.integer("OAuthTokenTimestamp", OAUTH, 0, Long.MAX_VALUE)
            .supported()
            .about("When OAuthAccessToken was issued, in milliseconds since"
                    + " 1970-01-01T00:00:00Z; used with OAuthExpiresIn.")),

    SCOPE(Spec.string("Scope", OAUTH).supported()
            .about("OAuth scopes to ask for, separated by spaces. When not set, the permissions"
                    + " configured on the app registration (the .default scope of the Graph host"
                    + " in use, such as https://graph.microsoft.com/.default).")),

    // JWT OAuth

    OAUTH_JWT_CERT(Spec.string("OAuthJWTCert", JWT_OAUTH).secret().supported()
            .about("Certificate and private key for AzureServicePrincipalCert: the path of a file,"
                    + " or the content itself for the _BLOB types, as OAuthJWTCertType says."
                    + " Treated as secret because a blob holds the private key.")),

    OAUTH_JWT_CERT_TYPE(Spec.choice("OAuthJWTCertType", JWT_OAUTH,
                    "PEMKEY_FILE", "PEMKEY_BLOB", "PFXFILE", "PFXBLOB", "JKSFILE", "USER",
                    "MACHINE")
            .byDefault("PFXFILE").supported()
            .about("Format of OAuthJWTCert: PEMKEY_FILE or PEMKEY_BLOB, a PEM file or text with"
                    + " the private key and the certificate; PFXFILE (default) or PFXBLOB, a"
                    + " PKCS#12 file or its base64 text; JKSFILE, a Java key store; USER or"
                    + " MACHINE, the Windows certificate store of the current user or of the"
                    + " computer (not available in Java: export to PFX).")),

    OAUTH_JWT_CERT_PASSWORD(Spec.string("OAuthJWTCertPassword", JWT_OAUTH).secret().supported()
            .about("Password of the key store, or of the encrypted private key, in"
                    + " OAuthJWTCert.")),

    OAUTH_JWT_CERT_SUBJECT(Spec.string("OAuthJWTCertSubject", JWT_OAUTH).byDefault("*")
            .supported()
            .about("Which certificate of OAuthJWTCert to use when it holds several: its subject"
                    + " (such as CN=exchange-jdbc), or * (default) for the first one that has a"
                    + " private key.")),

    // Kerberos

    KERBEROS_KDC(Spec.string("KerberosKDC", KERBEROS).supported()
            .about("Host name (optionally host:port) of the Kerberos Key Distribution Center,"
                    + " for AuthScheme=Negotiate. When not set, the one krb5.conf gives for the"
                    + " realm. The JDK reads realms from one krb5.conf per JVM: when this is set"
                    + " (and java.security.krb5.conf is not set by the application), the driver"
                    + " writes the realms and KDCs of its connections to a krb5.conf of its own"
                    + " and points java.security.krb5.conf at it.")),

    KERBEROS_REALM(Spec.string("KerberosRealm", KERBEROS).supported()
            .about("Kerberos realm of User, such as CONTOSO.COM, for AuthScheme=Negotiate."
                    + " When not set, the domain of User (user@contoso.com gives CONTOSO.COM),"
                    + " else the default realm of krb5.conf.")),

    KERBEROS_SPN(Spec.string("KerberosSPN", KERBEROS).supported()
            .about("Service principal name of the Exchange server for AuthScheme=Negotiate,"
                    + " such as HTTP/mail.contoso.com; default HTTP/ followed by the host of"
                    + " Server. Set it when the server is reached by another name (for example"
                    + " behind a load balancer).")),

    KERBEROS_KEYTAB_FILE(Spec.filePath("KerberosKeytabFile", KERBEROS).supported()
            .about("Keytab file holding the key of User, to obtain a Kerberos ticket without a"
                    + " password (AuthScheme=Negotiate).")),

    KERBEROS_TICKET_CACHE(Spec.filePath("KerberosTicketCache", KERBEROS).supported()
            .about("Credential cache file with a ticket obtained beforehand (for example with"
                    + " kinit); with AuthScheme=Negotiate the driver uses that ticket instead of"
                    + " signing in.")),

    // Endpoints

    GRAPH_URL(Spec.url("GraphUrl", ENDPOINTS).byDefault("https://graph.microsoft.com").supported()
            .about("Base URL of Microsoft Graph, without the API version (the driver adds /v1.0)."
                    + " When not set, the Graph host of Office365Environment. Set it to go"
                    + " through a gateway or to a test server.")),

    LOGIN_URL(Spec.url("LoginUrl", ENDPOINTS).byDefault("https://login.microsoftonline.com")
            .supported()
            .about("Base URL of the Microsoft Entra sign-in service; the tenant and"
                    + " /oauth2/v2.0/... are added to it. When not set, the sign-in host of"
                    + " Office365Environment.")),

    AZURE_MSI_ENDPOINT(Spec.url("AzureMSIEndpoint", ENDPOINTS)
            .byDefault("http://169.254.169.254/metadata/identity/oauth2/token").supported()
            .about("Token URL of the Azure Instance Metadata Service, used by AzureMSI. The"
                    + " default is the address Azure gives every virtual machine; where App Service"
                    + " sets IDENTITY_ENDPOINT and IDENTITY_HEADER and this is not set, that"
                    + " endpoint is used. Change it only to reach a relay or a test server.")),

    // SSL

    SSL_SERVER_CERT(Spec.string("SSLServerCert", SSL).supported()
            .about("Server certificate to trust instead of the JVM's trust store, for EWS and"
                    + " Graph alike: a PEM certificate (the text), the path of a PEM or DER"
                    + " certificate file (host name still checked), a SHA-256 thumbprint in hex"
                    + " with or without colons (only that certificate is accepted), or * to"
                    + " accept any certificate (unsafe, for tests only: it gives up protection"
                    + " against interception). When not set, the JVM's trust store decides and"
                    + " a self-signed certificate is refused.")),

    // Proxy

    PROXY_AUTO_DETECT(Spec.bool("ProxyAutoDetect", PROXY).byDefault("false").supported()
            .about("true: use the proxy the JVM's system proxy selector gives"
                    + " (ProxySelector.getDefault(): http.proxyHost and https.proxyHost, or the"
                    + " operating system's with java.net.useSystemProxies=true) when ProxyServer"
                    + " is not set. false (default): connect directly, unless ProxyServer is"
                    + " set.")),

    PROXY_SERVER(Spec.string("ProxyServer", PROXY).supported()
            .about("Host name or IP address of the HTTP proxy for every request to Microsoft"
                    + " (Graph, EWS and sign-in). When not set, no proxy, unless"
                    + " ProxyAutoDetect=true.")),

    PROXY_PORT(Spec.integer("ProxyPort", PROXY, 1, 65_535).byDefault("80").supported()
            .about("TCP port of ProxyServer. Default 80.")),

    PROXY_AUTH_SCHEME(Spec.choice("ProxyAuthScheme", PROXY,
                    "BASIC", "DIGEST", "NTLM", "NEGOTIATE", "NONE").supported()
            .about("How the driver authenticates to the proxy: BASIC, DIGEST, NTLM or NONE"
                    + " (NEGOTIATE is refused). When not set: BASIC when ProxyUser is set, NONE"
                    + " otherwise. Every scheme works for Schema=EWS, HTTPS tunnels included."
                    + " Graph requests use the JDK's HTTP client: BASIC is sent ahead with plain"
                    + " HTTP requests, DIGEST and NTLM are refused, and a tunnel (HTTPS) cannot"
                    + " carry a Basic sign-in (the JDK's jdk.http.auth.tunneling.disabledSchemes).")),

    PROXY_USER(Spec.string("ProxyUser", PROXY).supported()
            .about("User name for the proxy.")),

    PROXY_PASSWORD(Spec.string("ProxyPassword", PROXY).supported().secret()
            .about("Password of ProxyUser.")),

    PROXY_EXCEPTIONS(Spec.string("ProxyExceptions", PROXY).supported()
            .about("Hosts reached without the proxy, separated by commas; a leading * matches"
                    + " any subdomain (*.contoso.com).")),

    // Logging

    LOGFILE(Spec.filePath("Logfile", LOGGING).supported()
            .about("File the driver writes its log to, appended to if it exists. When not set, no"
                    + " file is written; events still reach SLF4J when the application has a"
                    + " binding. Secrets are never written.")),

    VERBOSITY(Spec.integer("Verbosity", LOGGING, 1, 5).byDefault("1").supported()
            .about("How much Logfile records, from 1 to 5. 1 (default): connections, queries and"
                    + " errors; 2: also each HTTP request with its status and duration; 3: also"
                    + " headers; 4: also bodies; 5: everything, including transport detail.")),

    LOG_MODULES(Spec.string("LogModules", LOGGING).supported()
            .about("Which parts of the driver to log, separated by commas, to narrow a large"
                    + " log: jdbc, auth, http, graph, ews, calcite. When not set, all of them.")),

    MAX_LOG_FILE_SIZE(Spec.integer("MaxLogFileSize", LOGGING, 1, Long.MAX_VALUE)
            .byDefault("104857600").supported()
            .about("Size in bytes at which Logfile is rotated: it is renamed with a date and time"
                    + " suffix and a new file is started. Default 104857600 (100 MB).")),

    MAX_LOG_FILE_COUNT(Spec.integer("MaxLogFileCount", LOGGING, -1, Integer.MAX_VALUE)
            .byDefault("-1").supported()
            .about("How many rotated log files to keep; the oldest beyond this number are"
                    + " deleted. -1 (default) or 0 keeps them all.")),

    // Schema

    TABLES(Spec.string("Tables", PropertyGroup.SCHEMA).supported()
            .about("Names of the tables to expose, separated by commas, in any letter case (for"
                    + " example Messages,Events). When not set, all tables of the schema.")),

    VIEWS(Spec.string("Views", PropertyGroup.SCHEMA).supported()
            .about("Names of the views to expose, separated by commas, in any letter case (for"
                    + " example CalendarView). When not set, all views of the schema.")),

    // Miscellaneous

    USER_ID(Spec.string("UserId", MISCELLANEOUS).supported()
            .about("Mailbox to read when a query does not name one in its UserId column: a user"
                    + " principal name, an email address or a user id. When not set, the signed-in"
                    + " user; application sign-ins (service principal, certificate, managed"
                    + " identity) have none, so they need it or a UserId in each query.")),

    IMPERSONATION_USER(Spec.string("ImpersonationUser", MISCELLANEOUS).supported()
            .about("With EWS, the mailbox to act as through Exchange impersonation (the account"
                    + " signing in needs the ApplicationImpersonation role), identified as"
                    + " ImpersonationType says.")),

    IMPERSONATION_TYPE(Spec.choice("ImpersonationType", MISCELLANEOUS,
                    "PrincipalName", "SID", "PrimarySmtpAddress", "SmtpAddress")
            .byDefault("PrincipalName").supported()
            .about("How ImpersonationUser identifies the user: PrincipalName (default, the user"
                    + " principal name), SID (the security identifier), PrimarySmtpAddress, or"
                    + " SmtpAddress (any address of the mailbox).")),

    INCLUDE_CONTENT(Spec.bool("IncludeContent", MISCELLANEOUS).byDefault("false").supported()
            .about("With EWS, true fetches the body and the other properties FindItem does not"
                    + " return for every row (with batched GetItem calls), even when the query"
                    + " does not select them. false (default): only when selected.")),

    BODY_TYPE(Spec.choice("BodyType", MISCELLANEOUS, "Best", "HTML", "Text")
            .byDefault("Best").supported()
            .about("Format of message and event bodies: HTML, Text (HTML converted to plain text"
                    + " by Exchange), or Best (default): as stored, whichever the sender used.")),

    DIRECTORY_RETRIEVAL_DEPTH(Spec.integer("DirectoryRetrievalDepth", MISCELLANEOUS,
                    -1, Integer.MAX_VALUE)
            .byDefault("5").supported()
            .about("How many levels of subfolders the folder tables list below the top level: 0"
                    + " lists the top level only, -1 every level. Default 5.")),

    DISABLE_SERVER_SIDE_FILTERING(Spec.bool("DisableServerSideFiltering", MISCELLANEOUS)
            .byDefault("false").supported()
            .about("true: send no filter, sort or limit to Exchange and evaluate the whole query"
                    + " in the driver; slower, but rules out a difference between Exchange's"
                    + " filtering and SQL's. false (default): Exchange evaluates what it can.")),

    ALWAYS_REQUEST_TABLE_DEPENDENCIES(Spec.bool("AlwaysRequestTableDependencies", MISCELLANEOUS)
            .byDefault("false")
            .about("true: always fetch the columns that link rows to other tables (such as"
                    + " ParentFolderId), even when the query does not select them. false"
                    + " (default): fetch only what the query needs.")),

    BATCH_SIZE(Spec.integer("BatchSize", MISCELLANEOUS, 1, 1000).byDefault("20").supported()
            .about("Largest number of operations sent in one batch request when fetching bodies,"
                    + " reading the first pages of several parents (messageId IN (...)) or"
                    + " writing several rows (a multi-row INSERT, an UPDATE or DELETE that hits"
                    + " many rows, executeBatch). Graph accepts at most 20 requests per $batch, so"
                    + " larger values only apply to EWS. Default 20; 1 sends each on its own.")),

    PAGESIZE(Spec.integer("Pagesize", MISCELLANEOUS, 1, 1000).supported()
            .about("Rows asked for per page (Graph $top, EWS MaxEntriesReturned), from 1 to 1000."
                    + " When not set, the driver chooses per table, fewer when large bodies are"
                    + " selected, so that each page stays fast.")),

    MAX_ROWS(Spec.integer("MaxRows", MISCELLANEOUS, -1, Integer.MAX_VALUE).byDefault("-1")
            .supported()
            .about("Largest number of rows a query returns, as if every query ended with a LIMIT."
                    + " -1 (default) or 0: no limit.")),

    TIMEOUT(Spec.integer("Timeout", MISCELLANEOUS, 0, Integer.MAX_VALUE).byDefault("60")
            .supported()
            .about("Seconds to wait for each request to Exchange before failing with a timeout."
                    + " Default 60; 0 waits without limit.")),

    READONLY(Spec.bool("Readonly", MISCELLANEOUS).byDefault("false").supported()
            .about("true: refuse INSERT, UPDATE, DELETE and procedures that change data or send"
                    + " mail, so the connection can only read. false (default): writes are"
                    + " allowed.")),

    CUSTOM_HEADERS(Spec.string("CustomHeaders", MISCELLANEOUS).secret().supported()
            .about("Extra HTTP headers sent with every request to Exchange, one Name: Value per"
                    + " line (lines separated by line breaks). Treated as secret because headers"
                    + " may carry keys. Host, Connection, Content-Length, Expect and Upgrade"
                    + " cannot be set.")),

    OTHER(Spec.string("Other", MISCELLANEOUS)
            .about("Settings for rare cases, as Name=Value pairs separated by ';' (quote the"
                    + " whole value in a connection string)."));

    private final String propertyName;
    private final PropertyGroup group;
    private final PropertyType type;
    private final String defaultValue;
    private final List<String> allowedValues;
    private final long minValue;
    private final long maxValue;
    private final boolean secret;
    private final boolean supported;
    private final String description;

    ExchangeProperty(Spec spec) {
        this.propertyName = requireNonNull(spec.name, "name");
        this.group = requireNonNull(spec.group, "group");
        this.type = requireNonNull(spec.type, "type");
        this.defaultValue = spec.defaultValue;
        this.allowedValues = spec.allowedValues;
        this.minValue = spec.min;
        this.maxValue = spec.max;
        this.secret = spec.secret;
        this.supported = spec.supported;
        this.description = requireNonNull(spec.description, "description");
    }

    /** The property's name in connection strings, in its canonical spelling. */
    public String propertyName() {
        return propertyName;
    }

    /** The group the property is listed under. */
    public PropertyGroup group() {
        return group;
    }

    /** The kind of value the property takes. */
    public PropertyType type() {
        return type;
    }

    /**
     * The value that applies when the property is not set, or null when there is none (the
     * description then says what happens, as for {@code AuthScheme} whose effective default
     * depends on {@code Schema}).
     */
    public String defaultValue() {
        return defaultValue;
    }

    /** The values an {@link PropertyType#ENUM} property accepts, canonical spelling; else empty. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** The smallest value an {@link PropertyType#INTEGER} property accepts. */
    public long minValue() {
        return minValue;
    }

    /** The largest value an {@link PropertyType#INTEGER} property accepts. */
    public long maxValue() {
        return maxValue;
    }

    /** Whether the value is a secret, never printed in logs, messages, metadata or toString. */
    public boolean secret() {
        return secret;
    }

    /**
     * Whether this release delivers the property's behaviour; setting an unsupported property is
     * refused rather than ignored, so that nobody believes it took effect.
     */
    public boolean supported() {
        return supported;
    }

    /** What the property does, for users: units, what the default means, how values combine. */
    public String description() {
        return description;
    }

    /**
     * Returns the property of the given name, in any letter case, or null when there is none.
     *
     * @param name a property name such as {@code pagesize}
     */
    public static ExchangeProperty lookup(String name) {
        requireNonNull(name, "name");
        return ByName.MAP.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Returns the property whose name is closest to the given unknown one, or null when none is
     * close enough to be a plausible typo.
     */
    static ExchangeProperty closestTo(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        ExchangeProperty best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ExchangeProperty p : values()) {
            int distance = editDistance(wanted, p.propertyName.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = p;
                bestDistance = distance;
            }
        }
        // Longer names bear one more typo before a suggestion stops being plausible.
        int plausible = Math.max(wanted.length() >= 6 ? 3 : 2, wanted.length() / 3);
        if (best != null && bestDistance <= plausible) {
            return best;
        }
        // A part of a name ("Tenant" for "AzureTenant") is too far by edit distance but obvious.
        if (wanted.length() >= 4) {
            for (ExchangeProperty p : values()) {
                String candidate = p.propertyName.toLowerCase(Locale.ROOT);
                if (candidate.contains(wanted) || wanted.contains(candidate)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * Describes the values the property accepts, for messages and the property reference:
     * {@code MSGraph, EWS}, {@code 1 to 5}, {@code 0 or more}, {@code true, false}; empty when any
     * text is accepted.
     */
    String acceptedValues() {
        return switch (type) {
            case ENUM -> String.join(", ", allowedValues);
            case BOOLEAN -> "true, false";
            case INTEGER -> maxValue == Integer.MAX_VALUE || maxValue == Long.MAX_VALUE
                    ? minValue + " or more"
                    : minValue + " to " + maxValue;
            case URL -> "http or https URL";
            default -> "";
        };
    }

    /**
     * Checks a value given for this property and returns it in canonical form (the allowed
     * value's spelling, {@code true}/{@code false}, a plain decimal number, a trimmed URL).
     *
     * @throws SQLException with SQLState {@value ConfigErrors#INVALID_CONNECTION_STRING} naming
     *                      the property, the value unless it is secret, and what is accepted
     */
    String normalize(String value) throws SQLException {
        requireNonNull(value, "value");
        String trimmed = value.trim();
        switch (type) {
            case ENUM -> {
                for (String allowed : allowedValues) {
                    if (allowed.equalsIgnoreCase(trimmed)) {
                        return allowed;
                    }
                }
                throw badValue(value, "must be one of " + acceptedValues());
            }
            case BOOLEAN -> {
                if ("true".equalsIgnoreCase(trimmed) || "false".equalsIgnoreCase(trimmed)) {
                    return trimmed.toLowerCase(Locale.ROOT);
                }
                throw badValue(value, "must be true or false");
            }
            case INTEGER -> {
                return normalizeInteger(value, trimmed);
            }
            case URL -> {
                return normalizeUrl(value, trimmed);
            }
            case FILE_PATH -> {
                try {
                    Path.of(value);
                } catch (InvalidPathException e) {
                    throw badValue(value, "must be a file path (" + e.getReason() + ")");
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    private String normalizeInteger(String value, String trimmed) throws SQLException {
        String expected = "must be a whole number, " + acceptedValues();
        long number;
        try {
            number = Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw badValue(value, expected);
        }
        if (number < minValue || number > maxValue) {
            throw badValue(value, expected);
        }
        return Long.toString(number);
    }

    private String normalizeUrl(String value, String trimmed) throws SQLException {
        String expected = "must be an absolute http or https URL such as "
                + (defaultValue != null ? defaultValue : "https://host/path");
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw badValue(value, expected);
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw badValue(value, expected);
        }
        return trimmed;
    }

    /** The error for a value the property does not accept; a secret value is not repeated. */
    SQLException badValue(String value, String expectation) {
        String given = secret
                ? "the value given is not (it is not shown because the property is secret)"
                : "'" + value + "' is not";
        return ConfigErrors.invalid("Connection property '" + propertyName + "' " + expectation
                + "; " + given + ".");
    }

    /** The index of the catalog by lower-case name; a holder because enum constants come first. */
    private static final class ByName {
        static final Map<String, ExchangeProperty> MAP = new HashMap<>();

        static {
            for (ExchangeProperty p : values()) {
                MAP.put(p.propertyName.toLowerCase(Locale.ROOT), p);
            }
        }
    }

    /** The description of one property while the catalog is being declared. */
    private static final class Spec {
        private final String name;
        private final PropertyGroup group;
        private final PropertyType type;
        private final List<String> allowedValues;
        private final long min;
        private final long max;
        private String defaultValue;
        private boolean secret;
        private boolean supported;
        private String description;

        private Spec(String name, PropertyGroup group, PropertyType type,
                List<String> allowedValues, long min, long max) {
            this.name = name;
            this.group = group;
            this.type = type;
            this.allowedValues = allowedValues;
            this.min = min;
            this.max = max;
        }

        static Spec string(String name, PropertyGroup group) {
            return new Spec(name, group, PropertyType.STRING, List.of(), 0, 0);
        }

        static Spec filePath(String name, PropertyGroup group) {
            return new Spec(name, group, PropertyType.FILE_PATH, List.of(), 0, 0);
        }

        static Spec url(String name, PropertyGroup group) {
            return new Spec(name, group, PropertyType.URL, List.of(), 0, 0);
        }

        static Spec bool(String name, PropertyGroup group) {
            return new Spec(name, group, PropertyType.BOOLEAN, List.of(), 0, 0);
        }

        static Spec integer(String name, PropertyGroup group, long min, long max) {
            return new Spec(name, group, PropertyType.INTEGER, List.of(), min, max);
        }

        static Spec choice(String name, PropertyGroup group, String... allowed) {
            return new Spec(name, group, PropertyType.ENUM, List.of(allowed), 0, 0);
        }

        Spec byDefault(String value) {
            this.defaultValue = value;
            return this;
        }

        Spec secret() {
            this.secret = true;
            return this;
        }

        Spec supported() {
            this.supported = true;
            return this;
        }

        Spec about(String text) {
            this.description = text;
            return this;
        }
    }
}
