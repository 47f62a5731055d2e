package io.exchangejdbc.calcite;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.graph.GraphQuery;
import io.exchangejdbc.graph.GraphRequestPlan;
import io.exchangejdbc.graph.Operand;
import io.exchangejdbc.schema.ColumnDef;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
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
 * Relational expression that reads a table through one Graph request (per mailbox), with the
 * filter, columns, order and limit that the planner's rules have pushed into it.
 *
 * <p>The node is immutable: each rule that pushes something creates a new scan with a new
 * {@link GraphQuery}; the planner keeps the cheapest equivalent.
 */
public final class ExchangeTableScan extends TableScan implements ExchangeRel {

    /** Rows assumed in a collection before anything is pushed. */
    private static final double BASE_ROWS = 10_000d;

    private final ExchangeTable exchangeTable;
    private final GraphQuery query;

    ExchangeTableScan(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table,
            ExchangeTable exchangeTable, GraphQuery query) {
        super(cluster, traitSet, List.of(), table);
        this.exchangeTable = requireNonNull(exchangeTable, "exchangeTable");
        this.query = requireNonNull(query, "query");
        assert getConvention() == ExchangeRel.CONVENTION;
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
        // the request as the service will see it; parameters of prepared statements show as ?N
        Operand.Parameters markers = Operand.Parameter::new;
        return super.explainTerms(pw)
                .item("request", GraphRequestPlan.describe(query, markers,
                        exchangeTable.settings().pageSize()));
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        double rows = BASE_ROWS;
        if (query.route() != null) {
            rows /= 10;
        }
        if (query.filter() != null) {
            rows /= 4;
        }
        if (query.limit() != null) {
            Object limit = query.limit().resolve(Operand.Parameter::new);
            rows = Math.min(rows, limit instanceof Number n ? n.doubleValue() : 100d);
        }
        return Math.max(1, rows * Math.max(1, query.mailboxes().size()));
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        // fewer columns means smaller pages: make narrower requests cheaper
        int all = exchangeTable.def().columns().size();
        double width = 0.2 + 0.8 * query.output().size() / Math.max(1d, all);
        // a pushed order is cheaper than sorting in memory after the scan
        double order = query.orderBy().isEmpty() ? 1d : 0.9d;
        double rows = estimateRowCount(mq);
        return planner.getCostFactory().makeCost(rows * width * order, 1, rows * width);
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
