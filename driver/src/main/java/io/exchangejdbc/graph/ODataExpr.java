package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.FilterOp;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter the service evaluates, as a small tree (column-operator-value leaves joined by and/or/not)
 * that the planner builds from SQL predicates it has checked against the catalog, and that renders
 * to an OData {@code $filter} expression.
 *
 * @see <a href="https://learn.microsoft.com/graph/filter-query-parameter">$filter query parameter</a>
 */
public sealed interface ODataExpr {

    /** The distinct columns the expression mentions, in order of first appearance. */
    default List<ColumnDef> columns() {
        List<ColumnDef> out = new ArrayList<>();
        addColumns(this, out);
        return out;
    }

    /** Adds the columns {@code e} mentions to {@code out}, each once. */
    static void addColumns(ODataExpr e, List<ColumnDef> out) {
        if (e instanceof Compare c) {
            if (!out.contains(c.column())) {
                out.add(c.column());
            }
        } else if (e instanceof IsNull n) {
            if (!out.contains(n.column())) {
                out.add(n.column());
            }
        } else if (e instanceof And a) {
            a.operands().forEach(o -> addColumns(o, out));
        } else if (e instanceof Or o) {
            o.operands().forEach(x -> addColumns(x, out));
        } else if (e instanceof Not n) {
            addColumns(n.operand(), out);
        }
    }

    /** {@code column op value}; {@link FilterOp#STARTS_WITH} renders as {@code startswith(...)},
     *  {@link FilterOp#NULL_CHECK} is not used here (see {@link IsNull}). */
    record Compare(ColumnDef column, FilterOp op, Operand value) implements ODataExpr {
        public Compare {
            requireNonNull(column, "column");
            requireNonNull(op, "op");
            requireNonNull(value, "value");
        }
    }

    /** {@code column eq null} or, negated, {@code column ne null}. */
    record IsNull(ColumnDef column, boolean negated) implements ODataExpr {
        public IsNull {
            requireNonNull(column, "column");
        }
    }

    /** All of the operands hold. */
    record And(List<ODataExpr> operands) implements ODataExpr {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** At least one operand holds. */
    record Or(List<ODataExpr> operands) implements ODataExpr {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    /** The operand does not hold. */
    record Not(ODataExpr operand) implements ODataExpr {
        public Not {
            requireNonNull(operand, "operand");
        }
    }
}
