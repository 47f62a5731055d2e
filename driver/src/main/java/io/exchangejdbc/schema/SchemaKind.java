package io.exchangejdbc.schema;

/** The back end a connection speaks to, chosen by the {@code Schema} connection property. */
public enum SchemaKind {
    /** Exchange Online through Microsoft Graph v1.0 (the default). */
    MSGRAPH("MSGraph"),
    /** Exchange Server (and Exchange Online where still allowed) through Exchange Web Services. */
    EWS("EWS");

    private final String propertyValue;

    SchemaKind(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    /** The spelling used in connection strings and as the SQL schema name. */
    public String propertyValue() {
        return propertyValue;
    }
}
