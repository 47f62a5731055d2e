package io.exchangejdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.junit.jupiter.api.Test;

/**
 * Mistakes in a connection string are refused when connecting, with a message that says what to
 * write instead.
 */
class ValidationTest {

    private static SQLException refused(String connectionString) {
        return assertThrows(SQLException.class,
                () -> ExchangeConfig.fromConnectionString(connectionString));
    }

    @Test
    void anUnknownNameIsRefusedNamingTheClosestProperty() {
        SQLException e = refused("Schema=MSGraph;Pagesise=10");
        assertEquals("08001", e.getSQLState());
        assertEquals("Unknown connection property 'Pagesise'. Did you mean 'Pagesize'? See the"
                + " connection property reference in README.md.", e.getMessage());
    }

    @Test
    void suggestionsIgnoreLetterCaseAndCatchPartsOfNames() {
        assertTrue(refused("OAUTHCLIENTSECRT=x").getMessage()
                .contains("Did you mean 'OAuthClientSecret'?"));
        assertTrue(refused("user_id=x").getMessage().contains("Did you mean 'UserId'?"));
        assertTrue(refused("Tenant=x").getMessage().contains("Did you mean 'AzureTenant'?"));
        assertTrue(refused("verbose=3").getMessage().contains("Did you mean 'Verbosity'?"));
    }

    @Test
    void aNameCloseToNothingGetsNoSuggestion() {
        SQLException e = refused("Zqxwv=1");
        assertEquals("Unknown connection property 'Zqxwv'. See the connection property reference"
                + " in README.md.", e.getMessage());
    }

    @Test
    void anUnknownNameIsRefusedEvenWithAnEmptyValue() {
        assertEquals("08001", refused("Pagesise=").getSQLState());
    }

    @Test
    void aBadEnumerationValueNamesTheAllowedOnes() {
        SQLException e = refused("Schema=Graph");
        assertEquals("08001", e.getSQLState());
        assertEquals("Connection property 'Schema' must be one of MSGraph, EWS; 'Graph' is not.",
                e.getMessage());
        assertEquals("Connection property 'BodyType' must be one of Best, HTML, Text; 'Rtf' is"
                + " not.", refused("BodyType=Rtf").getMessage());
        assertTrue(refused("AuthScheme=OAuth").getMessage().contains("Basic, Digest, NTLM,"
                + " Negotiate, AzureAD, AzureServicePrincipal, AzureServicePrincipalCert,"
                + " AzureMSI, None"));
    }

    @Test
    void aBadIntegerNamesTheRange() {
        assertEquals("Connection property 'Timeout' must be a whole number, 0 or more; 'soon'"
                + " is not.", refused("Timeout=soon").getMessage());
        assertEquals("Connection property 'Verbosity' must be a whole number, 1 to 5; '6' is"
                + " not.", refused("Verbosity=6").getMessage());
        assertEquals("Connection property 'Pagesize' must be a whole number, 1 to 1000; '1001'"
                + " is not.", refused("Pagesize=1001").getMessage());
        assertEquals("08001", refused("Pagesize=0").getSQLState());
        assertEquals("08001", refused("MaxRows=-2").getSQLState());
        assertEquals("08001", refused("Timeout=1.5").getSQLState());
        assertEquals("08001", refused("Timeout=99999999999").getSQLState());
    }

    @Test
    void aBadBooleanSaysTrueOrFalse() {
        SQLException e = refused("Readonly=yes");
        assertEquals("08001", e.getSQLState());
        assertEquals("Connection property 'Readonly' must be true or false; 'yes' is not.",
                e.getMessage());
    }

    @Test
    void aBadUrlShowsAnExample() {
        assertEquals("Connection property 'GraphUrl' must be an absolute http or https URL such"
                + " as https://graph.microsoft.com; 'graph.microsoft.com' is not.",
                refused("GraphUrl=graph.microsoft.com").getMessage());
        assertEquals("08001", refused("LoginUrl=ftp://login.example").getSQLState());
        assertEquals("08001", refused("LoginUrl='http://bad host'").getSQLState());
    }

    @Test
    void aBadSecretValueIsNotRepeated() {
        SQLException e = refused("CustomHeaders='X-Key s3cr3t'");
        assertEquals("08001", e.getSQLState());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertEquals("Connection property 'CustomHeaders': line 1 has no ':'. Write one Name:"
                + " Value header per line, lines separated by line breaks.", e.getMessage());
        assertTrue(ExchangeProperty.PASSWORD.badValue("hunter2", "must be short").getMessage()
                .endsWith("must be short; the value given is not (it is not shown because the"
                        + " property is secret)."));
    }

    @Test
    void valuesAreCheckedInAnyCaseAndKeptInCanonicalForm() throws SQLException {
        ExchangeConfig config = ExchangeConfig.fromConnectionString(
                "schema=ews;authscheme=azuread;Readonly=TRUE;Timeout= +030 ;BodyType=html");
        assertEquals("EWS", config.get(ExchangeProperty.SCHEMA));
        assertEquals("AzureAD", config.get(ExchangeProperty.AUTH_SCHEME));
        assertEquals("true", config.get(ExchangeProperty.READONLY));
        assertEquals("30", config.get(ExchangeProperty.TIMEOUT));
        assertEquals("HTML", config.get(ExchangeProperty.BODY_TYPE));
    }

    @Test
    void aBlankValueLeavesThePropertyUnset() throws SQLException {
        ExchangeConfig config = ExchangeConfig.fromConnectionString("Timeout=;ProxyServer= ");
        assertFalse(config.isSet(ExchangeProperty.TIMEOUT));
        assertFalse(config.isSet(ExchangeProperty.PROXY_SERVER));
        assertEquals("60", config.get(ExchangeProperty.TIMEOUT));
    }

    @Test
    void everyUnsupportedPropertyIsRefusedAsNotSupported() {
        for (ExchangeProperty p : ExchangeProperty.values()) {
            if (p.supported()) {
                continue;
            }
            String value = Samples.validValue(p);
            SQLFeatureNotSupportedException e = assertThrows(
                    SQLFeatureNotSupportedException.class,
                    () -> ExchangeConfig.fromConnectionString(
                            p.propertyName() + "=" + ConnectionString.quote(value)),
                    p.propertyName());
            assertEquals("0A000", e.getSQLState());
            assertEquals("Connection property '" + p.propertyName() + "' is not supported yet by"
                    + " exchange-jdbc " + ExchangeConfig.DRIVER_VERSION + "; remove it from the"
                    + " connection string.", e.getMessage());
        }
    }

    @Test
    void anUnsupportedPropertyIsReportedBeforeItsBadValue() {
        SQLException e = refused("AlwaysRequestTableDependencies=perhaps");
        assertTrue(e instanceof SQLFeatureNotSupportedException, e.getMessage());
    }

    @Test
    void everySupportedPropertyAcceptsAValidValue() throws SQLException {
        for (ExchangeProperty p : ExchangeProperty.values()) {
            if (!p.supported()) {
                continue;
            }
            String value = Samples.validValue(p);
            ExchangeConfig config = ExchangeConfig.fromConnectionString(
                    p.propertyName() + "=" + ConnectionString.quote(value));
            assertTrue(config.isSet(p), p.propertyName());
        }
    }
}
