package io.exchangejdbc.schema;

/** How the answers of a table's Graph resource become rows. */
public enum RowShape {
    /** Each entity of the collection (followed through its pages) is a row. */
    ENTITIES,
    /** The resource is one object per mailbox ({@code /mailboxSettings}), read as one row. */
    MAILBOX_OBJECT,
    /**
     * Each recipient of a message's {@code toRecipients}, {@code ccRecipients} and
     * {@code bccRecipients} is a row.
     */
    MESSAGE_RECIPIENTS,
    /**
     * Each single-value extended property of a message, expanded by its id
     * ({@code $expand=singleValueExtendedProperties($filter=id eq '...')}), is a row.
     */
    EXTENDED_PROPERTIES,
    /** Each line of a usage report's CSV download is a row. */
    USAGE_REPORT
}
