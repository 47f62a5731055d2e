package io.exchangejdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A table of the catalog while it is being declared: its name, description, Graph resource and
 * columns in SQL order; turns into a {@link TableDef}.
 */
final class TableSpec {

    private final String name;
    private final TableKind kind;
    private String description;
    private GraphResource graph;
    private boolean readOnly;
    private final List<ColumnSpec> columns = new ArrayList<>();

    private TableSpec(String name, TableKind kind) {
        this.name = requireNonNull(name, "name");
        this.kind = requireNonNull(kind, "kind");
    }

    /** A base table. */
    static TableSpec table(String name) {
        return new TableSpec(name, TableKind.TABLE);
    }

    /** A read-only view. */
    static TableSpec view(String name) {
        return new TableSpec(name, TableKind.VIEW).readOnly();
    }

    /** What a row of the table is, for {@code REMARKS}. */
    TableSpec describe(String text) {
        this.description = text;
        return this;
    }

    /** Where the rows live in Microsoft Graph. */
    TableSpec graph(GraphResource resource) {
        this.graph = resource;
        return this;
    }

    /** INSERT, UPDATE and DELETE are refused. */
    TableSpec readOnly() {
        this.readOnly = true;
        return this;
    }

    /** Appends columns in SQL order. */
    TableSpec columns(ColumnSpec... specs) {
        Collections.addAll(columns, specs);
        return this;
    }

    String name() {
        return name;
    }

    /** Names of the columns the service returns only for a single item read by id. */
    Set<String> singleItemOnlyColumns() {
        Set<String> names = new LinkedHashSet<>();
        for (ColumnSpec c : columns) {
            if (!c.listed()) {
                names.add(c.name());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    TableDef build() {
        if (description == null || description.isBlank()) {
            throw new IllegalStateException("table " + name + " has no description");
        }
        List<ColumnDef> defs = new ArrayList<>(columns.size());
        for (ColumnSpec c : columns) {
            defs.add(c.build());
        }
        return new TableDef(name, kind, description, defs, graph, readOnly);
    }
}
