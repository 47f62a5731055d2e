package io.exchangejdbc.ews;

import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;

/**
 * The EWS property behind a catalog column, decoded from its path: the {@code FieldURI}
 * ({@code item:Subject}), the index of an indexed property ({@code EmailAddress1}), the element
 * that holds the value in an item ({@code Subject}, {@code EmailAddresses}) and which part of
 * that element the column reads.
 *
 * @param fieldUri the FieldURI, or null for a pseudo-column
 * @param index    the FieldIndex of an indexed property, or null
 * @param element  the local name of the element holding the value in an item or folder
 * @param part     {@code ""} for the text, {@code @Attr} for an attribute, or {@code Name},
 *                 {@code EmailAddress}, {@code Names}, {@code EmailAddresses}, {@code Strings},
 *                 {@code AttachmentIds}; {@code [Key]} for an indexed entry
 */
public record EwsField(String fieldUri, String index, String element, String part) {

    /** The field of a column. */
    public static EwsField of(ColumnDef column) {
        if (column.nature() == ColumnNature.PSEUDO || column.path().isEmpty()) {
            return new EwsField(null, null, null, "");
        }
        String uri = column.path().get(0);
        String part = column.path().size() > 1 ? column.path().get(1) : "";
        String index = part.startsWith("[") && part.endsWith("]")
                ? part.substring(1, part.length() - 1) : null;
        return new EwsField(uri, index, elementOf(uri), part);
    }

    /** The element of an item that holds a FieldURI's value. */
    static String elementOf(String fieldUri) {
        int colon = fieldUri.indexOf(':');
        String name = colon < 0 ? fieldUri : fieldUri.substring(colon + 1);
        switch (fieldUri) {
            case "contacts:EmailAddress":
                return "EmailAddresses";
            case "contacts:PhoneNumber":
                return "PhoneNumbers";
            default:
                return name;
        }
    }
}
