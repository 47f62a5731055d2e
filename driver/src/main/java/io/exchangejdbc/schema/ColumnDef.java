package io.exchangejdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One column of a table of the catalog: its SQL name and type, where its value comes from in the
 * service's payload, and what the service can do with it (filter, sort).
 *
 * @param name        SQL name, Graph's own spelling with complex values flattened by {@code _}
 * @param type        SQL type
 * @param path        JSON path of the value in a Graph entity ({@code ["from","emailAddress","address"]});
 *                    for a {@link ColumnNature#PSEUDO} column, empty
 * @param nature      scalar, JSON text, or pseudo-column
 * @param key         part of the table's primary key
 * @param readOnly    the service computes it; refused in INSERT/UPDATE
 * @param filterOps   the comparisons the service can evaluate on it in {@code $filter}
 * @param sortable    the service can {@code $orderby} it
 * @param size        column size for metadata (characters for VARCHAR, 0 when not meaningful)
 * @param description what the column holds, for {@code REMARKS}
 */
public record ColumnDef(
        String name,
        ColumnType type,
        List<String> path,
        ColumnNature nature,
        boolean key,
        boolean readOnly,
        Set<FilterOp> filterOps,
        boolean sortable,
        int size,
        String description) {

    public ColumnDef {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        path = List.copyOf(requireNonNull(path, "path"));
        requireNonNull(nature, "nature");
        filterOps = filterOps.isEmpty()
                ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(filterOps));
        requireNonNull(description, "description");
    }

    /**
     * The top-level property of the entity this column reads, which is what {@code $select}
     * names ({@code from} for {@code from_emailAddress_address}); null for a pseudo-column.
     */
    public String selectName() {
        return path.isEmpty() ? null : path.get(0);
    }

    /** Whether the service can evaluate the given comparison on this column. */
    public boolean canFilter(FilterOp op) {
        return filterOps.contains(op);
    }
}
