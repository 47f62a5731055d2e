package io.exchangejdbc.ews;

import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one item or folder element of an EWS response ({@code t:Message},
 * {@code t:CalendarItem}, {@code t:Folder}, ...) into a row, streaming: each property element is
 * matched to the columns that read it ({@link EwsField}), and only those are kept.
 *
 * <p>Lists (recipients, attendees, categories, attachment names) become one text with the
 * values separated by {@code ;}. Reusable, not thread-safe.
 */
final class ItemReader {

    private final List<ColumnDef> columns;
    private final ColumnType[] types;
    private final Map<String, Property> byElement = new HashMap<>();
    private final EwsField[] fields;
    private final String[] elementNames;
    private final Property[] properties;

    /** The columns one property element fills. */
    private static final class Property {
        int[] slots = new int[0];
        /** Every slot reads the element's own text: no descendant or attribute is kept. */
        boolean textOnly = true;
    }

    ItemReader(List<ColumnDef> columns) {
        this.columns = List.copyOf(columns);
        this.fields = new EwsField[columns.size()];
        this.types = new ColumnType[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            EwsField f = EwsField.of(columns.get(i));
            fields[i] = f;
            types[i] = columns.get(i).type();
            if (f.element() != null) {
                Property p = byElement.computeIfAbsent(f.element(), k -> new Property());
                p.slots = Arrays.copyOf(p.slots, p.slots.length + 1);
                p.slots[p.slots.length - 1] = i;
                p.textOnly &= f.part().isEmpty() && f.index() == null;
            }
        }
        this.elementNames = byElement.keySet().toArray(new String[0]);
        this.properties = new Property[elementNames.length];
        for (int i = 0; i < elementNames.length; i++) {
            properties[i] = byElement.get(elementNames[i]);
        }
    }

    /**
     * Reads the item the reader is on (its start) into {@code row}, leaving the reader on its end.
     * Values of columns not present in the element are left untouched.
     */
    void read(XMLStreamReader r, Object[] row) throws XMLStreamException {
        while (Xml.nextChild(r)) {
            Property p = property(r.getLocalName());
            if (p == null) {
                Xml.skip(r);
            } else if (p.textOnly) {
                String value = ownText(r);
                for (int s : p.slots) {
                    row[s] = EwsValues.parse(types[s], value);
                }
            } else {
                readProperty(r, p.slots, row);
            }
        }
    }

    /**
     * The columns of a property element, or null. A scan of the few names read: StAX readers
     * give local names as canonical strings, as the catalog's are, so they are mostly the same
     * instance.
     */
    private Property property(String name) {
        String[] names = elementNames;
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return properties[i];
            }
        }
        return names.length == 0 ? null : byElement.get(name);
    }

    /**
     * The text directly inside the element the reader is on (its start), read to its end; null
     * when it has none but has child elements. What {@link #readProperty} gives a column that
     * reads the element's own text, without collecting the rest.
     */
    private static String ownText(XMLStreamReader r) throws XMLStreamException {
        String text = null;
        StringBuilder more = null;
        boolean sawChild = false;
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                sawChild = true;
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && (e == XMLStreamConstants.CHARACTERS
                    || e == XMLStreamConstants.CDATA)) {
                if (text == null) {
                    text = r.getText();
                } else {
                    if (more == null) {
                        more = new StringBuilder(text);
                    }
                    more.append(r.getText());
                }
            }
        }
        if (more != null) {
            return more.toString();
        }
        if (text == null) {
            return sawChild ? null : "";
        }
        return text.isEmpty() && sawChild ? null : text;
    }

    private void readProperty(XMLStreamReader r, int[] slots, Object[] row)
            throws XMLStreamException {
        // attributes of the property element itself
        for (int s : slots) {
            String part = fields[s].part();
            if (part.startsWith("@")) {
                row[s] = EwsValues.parse(types[s], Xml.attr(r, part.substring(1)));
            }
        }
        Collected c = collect(r);
        for (int s : slots) {
            String part = fields[s].part();
            String value;
            if (part.startsWith("@")) {
                continue;
            } else if (part.isEmpty()) {
                value = c.text.length() == 0 && c.sawChild ? null : c.text.toString();
            } else if (fields[s].index() != null) {
                value = c.entries.get(fields[s].index());
            } else {
                value = switch (part) {
                    case "Name" -> first(c.values.get("Name"));
                    case "EmailAddress" -> first(c.values.get("EmailAddress"));
                    case "Names" -> join(c.values.get("Name"));
                    case "EmailAddresses" -> join(c.values.get("EmailAddress"));
                    case "Strings" -> join(c.values.get("String"));
                    case "AttachmentIds" -> join(c.values.get("AttachmentId@Id"));
                    default -> first(c.values.get(part));
                };
            }
            row[s] = EwsValues.parse(types[s], value);
        }
    }

    /** What a property element holds: its own text, descendants' texts by name, entries. */
    private static final class Collected {
        final StringBuilder text = new StringBuilder();
        final Map<String, List<String>> values = new HashMap<>();
        final Map<String, String> entries = new HashMap<>();
        boolean sawChild;
    }

    private static Collected collect(XMLStreamReader r) throws XMLStreamException {
        Collected c = new Collected();
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                c.sawChild = true;
                String n = r.getLocalName();
                if (n.equals("AttachmentId")) {
                    add(c, "AttachmentId@Id", Xml.attr(r, "Id"));
                    Xml.skip(r);
                } else if (n.equals("Entry")) {
                    String key = Xml.attr(r, "Key");
                    String v = readLeafText(r);
                    if (key != null && v != null) {
                        c.entries.put(key, v);
                    }
                } else if (n.equals("Mailbox") || n.equals("Attendee")
                        || n.endsWith("Attachment")) {
                    depth++;
                } else {
                    String v = readLeafText(r);
                    if (v != null) {
                        add(c, n, v);
                    }
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if ((e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA)
                    && depth == 1) {
                c.text.append(r.getText());
            }
        }
        return c;
    }

    /** The text of an element without children, or null (and skipped) when it has children. */
    private static String readLeafText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        boolean nested = false;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                nested = true;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && (e == XMLStreamConstants.CHARACTERS
                    || e == XMLStreamConstants.CDATA)) {
                sb.append(r.getText());
            }
        }
        return nested ? null : sb.toString();
    }

    private static void add(Collected c, String name, String value) {
        c.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String join(List<String> values) {
        return values == null ? null : String.join(";", values);
    }
}
