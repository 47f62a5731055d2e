package io.exchangejdbc.ews;

import static io.exchangejdbc.ews.EwsNames.MESSAGES;
import static io.exchangejdbc.ews.EwsNames.TYPES;

import io.exchangejdbc.graph.RowCursor;
import io.exchangejdbc.graph.RowFilter;
import io.exchangejdbc.http.QueryControl;
import io.exchangejdbc.schema.ColumnDef;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rows of the tables that list the parts of one answer: the required or optional attendees
 * and the modified occurrences of a calendar item (GetItem of the {@code ItemId} the query
 * gives), the rooms of a room list (GetRooms) and the room lists (GetRoomLists). The filter and
 * limit are applied here.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getrooms-operation">
 *     GetRooms operation</a>
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getroomlists-operation">
 *     GetRoomLists operation</a>
 */
final class DetailScan implements RowCursor {

    private final EwsClient client;
    private final EwsQuery q;
    private final QueryControl control;
    private Deque<Object[]> rows;
    private Object[] current;

    DetailScan(EwsClient client, EwsQuery q, QueryControl control) {
        this.client = client;
        this.q = q;
        this.control = control;
    }

    @Override
    public boolean next() throws SQLException {
        if (rows == null) {
            List<Object[]> read = read();
            RowFilter filter = q.rest == null ? null
                    : RowFilter.compile(q.rest, q.params, q::slot);
            rows = new ArrayDeque<>();
            for (Object[] row : read) {
                if ((filter == null || filter.test(row))
                        && (q.limit < 0 || rows.size() < q.limit)) {
                    rows.add(row);
                }
            }
        }
        Object[] row = rows.poll();
        current = row == null ? null : q.project(row);
        return row != null;
    }

    private List<Object[]> read() throws SQLException {
        switch (q.source.kind()) {
            case REQUIRED_ATTENDEES:
                return itemParts("calendar:RequiredAttendees", "Attendee");
            case OPTIONAL_ATTENDEES:
                return itemParts("calendar:OptionalAttendees", "Attendee");
            case MODIFIED_OCCURRENCES:
                return itemParts("calendar:ModifiedOccurrences", "Occurrence");
            case ROOMS: {
                String list = q.selector("RoomListEmail");
                if (list == null) {
                    throw new SQLException("Rooms lists the rooms of one room list: add WHERE"
                            + " RoomListEmail = '...' (the room lists are in RoomLists).",
                            "42000");
                }
                return client.call("GetRooms", q.scope, true, w -> {
                    w.writeStartElement(MESSAGES, "GetRooms");
                    w.writeStartElement(MESSAGES, "RoomList");
                    SoapWriter.text(w, TYPES, "EmailAddress", list);
                    w.writeEndElement();
                    w.writeEndElement();
                }, r -> addresses(r, "GetRooms"), control);
            }
            case ROOM_LISTS:
                return client.call("GetRoomLists", q.scope, true, w -> {
                    w.writeEmptyElement(MESSAGES, "GetRoomLists");
                }, r -> addresses(r, "GetRoomLists"), control);
            default:
                throw new SQLException("Table " + q.table.name() + " cannot be read.", "42000");
        }
    }

    /** GetItem of the query's ItemId, a row per {@code element} of the property. */
    private List<Object[]> itemParts(String fieldUri, String element) throws SQLException {
        String id = q.selector("ItemId");
        if (id == null) {
            throw new SQLException(q.table.name() + " lists the parts of one calendar item:"
                    + " add WHERE ItemId = '...' (ids are in the Calendar table).", "42000");
        }
        List<Object[]> out = new ArrayList<>();
        client.call("GetItem", q.scope, true, w -> {
            w.writeStartElement(MESSAGES, "GetItem");
            EwsRequests.shape(w, "ItemShape", List.of(new EwsField(fieldUri, null,
                    EwsField.elementOf(fieldUri), "")), null);
            EwsRequests.itemIds(w, "ItemIds", List.of(id));
            w.writeEndElement();
        }, r -> {
            out.clear(); // a request sent again after its answer broke off starts over
            SoapReader.messages(r, "GetItem", c -> collectParts(c, element, out));
            return null;
        }, control);
        return out;
    }

    /** Every {@code element} below the reader's element becomes a row of its leaf values. */
    private void collectParts(XMLStreamReader r, String element, List<Object[]> out)
            throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamReader.START_ELEMENT) {
                if (r.getLocalName().equals(element)) {
                    out.add(row(r));
                } else {
                    depth++;
                }
            } else if (e == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** A row from an element's descendants, by the columns' paths (the first segment). */
    private Object[] row(XMLStreamReader r) throws XMLStreamException {
        Map<String, String> leaves = new HashMap<>();
        walk(r, leaves);
        Object[] row = q.newRow();
        for (int i = 0; i < q.columns.size(); i++) {
            ColumnDef c = q.columns.get(i);
            if (c.path().isEmpty() || c.path().get(0).contains(":")) {
                continue;
            }
            row[i] = EwsValues.parse(c.type(), leaves.get(c.path().get(0)));
        }
        return row;
    }

    /**
     * Collects the leaf texts below the element the reader is on (the first of each name; an
     * {@code ItemId} by its Id) and leaves the reader on its end; returns the element's own text
     * when it has no child elements, else null.
     */
    private static String walk(XMLStreamReader r, Map<String, String> out)
            throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        boolean children = false;
        while (true) {
            int e = r.next();
            if (e == XMLStreamReader.START_ELEMENT) {
                children = true;
                String n = r.getLocalName();
                if (n.equals("ItemId")) {
                    out.putIfAbsent(n, Xml.attr(r, "Id"));
                }
                String text = walk(r, out);
                if (text != null) {
                    out.putIfAbsent(n, text);
                }
            } else if (e == XMLStreamReader.CHARACTERS || e == XMLStreamReader.CDATA) {
                sb.append(r.getText());
            } else if (e == XMLStreamReader.END_ELEMENT) {
                return children ? null : sb.toString();
            }
        }
    }

    /** The addresses of a GetRooms or GetRoomLists answer, a row each. */
    private List<Object[]> addresses(XMLStreamReader r, String operation)
            throws XMLStreamException, SQLException {
        List<Object[]> out = new ArrayList<>();
        String element = operation.equals("GetRooms") ? "Id" : "Address";
        SoapReader.message(r, operation, c -> collectParts(c, element, out));
        return out;
    }

    @Override
    public Object[] current() {
        return current;
    }

    @Override
    public void close() {
        rows = new ArrayDeque<>();
    }
}
