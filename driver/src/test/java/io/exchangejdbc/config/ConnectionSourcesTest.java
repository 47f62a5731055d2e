package io.exchangejdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A configuration comes from a JDBC URL with its {@link Properties}, from a bare connection
 * string, or from a map, and all three mean the same.
 */
class ConnectionSourcesTest {

    @Test
    void acceptsOnlyTheDriversPrefixInAnyCase() {
        assertTrue(ExchangeConfig.acceptsURL("jdbc:exchange:"));
        assertTrue(ExchangeConfig.acceptsURL("JDBC:Exchange:Schema=EWS"));
        assertFalse(ExchangeConfig.acceptsURL("jdbc:exchang:Schema=EWS"));
        assertFalse(ExchangeConfig.acceptsURL("jdbc:postgresql://host/db"));
        assertFalse(ExchangeConfig.acceptsURL(null));
    }

    @Test
    void readsTheConnectionStringAfterThePrefix() throws SQLException {
        ExchangeConfig config = ExchangeConfig.fromUrl(
                "jdbc:Exchange:schema=ews;Timeout=30;UserId='bob@contoso.com'", null);
        assertEquals(Map.of("Schema", "EWS", "Timeout", "30", "UserId", "bob@contoso.com"),
                config.asMap());
    }

    @Test
    void anEmptyUrlMeansEveryDefault() throws SQLException {
        ExchangeConfig config = ExchangeConfig.fromUrl("jdbc:exchange:", new Properties());
        assertEquals(Map.of(), config.asMap());
        assertEquals(ExchangeConfig.defaults(), config);
        assertEquals("MSGraph", config.get(ExchangeProperty.SCHEMA));
    }

    @Test
    void refusesAnotherDriversUrlWithoutRepeatingIt() {
        SQLException e = assertThrows(SQLException.class,
                () -> ExchangeConfig.fromUrl("jdbc:other:Password=hunter2", null));
        assertEquals("08001", e.getSQLState());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void errorPositionsCountFromTheStartOfTheUrl() {
        SQLException e = assertThrows(SQLException.class,
                () -> ExchangeConfig.fromUrl("jdbc:exchange:Schema", null));
        assertTrue(e.getMessage().contains("at position 15"), e.getMessage());
    }

    @Test
    void propertiesOverrideTheUrlWhateverTheirLetterCase() throws SQLException {
        Properties info = new Properties();
        info.setProperty("timeout", "90");
        info.setProperty("BODYTYPE", "text");
        ExchangeConfig config = ExchangeConfig.fromUrl(
                "jdbc:exchange:Timeout=30;BodyType=HTML;Pagesize=50", info);
        assertEquals("90", config.get(ExchangeProperty.TIMEOUT));
        assertEquals("Text", config.get(ExchangeProperty.BODY_TYPE));
        assertEquals("50", config.get(ExchangeProperty.PAGESIZE));
    }

    @Test
    void blankPropertiesDoNotOverrideTheUrl() throws SQLException {
        Properties info = new Properties();
        info.setProperty("UserId", "");
        info.setProperty("Timeout", "  ");
        ExchangeConfig config =
                ExchangeConfig.fromUrl("jdbc:exchange:UserId=alice;Timeout=30", info);
        assertEquals("alice", config.get(ExchangeProperty.USER_ID));
        assertEquals("30", config.get(ExchangeProperty.TIMEOUT));
    }

    @Test
    void theJdbcUserAndPasswordArgumentsSetUserAndPassword() throws SQLException {
        // What DriverManager.getConnection(url, user, password) passes on.
        Properties info = new Properties();
        info.setProperty("user", "CONTOSO\\alice");
        info.setProperty("password", "pa;ss");
        ExchangeConfig config = ExchangeConfig.fromUrlAcceptingUnsupported(
                "jdbc:exchange:Schema=EWS;User=bob", info);
        assertEquals("CONTOSO\\alice", config.get(ExchangeProperty.USER));
        assertEquals("pa;ss", config.get(ExchangeProperty.PASSWORD));
    }

    @Test
    void unknownNamesInPropertiesAreRefusedLikeThoseInTheUrl() {
        Properties info = new Properties();
        info.setProperty("Timeuot", "5");
        SQLException e = assertThrows(SQLException.class,
                () -> ExchangeConfig.fromUrl("jdbc:exchange:", info));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("Did you mean 'Timeout'?"), e.getMessage());
    }

    @Test
    void theSameNameTwiceInPropertiesWithDifferentValuesIsRefused() {
        Properties info = new Properties();
        info.setProperty("Timeout", "5");
        info.setProperty("timeout", "6");
        SQLException e = assertThrows(SQLException.class,
                () -> ExchangeConfig.fromUrl("jdbc:exchange:", info));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("'Timeout' twice"), e.getMessage());
    }

    @Test
    void theCommandLineStringWorksWithAndWithoutThePrefix() throws SQLException {
        ExchangeConfig bare = ExchangeConfig.fromConnectionString("Schema=EWS;Timeout=5");
        ExchangeConfig prefixed =
                ExchangeConfig.fromConnectionString("jdbc:exchange:Schema=EWS;Timeout=5");
        assertEquals(bare, prefixed);
        assertEquals(bare.hashCode(), prefixed.hashCode());
        assertEquals("5", bare.get(ExchangeProperty.TIMEOUT));
    }

    @Test
    void aMapOfSettingsMeansTheSameAsTheString() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("schema", "EWS");
        settings.put("TIMEOUT", "5");
        settings.put("UserId", null);
        assertEquals(ExchangeConfig.fromConnectionString("Schema=EWS;Timeout=5"),
                ExchangeConfig.fromMap(settings));
    }

    @Test
    void withReturnsAChangedCopyAndLeavesTheOriginal() throws SQLException {
        ExchangeConfig original = ExchangeConfig.fromConnectionString("Timeout=5;UserId=a");
        ExchangeConfig changed = original.with(ExchangeProperty.TIMEOUT, "7");
        assertEquals("5", original.get(ExchangeProperty.TIMEOUT));
        assertEquals("7", changed.get(ExchangeProperty.TIMEOUT));
        assertNotEquals(original, changed);
        ExchangeConfig unset = original.with(ExchangeProperty.USER_ID, null);
        assertFalse(unset.isSet(ExchangeProperty.USER_ID));
        assertThrows(SQLException.class, () -> original.with(ExchangeProperty.TIMEOUT, "soon"));
    }

    @Test
    void asMapCannotBeChanged() throws SQLException {
        Map<String, String> map = ExchangeConfig.fromConnectionString("Timeout=5").asMap();
        assertThrows(UnsupportedOperationException.class, () -> map.put("Timeout", "6"));
    }
}
