package io.exchangejdbc.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import io.exchangejdbc.schema.ColumnType;
import io.exchangejdbc.schema.RowShape;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Rows made of the elements of a collection inside each message: its recipients
 * ({@link RowShape#MESSAGE_RECIPIENTS}, one row per To, Cc and Bcc recipient) or its single-value
 * extended properties ({@link RowShape#EXTENDED_PROPERTIES}, expanded by id). The messages are
 * read by a {@link GraphScan} that selects only what the elements need (and the message id), with
 * the query's mailboxes, filter and route; the row limit counts element rows, so it is applied
 * here and not to the messages.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/resources/recipient">recipient</a>
 * @see <a href="https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get">Get
 *     single-value extended property</a>
 */
final class ElementRows implements RowCursor {

    private static final String[] RECIPIENT_LISTS = {"toRecipients", "ccRecipients",
        "bccRecipients"};
    private static final String[] RECIPIENT_TYPES = {"To", "Cc", "Bcc"};

    private final GraphQuery query;
    private final RowShape shape;
    private final RowCursor messages;
    private final long limit;
    /** For each output column: where its value comes from. */
    private final Source[] sources;
    private final int idSlot;
    private final int userSlot;
    private final int routeSlot;
    private final int firstListSlot;
    private final Deque<Object[]> pending = new ArrayDeque<>();
    private Object[] current;
    private long produced;

    private enum Source {
        MESSAGE_ID, USER_ID, ROUTE, RECIPIENT_TYPE, NAME, ADDRESS, PROPERTY_ID, VALUE, NONE
    }

    private ElementRows(GraphQuery query, RowCursor messages, long limit, Source[] sources,
            int idSlot, int userSlot, int routeSlot, int firstListSlot) {
        this.query = query;
        this.shape = query.resource().shape();
        this.messages = messages;
        this.limit = limit;
        this.sources = sources;
        this.idSlot = idSlot;
        this.userSlot = userSlot;
        this.routeSlot = routeSlot;
        this.firstListSlot = firstListSlot;
    }

    /** Starts the scan of the messages behind an element query. */
    static RowCursor open(GraphClient client, GraphQuery query, Operand.Parameters params)
            throws SQLException {
        RowShape shape = query.resource().shape();
        List<ColumnDef> inner = new ArrayList<>();
        ColumnDef messageId = query.table().column("messageId");
        inner.add(messageId);
        ColumnDef userId = query.table().column("UserId");
        inner.add(userId);
        int routeSlot = -1;
        if (query.route() != null) {
            routeSlot = inner.size();
            inner.add(query.table().column(query.route().column()));
        }
        int firstListSlot = inner.size();
        if (shape == RowShape.MESSAGE_RECIPIENTS) {
            for (String list : RECIPIENT_LISTS) {
                inner.add(hiddenJson(list));
            }
        } else {
            inner.add(hiddenJson(GraphRequestPlan.EXTENDED_PROPERTIES));
        }
        Source[] sources = new Source[query.output().size()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = source(query, query.output().get(i));
        }
        long limit = client.settings().maxRows() > 0 ? client.settings().maxRows()
                : Long.MAX_VALUE;
        if (query.limit() != null && query.limit().resolve(params) instanceof Number n
                && n.longValue() >= 0) {
            limit = Math.min(limit, n.longValue());
        }
        GraphQuery messagesQuery = query.withOutput(inner).withLimit(null).withOrderBy(List.of());
        RowCursor cursor = new GraphScan(client, messagesQuery, params);
        return new ElementRows(query, cursor, limit, sources, 0, 1, routeSlot, firstListSlot);
    }

    private static Source source(GraphQuery query, ColumnDef c) {
        String n = c.name();
        if (n.equalsIgnoreCase("messageId")) {
            return Source.MESSAGE_ID;
        }
        if (n.equalsIgnoreCase("UserId")) {
            return Source.USER_ID;
        }
        if (query.resource().shape() == RowShape.MESSAGE_RECIPIENTS) {
            if (n.equalsIgnoreCase("recipientType")) {
                return Source.RECIPIENT_TYPE;
            }
            if (n.equalsIgnoreCase("name")) {
                return Source.NAME;
            }
            if (n.equalsIgnoreCase("address")) {
                return Source.ADDRESS;
            }
        } else {
            if (n.equalsIgnoreCase("id")) {
                return Source.PROPERTY_ID;
            }
            if (n.equalsIgnoreCase("value")) {
                return Source.VALUE;
            }
        }
        return Source.NONE;
    }

    /** A collection the driver reads for itself, as JSON text. */
    private static ColumnDef hiddenJson(String property) {
        return new ColumnDef(property, ColumnType.VARCHAR, List.of(property), ColumnNature.JSON,
                false, true, Set.of(), false, 0, "read by the driver to make element rows");
    }

    @Override
    public boolean next() throws SQLException {
        while (produced < limit) {
            Object[] row = pending.poll();
            if (row != null) {
                current = row;
                produced++;
                if (produced >= limit) {
                    messages.close();
                }
                return true;
            }
            if (!messages.next()) {
                return false;
            }
            expand(messages.current());
        }
        return false;
    }

    private void expand(Object[] message) throws SQLException {
        try {
            if (shape == RowShape.MESSAGE_RECIPIENTS) {
                for (int l = 0; l < RECIPIENT_LISTS.length; l++) {
                    Object json = message[firstListSlot + l];
                    if (json != null) {
                        recipients(message, RECIPIENT_TYPES[l], json.toString());
                    }
                }
            } else {
                Object json = message[firstListSlot];
                if (json != null) {
                    properties(message, json.toString());
                }
            }
        } catch (IOException e) {
            throw new SQLException("Reading " + query.table().name() + " failed: a message's "
                    + (shape == RowShape.MESSAGE_RECIPIENTS ? "recipients" : "properties")
                    + " are not valid JSON (" + e.getMessage() + ").", "08S01", e);
        }
    }

    private void recipients(Object[] message, String type, String json) throws IOException {
        try (JsonParser p = EntityRowReader.JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String name = null;
                String address = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    if (field.equals("emailAddress") && t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            JsonToken v = p.nextToken();
                            if (v == JsonToken.VALUE_STRING && f.equals("name")) {
                                name = p.getText();
                            } else if (v == JsonToken.VALUE_STRING && f.equals("address")) {
                                address = p.getText();
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                pending.add(row(message, type, name, address));
            }
        }
    }

    private void properties(Object[] message, String json) throws IOException {
        try (JsonParser p = EntityRowReader.JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String id = null;
                String value = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.VALUE_STRING && field.equals("id")) {
                        id = p.getText();
                    } else if (t == JsonToken.VALUE_STRING && field.equals("value")) {
                        value = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                pending.add(row(message, id, value, null));
            }
        }
    }

    /** An output row: for recipients (type, name, address), for properties (id, value). */
    private Object[] row(Object[] message, String a, String b, String c) {
        Object[] out = new Object[sources.length];
        for (int i = 0; i < sources.length; i++) {
            switch (sources[i]) {
                case MESSAGE_ID:
                    out[i] = message[idSlot];
                    break;
                case USER_ID:
                    out[i] = message[userSlot];
                    break;
                case ROUTE:
                    out[i] = routeSlot < 0 ? null : message[routeSlot];
                    break;
                case RECIPIENT_TYPE:
                case PROPERTY_ID:
                    out[i] = a;
                    break;
                case NAME:
                case VALUE:
                    out[i] = b;
                    break;
                case ADDRESS:
                    out[i] = c;
                    break;
                default:
                    out[i] = null;
            }
        }
        return out;
    }

    @Override
    public Object[] current() {
        return current;
    }

    @Override
    public void close() {
        pending.clear();
        messages.close();
    }
}
