package io.exchangejdbc.schema;

/** What a column is made of on the service side. */
public enum ColumnNature {
    /** A scalar property, possibly nested in complex values ({@code from_emailAddress_address}). */
    PROPERTY,
    /**
     * A collection (of strings or of complex values) or a complex value kept whole, returned as
     * one VARCHAR holding the JSON text of the value.
     */
    JSON,
    /**
     * An input-only column that does not exist in the resource: it routes the request (for
     * example {@code UserId} selects the mailbox). Its value in a row is the routing value used.
     */
    PSEUDO
}
