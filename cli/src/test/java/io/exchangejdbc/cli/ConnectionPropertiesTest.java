package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading names and values out of a connection string for what the shell reports. */
class ConnectionPropertiesTest {

    @Test
    void readsPairsIgnoringTheCaseOfNamesAndThePrefix() {
        Map<String, String> p = ConnectionProperties.parse(
                "jdbc:exchange:AuthScheme=AzureServicePrincipal; OAuthClientId = app-1 ;"
                        + "UserId=a@b");
        assertEquals("AzureServicePrincipal", p.get("authscheme"));
        assertEquals("app-1", p.get("OAuthClientId"));
        assertEquals("a@b", p.get("USERID"));
    }

    @Test
    void readsQuotedValuesWithSemicolonsAndDoubledQuotes() {
        Map<String, String> p = ConnectionProperties.parse(
                "Password='a;b''c';Other=\"x=\"\"1\"\"\";Last=z");
        assertEquals("a;b'c", p.get("Password"));
        assertEquals("x=\"1\"", p.get("Other"));
        assertEquals("z", p.get("Last"));
    }

    @Test
    void addsTheJdbcPrefixOnce() {
        assertEquals("jdbc:exchange:A=1", ConnectionProperties.url("A=1"));
        assertEquals("jdbc:exchange:A=1", ConnectionProperties.url("JDBC:Exchange:A=1"));
    }
}
