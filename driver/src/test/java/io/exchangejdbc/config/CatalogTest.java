package io.exchangejdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog holds every documented connection property, each described consistently. */
class CatalogTest {

    private static final List<String> DOCUMENTED = List.of(
            "Schema", "Platform", "AuthScheme", "Server", "User", "Password",
            "Office365Environment", "AzureTenant", "InitiateOAuth", "OAuthClientId",
            "OAuthClientSecret", "OAuthAccessToken", "OAuthRefreshToken", "OAuthSettingsLocation",
            "CallbackURL", "OAuthVerifier", "OAuthGrantType", "OAuthExpiresIn",
            "OAuthTokenTimestamp", "Scope", "OAuthJWTCert", "OAuthJWTCertType",
            "OAuthJWTCertPassword", "OAuthJWTCertSubject", "KerberosKDC", "KerberosRealm",
            "KerberosSPN", "KerberosKeytabFile", "KerberosTicketCache", "GraphUrl", "LoginUrl",
            "AzureMSIEndpoint", "SSLServerCert", "ProxyAutoDetect", "ProxyServer", "ProxyPort",
            "ProxyAuthScheme", "ProxyUser", "ProxyPassword", "ProxyExceptions", "Logfile",
            "Verbosity", "LogModules", "MaxLogFileSize", "MaxLogFileCount", "Tables", "Views",
            "UserId", "ImpersonationUser", "ImpersonationType", "IncludeContent", "BodyType",
            "DirectoryRetrievalDepth", "DisableServerSideFiltering",
            "AlwaysRequestTableDependencies", "BatchSize", "Pagesize", "MaxRows", "Timeout",
            "Readonly", "CustomHeaders", "Other");

    private static final Set<String> SUPPORTED = Set.of(
            "Schema", "AuthScheme", "AzureTenant", "InitiateOAuth", "OAuthClientId",
            "OAuthClientSecret", "OAuthAccessToken", "Scope", "Office365Environment", "GraphUrl",
            "LoginUrl", "Logfile", "Verbosity", "LogModules", "MaxLogFileSize", "MaxLogFileCount",
            "Tables", "Views", "UserId", "BodyType", "DisableServerSideFiltering", "Pagesize",
            "MaxRows", "Timeout", "Readonly", "CustomHeaders",
            // writes in Graph JSON batches
            "BatchSize",
            // the Entra ID sign-in flows
            "OAuthRefreshToken", "OAuthSettingsLocation", "CallbackURL", "OAuthVerifier",
            "OAuthGrantType", "OAuthExpiresIn", "OAuthTokenTimestamp", "OAuthJWTCert",
            "OAuthJWTCertType", "OAuthJWTCertPassword", "OAuthJWTCertSubject",
            "AzureMSIEndpoint",
            // on-premises sign-in, TLS and proxies
            "Server", "User", "Password", "KerberosKDC", "KerberosRealm", "KerberosSPN",
            "KerberosKeytabFile", "KerberosTicketCache", "SSLServerCert", "ProxyAutoDetect",
            "ProxyServer", "ProxyPort", "ProxyAuthScheme", "ProxyUser", "ProxyPassword",
            "ProxyExceptions",
            // Schema=EWS
            "Platform", "ImpersonationUser", "ImpersonationType", "IncludeContent",
            "DirectoryRetrievalDepth");

    private static final Set<String> SECRETS = Set.of(
            "Password", "OAuthClientSecret", "OAuthAccessToken", "OAuthRefreshToken",
            "OAuthJWTCertPassword", "ProxyPassword", "OAuthVerifier", "CustomHeaders",
            "OAuthJWTCert");

    @Test
    void holdsExactlyTheDocumentedPropertiesInDocumentedOrder() {
        List<String> names = Arrays.stream(ExchangeProperty.values())
                .map(ExchangeProperty::propertyName)
                .collect(Collectors.toList());
        assertEquals(DOCUMENTED, names);
    }

    @Test
    void supportsExactlyWhatThisReleaseDelivers() {
        Set<String> supported = Arrays.stream(ExchangeProperty.values())
                .filter(ExchangeProperty::supported)
                .map(ExchangeProperty::propertyName)
                .collect(Collectors.toSet());
        assertEquals(SUPPORTED, supported);
    }

    @Test
    void marksCredentialsTokensKeysAndHeadersAsSecret() {
        Set<String> secrets = Arrays.stream(ExchangeProperty.values())
                .filter(ExchangeProperty::secret)
                .map(ExchangeProperty::propertyName)
                .collect(Collectors.toSet());
        assertEquals(SECRETS, secrets);
    }

    @Test
    void listsGroupsInTheOrderUsersKnowThem() {
        List<String> groups = Arrays.stream(PropertyGroup.values())
                .map(PropertyGroup::displayName)
                .collect(Collectors.toList());
        assertEquals(List.of("Authentication", "Azure", "OAuth", "JWT OAuth", "Kerberos",
                "Endpoints", "SSL", "Proxy", "Logging", "Schema", "Miscellaneous"), groups);
        // Properties of one group are declared together, so the reference reads in catalog order.
        PropertyGroup previous = null;
        Set<PropertyGroup> seen = new HashSet<>();
        for (ExchangeProperty p : ExchangeProperty.values()) {
            if (p.group() != previous) {
                assertTrue(seen.add(p.group()), p.group() + " is split at " + p.propertyName());
                previous = p.group();
            }
        }
        assertEquals(PropertyGroup.values().length, seen.size());
    }

    @Test
    void everyDefaultIsAValueThePropertyAccepts() throws SQLException {
        for (ExchangeProperty p : ExchangeProperty.values()) {
            if (p.defaultValue() != null) {
                assertEquals(p.defaultValue(), p.normalize(p.defaultValue()), p.propertyName());
            }
        }
    }

    @Test
    void onlyEnumerationsHaveAllowedValuesAndOnlyIntegersHaveRanges() {
        for (ExchangeProperty p : ExchangeProperty.values()) {
            assertEquals(p.type() == PropertyType.ENUM, !p.allowedValues().isEmpty(),
                    p.propertyName());
            if (p.type() == PropertyType.INTEGER) {
                assertTrue(p.minValue() < p.maxValue(), p.propertyName());
            }
        }
    }

    @Test
    void everyDescriptionIsASentenceWithoutLineBreaks() {
        for (ExchangeProperty p : ExchangeProperty.values()) {
            String d = p.description();
            assertTrue(d.length() > 15, p.propertyName());
            assertTrue(d.endsWith("."), p.propertyName() + ": " + d);
            assertFalse(d.contains("\n"), p.propertyName());
            assertFalse(d.contains("|"), p.propertyName());
        }
    }

    @Test
    void documentsTheDefaultsUsersRelyOn() {
        assertEquals("MSGraph", ExchangeProperty.SCHEMA.defaultValue());
        assertEquals("Exchange2019", ExchangeProperty.PLATFORM.defaultValue());
        assertNull(ExchangeProperty.AUTH_SCHEME.defaultValue());
        assertEquals("Global", ExchangeProperty.OFFICE365_ENVIRONMENT.defaultValue());
        assertEquals("GETANDREFRESH", ExchangeProperty.INITIATE_OAUTH.defaultValue());
        assertEquals("https://graph.microsoft.com", ExchangeProperty.GRAPH_URL.defaultValue());
        assertEquals("https://login.microsoftonline.com",
                ExchangeProperty.LOGIN_URL.defaultValue());
        assertEquals("http://169.254.169.254/metadata/identity/oauth2/token",
                ExchangeProperty.AZURE_MSI_ENDPOINT.defaultValue());
        assertEquals("60", ExchangeProperty.TIMEOUT.defaultValue());
        assertEquals("-1", ExchangeProperty.MAX_ROWS.defaultValue());
        assertNull(ExchangeProperty.PAGESIZE.defaultValue());
        assertEquals("1", ExchangeProperty.VERBOSITY.defaultValue());
        assertEquals("Best", ExchangeProperty.BODY_TYPE.defaultValue());
        assertEquals("80", ExchangeProperty.PROXY_PORT.defaultValue());
        assertEquals(Long.toString(100L * 1024 * 1024),
                ExchangeProperty.MAX_LOG_FILE_SIZE.defaultValue());
        for (ExchangeProperty p : List.of(ExchangeProperty.READONLY,
                ExchangeProperty.INCLUDE_CONTENT, ExchangeProperty.DISABLE_SERVER_SIDE_FILTERING,
                ExchangeProperty.PROXY_AUTO_DETECT,
                ExchangeProperty.ALWAYS_REQUEST_TABLE_DEPENDENCIES)) {
            assertEquals("false", p.defaultValue(), p.propertyName());
        }
    }

    @Test
    void lookupIgnoresLetterCaseAndAnswersNullForUnknownNames() {
        for (ExchangeProperty p : ExchangeProperty.values()) {
            assertSame(p, ExchangeProperty.lookup(p.propertyName()));
            assertSame(p, ExchangeProperty.lookup(p.propertyName().toUpperCase(Locale.ROOT)));
            assertSame(p, ExchangeProperty.lookup(p.propertyName().toLowerCase(Locale.ROOT)));
        }
        assertSame(ExchangeProperty.PAGESIZE, ExchangeProperty.lookup("PageSize"));
        assertNull(ExchangeProperty.lookup("PageSise"));
        assertNull(ExchangeProperty.lookup(""));
    }
}
