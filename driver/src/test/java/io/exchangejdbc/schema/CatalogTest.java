package io.exchangejdbc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the rest of the driver may rely on when it reads the catalog. */
class CatalogTest {

    private static final Catalog GRAPH = Catalog.of(SchemaKind.MSGRAPH);

    static Stream<TableDef> allTables() {
        return Stream.of(SchemaKind.values()).flatMap(k -> Catalog.of(k).tables().stream());
    }

    @Test
    void graphCatalogHasMessagesMailFoldersAndUsers() {
        assertEquals(List.of("Messages", "MailFolders", "Users"),
                GRAPH.tables().stream().map(TableDef::name).toList().subList(0, 3));
    }

    @Test
    void graphCatalogHasContactsGroupsAndTheViewsOfMessages() {
        List<String> names = GRAPH.tables().stream().map(TableDef::name).toList();
        assertTrue(names.containsAll(List.of("Contacts", "ContactFolders", "Groups",
                "GroupMembers", "MailboxSettings", "ExtendedProperties", "MessageAttachments",
                "MessageRecipients")), names.toString());
        assertEquals(TableKind.VIEW, GRAPH.table("GroupMembers").kind());
        assertEquals(TableKind.VIEW, GRAPH.table("MessageRecipients").kind());
        assertEquals("messageId", GRAPH.table("MessageAttachments").graph().requiredRoute()
                .column());
        assertNull(GRAPH.table("Contacts").graph().requiredRoute());
    }

    @Test
    void ewsCatalogIsEmptyForNow() {
        assertEquals(List.of(), Catalog.of(SchemaKind.EWS).tables());
        assertNull(Catalog.of(SchemaKind.EWS).table("Messages"));
    }

    @Test
    void catalogIsBuiltOnceAndShared() {
        assertSame(GRAPH, Catalog.of(SchemaKind.MSGRAPH));
        assertSame(GRAPH.table("Messages"), Catalog.of(SchemaKind.MSGRAPH).table("Messages"));
    }

    @Test
    void tableLookupIgnoresCase() {
        TableDef messages = GRAPH.table("Messages");
        assertNotNull(messages);
        assertSame(messages, GRAPH.table("messages"));
        assertSame(messages, GRAPH.table("MESSAGES"));
        assertSame(GRAPH.table("MailFolders"), GRAPH.table("mailfolders"));
        assertSame(GRAPH.table("Users"), GRAPH.table("uSERS"));
    }

    @Test
    void unknownTableIsNull() {
        assertNull(GRAPH.table("Mesages"));
        assertNull(GRAPH.table(""));
        assertNull(GRAPH.table(null));
    }

    @Test
    void tableListCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> GRAPH.tables().remove(0));
        assertThrows(UnsupportedOperationException.class,
                () -> GRAPH.table("Users").columns().remove(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTables")
    void columnNamesAreUniqueIgnoringCase(TableDef table) {
        Set<String> seen = new HashSet<>();
        for (ColumnDef c : table.columns()) {
            assertTrue(seen.add(c.name().toUpperCase(Locale.ROOT)),
                    table.name() + " declares " + c.name() + " twice");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTables")
    void tableAndEveryColumnHaveADescription(TableDef table) {
        assertFalse(table.description().isBlank(), table.name());
        for (ColumnDef c : table.columns()) {
            assertFalse(c.description().isBlank(), table.name() + "." + c.name());
            assertTrue(c.description().endsWith("."),
                    table.name() + "." + c.name() + " description is not a sentence");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTables")
    void keyIsExactlyTheReadOnlyIdColumn(TableDef table) {
        List<ColumnDef> keys = table.keyColumns();
        if (table.graph() != null && table.graph().elements() != null) {
            // an element of a collection has no id: its own identifying value is the key,
            // unique within its item
            assertEquals(1, keys.size(), table.name());
            assertEquals(ColumnNature.PROPERTY, keys.get(0).nature(), table.name());
            assertTrue(keys.get(0).readOnly(), table.name());
            return;
        }
        if (table.graph() != null && table.graph().shape() == RowShape.MAILBOX_OBJECT) {
            // one row per mailbox: UserId tells them apart, and it is input only
            assertEquals(List.of(), keys, table.name());
            return;
        }
        if (table.graph() != null && table.graph().shape() != RowShape.ENTITIES
                || table.graph() != null && table.graph().requiredRoute() != null) {
            // element views and children of one parent: the key is made of several columns
            assertTrue(keys.size() > 1, table.name());
            for (ColumnDef k : keys) {
                assertTrue(k.readOnly(), table.name() + "." + k.name());
            }
            return;
        }
        assertEquals(1, keys.size(), table.name());
        assertEquals("id", keys.get(0).name(), table.name());
        assertTrue(keys.get(0).readOnly(), table.name());
        assertTrue(keys.get(0).canFilter(FilterOp.EQ), table.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTables")
    void onlyPropertyColumnsSortOrFilter(TableDef table) {
        for (ColumnDef c : table.columns()) {
            String where = table.name() + "." + c.name();
            switch (c.nature()) {
                case PROPERTY:
                    break;
                case PSEUDO:
                    assertEquals(Set.of(FilterOp.EQ), c.filterOps(), where);
                    assertFalse(c.sortable(), where);
                    break;
                case JSON:
                    assertEquals(Set.of(), c.filterOps(), where);
                    assertFalse(c.sortable(), where);
                    break;
                default:
                    throw new AssertionError(where + " has an unknown nature");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTables")
    void pathsAndSizesMatchTheColumnNature(TableDef table) {
        for (ColumnDef c : table.columns()) {
            String where = table.name() + "." + c.name();
            if (c.nature() == ColumnNature.PSEUDO) {
                assertEquals(List.of(), c.path(), where);
                assertNull(c.selectName(), where);
                // a pseudo-column is a key only as the parent a view must be read below
                boolean parent = table.graph() != null && table.graph().requiredRoute() != null
                        && table.graph().requiredRoute().column().equals(c.name());
                assertEquals(parent, c.key(), where);
                assertEquals(parent, c.readOnly(), where);
            } else {
                assertFalse(c.path().isEmpty(), where);
                assertEquals(c.path().get(0), c.selectName(), where);
            }
            if (c.nature() == ColumnNature.JSON) {
                assertEquals(ColumnType.VARCHAR, c.type(), where);
                assertEquals(Integer.MAX_VALUE, c.size(), where);
            }
            if (c.type() == ColumnType.VARCHAR) {
                assertTrue(c.size() > 0, where);
            } else {
                assertEquals(0, c.size(), where);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTables")
    void mailboxTablesEndWithTheUserIdPseudoColumn(TableDef table) {
        ColumnDef last = table.columns().get(table.columns().size() - 1);
        boolean mailbox = table.graph() != null && table.graph().mailboxScoped();
        if (mailbox) {
            assertEquals("UserId", last.name(), table.name());
            assertEquals(ColumnNature.PSEUDO, last.nature(), table.name());
            assertEquals(ColumnType.VARCHAR, last.type(), table.name());
        } else {
            assertNull(table.column("UserId"), table.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTables")
    void routesAreEqualitiesOnDeclaredColumns(TableDef table) {
        if (table.graph() == null) {
            return;
        }
        for (GraphResource.Route r : table.graph().routes()) {
            ColumnDef c = table.column(r.column());
            assertNotNull(c, table.name() + " routes on unknown column " + r.column());
            assertTrue(c.canFilter(FilterOp.EQ), table.name() + "." + c.name());
            // the extended properties' id goes into $expand instead of the path
            assertTrue(r.pathTemplate().contains("{value}")
                    || table.graph().shape() == RowShape.EXTENDED_PROPERTIES, r.pathTemplate());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTables")
    void defaultPageFitsWithinTheLargestPage(TableDef table) {
        if (table.graph() == null) {
            return;
        }
        assertTrue(table.graph().defaultPageSize() > 0, table.name());
        assertTrue(table.graph().defaultPageSize() <= table.graph().maxPageSize(), table.name());
        assertTrue(table.graph().docUrl().startsWith("https://learn.microsoft.com/graph/api/"),
                table.name());
    }

    @Test
    void graphPageLimitsAreTheDocumentedOnes() {
        assertEquals(1000, GRAPH.table("Messages").graph().maxPageSize());
        assertEquals(999, GRAPH.table("Users").graph().maxPageSize());
        assertEquals(999, GRAPH.table("Users").graph().defaultPageSize());
    }

    @Test
    void messagesReadOneFolderThroughParentFolderId() {
        GraphResource r = GRAPH.table("Messages").graph();
        assertTrue(r.mailboxScoped());
        assertEquals("messages", r.collection());
        assertEquals("mailFolders/{value}/messages", r.routeFor("PARENTFOLDERID").pathTemplate());
        assertNull(r.childCollection());
    }

    @Test
    void mailFoldersAreReadAsATree() {
        GraphResource r = GRAPH.table("MailFolders").graph();
        assertTrue(r.mailboxScoped());
        assertEquals("mailFolders", r.collection());
        assertEquals("childFolders", r.childCollection());
        assertEquals(List.of(), r.routes());
        assertNotNull(GRAPH.table("MailFolders").column("childFolderCount"));
    }

    @Test
    void usersAreADirectoryCollection() {
        GraphResource r = GRAPH.table("Users").graph();
        assertFalse(r.mailboxScoped());
        assertEquals("users", r.collection());
    }

    @Test
    void complexValuesAreFlattenedWithUnderscores() {
        TableDef messages = GRAPH.table("Messages");
        ColumnDef from = messages.column("from_emailaddress_address");
        assertEquals(List.of("from", "emailAddress", "address"), from.path());
        assertEquals("from", from.selectName());
        ColumnDef due = messages.column("flag_dueDateTime_dateTime");
        assertEquals(ColumnType.TIMESTAMP, due.type());
        assertEquals(ColumnType.VARCHAR, messages.column("flag_dueDateTime_timeZone").type());
        assertEquals(ColumnNature.JSON, messages.column("toRecipients").nature());
        assertEquals(ColumnNature.JSON, GRAPH.table("Users").column("businessPhones").nature());
    }

    @Test
    void messageFiltersFollowTheListMessagesApi() {
        TableDef m = GRAPH.table("Messages");
        assertEquals(FilterOp.COMPARABLE, m.column("receivedDateTime").filterOps());
        assertEquals(FilterOp.EQUALITY, m.column("isRead").filterOps());
        assertEquals(Set.of(FilterOp.EQ, FilterOp.STARTS_WITH), m.column("subject").filterOps());
        assertTrue(m.column("receivedDateTime").sortable());
        assertEquals(Set.of(), m.column("body_content").filterOps());
        assertTrue(m.column("id").readOnly());
        assertTrue(m.column("parentFolderId").readOnly());
        assertFalse(m.column("isRead").readOnly());
    }

    @Test
    void directoryFiltersNeedNoAdvancedQuery() {
        TableDef users = GRAPH.table("Users");
        for (ColumnDef c : users.columns()) {
            assertFalse(c.canFilter(FilterOp.NE), c.name() + ": ne needs an advanced query");
            assertFalse(c.canFilter(FilterOp.NULL_CHECK),
                    c.name() + ": null comparisons need an advanced query");
        }
        assertEquals(Set.of(FilterOp.EQ, FilterOp.STARTS_WITH),
                users.column("displayName").filterOps());
        assertTrue(users.column("displayName").sortable());
        assertTrue(users.column("userPrincipalName").sortable());
        assertEquals(Set.of(), users.column("mobilePhone").filterOps());
    }

    @Test
    void propertiesReadableOnlyPerUserAreNotListed() {
        TableDef users = GRAPH.table("Users");
        for (String name : List.of("aboutMe", "birthday", "hireDate", "interests", "mySite",
                "pastProjects", "preferredName", "responsibilities", "schools", "skills",
                "mailboxSettings")) {
            assertFalse(GRAPH.isListed(users, users.column(name)), name);
        }
        assertTrue(GRAPH.isListed(users, users.column("displayName")));
        TableDef messages = GRAPH.table("Messages");
        for (ColumnDef c : messages.columns()) {
            assertTrue(GRAPH.isListed(messages, c), c.name());
        }
    }
}
