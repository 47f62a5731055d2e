package io.exchangejdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One table or view of the SQL surface: its columns and where its rows come from. Every other
 * part of the driver (planner rules, the Graph client, {@code DatabaseMetaData}, documentation)
 * reads this description instead of repeating it.
 *
 * @param name        SQL name
 * @param kind        table or view
 * @param description what a row is, for {@code REMARKS}
 * @param columns     the columns in their SQL order (pseudo-columns included)
 * @param graph       the Graph resource (null when the table is not served by Graph)
 * @param readOnly    whether INSERT/UPDATE/DELETE are refused
 * @param writes      how INSERT, UPDATE and DELETE reach Graph, or null when the table is read
 *                    only
 * @param ews         the Exchange Web Services source (null when the table is not served by EWS)
 */
public record TableDef(
        String name,
        TableKind kind,
        String description,
        List<ColumnDef> columns,
        GraphResource graph,
        boolean readOnly,
        GraphWrite writes,
        EwsSource ews) {

    public TableDef {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
        requireNonNull(description, "description");
        columns = List.copyOf(requireNonNull(columns, "columns"));
        if (writes != null && readOnly) {
            throw new IllegalArgumentException("table " + name + " is read-only and has writes");
        }
    }

    /** A table without writes, served by Microsoft Graph only. */
    public TableDef(String name, TableKind kind, String description, List<ColumnDef> columns,
            GraphResource graph, boolean readOnly) {
        this(name, kind, description, columns, graph, readOnly, null, null);
    }

    /** A table served by Microsoft Graph only. */
    public TableDef(String name, TableKind kind, String description, List<ColumnDef> columns,
            GraphResource graph, boolean readOnly, GraphWrite writes) {
        this(name, kind, description, columns, graph, readOnly, writes, null);
    }

    /** The column with that name, ignoring case, or null. */
    public ColumnDef column(String columnName) {
        for (ColumnDef c : columns) {
            if (c.name().equalsIgnoreCase(columnName)) {
                return c;
            }
        }
        return null;
    }

    /** Index of the named column (ignoring case), or -1. */
    public int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(columnName)) {
                return i;
            }
        }
        return -1;
    }

    /** The primary-key columns in column order. */
    public List<ColumnDef> keyColumns() {
        List<ColumnDef> keys = new ArrayList<>();
        for (ColumnDef c : columns) {
            if (c.key()) {
                keys.add(c);
            }
        }
        return keys;
    }

    /** Upper-cased name, for case-insensitive lookups. */
    public String normalizedName() {
        return name.toUpperCase(Locale.ROOT);
    }
}
