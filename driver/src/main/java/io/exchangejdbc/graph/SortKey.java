package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.schema.ColumnDef;

/** One key of a pushed-down {@code $orderby}. */
public record SortKey(ColumnDef column, boolean descending) {
    public SortKey {
        requireNonNull(column, "column");
    }
}
