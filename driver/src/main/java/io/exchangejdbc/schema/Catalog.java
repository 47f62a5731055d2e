package io.exchangejdbc.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables of one back end, as the SQL user sees them: every other part of the driver (the
 * Calcite schema, the planner rules, the Graph and EWS clients, {@code DatabaseMetaData}) reads
 * them from here. Built once per back end, when first asked for (a Graph connection never builds
 * the EWS tables, nor the other way round); immutable and cheap to reach.
 */
public final class Catalog {

    /** The MSGraph catalog, built when this holder class is first used. */
    private static final class MsGraph {
        static final Catalog INSTANCE =
                new Catalog(GraphCatalog.tables(), GraphProcedures.procedures());
    }

    /** The EWS catalog, built when this holder class is first used. */
    private static final class Ews {
        static final Catalog INSTANCE =
                new Catalog(EwsCatalog.tables(), EwsProcedures.procedures());
    }

    private final List<TableDef> tables;
    private final Map<String, TableDef> byName;
    private final Map<String, Set<String>> singleItemOnly;

    private final List<ProcedureDef> procedures;

    private Catalog(List<TableSpec> specs, List<ProcedureDef> procedures) {
        this.procedures = List.copyOf(procedures);
        List<TableDef> defs = new ArrayList<>(specs.size());
        Map<String, TableDef> names = new HashMap<>();
        Map<String, Set<String>> unlisted = new HashMap<>();
        for (TableSpec spec : specs) {
            TableDef def = spec.build();
            if (names.put(def.normalizedName(), def) != null) {
                throw new IllegalStateException("table " + def.name() + " declared twice");
            }
            defs.add(def);
            Set<String> upper = new HashSet<>();
            for (String c : spec.singleItemOnlyColumns()) {
                upper.add(c.toUpperCase(Locale.ROOT));
            }
            unlisted.put(def.normalizedName(), Set.copyOf(upper));
        }
        this.tables = List.copyOf(defs);
        this.byName = Map.copyOf(names);
        this.singleItemOnly = Map.copyOf(unlisted);
    }

    /** The catalog of a back end: the Graph tables for MSGraph, the EWS tables for EWS. */
    public static Catalog of(SchemaKind kind) {
        switch (requireNonNull(kind, "kind")) {
            case MSGRAPH:
                return MsGraph.INSTANCE;
            case EWS:
                return Ews.INSTANCE;
            default:
                throw new IllegalArgumentException("no catalog for " + kind);
        }
    }

    /** The stored procedures, in declaration order. */
    public List<ProcedureDef> procedures() {
        return procedures;
    }

    /** The procedure with that name, ignoring case, or null. */
    public ProcedureDef procedure(String name) {
        for (ProcedureDef p : procedures) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    /** The tables and views, in declaration order. */
    public List<TableDef> tables() {
        return tables;
    }

    /** The table with that name, ignoring case, or null. */
    public TableDef table(String name) {
        return name == null ? null : byName.get(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether the service returns the column when it lists the table's collection. False for the
     * few properties Graph serves only when one item is read by id (on {@code Users}:
     * {@code aboutMe}, {@code birthday}, {@code mailboxSettings}, ...): asking for them in a
     * list's {@code $select} is refused, so a scan must leave them out (or read them per item).
     *
     * <p>This belongs on {@link ColumnDef}; it lives here until that record carries it.
     */
    public boolean isListed(TableDef table, ColumnDef column) {
        Set<String> unlisted = singleItemOnly.get(table.normalizedName());
        return unlisted == null || !unlisted.contains(column.name().toUpperCase(Locale.ROOT));
    }
}
