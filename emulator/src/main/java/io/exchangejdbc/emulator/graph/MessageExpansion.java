package io.exchangejdbc.emulator.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import io.exchangejdbc.emulator.graph.odata.ODataException;
import io.exchangejdbc.emulator.store.ExtendedProperty;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $expand} of a message request: {@code attachments}, and
 * {@code singleValueExtendedProperties($filter=id eq '...')}, which Graph serves only for
 * properties named by id; a message without the property is written without the collection.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get">Get
 *     single-value extended property</a>
 */
final class MessageExpansion {

    private static final String EXTENDED = "singlevalueextendedproperties";
    private static final Pattern ID_FILTER = Pattern.compile(
            "\\(\\s*\\$filter\\s*=\\s*id\\s+eq\\s+'((?:[^']|'')*)'\\s*\\)", Pattern.CASE_INSENSITIVE);

    private final boolean attachments;
    private final String propertyId;

    private MessageExpansion(boolean attachments, String propertyId) {
        this.attachments = attachments;
        this.propertyId = propertyId;
    }

    /** Parses {@code $expand} (null: nothing expanded). */
    static MessageExpansion parse(String expand) {
        boolean attachments = false;
        String propertyId = null;
        if (expand != null) {
            for (String item : splitTopLevel(expand)) {
                String name = item.trim();
                int paren = name.indexOf('(');
                String bare = (paren < 0 ? name : name.substring(0, paren)).trim()
                        .toLowerCase(Locale.ROOT);
                if (bare.equals("attachments") && paren < 0) {
                    attachments = true;
                } else if (bare.equals(EXTENDED)) {
                    Matcher m = ID_FILTER.matcher(paren < 0 ? "" : name.substring(paren));
                    if (!m.matches()) {
                        throw new GraphError(400, "ErrorInvalidUrlQuery", "The query parameter"
                                + " '$expand' is invalid: singleValueExtendedProperties must be"
                                + " expanded with $filter=id eq '...'.");
                    }
                    propertyId = m.group(1).replace("''", "'");
                } else {
                    throw new ODataException(ODataException.PARSE_URI, "Could not find a"
                            + " property named '" + name + "' on type 'microsoft.graph.message'.");
                }
            }
        }
        return new MessageExpansion(attachments, propertyId);
    }

    /** Splits at commas outside parentheses and quotes. */
    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** The writer of the expanded collections for messages of a mailbox, or null for none. */
    GraphFront.EntityExtra extra(Mailbox mailbox) {
        if (!attachments && propertyId == null) {
            return null;
        }
        return (g, entity) -> {
            if (attachments) {
                GraphFront.writeAttachments(g, entity);
            }
            if (propertyId != null) {
                writeProperties(g, mailbox, (Message) entity);
            }
        };
    }

    private void writeProperties(JsonGenerator g, Mailbox mailbox, Message m)
            throws IOException {
        List<ExtendedProperty> match = new ArrayList<>();
        for (ExtendedProperty p : mailbox.extendedProperties().of(m.id())) {
            if (p.id().equalsIgnoreCase(propertyId)) {
                match.add(p);
            }
        }
        if (match.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("singleValueExtendedProperties");
        for (ExtendedProperty p : match) {
            g.writeStartObject();
            g.writeStringField("id", p.id());
            g.writeStringField("value", p.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
