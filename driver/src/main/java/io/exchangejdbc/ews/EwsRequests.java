package io.exchangejdbc.ews;

import static io.exchangejdbc.ews.EwsNames.MESSAGES;
import static io.exchangejdbc.ews.EwsNames.TYPES;

import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Pieces that several EWS requests share: response shapes with the columns' properties as
 * {@code AdditionalProperties}, folder ids (a distinguished folder, possibly of a shared
 * mailbox, or a folder id) and item ids.
 */
final class EwsRequests {

    private EwsRequests() {
    }

    /** A folder to read: a distinguished one (of a shared mailbox when given) or an id. */
    record Folder(String distinguishedId, String mailbox, String folderId) {
        static Folder of(String distinguishedId, String mailbox, String folderId) {
            return folderId != null ? new Folder(null, null, folderId)
                    : new Folder(distinguishedId, mailbox, null);
        }

        void write(XMLStreamWriter w) throws XMLStreamException {
            if (folderId != null) {
                w.writeEmptyElement(TYPES, "FolderId");
                w.writeAttribute("Id", folderId);
                return;
            }
            if (mailbox == null) {
                w.writeEmptyElement(TYPES, "DistinguishedFolderId");
                w.writeAttribute("Id", distinguishedId);
                return;
            }
            w.writeStartElement(TYPES, "DistinguishedFolderId");
            w.writeAttribute("Id", distinguishedId);
            w.writeStartElement(TYPES, "Mailbox");
            SoapWriter.text(w, TYPES, "EmailAddress", mailbox);
            w.writeEndElement();
            w.writeEndElement();
        }
    }

    /** The distinct property paths of the given columns (pseudo-columns have none). */
    static List<EwsField> paths(List<ColumnDef> columns) {
        Set<String> seen = new LinkedHashSet<>();
        List<EwsField> out = new ArrayList<>();
        for (ColumnDef c : columns) {
            if (c.nature() == ColumnNature.PSEUDO) {
                continue;
            }
            EwsField f = EwsField.of(c);
            if (f.fieldUri() != null && seen.add(f.fieldUri() + "|" + f.index())) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * {@code <m:ItemShape>} (or FolderShape): IdOnly plus the properties, and the body format
     * when the body is asked for and {@code bodyType} is not Best.
     */
    static void shape(XMLStreamWriter w, String element, List<EwsField> properties,
            String bodyType) throws XMLStreamException {
        w.writeStartElement(MESSAGES, element);
        SoapWriter.text(w, TYPES, "BaseShape", "IdOnly");
        if (bodyType != null && !bodyType.equalsIgnoreCase("Best")
                && properties.stream().anyMatch(f -> f.fieldUri().equals("item:Body"))) {
            SoapWriter.text(w, TYPES, "BodyType",
                    bodyType.equalsIgnoreCase("HTML") ? "HTML" : "Text");
        }
        if (!properties.isEmpty()) {
            w.writeStartElement(TYPES, "AdditionalProperties");
            for (EwsField f : properties) {
                SoapWriter.path(w, f.fieldUri(), f.index());
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** {@code <m:ItemIds>} of the given ids. */
    static void itemIds(XMLStreamWriter w, String element, List<String> ids)
            throws XMLStreamException {
        w.writeStartElement(MESSAGES, element);
        for (String id : ids) {
            w.writeEmptyElement(TYPES, "ItemId");
            w.writeAttribute("Id", id);
        }
        w.writeEndElement();
    }
}
