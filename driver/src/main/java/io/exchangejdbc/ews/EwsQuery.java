package io.exchangejdbc.ews;

import io.exchangejdbc.graph.GraphQuery;
import io.exchangejdbc.graph.ODataExpr;
import io.exchangejdbc.graph.Operand;
import io.exchangejdbc.graph.SortKey;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import io.exchangejdbc.schema.EwsSource;
import io.exchangejdbc.schema.FilterOp;
import io.exchangejdbc.schema.TableDef;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A planned scan of an EWS table with its parameters bound, taken apart the way EWS needs it:
 * the equalities at the top of WHERE that choose what is read rather than filter it (the
 * pseudo-columns {@code ImpersonationUser}, {@code ImpersonationType},
 * {@code SharedMailboxEmail}, {@code ParentFolderName}, {@code RoomListEmail}; a subfolder's
 * {@code ParentFolderId}; the calendar item's {@code ItemId} of attendee rows), the rest of the
 * filter, the mailbox scope, the row limit, and the columns read (the selected ones, then the
 * ones the scan needs besides).
 */
final class EwsQuery {

    final GraphQuery query;
    final TableDef table;
    final EwsSource source;
    final List<ColumnDef> output;
    final List<ColumnDef> columns;
    final Map<String, Object> selectors;
    final ODataExpr rest;
    final MailboxScope scope;
    final long limit;
    final List<SortKey> orderBy;
    final Operand.Parameters params;
    /**
     * ParentFolderId when it is among the columns only because a folder scan walks the tree by
     * it (the query neither selects, filters nor sorts by it), else null: a scan of items need
     * not ask for it.
     */
    final ColumnDef walkOnlyParent;
    /** A new row's values: the selectors' in their columns, null elsewhere. */
    private final Object[] rowTemplate;

    private EwsQuery(GraphQuery query, List<ColumnDef> columns, Map<String, Object> selectors,
            ODataExpr rest, MailboxScope scope, long limit, Operand.Parameters params,
            ColumnDef walkOnlyParent) {
        this.walkOnlyParent = walkOnlyParent;
        this.query = query;
        this.table = query.table();
        this.source = table.ews();
        this.output = query.output();
        this.columns = List.copyOf(columns);
        this.selectors = Map.copyOf(selectors);
        this.rowTemplate = new Object[this.columns.size()];
        for (int i = 0; i < rowTemplate.length; i++) {
            rowTemplate[i] = this.selectors.get(
                    this.columns.get(i).name().toUpperCase(Locale.ROOT));
        }
        this.rest = rest;
        this.scope = scope;
        this.limit = limit;
        this.orderBy = query.orderBy();
        this.params = params;
    }

    static EwsQuery of(GraphQuery q, Operand.Parameters params, EwsSettings settings)
            throws SQLException {
        TableDef table = q.table();
        Map<String, Object> selectors = new HashMap<>();
        List<ODataExpr> rest = new ArrayList<>();
        for (ODataExpr e : conjuncts(q.filter())) {
            if (e instanceof ODataExpr.Compare c && c.op() == FilterOp.EQ
                    && isSelector(table, c.column())) {
                Object value = c.value().resolve(params);
                String key = c.column().name().toUpperCase(Locale.ROOT);
                if (value == null) {
                    throw new SQLException(c.column().name() + " = NULL selects nothing; give a"
                            + " value.", "42000");
                }
                Object before = selectors.put(key, value);
                if (before != null && !before.equals(value)) {
                    throw new SQLException(c.column().name() + " is given two values; a query"
                            + " of " + table.name() + " reads one at a time.", "42000");
                }
                continue;
            }
            ColumnDef pseudo = firstPseudo(e);
            if (pseudo != null) {
                throw new SQLException(pseudo.name() + " of " + table.name() + " is an input:"
                        + " give it with = at the top level of WHERE (joined by AND), as in"
                        + " WHERE " + pseudo.name() + " = '...'.", "42000");
            }
            rest.add(e);
        }
        String impUser = text(selectors.get("IMPERSONATIONUSER"));
        String impType = text(selectors.get("IMPERSONATIONTYPE"));
        MailboxScope base = settings.defaultScope();
        MailboxScope scope = new MailboxScope(
                impUser != null ? impUser : base.impersonationUser(),
                impType != null ? impType : base.impersonationType(),
                text(selectors.get("SHAREDMAILBOXEMAIL")));
        long limit = -1;
        if (q.limit() != null) {
            Object v = q.limit().resolve(params);
            if (v instanceof Number n) {
                limit = n instanceof BigDecimal d ? d.longValue() : n.longValue();
            }
        }
        if (settings.maxRows() > 0 && (limit < 0 || settings.maxRows() < limit)) {
            limit = settings.maxRows();
        }
        List<ColumnDef> columns = new ArrayList<>(q.output());
        for (ColumnDef c : table.keyColumns()) {
            addOnce(columns, c);
        }
        ColumnDef parent = table.column("ParentFolderId");
        boolean parentUsed = parent != null && columns.contains(parent);
        if (parent != null) {
            addOnce(columns, parent);
        }
        for (ODataExpr e : rest) {
            ODataExpr.addColumns(e, columns);
        }
        for (SortKey k : q.orderBy()) {
            addOnce(columns, k.column());
        }
        if (parent != null && !parentUsed) {
            List<ColumnDef> used = new ArrayList<>();
            rest.forEach(e -> ODataExpr.addColumns(e, used));
            q.orderBy().forEach(k -> addOnce(used, k.column()));
            parentUsed = used.contains(parent);
        }
        ODataExpr restExpr = rest.isEmpty() ? null
                : rest.size() == 1 ? rest.get(0) : new ODataExpr.And(rest);
        return new EwsQuery(q, columns, selectors, restExpr, scope, limit, params,
                parent != null && !parentUsed ? parent : null);
    }

    private static boolean isSelector(TableDef table, ColumnDef c) {
        if (c.nature() == ColumnNature.PSEUDO) {
            return true;
        }
        switch (table.ews().kind()) {
            case FOLDER_ITEMS:
            case FOLDERS:
                return c.name().equalsIgnoreCase("ParentFolderId");
            case REQUIRED_ATTENDEES:
            case OPTIONAL_ATTENDEES:
            case MODIFIED_OCCURRENCES:
                return c.name().equalsIgnoreCase("ItemId");
            default:
                return false;
        }
    }

    private static ColumnDef firstPseudo(ODataExpr e) {
        if (e instanceof ODataExpr.Compare c) {
            return c.column().nature() == ColumnNature.PSEUDO ? c.column() : null;
        }
        if (e instanceof ODataExpr.IsNull n) {
            return n.column().nature() == ColumnNature.PSEUDO ? n.column() : null;
        }
        List<ODataExpr> parts = e instanceof ODataExpr.And a ? a.operands()
                : e instanceof ODataExpr.Or o ? o.operands()
                : e instanceof ODataExpr.Not n ? List.of(n.operand()) : List.of();
        for (ODataExpr p : parts) {
            ColumnDef c = firstPseudo(p);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    static List<ODataExpr> conjuncts(ODataExpr e) {
        if (e == null) {
            return List.of();
        }
        if (e instanceof ODataExpr.And a) {
            List<ODataExpr> out = new ArrayList<>();
            for (ODataExpr o : a.operands()) {
                out.addAll(conjuncts(o));
            }
            return out;
        }
        return List.of(e);
    }


    private static void addOnce(List<ColumnDef> out, ColumnDef c) {
        if (!out.contains(c)) {
            out.add(c);
        }
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }

    /** A selector's value as text, or null. */
    String selector(String column) {
        return text(selectors.get(column.toUpperCase(Locale.ROOT)));
    }

    /** The slot of a column in the rows read. */
    int slot(ColumnDef c) {
        return columns.indexOf(c);
    }

    /** The slot of the named column, or -1. */
    int slot(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A new row with the selectors' values in their columns (pseudo-columns echo their input). */
    Object[] newRow() {
        return rowTemplate.clone();
    }

    /** The output part of a row read. */
    Object[] project(Object[] row) {
        if (row.length == output.size()) {
            return row;
        }
        Object[] out = new Object[output.size()];
        System.arraycopy(row, 0, out, 0, out.length);
        return out;
    }
}
