package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import io.exchangejdbc.schema.ColumnType;
import io.exchangejdbc.schema.GraphWrite;
import io.exchangejdbc.schema.TableDef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows of a {@link TableChange} into the create, update and delete requests of Graph,
 * as the table's {@link GraphWrite} declaration says, checking every row first: a read-only or
 * insert-only column given, a required column missing, JSON text that does not parse, or a
 * mailbox that cannot be chosen each fail the whole statement before anything is sent.
 *
 * <p>Values are written at their column's JSON path, so flattened columns become nested objects
 * again ({@code flag_flagStatus} -> {@code {"flag":{"flagStatus":...}}}); a JSON column's text is
 * sent as the JSON value it holds; a {@code dateTimeTimeZone} pair is written in the zone of its
 * {@code _timeZone} column, UTC when none is given.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-post-messages">Create message</a>
 * @see <a href="https://learn.microsoft.com/graph/api/message-update">Update message</a>
 */
final class WritePlanner {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    /** SQLState of a statement that names a column it may not write. */
    static final String NOT_WRITABLE = "42000";
    /** SQLState of a required column left without a value. */
    static final String MISSING = "23502";
    /** SQLState of text that is not valid JSON (SQL:2016's "invalid JSON text"). */
    static final String INVALID_JSON = "22032";
    /** SQLState of a value the column cannot hold. */
    static final String BAD_VALUE = "22023";

    private final String defaultMailbox;
    private final boolean applicationOnly;
    private final String graphUrl;

    /**
     * @param defaultMailbox  the {@code UserId} property, or null for the signed-in user
     * @param applicationOnly the sign-in is an application's, which has no mailbox of its own
     * @param graphUrl        the service root ({@code https://graph.microsoft.com}), which
     *                        references to other objects name
     */
    WritePlanner(String defaultMailbox, boolean applicationOnly, String graphUrl) {
        this.defaultMailbox = defaultMailbox;
        this.applicationOnly = applicationOnly;
        this.graphUrl = requireNonNull(graphUrl, "graphUrl");
    }

    /** The requests of a change, checked; rows are numbered from {@code firstRow}. */
    List<WriteRequest> plan(TableChange change, int firstRow) throws SQLException {
        requireNonNull(change, "change");
        TableDef table = change.table();
        GraphWrite writes = table.writes();
        if (writes == null || table.graph() == null) {
            throw new SQLException("Table " + table.name() + " is read-only: Microsoft Graph"
                    + " offers no way to " + verbOnly(change.kind()) + " its rows.",
                    NOT_WRITABLE);
        }
        checkAllowed(change, writes);
        checkColumns(change, writes);
        List<WriteRequest> out = new ArrayList<>(change.rows().size());
        int n = firstRow;
        for (TableChange.Row row : change.rows()) {
            out.add(request(change, writes, row, n++));
        }
        return out;
    }

    private static String verbOnly(TableChange.Kind kind) {
        return kind.verb().split(" ")[0];
    }

    private static void checkAllowed(TableChange change, GraphWrite writes) throws SQLException {
        String name = change.table().name();
        boolean allowed;
        switch (change.kind()) {
            case INSERT:
                allowed = writes.insertable();
                break;
            case UPDATE:
                allowed = writes.updatable();
                break;
            default:
                allowed = writes.deletable();
        }
        if (!allowed) {
            throw new SQLException("Table " + name + " does not accept "
                    + change.kind().name() + ": Microsoft Graph offers no way to "
                    + verbOnly(change.kind()) + " its rows.", NOT_WRITABLE);
        }
    }

    private static void checkColumns(TableChange change, GraphWrite writes) throws SQLException {
        TableDef table = change.table();
        List<ColumnDef> columns = change.columns();
        for (int c = 0; c < columns.size(); c++) {
            ColumnDef col = columns.get(c);
            boolean given = change.kind() == TableChange.Kind.UPDATE || anyValue(change, c);
            if (!given || (change.kind() != TableChange.Kind.INSERT
                    && writes.isPathColumn(col.name()))) {
                continue;
            }
            // a routing column chooses the collection; a reference names an existing object
            boolean route = change.kind() == TableChange.Kind.INSERT
                    && (writes.createRoute(col.name()) != null
                            || col.name().equalsIgnoreCase(writes.referenceColumn()));
            if (col.nature() == ColumnNature.PSEUDO && !route) {
                throw new SQLException("Column " + col.name() + " of table " + table.name()
                        + " is input only (it chooses where rows are read) and cannot be "
                        + (change.kind() == TableChange.Kind.UPDATE ? "set by UPDATE"
                                : "given to this INSERT")
                        + "; name it in the WHERE clause instead.", NOT_WRITABLE);
            }
            if (col.readOnly() && !route) {
                throw new SQLException("Column " + col.name() + " of table " + table.name()
                        + " is read-only (" + (col.key() ? "the service assigns it"
                                : "the service computes it") + "); remove it from the "
                        + change.kind().name() + ".", NOT_WRITABLE);
            }
            if (change.kind() == TableChange.Kind.UPDATE && writes.insertOnly().contains(
                    col.name())) {
                throw new SQLException("Column " + col.name() + " of table " + table.name()
                        + " can be set only when the row is created, not by UPDATE.",
                        NOT_WRITABLE);
            }
            if (writes.updateAlone().contains(col.name())) {
                if (change.kind() == TableChange.Kind.INSERT) {
                    throw new SQLException("Column " + col.name() + " of table " + table.name()
                            + " cannot be given when the row is created; set it afterwards"
                            + " with an UPDATE of its own.", NOT_WRITABLE);
                }
                if (columns.size() - writes.pathColumns().size() > 1) {
                    throw new SQLException("Column " + col.name() + " of table " + table.name()
                            + " must be changed by an UPDATE that sets no other column (the"
                            + " service takes it only alone); split the statement.",
                            NOT_WRITABLE);
                }
            }
        }
        checkOverlaps(change);
        if (change.kind() != TableChange.Kind.INSERT) {
            return;
        }
        int rowNumber = 1;
        for (TableChange.Row row : change.rows()) {
            for (List<String> group : writes.requiredOnInsert()) {
                if (!hasAny(columns, row.values(), group)) {
                    throw new SQLException("INSERT into " + table.name() + " needs a value for "
                            + (group.size() == 1 ? "column " + group.get(0)
                                    : "one of the columns " + String.join(", ", group))
                            + (change.rows().size() > 1 ? " (row " + rowNumber + ")" : "")
                            + "; nothing was inserted.", MISSING);
                }
            }
            rowNumber++;
        }
    }

    /**
     * Refuses two given columns of which one writes a part of the other (a JSON column such as
     * {@code recurrence} and a flattened {@code recurrence_pattern_type}): one value would
     * silently replace the other.
     */
    private static void checkOverlaps(TableChange change) throws SQLException {
        if (change.kind() == TableChange.Kind.DELETE) {
            return;
        }
        List<ColumnDef> columns = change.columns();
        for (int a = 0; a < columns.size(); a++) {
            for (int b = 0; b < columns.size(); b++) {
                List<String> whole = columns.get(a).path();
                List<String> part = columns.get(b).path();
                if (a == b || whole.isEmpty() || part.size() <= whole.size()
                        || !part.subList(0, whole.size()).equals(whole)
                        || columns.get(a).nature() == ColumnNature.PSEUDO
                        || change.kind() == TableChange.Kind.INSERT
                                && (!anyValue(change, a) || !anyValue(change, b))) {
                    continue;
                }
                throw new SQLException("Columns " + columns.get(a).name() + " and "
                        + columns.get(b).name() + " of table " + change.table().name()
                        + " both write '" + String.join(".", whole) + "'; give "
                        + columns.get(a).name() + " alone (as JSON) or its parts alone."
                        + " Nothing was changed.", NOT_WRITABLE);
            }
        }
    }

    private static boolean anyValue(TableChange change, int column) {
        for (TableChange.Row row : change.rows()) {
            if (row.values() != null && row.values()[column] != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAny(List<ColumnDef> columns, Object[] values, List<String> group) {
        for (int c = 0; c < columns.size(); c++) {
            if (values[c] == null) {
                continue;
            }
            for (String required : group) {
                if (GraphWrite.covers(required, columns.get(c).name())) {
                    return true;
                }
            }
        }
        return false;
    }

    private WriteRequest request(TableChange change, GraphWrite writes, TableChange.Row row,
            int n) throws SQLException {
        TableDef table = change.table();
        String mailbox = null;
        StringBuilder path = new StringBuilder();
        if (table.graph().mailboxScoped()) {
            mailbox = row.mailbox() != null && !row.mailbox().isBlank() ? row.mailbox().strip()
                    : defaultMailbox;
            if (mailbox == null && applicationOnly) {
                throw new SQLException("Table " + table.name() + " lives in a mailbox, and an"
                        + " application sign-in has no mailbox of its own: set the UserId"
                        + " connection property, or give UserId (in the INSERT column list or"
                        + " the WHERE clause).", "42000");
            }
            path.append(mailbox == null ? "/me" : "/users/"
                    + GraphRequestPlan.encodeSegment(mailbox));
        }
        String template;
        Map<String, Object> body = null;
        String method;
        String what;
        switch (change.kind()) {
            case INSERT: {
                method = "POST";
                template = writes.createPath();
                String routeValue = null;
                for (int c = 0; c < change.columns().size(); c++) {
                    String route = writes.createRoute(change.columns().get(c).name());
                    if (route != null && row.values()[c] != null) {
                        template = route;
                        routeValue = row.values()[c].toString();
                    }
                }
                if (routeValue != null) {
                    template = template.replace("{value}",
                            GraphRequestPlan.encodeSegment(routeValue));
                }
                body = writes.referenceColumn() != null ? reference(change, writes, row)
                        : body(change, writes, row, n, true);
                what = "new row " + (n + 1);
                break;
            }
            case UPDATE:
                method = "PATCH";
                template = itemPath(change, writes, row);
                body = body(change, writes, row, n, false);
                what = rowName(writes, table, mailbox, row);
                break;
            default:
                method = "DELETE";
                template = itemPath(change, writes, row);
                what = rowName(writes, table, mailbox, row);
        }
        path.append('/').append(template);
        byte[] bytes = body == null ? null : render(body);
        return new WriteRequest(method, path.toString(),
                !table.graph().mailboxScoped() ? null : mailbox == null ? "me" : mailbox,
                bytes, n, what);
    }

    /** The row as messages name it: by id, or by mailbox for a mailbox's single object. */
    private static String rowName(GraphWrite writes, TableDef table, String mailbox,
            TableChange.Row row) {
        if (!writes.itemPath().contains("{id}")) {
            return "the " + table.name() + " row of mailbox '"
                    + (mailbox == null ? "me" : mailbox) + "'";
        }
        return "row '" + row.id() + "'";
    }

    /** {@code {"@odata.id": "{GraphUrl}/v1.0/directoryObjects/{value}"}}. */
    private Map<String, Object> reference(TableChange change, GraphWrite writes,
            TableChange.Row row) throws SQLException {
        int c = indexOf(change.columns(), writes.referenceColumn());
        Object v = c < 0 ? null : row.values()[c];
        if (v == null || v.toString().isBlank()) {
            throw new SQLException("INSERT into " + change.table().name() + " needs a value for"
                    + " column " + writes.referenceColumn() + "; nothing was inserted.",
                    MISSING);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.id", graphUrl + "/v1.0/" + writes.referenceTemplate().replace(
                "{value}", GraphRequestPlan.encodeSegment(v.toString().strip())));
        return body;
    }

    private static String itemPath(TableChange change, GraphWrite writes, TableChange.Row row)
            throws SQLException {
        TableDef table = change.table();
        String template = writes.itemPath();
        for (String name : writes.pathColumns()) {
            int c = indexOf(change.columns(), name);
            Object v = c < 0 ? null : row.values()[c];
            if (v == null || v.toString().isBlank()) {
                throw new SQLException("A row of " + table.name() + " has no " + name
                        + "; name it in the WHERE clause (" + name + " = '...'). Nothing was"
                        + " changed.", BAD_VALUE);
            }
            template = template.replace("{" + name + "}",
                    GraphRequestPlan.encodeSegment(v.toString()));
        }
        if (template.contains("{id}")) {
            if (row.id() == null || row.id().isBlank()) {
                throw new SQLException("A row of " + table.name() + " has no id; nothing was"
                        + " changed.", BAD_VALUE);
            }
            template = template.replace("{id}", GraphRequestPlan.encodeSegment(row.id()));
        }
        return template;
    }

    /** The JSON object of a row: each given value at its column's path. */
    private Map<String, Object> body(TableChange change, GraphWrite writes, TableChange.Row row,
            int n, boolean insert) throws SQLException {
        Map<String, Object> root = new LinkedHashMap<>();
        List<ColumnDef> columns = change.columns();
        for (int c = 0; c < columns.size(); c++) {
            ColumnDef col = columns.get(c);
            Object v = row.values()[c];
            if (insert && (v == null || writes.createRoute(col.name()) != null)) {
                continue;
            }
            if (col.nature() == ColumnNature.PSEUDO || col.path().isEmpty()
                    || writes.isPathColumn(col.name())) {
                continue;
            }
            Object json = jsonValue(change, col, v, row, n);
            put(root, col.path(), json);
            String zoneColumn = zoneColumnOf(change.table(), col);
            int zi = zoneColumn == null ? -1 : indexOf(columns, zoneColumn);
            if (zoneColumn != null && v != null && (zi < 0 || row.values()[zi] == null)) {
                // a time given without its zone is UTC, as the driver reads it
                put(root, change.table().column(zoneColumn).path(), "UTC");
            }
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, Object value) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object child = node.get(path.get(i));
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(path.get(i), child);
            }
            node = (Map<String, Object>) child;
        }
        node.put(path.get(path.size() - 1), value);
    }

    private static int indexOf(List<ColumnDef> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The {@code _timeZone} column of a {@code dateTimeTimeZone}'s {@code _dateTime}, or null. */
    private static String zoneColumnOf(TableDef table, ColumnDef col) {
        List<String> p = col.path();
        if (col.type() != ColumnType.TIMESTAMP || p.isEmpty()
                || !p.get(p.size() - 1).equals("dateTime")) {
            return null;
        }
        List<String> zonePath = new ArrayList<>(p.subList(0, p.size() - 1));
        zonePath.add("timeZone");
        for (ColumnDef other : table.columns()) {
            if (other.path().equals(zonePath)) {
                return other.name();
            }
        }
        return null;
    }

    private Object jsonValue(TableChange change, ColumnDef col, Object v, TableChange.Row row,
            int n) throws SQLException {
        if (v == null) {
            return null;
        }
        String where = "column " + col.name() + " of " + change.table().name()
                + (change.rows().size() > 1 ? " (row " + (n + 1) + ")" : "");
        if (col.nature() == ColumnNature.JSON) {
            return new RawJson(checkJson(v.toString(), where));
        }
        try {
            switch (col.type()) {
                case VARCHAR:
                    return v.toString();
                case BOOLEAN:
                    if (v instanceof Boolean) {
                        return v;
                    }
                    break;
                case INTEGER:
                case BIGINT:
                case DOUBLE:
                    if (v instanceof Number) {
                        return v;
                    }
                    break;
                case TIMESTAMP:
                    if (v instanceof Number millis) {
                        Instant at = Instant.ofEpochMilli(millis.longValue());
                        String zoneColumn = zoneColumnOf(change.table(), col);
                        if (zoneColumn == null) {
                            return at.toString();
                        }
                        int zi = indexOf(change.columns(), zoneColumn);
                        Object zoneName = zi < 0 ? null : row.values()[zi];
                        ZoneId zone = WindowsTimeZones.resolve(
                                zoneName == null ? null : zoneName.toString());
                        if (zone == null) {
                            throw new SQLException("The time zone '" + zoneName + "' of " + where
                                    + " is unknown: give a Windows name such as 'Pacific"
                                    + " Standard Time' or an IANA name such as"
                                    + " 'America/Los_Angeles'.", BAD_VALUE);
                        }
                        return LOCAL.format(LocalDateTime.ofInstant(at, zone));
                    }
                    break;
                case DATE:
                    if (v instanceof Number days) {
                        return LocalDate.ofEpochDay(days.longValue()).toString();
                    }
                    break;
                case VARBINARY:
                    if (v instanceof org.apache.calcite.avatica.util.ByteString b) {
                        return Base64.getEncoder().encodeToString(b.getBytes());
                    }
                    if (v instanceof byte[] b) {
                        return Base64.getEncoder().encodeToString(b);
                    }
                    break;
                default:
                    break;
            }
        } catch (RuntimeException e) {
            throw new SQLException("The value of " + where + " cannot be written: "
                    + e.getMessage(), BAD_VALUE, e);
        }
        throw new SQLException("The value of " + where + " is a " + v.getClass().getSimpleName()
                + ", not a " + col.type() + "; give a value of the column's type.", "22018");
    }

    /** Checks that {@code text} is one well-formed JSON value; returns it. */
    static String checkJson(String text, String where) throws SQLException {
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonParseException(p, "no value");
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "text after the value");
            }
            return text;
        } catch (IOException e) {
            String reason = e instanceof JsonParseException jpe ? jpe.getOriginalMessage()
                    : e.getMessage();
            int cut = reason.indexOf('\n');
            throw new SQLException("The value of " + where + " is not valid JSON ("
                    + (cut < 0 ? reason : reason.substring(0, cut)) + "); give JSON text such"
                    + " as [\"Red category\"] or [{\"emailAddress\":{\"address\":"
                    + "\"alice@contoso.com\"}}]. Nothing was changed.", INVALID_JSON);
        }
    }

    private static byte[] render(Map<String, Object> body) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, body);
        } catch (IOException e) {
            throw new SQLException("Could not write a request body: " + e.getMessage(),
                    "HY000", e);
        }
        return out.toByteArray();
    }

    /** Writes a body value; used for batch items as well. */
    @SuppressWarnings("unchecked")
    static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof RawJson raw) {
            g.writeRawValue(raw.text());
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Number num) {
            g.writeNumber(num.longValue());
        } else {
            g.writeString(value.toString());
        }
    }

    /** JSON text sent as the value it holds. */
    private record RawJson(String text) {
    }
}
