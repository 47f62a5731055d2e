/**
 * The declarative table catalog: for every table of each back end, its columns (SQL type, where
 * the value comes from, key, read-only, which comparisons and orderings the service can do) and
 * where its rows live; the rest of the driver reads {@link io.exchangejdbc.schema.Catalog}.
 */
package io.exchangejdbc.schema;
