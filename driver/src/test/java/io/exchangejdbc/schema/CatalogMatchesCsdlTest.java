package io.exchangejdbc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Graph table of the catalog agrees with the Graph v1.0 CSDL of the entity type it is built
 * from (a copy in {@code reference/graph-csdl-subset.xml}): each column reads a property that
 * exists, with the SQL type DATA-MODEL.md maps it to, and every structural property of the entity
 * is read by some column.
 */
class CatalogMatchesCsdlTest {

    /** The entity type behind each Graph table; a new table must be added here. */
    private static final Map<String, String> ENTITY_OF_TABLE = Map.ofEntries(
            Map.entry("Messages", "message"),
            Map.entry("MailFolders", "mailFolder"),
            Map.entry("Users", "user"),
            Map.entry("Contacts", "contact"),
            Map.entry("ContactFolders", "contactFolder"),
            Map.entry("Groups", "group"),
            Map.entry("MailboxSettings", "mailboxSettings"),
            Map.entry("MessageAttachments", "fileAttachment"),
            Map.entry("Events", "event"),
            Map.entry("Calendars", "calendar"),
            Map.entry("CalendarGroups", "calendarGroup"),
            Map.entry("CalendarView", "event"),
            Map.entry("EventInstances", "event"),
            Map.entry("EventAttachments", "fileAttachment"),
            Map.entry("EventAttendees", "attendee"));

    /**
     * Graph tables whose rows are not the instances of one type, with the reason; they are
     * checked by their own tests, not against the CSDL.
     */
    private static final Map<String, String> NOT_ONE_TYPE = Map.ofEntries(
            Map.entry("GroupMembers", "directory objects of several types (users, groups,"
                    + " devices), a few common columns"),
            Map.entry("MessageRecipients", "one row per element of three collections of a"
                    + " message"),
            Map.entry("ExtendedProperties", "the expanded singleValueExtendedProperties of"
                    + " messages, with the message id"),
            Map.entry("EmailActivityUserDetail", "a CSV usage report"),
            Map.entry("EmailAppUsageUserDetail", "a CSV usage report"),
            Map.entry("MailboxUsageDetails", "a CSV usage report"),
            Map.entry("Office365ActiveUserDetail", "a CSV usage report"),
            Map.entry("Office365GroupsActivityDetail", "a CSV usage report"));

    private static CsdlModel csdl;

    @BeforeAll
    static void loadCsdl() throws Exception {
        csdl = CsdlModel.load();
    }

    static Stream<Arguments> graphTables() {
        return Catalog.of(SchemaKind.MSGRAPH).tables().stream()
                .filter(t -> !NOT_ONE_TYPE.containsKey(t.name()))
                .map(t -> Arguments.of(t.name(), ENTITY_OF_TABLE.get(t.name()), t));
    }

    @Test
    void everyGraphTableNamesItsEntityType() {
        Set<String> tables = new TreeSet<>();
        for (TableDef t : Catalog.of(SchemaKind.MSGRAPH).tables()) {
            assertNotNull(t.graph(), t.name() + " has no Graph resource");
            tables.add(t.name());
        }
        tables.removeAll(NOT_ONE_TYPE.keySet());
        assertEquals(new TreeSet<>(ENTITY_OF_TABLE.keySet()), tables,
                "declare the entity type of each Graph table in ENTITY_OF_TABLE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphTables")
    void everyColumnReadsAPropertyOfTheMappedType(String name, String entity, TableDef table) {
        List<String> problems = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            if (c.nature() == ColumnNature.PSEUDO) {
                continue;
            }
            String problem = checkColumn(entity, c);
            if (problem != null) {
                problems.add(c.name() + ": " + problem);
            }
        }
        assertEquals(List.of(), problems, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphTables")
    void everyStructuralPropertyIsReadBySomeColumn(String name, String entity, TableDef table) {
        Set<List<String>> paths = new LinkedHashSet<>();
        for (ColumnDef c : table.columns()) {
            if (c.nature() != ColumnNature.PSEUDO) {
                paths.add(c.path());
            }
        }
        List<String> uncovered = new ArrayList<>();
        for (CsdlModel.Property p : csdl.allProperties(entity)) {
            collectUncovered(List.of(p.name()), p, paths, uncovered);
        }
        assertEquals(List.of(), uncovered, name + ": properties without a column");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphTables")
    void noValueIsReadTwice(String name, String entity, TableDef table) {
        List<ColumnDef> cols = table.columns().stream()
                .filter(c -> c.nature() != ColumnNature.PSEUDO).toList();
        for (ColumnDef a : cols) {
            for (ColumnDef b : cols) {
                // A JSON column may hold a whole complex value whose parts are also flattened
                // columns (Events.recurrence and recurrence_*): one $select reads both, and a
                // write that gives both is refused.
                boolean wholeAndParts = a.nature() == ColumnNature.JSON
                        && b.path().size() > a.path().size();
                if (a != b && startsWith(b.path(), a.path()) && !wholeAndParts) {
                    fail(name + ": " + b.name() + " reads part of what " + a.name()
                            + " already reads");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphTables")
    void columnsFollowTheCsdlOrderWithIdFirst(String name, String entity, TableDef table) {
        if (table.graph().elements() == null
                && csdl.allProperties(entity).stream().anyMatch(p -> p.name().equals("id"))) {
            // rows of an element view are elements of a collection, which have no id
            assertEquals("id", table.columns().get(0).name(), name);
        }
        List<String> expected = new ArrayList<>();
        for (CsdlModel.Property p : csdl.allProperties(entity)) {
            expected.add(p.name());
        }
        List<String> actual = new ArrayList<>();
        boolean pseudoSeen = false;
        for (ColumnDef c : table.columns()) {
            if (c.nature() == ColumnNature.PSEUDO) {
                pseudoSeen = true;
                continue;
            }
            assertTrue(!pseudoSeen, name + ": " + c.name() + " comes after a pseudo-column");
            if (actual.isEmpty() || !actual.get(actual.size() - 1).equals(c.selectName())) {
                actual.add(c.selectName());
            }
        }
        List<String> expectedPresent = new ArrayList<>(expected);
        expectedPresent.retainAll(actual);
        assertEquals(expectedPresent, actual, name + ": top-level properties out of CSDL order");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphTables")
    void freeTextColumnsPushOnlyComparisonsThatMatchSql(String name, String entity,
            TableDef table) {
        // The service compares strings without regard to case: ne and ranges would drop rows.
        Set<FilterOp> unsafe = EnumSet.of(FilterOp.NE, FilterOp.GT, FilterOp.GE, FilterOp.LT,
                FilterOp.LE);
        for (ColumnDef c : table.columns()) {
            if (c.nature() != ColumnNature.PROPERTY || c.type() != ColumnType.VARCHAR) {
                continue;
            }
            CsdlModel.Property p = resolve(entity, c.path());
            if (p != null && "Edm.String".equals(p.type())) {
                for (FilterOp op : c.filterOps()) {
                    assertTrue(!unsafe.contains(op), name + "." + c.name() + " declares " + op);
                }
            }
        }
    }

    /** Null when the column is right, else what is wrong with it. */
    private static String checkColumn(String entity, ColumnDef c) {
        if (c.path().isEmpty()) {
            return "no path";
        }
        String typeName = entity;
        CsdlModel.Property p = null;
        for (int i = 0; i < c.path().size(); i++) {
            String segment = c.path().get(i);
            p = csdl.property(typeName, segment);
            if (p == null) {
                return "no property " + segment + " on " + typeName;
            }
            if (i < c.path().size() - 1) {
                CsdlModel.StructuredType complex = csdl.complexOf(p);
                if (complex == null || p.isCollection()) {
                    return segment + " (" + p.type() + ") is not a single complex value";
                }
                typeName = complex.name();
            }
        }
        boolean whole = p.isCollection() || csdl.complexOf(p) != null;
        if (whole) {
            if (c.nature() != ColumnNature.JSON || c.type() != ColumnType.VARCHAR) {
                return p.type() + " must be a JSON VARCHAR column, is " + c.nature() + " "
                        + c.type();
            }
            return null;
        }
        ColumnType expected = sqlType(typeName, p);
        if (expected == null) {
            return "no SQL type for " + p.type();
        }
        if (c.nature() != ColumnNature.PROPERTY || c.type() != expected) {
            return p.type() + " must be a PROPERTY " + expected + " column, is " + c.nature()
                    + " " + c.type();
        }
        return null;
    }

    /** The mapping of DATA-MODEL.md, with a dateTimeTimeZone's dateTime read as TIMESTAMP. */
    private static ColumnType sqlType(String ownerType, CsdlModel.Property p) {
        if (csdl.isEnum(p.type())) {
            return ColumnType.VARCHAR;
        }
        if (ownerType.equals("dateTimeTimeZone") && p.name().equals("dateTime")) {
            return ColumnType.TIMESTAMP;
        }
        Map<String, ColumnType> edm = new HashMap<>();
        edm.put("Edm.String", ColumnType.VARCHAR);
        edm.put("Edm.Guid", ColumnType.VARCHAR);
        edm.put("Edm.TimeOfDay", ColumnType.VARCHAR);
        edm.put("Edm.Duration", ColumnType.VARCHAR);
        edm.put("Edm.Boolean", ColumnType.BOOLEAN);
        edm.put("Edm.Byte", ColumnType.INTEGER);
        edm.put("Edm.Int16", ColumnType.INTEGER);
        edm.put("Edm.Int32", ColumnType.INTEGER);
        edm.put("Edm.Int64", ColumnType.BIGINT);
        edm.put("Edm.Single", ColumnType.DOUBLE);
        edm.put("Edm.Double", ColumnType.DOUBLE);
        edm.put("Edm.Decimal", ColumnType.DOUBLE);
        edm.put("Edm.Date", ColumnType.DATE);
        edm.put("Edm.DateTimeOffset", ColumnType.TIMESTAMP);
        edm.put("Edm.Binary", ColumnType.VARBINARY);
        return edm.get(p.type());
    }

    private static CsdlModel.Property resolve(String entity, List<String> path) {
        String typeName = entity;
        CsdlModel.Property p = null;
        for (String segment : path) {
            p = csdl.property(typeName, segment);
            CsdlModel.StructuredType complex = p == null ? null : csdl.complexOf(p);
            typeName = complex == null ? null : complex.name();
        }
        return p;
    }

    /**
     * Adds {@code path} to {@code uncovered} unless a column reads it whole, or it is a single
     * complex value all of whose properties are covered. A complex type without any structural
     * property that is not open (such as {@code userPrint}) carries no data and needs no column.
     */
    private static void collectUncovered(List<String> path, CsdlModel.Property p,
            Set<List<String>> columnPaths, List<String> uncovered) {
        if (columnPaths.contains(path)) {
            return;
        }
        CsdlModel.StructuredType complex = csdl.complexOf(p);
        if (complex == null || p.isCollection()) {
            uncovered.add(String.join("/", path));
            return;
        }
        List<CsdlModel.Property> props = csdl.allProperties(complex.name());
        if (props.isEmpty()) {
            if (complex.open()) {
                uncovered.add(String.join("/", path));
            }
            return;
        }
        for (CsdlModel.Property sub : props) {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.name());
            collectUncovered(subPath, sub, columnPaths, uncovered);
        }
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }
}
