/**
 * The OData query language as Graph speaks it: a small type model and the parsing and evaluation
 * of {@code $filter}, {@code $orderby} and {@code $select}.
 */
package io.exchangejdbc.emulator.graph.odata;
