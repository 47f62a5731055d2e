/**
 * The Calcite adapter: the schema and tables of a connection, the Exchange convention with the
 * rules that push filters, projections, orders and limits into the service's request, and the
 * boundary where Calcite's enumerable pipeline reads the rows.
 */
package io.exchangejdbc.calcite;
