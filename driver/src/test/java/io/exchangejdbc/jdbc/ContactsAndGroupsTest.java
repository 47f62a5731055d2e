package io.exchangejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.store.Contact;
import io.exchangejdbc.emulator.store.ContactFolder;
import io.exchangejdbc.emulator.store.Group;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.User;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contacts, contact folders, groups and group members read with SQL from the emulator. */
class ContactsAndGroupsTest {

    private static User owner() {
        return SharedEmulator.get().store().users().get(0);
    }

    private static Mailbox mailbox() {
        return SharedEmulator.get().store().mailbox(owner().userPrincipalName());
    }

    private static String path(LoggedRequest r) {
        return URLDecoder.decode(r.path(), StandardCharsets.UTF_8);
    }

    private static String base() {
        return "/v1.0/users/" + owner().userPrincipalName();
    }

    @Test
    void contactsWithoutAFolderAreThoseOfTheDefaultFolder() throws Exception {
        List<Contact> expected = mailbox().contacts().defaultFolder().contacts();
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            List<Object[]> rows = SharedEmulator.rows(c, "SELECT id, displayName, companyName,"
                    + " emailAddresses, businessAddress_city, categories, parentFolderId"
                    + " FROM Contacts");
            assertEquals(expected.size(), rows.size());
            Map<String, Object[]> byId = new HashMap<>();
            rows.forEach(r -> byId.put((String) r[0], r));
            for (Contact k : expected) {
                Object[] r = byId.get(k.id());
                assertEquals(k.displayName(), r[1]);
                assertEquals(k.companyName(), r[2]);
                assertTrue(((String) r[3]).contains("\"address\":\""
                        + k.emailAddresses().get(0).address() + "\""), (String) r[3]);
                assertEquals(k.businessAddress() == null ? null : k.businessAddress().city(),
                        r[4]);
                assertEquals(mailbox().contacts().defaultFolder().id(), r[6]);
            }
            LoggedRequest req = SharedEmulator.graphRequests().get(0);
            assertEquals(base() + "/contacts", path(req));
            assertEquals(Set.of("id", "displayName", "companyName", "emailAddresses",
                    "businessAddress", "categories", "parentFolderId"),
                    Set.of(req.queryParam("$select").split(",")));
        }
    }

    @Test
    void parentFolderIdReadsThatFolderAndPrefixesGoToTheService() throws Exception {
        ContactFolder suppliers = mailbox().contacts().defaultFolder().children().get(0);
        Set<String> expected = new HashSet<>();
        for (Contact k : suppliers.contacts()) {
            if (k.displayName().startsWith("S")) {
                expected.add(k.displayName());
            }
        }
        assertFalse(expected.isEmpty());
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            List<Object> names = SharedEmulator.column(c, "SELECT displayName FROM Contacts"
                    + " WHERE parentFolderId = '" + suppliers.id() + "'"
                    + " AND displayName LIKE 'S%'");
            assertEquals(expected, new HashSet<>(names));
            LoggedRequest req = SharedEmulator.graphRequests().get(0);
            assertEquals(base() + "/contactFolders/" + suppliers.id() + "/contacts", path(req));
            assertEquals("startswith(displayName,'S')", req.queryParam("$filter"));
        }
    }

    @Test
    void contactFoldersListTheTopLevelAndAFoldersChildrenByParentFolderId() throws Exception {
        ContactFolder main = mailbox().contacts().defaultFolder();
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            List<Object[]> top = SharedEmulator.rows(c,
                    "SELECT displayName, id FROM ContactFolders ORDER BY displayName");
            assertEquals(List.of("Contacts", "Family"), List.of(top.get(0)[0], top.get(1)[0]));
            assertEquals(main.id(), top.get(0)[1]);
            assertEquals(base() + "/contactFolders", path(SharedEmulator.graphRequests().get(0)));

            SharedEmulator.get().clearRequestLog();
            List<Object[]> children = SharedEmulator.rows(c, "SELECT displayName,"
                    + " parentFolderId FROM ContactFolders WHERE parentFolderId = '"
                    + main.id() + "'");
            assertEquals(1, children.size());
            assertEquals("Suppliers", children.get(0)[0]);
            assertEquals(main.id(), children.get(0)[1]);
            assertEquals(base() + "/contactFolders/" + main.id() + "/childFolders",
                    path(SharedEmulator.graphRequests().get(0)));
        }
    }

    @Test
    void groupsComeFromTheDirectoryWithBooleanFiltersPushed() throws Exception {
        List<Group> groups = SharedEmulator.get().store().tenant().groups();
        Set<String> mailEnabled = new HashSet<>();
        for (Group g : groups) {
            if (g.mailEnabled()) {
                mailEnabled.add(g.displayName());
            }
        }
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            List<Object[]> rows = SharedEmulator.rows(c, "SELECT displayName, mail,"
                    + " securityEnabled, groupTypes, visibility, createdDateTime FROM \"Groups\""
                    + " WHERE mailEnabled = true");
            Set<String> names = new HashSet<>();
            rows.forEach(r -> names.add((String) r[0]));
            assertEquals(mailEnabled, names);
            Group first = groups.get(0);
            Object[] r = rows.stream().filter(x -> x[0].equals(first.displayName())).findFirst()
                    .orElseThrow();
            assertEquals(first.mail(), r[1]);
            assertEquals(first.securityEnabled(), r[2]);
            assertEquals("[\"Unified\"]", r[3]);
            assertEquals(first.visibility(), r[4]);
            assertEquals(first.createdDateTime().toEpochMilli(),
                    ((java.sql.Timestamp) r[5]).getTime());
            LoggedRequest req = SharedEmulator.graphRequests().get(0);
            assertEquals("/v1.0/groups", path(req));
            assertEquals("mailEnabled eq true", req.queryParam("$filter"));
        }
    }

    @Test
    void groupMembersNeedTheGroupAndListItsUsers() throws Exception {
        Group group = SharedEmulator.get().store().tenant().groups().get(1);
        List<String> expected = new ArrayList<>();
        group.members().forEach(u -> expected.add(u.userPrincipalName()));
        assertFalse(expected.isEmpty());
        try (Connection c = SharedEmulator.connect()) {
            SharedEmulator.get().clearRequestLog();
            List<Object[]> rows = SharedEmulator.rows(c, "SELECT userPrincipalName, odataType,"
                    + " groupId, id FROM GroupMembers WHERE groupId = '" + group.id() + "'");
            List<String> upns = new ArrayList<>();
            rows.forEach(r -> upns.add((String) r[0]));
            assertEquals(expected, upns);
            assertEquals("#microsoft.graph.user", rows.get(0)[1]);
            assertEquals(group.id(), rows.get(0)[2]);
            assertEquals(group.members().get(0).id(), rows.get(0)[3]);
            LoggedRequest req = SharedEmulator.graphRequests().get(0);
            assertEquals("/v1.0/groups/" + group.id() + "/members", path(req));
            assertEquals(Set.of("userPrincipalName", "id"),
                    Set.of(req.queryParam("$select").split(",")));

            SharedEmulator.get().clearRequestLog();
            SQLException e = assertThrows(SQLException.class,
                    () -> SharedEmulator.rows(c, "SELECT id FROM GroupMembers"));
            assertEquals("42000", e.getSQLState());
            assertTrue(e.getMessage().contains("WHERE groupId = '...'"), e.getMessage());
            assertTrue(SharedEmulator.graphRequests().isEmpty());
        }
    }

    @Test
    void groupMembersCountWithAPredicateLeftToCalcite() throws Exception {
        Group group = SharedEmulator.get().store().tenant().groups().get(0);
        try (Connection c = SharedEmulator.connect()) {
            List<Object> rows = SharedEmulator.column(c, "SELECT COUNT(*) FROM GroupMembers m"
                    + " WHERE m.groupId = '" + group.id() + "' AND m.mail IS NOT NULL");
            assertEquals((long) group.members().size(), ((Number) rows.get(0)).longValue());
            assertTrue(group.members().size() > 1);
        }
    }
}
