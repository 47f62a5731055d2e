package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import io.exchangejdbc.schema.ColumnType;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The reader of one Graph entity (a JSON object: a message, a folder, a user) from a streaming
 * {@link JsonParser} into a row of SQL values, visiting each JSON value once.
 *
 * <p>The columns to fill are compiled into a trie of their JSON paths ({@code from},
 * {@code emailAddress}, {@code address}); properties outside the trie are skipped without being
 * materialised. A column of nature {@link ColumnNature#JSON} receives the compact JSON text of the
 * whole value, re-serialised while it streams past. A TIMESTAMP column whose path ends in
 * {@code dateTime} inside an object (a {@code dateTimeTimeZone}) is read in the zone named by the
 * object's {@code timeZone}, whichever of the two comes first. Absent and null values are null.
 *
 * <p>Pseudo-columns get a slot but no path: the caller fills them. Immutable once built; one
 * reader serves every page of a scan.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/message">message resource type</a>
 */
final class EntityRowReader {

    /** The JSON factory of the Graph client; large bodies and attachments exceed the defaults. */
    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private final List<ColumnDef> columns;
    private final Node root = new Node();
    private final Consumer<String> warnings;

    /**
     * @param columns  the columns in slot order
     * @param warnings receives a message for each value that could not be converted and was
     *                 returned as null instead (an unknown time zone)
     */
    EntityRowReader(List<ColumnDef> columns, Consumer<String> warnings) {
        this.columns = List.copyOf(requireNonNull(columns, "columns"));
        this.warnings = requireNonNull(warnings, "warnings");
        for (int slot = 0; slot < this.columns.size(); slot++) {
            ColumnDef c = this.columns.get(slot);
            if (c.nature() == ColumnNature.PSEUDO || c.path().isEmpty()) {
                continue;
            }
            Node node = root;
            Node parent = null;
            for (String segment : c.path()) {
                parent = node;
                node = node.child(segment);
            }
            node.addSlot(slot, c);
            if (c.type() == ColumnType.TIMESTAMP && c.nature() == ColumnNature.PROPERTY
                    && parent != root && c.path().get(c.path().size() - 1).equals("dateTime")) {
                parent.zoned = true;
                node.deferred = true;
            }
        }
        root.freeze();
    }

    /** Slots per row. */
    int width() {
        return columns.size();
    }

    /** The columns in slot order. */
    List<ColumnDef> columns() {
        return columns;
    }

    /**
     * Reads the object the parser is on ({@link JsonToken#START_OBJECT}) into a new row, leaving
     * the parser on its {@link JsonToken#END_OBJECT}.
     *
     * @throws SQLException SQLState 22018/22007 when a value does not fit its column's type
     * @throws IOException  when the JSON is malformed or the stream fails
     */
    Object[] read(JsonParser p) throws IOException, SQLException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalStateException("not at the start of an object: " + p.currentToken());
        }
        Object[] row = new Object[columns.size()];
        readObject(p, root, row);
        return row;
    }

    private void readObject(JsonParser p, Node node, Object[] row)
            throws IOException, SQLException {
        String dateTime = null;
        String timeZone = null;
        Node dateTimeNode = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            Node child = node.find(name);
            if (node.zoned && name.equals("timeZone") && value == JsonToken.VALUE_STRING) {
                timeZone = p.getText();
            }
            if (child == null) {
                p.skipChildren();
                continue;
            }
            if (child.slots.length > 0) {
                if (child.deferred) {
                    dateTimeNode = child;
                    dateTime = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    p.skipChildren();
                } else if (child.column.nature() == ColumnNature.JSON) {
                    String text = value == JsonToken.VALUE_NULL ? null : jsonText(p);
                    child.set(row, text);
                    if (text != null && !child.children.isEmpty()) {
                        readNested(text, child, row);
                    }
                } else if (!child.children.isEmpty() && value == JsonToken.START_OBJECT) {
                    // A scalar column on an object that also has columns inside: the object
                    // wins, the scalar column reads it as JSON text.
                    String text = jsonText(p);
                    child.set(row, child.column.type() == ColumnType.VARCHAR ? text : null);
                    readNested(text, child, row);
                } else {
                    child.set(row, scalar(p, value, child.column));
                }
            } else if (value == JsonToken.START_OBJECT) {
                readObject(p, child, row);
            } else {
                p.skipChildren();
            }
        }
        JsonToken t = p.currentToken();
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("unexpected " + t + " inside an object");
        }
        if (dateTimeNode != null) {
            dateTimeNode.set(row, dateTime == null ? null
                    : zonedTimestamp(dateTime, timeZone, dateTimeNode.column));
        }
    }

    private void readNested(String json, Node node, Object[] row)
            throws IOException, SQLException {
        try (JsonParser nested = JSON.createParser(json)) {
            if (nested.nextToken() == JsonToken.START_OBJECT) {
                readObject(nested, node, row);
            }
        }
    }

    private Object zonedTimestamp(String dateTime, String timeZone, ColumnDef column)
            throws SQLException {
        ZoneId zone = WindowsTimeZones.resolve(timeZone);
        if (zone == null) {
            warnings.accept("column " + column.name() + ": unknown time zone '" + timeZone
                    + "'; the value " + dateTime + " is returned as NULL");
            return null;
        }
        try {
            return GraphValues.epochMillis(dateTime, zone);
        } catch (DateTimeException e) {
            throw badValue(column, dateTime, e);
        }
    }

    /** The value of a scalar column from the current token. */
    private static Object scalar(JsonParser p, JsonToken t, ColumnDef c)
            throws IOException, SQLException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            if (c.type() == ColumnType.VARCHAR) {
                return jsonText(p);
            }
            p.skipChildren();
            return null;
        }
        try {
            switch (c.type()) {
                case VARCHAR:
                    return p.getText();
                case BOOLEAN:
                    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                        return t == JsonToken.VALUE_TRUE;
                    }
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        return p.getLongValue() != 0;
                    }
                    return GraphValues.bool(p.getText());
                case INTEGER:
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        return p.getIntValue();
                    }
                    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                        return Math.toIntExact((long) p.getDoubleValue());
                    }
                    return Integer.valueOf(p.getText().strip());
                case BIGINT:
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        return p.getLongValue();
                    }
                    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                        return (long) p.getDoubleValue();
                    }
                    return Long.valueOf(p.getText().strip());
                case DOUBLE:
                    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                        return p.getDoubleValue();
                    }
                    return GraphValues.dbl(p.getText());
                case DATE:
                    return GraphValues.epochDay(p.getText());
                case TIMESTAMP:
                    return GraphValues.epochMillis(p.getText(), ZoneOffset.UTC);
                case VARBINARY:
                    return GraphValues.bytes(p.getText());
                default:
                    return p.getText();
            }
        } catch (InputCoercionException | ArithmeticException | IllegalArgumentException
                | DateTimeException e) {
            throw badValue(c, p.getText(), e);
        }
    }

    /** The compact JSON text of the value the parser is on (an object, array or scalar). */
    static String jsonText(JsonParser p) throws IOException {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.copyCurrentStructure(p);
        }
        return out.toString();
    }

    private static SQLException badValue(ColumnDef c, String text, Exception cause) {
        boolean temporal = c.type() == ColumnType.TIMESTAMP || c.type() == ColumnType.DATE;
        String shown = text == null ? "null" : text.length() > 64
                ? text.substring(0, 64) + "..." : text;
        return new SQLException("Microsoft Graph returned '" + shown + "' for column "
                + c.name() + ", which is not a valid " + c.type() + " value.",
                temporal ? "22007" : "22018", cause);
    }

    /** A step of the path trie. */
    private static final class Node {
        private static final int[] NO_SLOTS = new int[0];
        /** Children up to which a scan finds a name faster than a hash lookup. */
        private static final int SCANNED = 8;

        final Map<String, Node> children = new HashMap<>(4);
        /** The children's names and nodes in one order, for the case-insensitive match. */
        private String[] names = new String[0];
        private Node[] nodes = new Node[0];
        int[] slots = NO_SLOTS;
        ColumnDef column;
        /** This object is a dateTimeTimeZone whose dateTime child is a TIMESTAMP column. */
        boolean zoned;
        /** This is that dateTime child: its value waits for the object's timeZone. */
        boolean deferred;

        Node child(String name) {
            return children.computeIfAbsent(name, n -> new Node());
        }

        /**
         * The child of that name; Graph's spelling is the catalog's, but a catalog path differing
         * only in letter case still matches.
         */
        Node find(String name) {
            // A scan of the few names: the parser's names are canonical strings, as the
            // catalog's are, so they are mostly the same instance; a property outside the trie
            // (in every row) allocates nothing.
            String[] names = this.names;
            if (names.length > SCANNED) {
                Node n = children.get(name);
                if (n != null) {
                    return n;
                }
            } else {
                for (int i = 0; i < names.length; i++) {
                    if (names[i] == name) {
                        return nodes[i];
                    }
                }
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(name)) {
                        return nodes[i];
                    }
                }
            }
            if (name.startsWith("@")) {
                return null;
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i].length() == name.length() && names[i].equalsIgnoreCase(name)) {
                    return nodes[i];
                }
            }
            return null;
        }

        /** Completes the case-insensitive index, once the trie is built. */
        void freeze() {
            names = children.keySet().toArray(new String[0]);
            nodes = new Node[names.length];
            for (int i = 0; i < names.length; i++) {
                nodes[i] = children.get(names[i]);
                nodes[i].freeze();
            }
        }

        void addSlot(int slot, ColumnDef c) {
            if (column == null) {
                column = c;
            }
            slots = Arrays.copyOf(slots, slots.length + 1);
            slots[slots.length - 1] = slot;
        }

        void set(Object[] row, Object value) {
            for (int s : slots) {
                row[s] = value;
            }
        }
    }

    /** The paths of the columns, for diagnostics. */
    @Override
    public String toString() {
        List<String> paths = new ArrayList<>();
        for (ColumnDef c : columns) {
            paths.add(String.join("/", c.path()));
        }
        return "EntityRowReader" + paths;
    }
}
