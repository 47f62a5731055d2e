package io.exchangejdbc.calcite;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.graph.GraphQuery;
import io.exchangejdbc.graph.Operand;
import io.exchangejdbc.schema.ColumnDef;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * Logical relational expression that reads a table through a Graph request, with the filter,
 * columns, order and limit that the planner's rules have pushed into it so far.
 *
 * <p>The node is immutable and logical (convention NONE, like the filters, projections and sorts
 * it absorbs, so that the rules see it under them): each rule that pushes something creates a new
 * scan with a new {@link GraphQuery}. {@link ExchangeRules} then turns the scans into
 * {@link ExchangeRequest}s of the Exchange convention, and the planner keeps the cheapest.
 */
public final class ExchangeTableScan extends TableScan {

    /** Rows assumed in a collection before anything is pushed. */
    private static final double BASE_ROWS = 10_000d;

    private final ExchangeTable exchangeTable;
    private final GraphQuery query;

    ExchangeTableScan(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table,
            ExchangeTable exchangeTable, GraphQuery query) {
        super(cluster, traitSet, List.of(), table);
        this.exchangeTable = requireNonNull(exchangeTable, "exchangeTable");
        this.query = requireNonNull(query, "query");
    }

    /** The request this scan stands for. */
    public GraphQuery query() {
        return query;
    }

    /** The table this scan reads. */
    public ExchangeTable exchangeTable() {
        return exchangeTable;
    }

    /** A scan of the same table with another request (and the traits that go with it). */
    ExchangeTableScan withQuery(GraphQuery newQuery, RelTraitSet newTraits) {
        return new ExchangeTableScan(getCluster(), newTraits, getTable(), exchangeTable, newQuery);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        assert inputs.isEmpty();
        return new ExchangeTableScan(getCluster(), traitSet, getTable(), exchangeTable, query);
    }

    @Override
    public RelDataType deriveRowType() {
        RelDataTypeFactory typeFactory = getCluster().getTypeFactory();
        return ExchangeTable.rowType(typeFactory, query.output());
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("request", exchangeTable.describe(query));
    }

    /**
     * Rows expected from the request. Routing (a mailbox or a folder) must win over scanning the
     * default collection and filtering in memory, since only the routed request gives the right
     * rows: it is made to look far more selective than any filter. So is each bound of a time
     * window, without which a calendar view cannot be read.
     */
    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return estimateRows(query);
    }

    static double estimateRows(GraphQuery query) {
        double rows = BASE_ROWS;
        if (query.route() != null) {
            rows /= 1000;
        }
        if (!query.mailboxes().isEmpty()) {
            rows = rows / 1000 * query.mailboxes().size();
        }
        if (query.filter() != null) {
            rows /= 4;
        }
        if (query.windowStart() != null) {
            // a window is what makes a calendar view readable at all
            rows /= 1000;
        }
        if (query.windowEnd() != null) {
            rows /= 1000;
        }
        if (query.limit() != null) {
            Object limit = query.limit().resolve(Operand.Parameter::new);
            rows = Math.min(rows, limit instanceof Number n ? n.doubleValue() : 100d);
        }
        return Math.max(1, rows);
    }

    @Override
    public void register(RelOptPlanner planner) {
        ExchangeRules.register(planner);
    }

    /** The catalog column at a position of this scan's row. */
    ColumnDef column(int index) {
        return query.output().get(index);
    }
}
