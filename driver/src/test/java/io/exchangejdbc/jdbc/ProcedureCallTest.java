package io.exchangejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Procedures through EXEC, EXECUTE, CALL and {call}, described by DatabaseMetaData. */
class ProcedureCallTest {

    private static String consentPrefix() {
        return SharedEmulator.get().loginUrl() + "/" + SharedEmulator.get().tenantDomain()
                + "/v2.0/adminconsent?client_id=" + SharedEmulator.get().defaultClientId();
    }

    @Test
    void execReturnsTheProcedureResultAsAResultSet() throws Exception {
        try (Connection c = SharedEmulator.connect()) {
            List<Object[]> rows = SharedEmulator.rows(c,
                    "EXEC GetAdminConsentURL @CallbackURL = 'http://localhost:5000/cb',"
                            + " @State = 'xyz'");
            assertEquals(1, rows.size());
            String url = (String) rows.get(0)[0];
            assertTrue(url.startsWith(consentPrefix()), url);
            assertTrue(url.contains("redirect_uri=http%3A%2F%2Flocalhost%3A5000%2Fcb"), url);
            assertTrue(url.contains("&state=xyz"), url);
            assertTrue(url.contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"), url);
        }
    }

    @Test
    void executeAndCallSpellingsAndDefaults() throws Exception {
        try (Connection c = SharedEmulator.connect(); Statement s = c.createStatement()) {
            assertTrue(s.execute("EXECUTE GetAdminConsentURL State = 'a'"));
            try (ResultSet rs = s.getResultSet()) {
                assertTrue(rs.next());
                assertTrue(rs.getString("URL").contains("redirect_uri=http%3A%2F%2Flocalhost"
                        + "%3A33333"), "default callback");
            }
            assertEquals(-1, s.getUpdateCount());
            List<Object[]> rows = SharedEmulator.rows(c, "CALL GetAdminConsentURL("
                    + "'http://localhost:1/', 'positional')");
            assertTrue(((String) rows.get(0)[0]).contains("&state=positional"));
        }
    }

    @Test
    void preparedCallBindsByPositionAndByName() throws Exception {
        try (Connection c = SharedEmulator.connect();
             CallableStatement cs = c.prepareCall("{call GetAdminConsentURL(?, ?)}")) {
            cs.setString(1, "http://localhost:7/");
            cs.setString(2, "first");
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).contains("state=first"));
                assertFalse(rs.next());
            }
            cs.setString(2, "second");
            assertTrue(cs.execute());
            try (ResultSet rs = cs.getResultSet()) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).contains("state=second"));
            }
        }
        try (Connection c = SharedEmulator.connect();
             CallableStatement cs = c.prepareCall("EXEC GetAdminConsentURL")) {
            cs.setString("State", "named");
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).endsWith("state=named"));
            }
        }
    }

    @Test
    void badCallsAreRefusedBeforeAnythingRuns() throws Exception {
        try (Connection c = SharedEmulator.connect()) {
            SQLException unknown = assertThrows(SQLException.class,
                    () -> SharedEmulator.rows(c, "EXEC NoSuchProcedure"));
            assertEquals("42000", unknown.getSQLState());
            assertTrue(unknown.getMessage().contains("GetAdminConsentURL"), unknown.getMessage());
            SQLException param = assertThrows(SQLException.class,
                    () -> SharedEmulator.rows(c, "EXEC GetAdminConsentURL @Colour = 'red'"));
            assertEquals("42000", param.getSQLState());
            assertTrue(param.getMessage().contains("CallbackURL"), param.getMessage());
            SQLException twice = assertThrows(SQLException.class, () -> SharedEmulator.rows(c,
                    "EXEC GetAdminConsentURL @State = 'a', @State = 'b'"));
            assertEquals("42000", twice.getSQLState());
            try (CallableStatement cs = c.prepareCall("{call GetAdminConsentURL(?)}")) {
                SQLException unbound = assertThrows(SQLException.class, cs::executeQuery);
                assertEquals("07001", unbound.getSQLState());
            }
        }
        String noClient = "jdbc:exchange:AuthScheme=AzureAD;InitiateOAuth=OFF;"
                + "OAuthAccessToken=x;GraphUrl=" + SharedEmulator.get().graphUrl() + ";";
        try (Connection c = java.sql.DriverManager.getConnection(noClient)) {
            SQLException e = assertThrows(SQLException.class,
                    () -> SharedEmulator.rows(c, "EXEC GetAdminConsentURL"));
            assertTrue(e.getMessage().contains("OAuthClientId"), e.getMessage());
        }
    }

    @Test
    void metadataDescribesProceduresAndTheirParameters() throws Exception {
        try (Connection c = SharedEmulator.connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertTrue(md.supportsStoredProcedures());
            try (ResultSet rs = md.getProcedures(null, null, "%")) {
                assertTrue(rs.next());
                assertEquals("GetAdminConsentURL", rs.getString("PROCEDURE_NAME"));
                assertEquals(DatabaseMetaData.procedureReturnsResult,
                        rs.getShort("PROCEDURE_TYPE"));
                assertTrue(rs.getString("REMARKS").contains("administrator"));
            }
            try (ResultSet rs = md.getProcedureColumns(null, null, "GetAdminConsentURL", null)) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                    sb.append(rs.getString("COLUMN_NAME")).append(':')
                            .append(rs.getShort("COLUMN_TYPE")).append(' ');
                }
                assertEquals("CallbackURL:1 State:1 Scope:1 URL:3 ", sb.toString());
            }
        }
    }
}
