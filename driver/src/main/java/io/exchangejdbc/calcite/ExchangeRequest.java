package io.exchangejdbc.calcite;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.graph.GraphQuery;
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

/**
 * Relational expression of the Exchange convention that stands for the requests of one scan: its
 * rows are answered by the service, with everything the logical {@link ExchangeTableScan} it comes
 * from had absorbed.
 */
public final class ExchangeRequest extends TableScan implements ExchangeRel {

    private final ExchangeTable exchangeTable;
    private final GraphQuery query;

    ExchangeRequest(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table,
            ExchangeTable exchangeTable, GraphQuery query) {
        super(cluster, traitSet, List.of(), table);
        this.exchangeTable = requireNonNull(exchangeTable, "exchangeTable");
        this.query = requireNonNull(query, "query");
        assert getConvention() == ExchangeRel.CONVENTION;
    }

    /** The request this node stands for. */
    public GraphQuery query() {
        return query;
    }

    ExchangeTable exchangeTable() {
        return exchangeTable;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        assert inputs.isEmpty();
        return new ExchangeRequest(getCluster(), traitSet, getTable(), exchangeTable, query);
    }

    @Override
    public RelDataType deriveRowType() {
        return ExchangeTable.rowType(getCluster().getTypeFactory(), query.output());
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("request", exchangeTable.describe(query));
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return ExchangeTableScan.estimateRows(query);
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
}
