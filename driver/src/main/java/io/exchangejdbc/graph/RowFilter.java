package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * A pushed-down {@link ODataExpr} evaluated on rows in the driver, the way Microsoft Graph would:
 * for tree collections (mail folders) the filter cannot be sent with each level's request, since a
 * folder that fails it may still have children that pass, so the whole tree is read and the
 * filter applied here.
 *
 * <p>Comparisons follow OData on Graph: strings compare without regard to letter case, a
 * comparison with null is unknown, and an unknown condition keeps no row. Immutable.
 *
 * @see <a href="https://learn.microsoft.com/graph/filter-query-parameter">$filter query
 *     parameter</a>
 */
public final class RowFilter {

    private final Condition condition;

    private RowFilter(Condition condition) {
        this.condition = condition;
    }

    /**
     * Compiles a filter with its parameters bound.
     *
     * @param slotOf the slot of a column in the rows tested
     */
    public static RowFilter compile(ODataExpr expr, Operand.Parameters params,
            ToIntFunction<ColumnDef> slotOf) {
        requireNonNull(expr, "expr");
        return new RowFilter(build(expr, params, slotOf));
    }


    /** Whether the row passes (an unknown result does not). */
    public boolean test(Object[] row) {
        return condition.eval(row) == Boolean.TRUE;
    }


    /** A three-valued condition: TRUE, FALSE or null for unknown. */
    private interface Condition {
        Boolean eval(Object[] row);
    }

    private static Condition build(ODataExpr e, Operand.Parameters params,
            ToIntFunction<ColumnDef> slotOf) {
        if (e instanceof ODataExpr.Compare c) {
            int slot = slotOf.applyAsInt(c.column());
            ColumnType type = c.column().type();
            Object operand = normalize(type, c.value().resolve(params));
            switch (c.op()) {
                case STARTS_WITH:
                    return row -> {
                        Object v = row[slot];
                        if (v == null || operand == null) {
                            return null;
                        }
                        String s = v.toString().toLowerCase(Locale.ROOT);
                        return s.startsWith(operand.toString().toLowerCase(Locale.ROOT));
                    };
                case CONTAINS:
                    return row -> {
                        Object v = row[slot];
                        if (v == null || operand == null) {
                            return null;
                        }
                        String s = v.toString().toLowerCase(Locale.ROOT);
                        return s.contains(operand.toString().toLowerCase(Locale.ROOT));
                    };
                case EQ:
                case NE:
                case GT:
                case GE:
                case LT:
                case LE:
                    return row -> {
                        Object v = normalize(type, row[slot]);
                        if (v == null || operand == null) {
                            return null;
                        }
                        int cmp = compare(v, operand);
                        switch (c.op()) {
                            case EQ:
                                return cmp == 0;
                            case NE:
                                return cmp != 0;
                            case GT:
                                return cmp > 0;
                            case GE:
                                return cmp >= 0;
                            case LT:
                                return cmp < 0;
                            default:
                                return cmp <= 0;
                        }
                    };
                default:
                    throw new IllegalArgumentException("not a comparison: " + c.op());
            }
        }
        if (e instanceof ODataExpr.IsNull n) {
            int slot = slotOf.applyAsInt(n.column());
            return row -> (row[slot] == null) != n.negated();
        }
        if (e instanceof ODataExpr.And a) {
            List<Condition> parts = new ArrayList<>();
            a.operands().forEach(o -> parts.add(build(o, params, slotOf)));
            return row -> {
                boolean unknown = false;
                for (Condition p : parts) {
                    Boolean b = p.eval(row);
                    if (b == null) {
                        unknown = true;
                    } else if (!b) {
                        return false;
                    }
                }
                return unknown ? null : Boolean.TRUE;
            };
        }
        if (e instanceof ODataExpr.Or o) {
            List<Condition> parts = new ArrayList<>();
            o.operands().forEach(x -> parts.add(build(x, params, slotOf)));
            return row -> {
                boolean unknown = false;
                for (Condition p : parts) {
                    Boolean b = p.eval(row);
                    if (b == null) {
                        unknown = true;
                    } else if (b) {
                        return true;
                    }
                }
                return unknown ? null : Boolean.FALSE;
            };
        }
        if (e instanceof ODataExpr.Not n) {
            Condition inner = build(n.operand(), params, slotOf);
            return row -> {
                Boolean b = inner.eval(row);
                return b == null ? null : !b;
            };
        }
        throw new IllegalArgumentException("unknown expression " + e);
    }

    /** A value in a form that compares with others of the column's type. */
    private static Object normalize(ColumnType type, Object v) {
        if (v == null) {
            return null;
        }
        switch (type) {
            case VARCHAR:
                return v.toString();
            case BOOLEAN:
                return v instanceof Boolean ? v : Boolean.valueOf(v.toString());
            case INTEGER:
            case BIGINT:
            case DOUBLE:
                return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
            case TIMESTAMP:
                return ODataValues.toEpochMillis(v);
            case DATE:
                if (v instanceof Integer i) {
                    return (long) i;
                }
                if (v instanceof java.sql.Date d) {
                    return d.toLocalDate().toEpochDay();
                }
                if (v instanceof LocalDate ld) {
                    return ld.toEpochDay();
                }
                return LocalDate.parse(v.toString()).toEpochDay();
            default:
                return v;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof String s && b instanceof String t) {
            return String.CASE_INSENSITIVE_ORDER.compare(s, t);
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        return ((Comparable) a).compareTo(b);
    }
}
