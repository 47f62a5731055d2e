package io.exchangejdbc.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData tells which statements a table accepts and when a column can be set. */
class WriteMetadataTest {

    private static String tableRemarks(DatabaseMetaData md, String table) throws Exception {
        try (ResultSet rs = md.getTables(null, null, table, null)) {
            assertTrue(rs.next(), table);
            return rs.getString("REMARKS");
        }
    }

    private static String columnRemarks(DatabaseMetaData md, String table, String column)
            throws Exception {
        try (ResultSet rs = md.getColumns(null, null, table, column)) {
            assertTrue(rs.next(), table + "." + column);
            return rs.getString("REMARKS");
        }
    }

    @Test
    void remarksFollowTheWriteDeclarations() throws Exception {
        try (Connection c = WriteEmulator.connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertTrue(tableRemarks(md, "Groups").endsWith(" Accepts INSERT, UPDATE and"
                    + " DELETE."), tableRemarks(md, "Groups"));
            assertTrue(tableRemarks(md, "MailboxSettings").endsWith(" Accepts UPDATE only."),
                    tableRemarks(md, "MailboxSettings"));
            assertTrue(tableRemarks(md, "GroupMembers").endsWith(" Accepts INSERT and"
                    + " DELETE."), tableRemarks(md, "GroupMembers"));
            assertTrue(tableRemarks(md, "ExtendedProperties").endsWith(" Read-only."));
            assertTrue(columnRemarks(md, "Groups", "isAssignableToRole")
                    .endsWith("(set only by INSERT)"));
            assertTrue(columnRemarks(md, "Groups", "hideFromAddressLists")
                    .endsWith("(set only by an UPDATE that sets no other column)"));
            assertTrue(columnRemarks(md, "MailboxSettings", "userPurpose")
                    .endsWith("(read-only)"));
            try (ResultSet rs = md.getColumns(null, null, "MailboxSettings", "timeZone")) {
                assertTrue(rs.next());
                assertEquals("NO", rs.getString("IS_GENERATEDCOLUMN"));
            }
        }
    }
}
