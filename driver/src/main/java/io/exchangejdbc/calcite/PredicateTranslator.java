package io.exchangejdbc.calcite;

import io.exchangejdbc.graph.GraphQuery;
import io.exchangejdbc.graph.ODataExpr;
import io.exchangejdbc.graph.Operand;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import io.exchangejdbc.schema.ColumnType;
import io.exchangejdbc.schema.FilterOp;
import io.exchangejdbc.schema.GraphResource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.NlsString;

/**
 * Translates a SQL predicate over a scan's row into what the request can carry: the mailboxes
 * ({@code UserId}), a route to another collection ({@code parentFolderId = 'Inbox'}) and a
 * {@code $filter} made only of comparisons the catalog declares the service accepts. Whatever
 * cannot be carried is returned as a remainder for Calcite to evaluate in memory.
 *
 * <p>Only accepts: top-level conjuncts; within them {@code AND}, {@code OR} and {@code NOT} of
 * comparisons ({@code = <> < <= > >=}) between a column and a literal or {@code ?} parameter,
 * {@code IS [NOT] NULL}, {@code LIKE 'prefix%'}, and boolean columns used as conditions.
 */
final class PredicateTranslator {

    private final GraphQuery query;
    private final RexBuilder rexBuilder;
    private final boolean filterToService;

    /** What could be carried by the request, and what is left. */
    record Result(GraphQuery query, List<RexNode> remainder, boolean changed) {
    }

    PredicateTranslator(GraphQuery query, RexBuilder rexBuilder, boolean filterToService) {
        this.query = query;
        this.rexBuilder = rexBuilder;
        this.filterToService = filterToService;
    }

    /** Splits {@code condition} into the new request and the remainder. */
    Result translate(RexNode condition) {
        RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
        GraphQuery q = query;
        boolean changed = false;
        List<RexNode> remainder = new ArrayList<>();
        List<ODataExpr> pushed = new ArrayList<>();
        List<ODataExpr> already = q.filter() == null ? List.of() : conjuncts(q.filter());
        for (RexNode conjunct : RelOptUtil.conjunctions(expanded)) {
            List<Operand> mailboxes = mailboxes(q, conjunct);
            if (mailboxes != null) {
                q = q.withMailboxes(mailboxes);
                changed = true;
                continue;
            }
            ODataExpr parent = filterToService ? parentKey(q, conjunct) : null;
            if (parent != null) {
                if (!already.contains(parent) && !pushed.contains(parent)) {
                    pushed.add(parent);
                }
                remainder.add(conjunct);
                continue;
            }
            GraphQuery windowed = window(q, conjunct);
            if (windowed != null) {
                // the window is a superset: the predicate itself is still checked
                q = windowed;
                changed = true;
                remainder.add(conjunct);
                continue;
            }
            GraphQuery routed = route(q, conjunct);
            if (routed != null) {
                q = routed;
                changed = true;
                continue;
            }
            ODataExpr expr = filterToService && filterable(q) ? toOData(conjunct) : null;
            if (expr == null) {
                remainder.add(conjunct);
            } else {
                if (!already.contains(expr) && !pushed.contains(expr)) {
                    // a re-checked conjunct comes back above the scan that already carries it
                    pushed.add(expr);
                }
                if (comparesText(expr)) {
                    // Exchange compares text without regard to case: the service returns a
                    // superset, which SQL's exact comparison then narrows
                    remainder.add(conjunct);
                }
            }
        }
        if (!pushed.isEmpty()) {
            List<ODataExpr> all = new ArrayList<>();
            if (q.filter() != null) {
                all.add(q.filter());
            }
            all.addAll(pushed);
            q = q.withFilter(all.size() == 1 ? all.get(0) : new ODataExpr.And(all));
            changed = true;
        }
        return new Result(q, remainder, changed);
    }

    private static List<ODataExpr> conjuncts(ODataExpr e) {
        if (e instanceof ODataExpr.And a) {
            List<ODataExpr> out = new ArrayList<>();
            for (ODataExpr o : a.operands()) {
                out.addAll(conjuncts(o));
            }
            return out;
        }
        return List.of(e);
    }

    private static boolean comparesText(ODataExpr e) {
        if (e instanceof ODataExpr.Compare c) {
            return c.column().type() == ColumnType.VARCHAR;
        }
        if (e instanceof ODataExpr.And a) {
            return a.operands().stream().anyMatch(PredicateTranslator::comparesText);
        }
        if (e instanceof ODataExpr.Or o) {
            return o.operands().stream().anyMatch(PredicateTranslator::comparesText);
        }
        if (e instanceof ODataExpr.Not n) {
            return comparesText(n.operand());
        }
        return false;
    }

    /**
     * A filter can go to the service unless the rows come from a tree walk, where a parent that
     * fails the filter may still have children that pass it.
     */
    private static boolean filterable(GraphQuery q) {
        return q.resource().childCollection() == null;
    }

    /** {@code UserId = v} or {@code UserId = a OR UserId = b ...}: the mailboxes to read. */
    private List<Operand> mailboxes(GraphQuery q, RexNode conjunct) {
        if (!q.resource().mailboxScoped() || !q.mailboxes().isEmpty()) {
            return null;
        }
        List<Operand> values = new ArrayList<>();
        for (RexNode d : RelOptUtil.disjunctions(conjunct)) {
            ColumnEquality eq = columnEquality(d);
            if (eq == null || eq.column.nature() != ColumnNature.PSEUDO
                    || !eq.column.name().equalsIgnoreCase("UserId")) {
                return null;
            }
            values.add(eq.value);
        }
        return values;
    }

    /**
     * {@code column = v} on a routing column: the request reads the routed collection. On the
     * route a resource requires (a parent's id), {@code column IN (a, b, ...)} (or the same
     * equalities joined by OR) reads each parent's collection, the first pages together in
     * {@code $batch} requests.
     */
    private GraphQuery route(GraphQuery q, RexNode conjunct) {
        if (q.route() != null) {
            return null;
        }
        ColumnEquality eq = columnEquality(conjunct);
        if (eq != null) {
            GraphResource.Route route = q.resource().routeFor(eq.column.name());
            return route == null ? null : q.withRoute(route, eq.value);
        }
        GraphResource.Route required = q.resource().requiredRoute();
        if (required == null || !q.resource().batchableRoute()) {
            return null;
        }
        List<Operand> values = new ArrayList<>();
        for (RexNode d : RelOptUtil.disjunctions(conjunct)) {
            ColumnEquality e = columnEquality(d);
            if (e == null || !e.column.name().equalsIgnoreCase(required.column())) {
                return null;
            }
            if (!values.contains(e.value)) {
                values.add(e.value);
            }
        }
        return values.isEmpty() ? null : q.withRoutes(required, values);
    }


    /**
     * A bound on the start or end column of a windowed collection ({@code calendarView}): a
     * lower bound sets the window's start, an upper bound its end, each widened by a millisecond
     * where the SQL comparison includes the value, since the service keeps the items that
     * overlap the half-open window. Only the first bound of each side is used.
     */
    private GraphQuery window(GraphQuery q, RexNode conjunct) {
        GraphResource.Window w = q.resource().window();
        if (w == null) {
            return null;
        }
        FilterOp op;
        switch (conjunct.getKind()) {
            case GREATER_THAN -> op = FilterOp.GT;
            case GREATER_THAN_OR_EQUAL -> op = FilterOp.GE;
            case LESS_THAN -> op = FilterOp.LT;
            case LESS_THAN_OR_EQUAL -> op = FilterOp.LE;
            default -> {
                return null;
            }
        }
        RexCall call = (RexCall) conjunct;
        ColumnDef column = column(call.getOperands().get(0));
        Operand value = operand(call.getOperands().get(1), column);
        if (column == null || value == null) {
            column = column(call.getOperands().get(1));
            value = operand(call.getOperands().get(0), column);
            op = flip(op);
        }
        if (column == null || value == null || column.type() != ColumnType.TIMESTAMP
                || (value instanceof Operand.Literal l && l.value() == null)
                || !(column.name().equalsIgnoreCase(w.startColumn())
                        || column.name().equalsIgnoreCase(w.endColumn()))) {
            return null;
        }
        boolean lower = op == FilterOp.GT || op == FilterOp.GE;
        if (lower && q.windowStart() == null) {
            return q.withWindow(new GraphQuery.Bound(value, op == FilterOp.GE ? -1 : 0),
                    q.windowEnd());
        }
        if (!lower && q.windowEnd() == null) {
            return q.withWindow(q.windowStart(),
                    new GraphQuery.Bound(value, op == FilterOp.LE ? 1 : 0));
        }
        return null;
    }

    /**
     * {@code eventId = v} on a view of the elements of each item's collection property: the
     * items are filtered by their id ({@code $filter=id eq 'v'}).
     */
    private ODataExpr parentKey(GraphQuery q, RexNode conjunct) {
        GraphResource.Elements elements = q.resource().elements();
        if (elements == null) {
            return null;
        }
        ColumnEquality eq = columnEquality(conjunct);
        if (eq == null || eq.column.nature() != ColumnNature.PSEUDO
                || !eq.column.name().equalsIgnoreCase(elements.parentKeyColumn())) {
            return null;
        }
        ColumnDef id = new ColumnDef("id", ColumnType.VARCHAR, List.of("id"),
                ColumnNature.PROPERTY, true, true, java.util.Set.of(FilterOp.EQ), false, 0,
                "the id of the item whose elements are read");
        return new ODataExpr.Compare(id, FilterOp.EQ, eq.value);
    }

    private record ColumnEquality(ColumnDef column, Operand value) {
    }

    private ColumnEquality columnEquality(RexNode node) {
        if (node.getKind() != SqlKind.EQUALS) {
            return null;
        }
        RexCall call = (RexCall) node;
        ColumnDef column = column(call.getOperands().get(0));
        Operand value = operand(call.getOperands().get(1), column);
        if (column == null || value == null) {
            column = column(call.getOperands().get(1));
            value = operand(call.getOperands().get(0), column);
        }
        if (column == null || value == null) {
            return null;
        }
        if (value instanceof Operand.Literal l && l.value() == null) {
            return null;
        }
        return new ColumnEquality(column, value);
    }

    /** The OData form of a predicate, or null when some part of it cannot go to the service. */
    ODataExpr toOData(RexNode node) {
        switch (node.getKind()) {
            case AND:
            case OR: {
                List<ODataExpr> operands = new ArrayList<>();
                for (RexNode o : ((RexCall) node).getOperands()) {
                    ODataExpr e = toOData(o);
                    if (e == null) {
                        return null;
                    }
                    operands.add(e);
                }
                return node.getKind() == SqlKind.AND
                        ? new ODataExpr.And(operands) : new ODataExpr.Or(operands);
            }
            case NOT: {
                RexNode operand = ((RexCall) node).getOperands().get(0);
                ColumnDef bool = booleanColumn(operand);
                if (bool != null) {
                    return new ODataExpr.Compare(bool, FilterOp.EQ, new Operand.Literal(false));
                }
                ODataExpr inner = toOData(operand);
                // a case-insensitive text match negated would drop rows SQL keeps
                return inner == null || comparesText(inner) ? null : new ODataExpr.Not(inner);
            }
            case EQUALS:
                return comparison((RexCall) node, FilterOp.EQ);
            case NOT_EQUALS:
                return comparison((RexCall) node, FilterOp.NE);
            case LESS_THAN:
                return comparison((RexCall) node, FilterOp.LT);
            case LESS_THAN_OR_EQUAL:
                return comparison((RexCall) node, FilterOp.LE);
            case GREATER_THAN:
                return comparison((RexCall) node, FilterOp.GT);
            case GREATER_THAN_OR_EQUAL:
                return comparison((RexCall) node, FilterOp.GE);
            case IS_NULL:
            case IS_NOT_NULL: {
                ColumnDef c = column(((RexCall) node).getOperands().get(0));
                if (c == null || !c.canFilter(FilterOp.NULL_CHECK)) {
                    return null;
                }
                return new ODataExpr.IsNull(c, node.getKind() == SqlKind.IS_NOT_NULL);
            }
            case IS_TRUE:
            case IS_FALSE: {
                ColumnDef c = booleanColumn(((RexCall) node).getOperands().get(0));
                if (c == null) {
                    return null;
                }
                return new ODataExpr.Compare(c, FilterOp.EQ,
                        new Operand.Literal(node.getKind() == SqlKind.IS_TRUE));
            }
            case LIKE:
                return startsWith((RexCall) node);
            case INPUT_REF: {
                ColumnDef c = booleanColumn(node);
                return c == null ? null
                        : new ODataExpr.Compare(c, FilterOp.EQ, new Operand.Literal(true));
            }
            default:
                return null;
        }
    }

    private ODataExpr comparison(RexCall call, FilterOp op) {
        ColumnDef column = column(call.getOperands().get(0));
        Operand value = operand(call.getOperands().get(1), column);
        FilterOp effective = op;
        if (column == null || value == null) {
            column = column(call.getOperands().get(1));
            value = operand(call.getOperands().get(0), column);
            effective = flip(op);
        }
        if (column == null || value == null || !column.canFilter(effective)
                || (column.nature() == ColumnNature.PSEUDO && query.table().graph() != null)) {
            // a Graph pseudo-column is no property of the resource: it routes, or is checked
            // here; an EWS one (ImpersonationUser...) is read from the filter by the EWS scan
            return null;
        }
        if (value instanceof Operand.Literal l && l.value() == null) {
            // "x = NULL" is never true in SQL, unlike OData's "x eq null": leave it to Calcite
            return null;
        }
        return new ODataExpr.Compare(column, effective, value);
    }

    /** {@code col LIKE 'abc%'} with no other wildcard: {@code startswith(col,'abc')}. */
    private ODataExpr startsWith(RexCall call) {
        if (call.getOperands().size() != 2) {
            return null; // an ESCAPE clause: leave it to Calcite
        }
        ColumnDef column = column(call.getOperands().get(0));
        if (column == null || column.type() != ColumnType.VARCHAR
                || !(call.getOperands().get(1) instanceof RexLiteral lit)) {
            return null;
        }
        String pattern = lit.getValueAs(String.class);
        if (pattern != null && pattern.length() > 2 && pattern.startsWith("%")
                && column.canFilter(FilterOp.CONTAINS)) {
            // '%abc%': a substring match where the service has one (EWS Contains Substring)
            String inner = pattern.substring(1, pattern.length() - 1);
            if (pattern.endsWith("%") && inner.indexOf('%') < 0 && inner.indexOf('_') < 0) {
                return new ODataExpr.Compare(column, FilterOp.CONTAINS,
                        new Operand.Literal(inner));
            }
            return null;
        }
        if (!column.canFilter(FilterOp.STARTS_WITH)) {
            return null;
        }
        if (pattern == null || !pattern.endsWith("%") || pattern.length() < 2) {
            return null;
        }
        String prefix = pattern.substring(0, pattern.length() - 1);
        if (prefix.indexOf('%') >= 0 || prefix.indexOf('_') >= 0) {
            return null;
        }
        return new ODataExpr.Compare(column, FilterOp.STARTS_WITH, new Operand.Literal(prefix));
    }

    private static FilterOp flip(FilterOp op) {
        switch (op) {
            case LT:
                return FilterOp.GT;
            case LE:
                return FilterOp.GE;
            case GT:
                return FilterOp.LT;
            case GE:
                return FilterOp.LE;
            default:
                return op;
        }
    }

    /** The catalog column a node reads directly, or null. */
    private ColumnDef column(RexNode node) {
        if (node instanceof RexInputRef ref) {
            ColumnDef c = query.output().get(ref.getIndex());
            return c.nature() == ColumnNature.JSON ? null : c;
        }
        return null;
    }

    private ColumnDef booleanColumn(RexNode node) {
        ColumnDef c = column(node);
        return c != null && c.type() == ColumnType.BOOLEAN && c.canFilter(FilterOp.EQ) ? c : null;
    }

    /**
     * A literal or parameter compared with {@code column}, in the driver's internal
     * representation, or null when the node is something else or of another type family.
     */
    private static Operand operand(RexNode node, ColumnDef column) {
        if (column == null) {
            return null;
        }
        if (node instanceof RexDynamicParam p) {
            return new Operand.Parameter(p.getIndex());
        }
        if (node.getKind() == SqlKind.CAST && ((RexCall) node).getOperands().get(0)
                instanceof RexDynamicParam p) {
            return new Operand.Parameter(p.getIndex());
        }
        if (!(node instanceof RexLiteral lit)) {
            return null;
        }
        if (lit.isNull()) {
            return new Operand.Literal(null);
        }
        Object value = literalValue(lit, column.type());
        return value == null ? null : new Operand.Literal(value);
    }

    private static Object literalValue(RexLiteral lit, ColumnType type) {
        switch (type) {
            case VARCHAR: {
                Object v = lit.getValue();
                return v instanceof NlsString ? lit.getValueAs(String.class) : null;
            }
            case BOOLEAN:
                return lit.getValue() instanceof Boolean b ? b : null;
            case INTEGER:
            case BIGINT:
            case DOUBLE: {
                Object v = lit.getValue();
                if (!(v instanceof BigDecimal d)) {
                    return null;
                }
                return type == ColumnType.DOUBLE ? (Object) d.doubleValue() : d;
            }
            case TIMESTAMP:
                switch (lit.getTypeName()) {
                    case TIMESTAMP:
                        return lit.getValueAs(Long.class);
                    case DATE:
                        return lit.getValueAs(Integer.class) * 86_400_000L;
                    default:
                        return null;
                }
            case DATE:
                return lit.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.DATE
                        ? lit.getValueAs(Integer.class) : null;
            default:
                return null;
        }
    }
}
