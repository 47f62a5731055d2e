package io.exchangejdbc.schema;

import java.sql.Types;

/**
 * SQL type of a column, with the JDBC type code and the Java class of its value as the driver
 * produces it internally (Calcite's representation: a TIMESTAMP is epoch milliseconds in UTC, a
 * DATE is days since the epoch).
 *
 * <p>The mapping from the Graph CSDL follows DATA-MODEL.md: Edm.String and enums to VARCHAR,
 * Edm.Boolean to BOOLEAN, Edm.Int32 to INTEGER, Edm.Int64 to BIGINT, Edm.Double to DOUBLE,
 * Edm.Date to DATE, Edm.DateTimeOffset to TIMESTAMP (UTC), Edm.Binary to VARBINARY.
 */
public enum ColumnType {
    VARCHAR(Types.VARCHAR, String.class),
    BOOLEAN(Types.BOOLEAN, Boolean.class),
    INTEGER(Types.INTEGER, Integer.class),
    BIGINT(Types.BIGINT, Long.class),
    DOUBLE(Types.DOUBLE, Double.class),
    /** Days since 1970-01-01 as an {@link Integer}. */
    DATE(Types.DATE, Integer.class),
    /** Milliseconds since the epoch, UTC, as a {@link Long}. */
    TIMESTAMP(Types.TIMESTAMP, Long.class),
    /** Bytes as Calcite's {@code org.apache.calcite.avatica.util.ByteString}. */
    VARBINARY(Types.VARBINARY, Object.class);

    private final int jdbcType;
    private final Class<?> internalClass;

    ColumnType(int jdbcType, Class<?> internalClass) {
        this.jdbcType = jdbcType;
        this.internalClass = internalClass;
    }

    /** The {@link java.sql.Types} code reported by {@code DatabaseMetaData.getColumns}. */
    public int jdbcType() {
        return jdbcType;
    }

    /** The Java class of a value of this type inside the driver's row arrays. */
    public Class<?> internalClass() {
        return internalClass;
    }
}
