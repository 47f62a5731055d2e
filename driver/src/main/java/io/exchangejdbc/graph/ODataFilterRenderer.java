package io.exchangejdbc.graph;

import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnType;
import io.exchangejdbc.schema.FilterOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link ODataExpr} as the text of a Graph {@code $filter}, binding parameters, and
 * arranges it for a pushed {@code $orderby} so that the service accepts the pair.
 *
 * <p>Outlook collections refuse a filter together with an order unless every ordered property
 * also appears in the filter, in the same order, before any other property; otherwise they
 * answer 400 {@code InefficientFilter}. {@link #canArrange} tells the planner whether a filter can
 * be put in that form, and {@link #renderForOrder} puts it there: conjuncts on ordered columns go
 * first, and an ordered TIMESTAMP column without a conjunct gets an always-true lower bound.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-list-messages">List messages: using
 *     filter and orderby in the same query</a>
 */
public final class ODataFilterRenderer {

    /** A lower bound no Exchange timestamp is below, to make an ordered property appear. */
    static final long TIMESTAMP_FLOOR_MILLIS = -2208988800000L; // 1900-01-01T00:00:00Z

    private ODataFilterRenderer() {
    }

    /** The {@code $filter} text of an expression. */
    public static String render(ODataExpr expr, Operand.Parameters params) {
        StringBuilder sb = new StringBuilder();
        append(sb, expr, params, false);
        return sb.toString();
    }

    /**
     * Whether {@code filter} can be arranged so that the service accepts it with {@code orderBy}:
     * every ordered column either has a top-level conjunct of its own, or is a TIMESTAMP (given
     * an always-true bound), and no other conjunct mentions an ordered column.
     */
    public static boolean canArrange(ODataExpr filter, List<SortKey> orderBy) {
        if (filter == null || orderBy.isEmpty()) {
            return true;
        }
        List<ODataExpr> conjuncts = conjuncts(filter);
        for (SortKey key : orderBy) {
            boolean own = false;
            for (ODataExpr c : conjuncts) {
                List<ColumnDef> cols = c.columns();
                if (cols.contains(key.column())) {
                    if (cols.size() != 1) {
                        return false;
                    }
                    own = true;
                }
            }
            if (!own && key.column().type() != ColumnType.TIMESTAMP) {
                return false;
            }
        }
        return true;
    }

    /**
     * The {@code $filter} text of {@code filter} arranged for {@code orderBy}; requires
     * {@link #canArrange}.
     */
    public static String renderForOrder(ODataExpr filter, List<SortKey> orderBy,
            Operand.Parameters params) {
        if (filter == null || orderBy.isEmpty()) {
            return filter == null ? null : render(filter, params);
        }
        List<ODataExpr> rest = new ArrayList<>(conjuncts(filter));
        List<ODataExpr> arranged = new ArrayList<>();
        for (SortKey key : orderBy) {
            boolean found = false;
            for (var it = rest.iterator(); it.hasNext(); ) {
                ODataExpr c = it.next();
                if (c.columns().contains(key.column())) {
                    arranged.add(c);
                    it.remove();
                    found = true;
                }
            }
            if (!found) {
                arranged.add(new ODataExpr.Compare(key.column(), FilterOp.GE,
                        new Operand.Literal(TIMESTAMP_FLOOR_MILLIS)));
            }
        }
        arranged.addAll(rest);
        return render(arranged.size() == 1 ? arranged.get(0) : new ODataExpr.And(arranged),
                params);
    }

    private static List<ODataExpr> conjuncts(ODataExpr e) {
        if (e instanceof ODataExpr.And and) {
            List<ODataExpr> out = new ArrayList<>();
            for (ODataExpr o : and.operands()) {
                out.addAll(conjuncts(o));
            }
            return out;
        }
        return List.of(e);
    }



    /** The OData property path of a column: {@code from/emailAddress/address}. */
    public static String propertyPath(ColumnDef column) {
        return String.join("/", column.path());
    }

    private static void append(StringBuilder sb, ODataExpr e, Operand.Parameters params,
            boolean nested) {
        if (e instanceof ODataExpr.Compare c) {
            String path = propertyPath(c.column());
            String value = ODataValues.literal(c.column().type(), c.value().resolve(params));
            if (c.op() == FilterOp.STARTS_WITH) {
                sb.append("startswith(").append(path).append(',').append(value).append(')');
            } else {
                sb.append(path).append(' ').append(c.op().name().toLowerCase(Locale.ROOT))
                        .append(' ').append(value);
            }
        } else if (e instanceof ODataExpr.IsNull n) {
            sb.append(propertyPath(n.column())).append(n.negated() ? " ne null" : " eq null");
        } else if (e instanceof ODataExpr.Not n) {
            sb.append("not (");
            append(sb, n.operand(), params, false);
            sb.append(')');
        } else if (e instanceof ODataExpr.And a) {
            join(sb, a.operands(), " and ", params, nested);
        } else if (e instanceof ODataExpr.Or o) {
            join(sb, o.operands(), " or ", params, nested);
        } else {
            throw new IllegalStateException("unknown filter node " + e);
        }
    }

    private static void join(StringBuilder sb, List<ODataExpr> operands, String op,
            Operand.Parameters params, boolean nested) {
        if (nested) {
            sb.append('(');
        }
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sb.append(op);
            }
            ODataExpr o = operands.get(i);
            append(sb, o, params, o instanceof ODataExpr.And || o instanceof ODataExpr.Or);
        }
        if (nested) {
            sb.append(')');
        }
    }
}
