package io.exchangejdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The value of a secret property never leaves the configuration except through its getters. */
class RedactionTest {

    /** A configuration with every property of the catalog set, secrets to distinctive texts. */
    private static ExchangeConfig everythingSet() throws SQLException {
        Properties info = new Properties();
        for (ExchangeProperty p : ExchangeProperty.values()) {
            info.setProperty(p.propertyName(), Samples.validValue(p));
        }
        return ExchangeConfig.fromUrlAcceptingUnsupported(ExchangeConfig.URL_PREFIX, info);
    }

    @Test
    void toStringShowsEverySecretAsStars() throws SQLException {
        ExchangeConfig config = everythingSet();
        String text = config.toString();
        for (ExchangeProperty p : ExchangeProperty.values()) {
            if (p.secret()) {
                assertFalse(text.contains(Samples.secretText(p)), p.propertyName() + ": " + text);
                assertTrue(text.contains(p.propertyName() + "=***"), p.propertyName());
            } else {
                assertTrue(text.contains(p.propertyName() + "="), p.propertyName());
            }
        }
    }

    @Test
    void toStringIsAConnectionStringOfTheSetProperties() throws SQLException {
        ExchangeConfig config = ExchangeConfig.fromConnectionString(
                "UserId='O''Brien';OAuthClientSecret='a;b';Tables=Messages;Schema=EWS");
        assertEquals("Schema=EWS;OAuthClientSecret=***;Tables=Messages;UserId=O'Brien",
                config.toString());
    }

    @Test
    void secretsAreStillAvailableToTheCodeThatNeedsThem() throws SQLException {
        ExchangeConfig config = everythingSet();
        for (ExchangeProperty p : ExchangeProperty.values()) {
            if (p.secret() && p != ExchangeProperty.CUSTOM_HEADERS) {
                assertEquals(Samples.secretText(p), config.get(p), p.propertyName());
            }
        }
        assertEquals(Samples.secretText(ExchangeProperty.CUSTOM_HEADERS),
                config.customHeaders().get("X-Api-Key"));
    }

    @Test
    void propertyInfoNeverCarriesASecretValue() throws SQLException {
        for (DriverPropertyInfo info : everythingSet().propertyInfo()) {
            ExchangeProperty p = ExchangeProperty.lookup(info.name);
            if (p.secret()) {
                assertNull(info.value, info.name);
            }
            for (ExchangeProperty secret : ExchangeProperty.values()) {
                if (secret.secret()) {
                    assertFalse(String.valueOf(info.value).contains(Samples.secretText(secret)));
                    assertFalse(info.description.contains(Samples.secretText(secret)));
                }
            }
        }
    }

    @Test
    void messagesAboutUnsupportedSecretsDoNotRepeatThem() {
        for (ExchangeProperty p : ExchangeProperty.values()) {
            if (!p.secret() || p.supported()) {
                continue;
            }
            try {
                ExchangeConfig.fromConnectionString(
                        p.propertyName() + "=" + ConnectionString.quote(Samples.validValue(p)));
            } catch (SQLException e) {
                assertFalse(e.getMessage().contains(Samples.secretText(p)), e.getMessage());
                continue;
            }
            throw new AssertionError(p.propertyName() + " was accepted");
        }
    }
}
