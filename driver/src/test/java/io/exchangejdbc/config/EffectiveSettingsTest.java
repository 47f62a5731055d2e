package io.exchangejdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The typed getters, and the defaults that depend on other properties: the sign-in scheme per
 * schema, the hosts per Microsoft cloud, the proxy scheme per proxy user.
 */
class EffectiveSettingsTest {

    private static ExchangeConfig config(String connectionString) throws SQLException {
        return ExchangeConfig.fromConnectionString(connectionString);
    }

    @Test
    void authSchemeDefaultsToAzureAdForGraphAndBasicForEws() throws SQLException {
        assertEquals("AzureAD", config("").authScheme());
        assertEquals("AzureAD", config("Schema=MSGraph").authScheme());
        assertEquals("Basic", config("Schema=EWS").authScheme());
        assertEquals("Basic", config("schema=ews").authScheme());
        assertEquals("NTLM", config("Schema=EWS;AuthScheme=ntlm").authScheme());
        assertEquals("AzureServicePrincipal",
                config("AuthScheme=AzureServicePrincipal").authScheme());
        assertNull(config("").get(ExchangeProperty.AUTH_SCHEME));
    }

    @Test
    void eachMicrosoftCloudHasItsGraphAndSignInHosts() throws SQLException {
        Map<String, List<String>> expected = Map.of(
                "Global", List.of("https://graph.microsoft.com",
                        "https://login.microsoftonline.com"),
                "GCC", List.of("https://graph.microsoft.com",
                        "https://login.microsoftonline.com"),
                "GCCHigh", List.of("https://graph.microsoft.us",
                        "https://login.microsoftonline.us"),
                "DOD", List.of("https://dod-graph.microsoft.us",
                        "https://login.microsoftonline.us"),
                "China", List.of("https://microsoftgraph.chinacloudapi.cn",
                        "https://login.chinacloudapi.cn"));
        assertEquals(ExchangeProperty.OFFICE365_ENVIRONMENT.allowedValues().size(),
                expected.size());
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            ExchangeConfig c = config("Office365Environment=" + e.getKey());
            assertEquals(e.getValue().get(0), c.graphUrl(), e.getKey());
            assertEquals(e.getValue().get(1), c.loginUrl(), e.getKey());
        }
        assertEquals("https://graph.microsoft.com", config("").graphUrl());
        assertEquals("https://login.microsoftonline.com", config("").loginUrl());
    }

    @Test
    void anExplicitEndpointWinsOverTheCloudWithoutItsTrailingSlash() throws SQLException {
        ExchangeConfig c = config("Office365Environment=China;"
                + "GraphUrl=http://127.0.0.1:8080/;LoginUrl=http://127.0.0.1:8080/login//");
        assertEquals("http://127.0.0.1:8080", c.graphUrl());
        assertEquals("http://127.0.0.1:8080/login", c.loginUrl());
    }

    @Test
    void proxySchemeIsBasicWithAProxyUserAndNoneWithout() throws SQLException {
        assertEquals("NONE", config("").proxyAuthScheme());
        Properties info = new Properties();
        info.setProperty("ProxyUser", "svc");
        assertEquals("BASIC", ExchangeConfig
                .fromUrlAcceptingUnsupported(ExchangeConfig.URL_PREFIX, info).proxyAuthScheme());
        info.setProperty("ProxyAuthScheme", "ntlm");
        assertEquals("NTLM", ExchangeConfig
                .fromUrlAcceptingUnsupported(ExchangeConfig.URL_PREFIX, info).proxyAuthScheme());
    }

    @Test
    void timeoutIsInSecondsAndZeroMeansNoLimit() throws SQLException {
        assertEquals(Duration.ofSeconds(60), config("").timeout());
        assertEquals(Duration.ofSeconds(5), config("Timeout=5").timeout());
        assertNull(config("Timeout=0").timeout());
    }

    @Test
    void typedGettersReadValuesAndDefaults() throws SQLException {
        ExchangeConfig c = config("Pagesize=250;Readonly=true;MaxLogFileSize=5000000000");
        assertEquals(250, c.getInt(ExchangeProperty.PAGESIZE));
        assertEquals(-1, c.getInt(ExchangeProperty.MAX_ROWS));
        assertEquals(5_000_000_000L, c.getLong(ExchangeProperty.MAX_LOG_FILE_SIZE));
        assertTrue(c.getBoolean(ExchangeProperty.READONLY));
        assertFalse(c.getBoolean(ExchangeProperty.DISABLE_SERVER_SIDE_FILTERING));
        assertTrue(c.isSet(ExchangeProperty.PAGESIZE));
        assertFalse(c.isSet(ExchangeProperty.MAX_ROWS));
    }

    @Test
    void typedGettersRefuseMisuse() throws SQLException {
        ExchangeConfig c = config("");
        assertThrows(IllegalStateException.class, () -> c.getInt(ExchangeProperty.PAGESIZE));
        assertThrows(IllegalArgumentException.class, () -> c.getInt(ExchangeProperty.SCHEMA));
        assertThrows(IllegalArgumentException.class,
                () -> c.getBoolean(ExchangeProperty.TIMEOUT));
        assertThrows(IllegalArgumentException.class,
                () -> c.getInt(ExchangeProperty.MAX_LOG_FILE_SIZE));
    }

    @Test
    void tablesAndViewsAreCommaListsMatchedInAnyCase() throws SQLException {
        ExchangeConfig c = config("Tables=' Messages , events,,Messages';Views=CalendarView");
        assertEquals(2, c.tables().size());
        assertTrue(c.tables().contains("messages"));
        assertTrue(c.tables().contains("EVENTS"));
        assertFalse(c.tables().contains("Contacts"));
        assertEquals(List.of("CalendarView"), List.copyOf(c.views()));
        assertTrue(config("").tables().isEmpty());
        assertTrue(config("").views().isEmpty());
    }

    @Test
    void customHeadersAreNameValueLines() throws SQLException {
        ExchangeConfig c = config("CustomHeaders='X-Trace: on\r\n\nX-Team:ops:blue  \n'");
        assertEquals(Map.of("X-Trace", "on", "X-Team", "ops:blue"), c.customHeaders());
        assertEquals(List.of("X-Trace", "X-Team"), List.copyOf(c.customHeaders().keySet()));
        assertTrue(config("").customHeaders().isEmpty());
    }

    @Test
    void customHeadersRefuseWhatHttpCannotSend() {
        for (String bad : List.of("Bad Name: x", ": x", "Host: evil.example",
                "X-A: 1\nx-a: 2", "X-A: a\u0000b")) {
            SQLException e = assertThrows(SQLException.class,
                    () -> config("CustomHeaders=" + ConnectionString.quote(bad)), bad);
            assertEquals("08001", e.getSQLState(), bad);
            assertTrue(e.getMessage().startsWith("Connection property 'CustomHeaders': "), bad);
        }
    }
}
