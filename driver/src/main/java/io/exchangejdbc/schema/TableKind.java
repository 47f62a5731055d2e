package io.exchangejdbc.schema;

/** Whether a catalog entry is a base table (possibly writable) or a read-only view. */
public enum TableKind {
    TABLE("TABLE"),
    VIEW("VIEW");

    private final String jdbcName;

    TableKind(String jdbcName) {
        this.jdbcName = jdbcName;
    }

    /** The {@code TABLE_TYPE} reported by {@code DatabaseMetaData.getTables}. */
    public String jdbcName() {
        return jdbcName;
    }
}
