package io.exchangejdbc.ews;

import static io.exchangejdbc.ews.EwsStub.findItemPage;
import static io.exchangejdbc.ews.EwsStub.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.http.LocalHttpServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SQL over the EWS client against a scripted loopback endpoint: what each query sends
 * (Restriction, SortOrder, paging, headers) and what comes back, paging until
 * IncludesLastItemInRange, ErrorServerBusy waited out, and errors quoting the ResponseCode.
 * Every request is also validated against Microsoft's schemas.
 */
class EwsScanTest {

    private static final Pattern OFFSET = Pattern.compile("Offset=\"(\\d+)\"");

    private static void validateAll(EwsStub stub) {
        for (String body : stub.bodies()) {
            EwsSchemaValidator.validate(body);
        }
    }

    @Test
    void unreadInboxNewestFirstIsOneFindItemWithRestrictionSortAndMaxEntries() throws Exception {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(message("id" + i, "Subject " + i, "2024-05-" + (20 - i) + "T08:00:00Z",
                    false));
        }
        try (EwsStub stub = EwsStub.start((r, i) -> findItemPage(items, 10, false));
                Connection c = stub.connect("")) {
            List<String> subjects = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT Subject, DateTimeReceived FROM Inbox WHERE IsRead = false"
                            + " ORDER BY DateTimeReceived DESC LIMIT 10")) {
                while (rs.next()) {
                    subjects.add(rs.getString(1));
                    assertEquals(java.time.LocalDateTime.of(2024, 5, 21 - subjects.size(), 8, 0),
                            rs.getTimestamp(2).toLocalDateTime(), "row " + subjects.size());
                }
            }
            assertEquals(10, subjects.size());
            assertEquals("Subject 0", subjects.get(0));
            assertEquals(1, stub.requests().size(), "one FindItem");
            LocalHttpServer.Request r = stub.requests().get(0);
            String body = r.body();
            assertTrue(body.contains("<m:FindItem Traversal=\"Shallow\">"), body);
            assertTrue(body.contains("<t:IsEqualTo><t:FieldURI FieldURI=\"message:IsRead\"/>"
                    + "<t:FieldURIOrConstant><t:Constant Value=\"false\"/>"
                    + "</t:FieldURIOrConstant></t:IsEqualTo>"), body);
            assertTrue(body.contains("<m:SortOrder><t:FieldOrder Order=\"Descending\">"
                    + "<t:FieldURI FieldURI=\"item:DateTimeReceived\"/></t:FieldOrder>"
                    + "</m:SortOrder>"), body);
            assertTrue(body.contains("MaxEntriesReturned=\"10\" Offset=\"0\""), body);
            assertTrue(body.contains("<t:DistinguishedFolderId Id=\"inbox\"/>"), body);
            assertTrue(body.contains("<t:RequestServerVersion Version=\"Exchange2016\"/>"), body);
            assertEquals("\"http://schemas.microsoft.com/exchange/services/2006/messages/"
                    + "FindItem\"", r.header("SOAPAction"));
            assertTrue(r.header("Authorization").startsWith("Basic "));
            assertTrue(r.header("Content-Type").startsWith("text/xml"));
            validateAll(stub);
        }
    }

    @Test
    void pagesAreReadUntilTheLastItemInRangeShortPagesIncluded() throws Exception {
        int total = 5000;
        try (EwsStub stub = EwsStub.start((r, n) -> {
            Matcher m = OFFSET.matcher(r.body());
            m.find();
            int offset = Integer.parseInt(m.group(1));
            // pages come back short: at most 333 items whatever was asked
            int end = Math.min(total, offset + 333);
            List<String> items = new ArrayList<>();
            for (int i = offset; i < end; i++) {
                items.add(message("m" + i, "s" + i, "2024-01-01T00:00:00Z", true));
            }
            return findItemPage(items, end, end == total);
        }); Connection c = stub.connect("Pagesize=1000")) {
            Set<String> ids = new HashSet<>();
            int rows = 0;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT ItemId FROM Inbox")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    rows++;
                }
            }
            assertEquals(total, rows);
            assertEquals(total, ids.size(), "each item exactly once");
            List<Integer> offsets = new ArrayList<>();
            for (String b : stub.bodies()) {
                Matcher m = OFFSET.matcher(b);
                m.find();
                offsets.add(Integer.parseInt(m.group(1)));
                assertTrue(b.contains("MaxEntriesReturned=\"1000\""), b);
            }
            assertEquals(16, offsets.size());
            for (int i = 0; i < offsets.size(); i++) {
                assertEquals(i * 333, offsets.get(i), "offset of page " + i);
            }
        }
    }

    @Test
    void likePatternsAndNullChecksBecomeContainsAndExists() throws Exception {
        try (EwsStub stub = EwsStub.start((r, i) -> findItemPage(List.of(), null, true));
                Connection c = stub.connect("")) {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT ItemId FROM Inbox WHERE Subject LIKE 'Budget%'").close();
                s.executeQuery("SELECT ItemId FROM Inbox WHERE Subject LIKE '%report%'").close();
                s.executeQuery("SELECT ItemId FROM Inbox WHERE DateTimeSent IS NOT NULL"
                        + " AND (Importance = 'High' OR NOT (Size > 1000))").close();
            }
            List<String> b = stub.bodies();
            assertTrue(b.get(0).contains("<t:Contains ContainmentMode=\"Prefixed\""
                    + " ContainmentComparison=\"IgnoreCase\"><t:FieldURI FieldURI=\"item:Subject\""
                    + "/><t:Constant Value=\"Budget\"/></t:Contains>"), b.get(0));
            assertTrue(b.get(1).contains("ContainmentMode=\"Substring\""), b.get(1));
            assertTrue(b.get(1).contains("<t:Constant Value=\"report\"/>"), b.get(1));
            assertTrue(b.get(2).contains("<t:Exists><t:FieldURI FieldURI=\"item:DateTimeSent\"/>"
                    + "</t:Exists>"), b.get(2));
            assertTrue(b.get(2).contains("<t:Or><t:IsEqualTo><t:FieldURI"
                    + " FieldURI=\"item:Importance\"/>"), b.get(2));
            // Calcite simplifies NOT (Size > 1000) to Size <= 1000 before it reaches the scan
            assertTrue(b.get(2).contains("<t:IsLessThanOrEqualTo><t:FieldURI"
                    + " FieldURI=\"item:Size\"/><t:FieldURIOrConstant><t:Constant"
                    + " Value=\"1000\"/>"), b.get(2));
            validateAll(stub);
        }
    }

    @Test
    void impersonationAndSharedMailboxesShapeTheRequest() throws Exception {
        try (EwsStub stub = EwsStub.start((r, i) -> findItemPage(List.of(message("a", "x",
                "2024-01-01T00:00:00Z", true)), null, true));
                Connection c = stub.connect("ImpersonationUser=bob@contoso.com;"
                        + "ImpersonationType=PrimarySmtpAddress")) {
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT Subject FROM SentItems")) {
                    assertTrue(rs.next());
                }
                try (ResultSet rs = s.executeQuery("SELECT Subject, SharedMailboxEmail FROM Drafts"
                        + " WHERE SharedMailboxEmail = 'team@contoso.com'"
                        + " AND ImpersonationUser = 'carol@contoso.com'")) {
                    assertTrue(rs.next());
                    assertEquals("team@contoso.com", rs.getString(2));
                }
            }
            LocalHttpServer.Request first = stub.requests().get(0);
            assertTrue(first.body().contains("<t:ExchangeImpersonation><t:ConnectingSID>"
                    + "<t:PrimarySmtpAddress>bob@contoso.com</t:PrimarySmtpAddress>"
                    + "</t:ConnectingSID></t:ExchangeImpersonation>"), first.body());
            assertEquals("bob@contoso.com", first.header("X-AnchorMailbox"));
            LocalHttpServer.Request second = stub.requests().get(1);
            assertTrue(second.body().contains("<t:PrimarySmtpAddress>carol@contoso.com<"),
                    second.body());
            assertTrue(second.body().contains("<t:DistinguishedFolderId Id=\"drafts\"><t:Mailbox>"
                    + "<t:EmailAddress>team@contoso.com</t:EmailAddress></t:Mailbox>"
                    + "</t:DistinguishedFolderId>"), second.body());
            assertEquals("carol@contoso.com", second.header("X-AnchorMailbox"));
            validateAll(stub);
        }
    }

    @Test
    void serverBusyIsWaitedOutAsExchangeAsks() throws Exception {
        try (EwsStub stub = EwsStub.start((r, i) -> i < 2 ? EwsStub.busy("FindItem", 30)
                : findItemPage(List.of(message("a", "after the wait", "2024-01-01T00:00:00Z",
                        true)), null, true));
                Connection c = stub.connect("")) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT Subject FROM Inbox")) {
                assertTrue(rs.next());
                assertEquals("after the wait", rs.getString(1));
                assertFalse(rs.next());
            }
            assertEquals(3, stub.requests().size());
        }
    }

    @Test
    void serverBusyThatNeverEndsIsReportedWithItsCode() throws Exception {
        try (EwsStub stub = EwsStub.start((r, i) -> EwsStub.busy("FindItem", 5));
                Connection c = stub.connect("")) {
            SQLException e = assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT Subject FROM Inbox")) {
                    rs.next();
                }
            });
            assertTrue(e.getMessage().contains("ErrorServerBusy"), e.getMessage());
            assertEquals(EwsClient.MAX_BUSY_ATTEMPTS, stub.requests().size());
        }
    }

    @Test
    void errorsQuoteTheResponseCode() throws Exception {
        try (EwsStub stub = EwsStub.start((r, i) -> r.body().contains("<m:GetItem")
                ? EwsStub.error("GetItem", "ErrorItemNotFound",
                        "The specified object was not found in the store.")
                : EwsStub.fault("ErrorSchemaValidation", "The request failed schema"
                        + " validation."));
                Connection c = stub.connect("")) {
            SQLException notFound = assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT Name FROM Calendar_RequiredAttendees WHERE ItemId = 'nope'")) {
                    rs.next();
                }
            });
            assertTrue(notFound.getMessage().contains("ErrorItemNotFound"),
                    notFound.getMessage());
            assertTrue(notFound.getMessage().contains("not found in the store"));
            assertEquals("22023", notFound.getSQLState());
            SQLException fault = assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT Subject FROM Inbox")) {
                    rs.next();
                }
            });
            assertTrue(fault.getMessage().contains("ErrorSchemaValidation"), fault.getMessage());
            assertTrue(fault.getMessage().contains("failed schema validation"));
            assertEquals("42000", fault.getSQLState());
        }
    }

    @Test
    void malformedPlatformIsAClearErrorBeforeAnyRequest() throws Exception {
        try (EwsStub stub = EwsStub.start((r, i) -> findItemPage(List.of(), null, true))) {
            SQLException e = assertThrows(SQLException.class,
                    () -> stub.connect("Platform=Exchange2099").close());
            assertTrue(e.getMessage().contains("Platform"), e.getMessage());
            assertTrue(e.getMessage().contains("Exchange2019"), e.getMessage());
            assertEquals(0, stub.requests().size());
        }
    }

    @Test
    void platformSetsRequestServerVersion() throws Exception {
        try (EwsStub stub = EwsStub.start((r, i) -> findItemPage(List.of(), null, true));
                Connection c = stub.connect("Platform=Exchange2010_SP2")) {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT Subject FROM Tasks WHERE Subject = ?")) {
                p.setString(1, "Plan");
                p.executeQuery().close();
            }
            String body = stub.bodies().get(0);
            assertTrue(body.contains("<t:RequestServerVersion Version=\"Exchange2010_SP2\"/>"),
                    body);
            assertTrue(body.contains("<t:Constant Value=\"Plan\"/>"), body);
            assertTrue(body.contains("<t:DistinguishedFolderId Id=\"tasks\"/>"), body);
            validateAll(stub);
        }
    }

    @Test
    void pseudoColumnsOutsideATopLevelEqualityAreRefused() throws Exception {
        try (EwsStub stub = EwsStub.start((r, i) -> findItemPage(List.of(), null, true));
                Connection c = stub.connect("")) {
            SQLException e = assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT Subject FROM Inbox WHERE ImpersonationUser = 'a@contoso.com'"
                                + " OR Subject = 'x'")) {
                    rs.next();
                }
            });
            assertTrue(e.getMessage().contains("ImpersonationUser"), e.getMessage());
            assertEquals(0, stub.requests().size());
        }
    }
}
