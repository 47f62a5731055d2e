package io.exchangejdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The syntax of {@code Name=Value;} connection strings, and how mistakes in it are reported. */
class ConnectionStringTest {

    @Test
    void splitsPairsInOrder() throws SQLException {
        assertEquals(Map.of("Schema", "EWS", "Timeout", "30"),
                ConnectionString.parse("Schema=EWS;Timeout=30"));
        assertEquals(List.of("Timeout", "Schema"),
                List.copyOf(ConnectionString.parse("Timeout=30;Schema=EWS").keySet()));
    }

    @Test
    void trimsWhitespaceAroundNamesAndUnquotedValues() throws SQLException {
        assertEquals(Map.of("Schema", "EWS", "UserId", "alice smith"),
                ConnectionString.parse("  Schema = EWS ;\tUserId=  alice smith  ;  "));
    }

    @Test
    void quotedValuesKeepSemicolonsEqualsSignsAndWhitespace() throws SQLException {
        Map<String, String> pairs = ConnectionString.parse(
                "Password='a;b=c';OAuthClientSecret=\" x;y \";Scope = 'z' ");
        assertEquals("a;b=c", pairs.get("Password"));
        assertEquals(" x;y ", pairs.get("OAuthClientSecret"));
        assertEquals("z", pairs.get("Scope"));
    }

    @Test
    void aDoubledQuoteInsideQuotesIsALiteralQuote() throws SQLException {
        Map<String, String> pairs = ConnectionString.parse(
                "UserId='O''Brien';Password=\"say \"\"hi\"\"\";Scope='he said \"x\"'");
        assertEquals("O'Brien", pairs.get("UserId"));
        assertEquals("say \"hi\"", pairs.get("Password"));
        assertEquals("he said \"x\"", pairs.get("Scope"));
    }

    @Test
    void anUnquotedValueRunsFromTheFirstEqualsSignToTheNextSemicolon() throws SQLException {
        Map<String, String> pairs = ConnectionString.parse(
                "OAuthJWTCertSubject=CN=app,O=Contoso;OAuthAccessToken=abc==;UserId=O'Brien");
        assertEquals("CN=app,O=Contoso", pairs.get("OAuthJWTCertSubject"));
        assertEquals("abc==", pairs.get("OAuthAccessToken"));
        assertEquals("O'Brien", pairs.get("UserId"));
    }

    @Test
    void emptySegmentsAndEmptyValuesAreAllowed() throws SQLException {
        assertEquals(Map.of("Schema", "EWS", "UserId", ""),
                ConnectionString.parse(";;Schema=EWS;;UserId=;"));
        assertEquals(Map.of(), ConnectionString.parse(""));
        assertEquals(Map.of(), ConnectionString.parse(" ; ; "));
        assertEquals(Map.of("Scope", ""), ConnectionString.parse("Scope=''"));
    }

    @Test
    void knownNamesTakeTheirCanonicalSpellingAndUnknownOnesKeepTheirs() throws SQLException {
        LinkedHashMap<String, String> pairs =
                ConnectionString.parse("pagesize=10;AUTHSCHEME=AzureAD;MyOwnThing=1");
        assertEquals(List.of("Pagesize", "AuthScheme", "MyOwnThing"),
                List.copyOf(pairs.keySet()));
    }

    @Test
    void aNameRepeatedWithTheSameValueIsAccepted() throws SQLException {
        assertEquals(Map.of("Schema", "EWS"), ConnectionString.parse("Schema=EWS;schema='EWS'"));
    }

    @Test
    void aSegmentWithoutEqualsSignIsRefusedWithoutRepeatingIt() {
        SQLException e = assertThrows(SQLException.class,
                () -> ConnectionString.parse("Password=ab;cd;Schema=EWS"));
        assertEquals("08001", e.getSQLState());
        assertEquals("Connection string: the text at position 13 has no '='; write each setting"
                + " as Name=Value separated by ';', and quote a value that contains ';'"
                + " (Password='a;b').", e.getMessage());
        assertFalse(e.getMessage().contains("cd"));
    }

    @Test
    void aKnownNameWithoutValueIsNamed() {
        SQLException e = assertThrows(SQLException.class,
                () -> ConnectionString.parse("Schema=EWS; timeout"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().startsWith(
                "Connection string: the property 'Timeout' at position 13 has no '='"),
                e.getMessage());
    }

    @Test
    void anEmptyNameIsRefused() {
        SQLException e = assertThrows(SQLException.class,
                () -> ConnectionString.parse("Schema=EWS; =x"));
        assertEquals("08001", e.getSQLState());
        assertEquals("Connection string has '=' without a property name at position 13; write"
                + " each setting as Name=Value.", e.getMessage());
    }

    @Test
    void anUnterminatedQuoteIsRefusedWithWhereItOpens() {
        SQLException e = assertThrows(SQLException.class,
                () -> ConnectionString.parse("Schema=EWS;Password='abc;Timeout=5"));
        assertEquals("08001", e.getSQLState());
        assertEquals("Connection string: the value of 'Password' opens a quote (') at position"
                + " 21 that is never closed; end the value with ', and write a ' inside it twice"
                + " ('O''Brien').", e.getMessage());
        assertFalse(e.getMessage().contains("abc"));
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        SQLException e = assertThrows(SQLException.class,
                () -> ConnectionString.parse("UserId=\"ab\"cd;Schema=EWS"));
        assertEquals("08001", e.getSQLState());
        assertEquals("Connection string: the value of 'UserId' has text after its closing quote,"
                + " at position 12; put the whole value inside the quotes, write a \" inside it"
                + " twice, and separate settings with ';'.", e.getMessage());
    }

    @Test
    void aNameGivenTwiceWithDifferentValuesIsRefused() {
        SQLException e = assertThrows(SQLException.class,
                () -> ConnectionString.parse("Schema=EWS;Timeout=5;SCHEMA=MSGraph"));
        assertEquals("08001", e.getSQLState());
        assertEquals("Connection string gives 'Schema' twice with different values (at positions"
                + " 1 and 22); keep only one of them.", e.getMessage());
    }

    @Test
    void quoteLeavesPlainValuesAloneAndQuotesTheOthersSoTheyParseBack() throws SQLException {
        assertEquals("alice@contoso.com", ConnectionString.quote("alice@contoso.com"));
        assertEquals("CN=a=b", ConnectionString.quote("CN=a=b"));
        assertEquals("'a;b'", ConnectionString.quote("a;b"));
        assertEquals("\"O'Brien;\"", ConnectionString.quote("O'Brien;"));
        assertEquals("''", ConnectionString.quote(""));
        for (String value : List.of("plain", "a;b", " padded ", "O'Brien", "say \"hi\"",
                "both ' and \" ;", "'leading", "\"leading", "x=y;z", "", "line\nbreak", ";",
                "''", "\"\"")) {
            String text = "Scope=" + ConnectionString.quote(value) + ";Schema=EWS";
            Map<String, String> parsed = ConnectionString.parse(text);
            assertEquals(value, parsed.get("Scope"), text);
            assertEquals("EWS", parsed.get("Schema"), text);
        }
    }

    @Test
    void formatWritesPairsThatParseBack() throws SQLException {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("UserId", "O'Brien");
        pairs.put("Password", "a;b");
        pairs.put("Scope", "x y");
        String text = ConnectionString.format(pairs);
        assertEquals("UserId=O'Brien;Password='a;b';Scope=x y", text);
        assertEquals(pairs, ConnectionString.parse(text));
    }
}
