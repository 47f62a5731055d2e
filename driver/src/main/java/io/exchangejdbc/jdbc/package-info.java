/**
 * The JDBC front of the driver: the {@code java.sql.Driver}, the {@code DataSource}, and the
 * connection, statement and metadata behaviour that differs from Calcite's.
 */
package io.exchangejdbc.jdbc;
