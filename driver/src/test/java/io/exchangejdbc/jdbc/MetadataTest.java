package io.exchangejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.schema.Catalog;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.SchemaKind;
import io.exchangejdbc.schema.TableDef;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code DatabaseMetaData} and the driver's own description tell the truth about the catalog. */
class MetadataTest {

    @Test
    void driverIsFoundThroughTheServiceLoaderAndNamesItself() throws Exception {
        Driver d = DriverManager.getDriver(SharedEmulator.url(null));
        assertTrue(d instanceof ExchangeDriver);
        assertFalse(d.jdbcCompliant());
        try (Connection c = SharedEmulator.connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals("exchange-jdbc", md.getDriverName());
            assertEquals("Microsoft Exchange (Microsoft Graph)", md.getDatabaseProductName());
            assertEquals("\"", md.getIdentifierQuoteString());
            assertTrue(md.isReadOnly(), "this release has no writable table");
            assertFalse(md.getURL().contains(SharedEmulator.get().defaultClientSecret()));
            assertTrue(md.getURL().startsWith("jdbc:exchange:"));
            assertTrue(md.getConnection() == c || md.getConnection().equals(c));
        }
    }

    @Test
    void tablesCarryTheirDescriptions() throws Exception {
        try (Connection c = SharedEmulator.connect();
             ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
                assertEquals("MSGraph", rs.getString("TABLE_SCHEM"));
                assertEquals(Catalog.of(SchemaKind.MSGRAPH).table(names.get(names.size() - 1))
                        .kind().jdbcName(), rs.getString("TABLE_TYPE"));
                String remarks = rs.getString("REMARKS");
                assertNotNull(remarks);
                assertTrue(remarks.endsWith("Read-only."), remarks);
            }
            assertEquals(List.of("Messages", "MailFolders", "Users"), names.subList(0, 3));
            assertEquals(Catalog.of(SchemaKind.MSGRAPH).tables().stream().map(TableDef::name)
                    .toList(), names);
        }
    }

    @Test
    void columnsAgreeWithTheCatalog() throws Exception {
        TableDef messages = Catalog.of(SchemaKind.MSGRAPH).table("Messages");
        try (Connection c = SharedEmulator.connect();
             ResultSet rs = c.getMetaData().getColumns(null, "MSGraph", "Messages", null)) {
            int n = 0;
            while (rs.next()) {
                ColumnDef def = messages.columns().get(n++);
                assertEquals(def.name(), rs.getString("COLUMN_NAME"));
                assertEquals(def.type().jdbcType(), rs.getInt("DATA_TYPE"));
                assertEquals(n, rs.getInt("ORDINAL_POSITION"));
                assertTrue(rs.getString("REMARKS").startsWith(def.description()));
                assertTrue(rs.getInt("COLUMN_SIZE") > 0);
            }
            assertEquals(messages.columns().size(), n);
        }
        try (Connection c = SharedEmulator.connect();
             ResultSet rs = c.getMetaData().getColumns(null, null, "messages",
                     "receivedDate%")) {
            assertTrue(rs.next());
            assertEquals("receivedDateTime", rs.getString("COLUMN_NAME"));
            assertEquals(Types.TIMESTAMP, rs.getInt("DATA_TYPE"));
            assertEquals("YES", rs.getString("IS_GENERATEDCOLUMN"), "read-only column");
            assertTrue(rs.getString("REMARKS").contains("read-only"));
            assertFalse(rs.next());
        }
    }

    @Test
    void primaryKeyIsTheId() throws Exception {
        try (Connection c = SharedEmulator.connect();
             ResultSet rs = c.getMetaData().getPrimaryKeys(null, null, "Users")) {
            assertTrue(rs.next());
            assertEquals("id", rs.getString("COLUMN_NAME"));
            assertEquals(1, rs.getShort("KEY_SEQ"));
            assertFalse(rs.next());
        }
    }

    @Test
    void propertyInfoIsTheCatalog() throws Exception {
        DriverPropertyInfo[] infos = new ExchangeDriver().getPropertyInfo("jdbc:exchange:",
                new Properties());
        assertEquals(ExchangeProperty.values().length, infos.length);
        for (int i = 0; i < infos.length; i++) {
            assertEquals(ExchangeProperty.values()[i].propertyName(), infos[i].name);
        }
    }

    @Test
    void tablesPropertyLimitsWhatIsExposedAndUnknownNamesAreRefused() throws Exception {
        try (Connection c = SharedEmulator.connect("Tables=Messages;");
             ResultSet rs = c.getMetaData().getTables(null, null, null,
                     new String[] {"TABLE"})) {
            assertTrue(rs.next());
            assertEquals("Messages", rs.getString("TABLE_NAME"));
            assertFalse(rs.next());
            SQLException e = assertThrows(SQLException.class,
                    () -> SharedEmulator.rows(c, "SELECT * FROM Users"));
            assertEquals("42S02", e.getSQLState());
        }
        SQLException e = assertThrows(SQLException.class,
                () -> SharedEmulator.connect("Tables=Mesages;").close());
        assertEquals("08001", e.getSQLState());
    }

    @Test
    void closingTheConnectionClosesItAndItsStatements() throws Exception {
        Connection c = SharedEmulator.connect();
        Statement s = c.createStatement();
        assertTrue(s.getConnection() == c || s.getConnection().equals(c));
        c.close();
        assertTrue(c.isClosed());
        SQLException e = assertThrows(SQLException.class, c::createStatement);
        assertEquals("08003", e.getSQLState());
        c.close(); // a second close is harmless
    }
}
