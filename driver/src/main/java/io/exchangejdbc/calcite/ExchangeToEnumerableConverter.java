package io.exchangejdbc.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.BuiltInMethod;

/**
 * Relational expression that hands the rows of an {@link ExchangeRequest} to Calcite's
 * enumerable pipeline.
 *
 * <p>The generated code does not contain the request: the scan's {@link ScanCall} is stashed as a
 * parameter of the compiled plan, so that statements differing only in literals share the same
 * code, and {@code ?} parameters are read from the execution's {@code DataContext}.
 */
final class ExchangeToEnumerableConverter extends ConverterImpl implements EnumerableRel {

    ExchangeToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
        super(cluster, ConventionTraitDef.INSTANCE, traits, input);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new ExchangeToEnumerableConverter(getCluster(), traitSet, sole(inputs));
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        RelOptCost cost = super.computeSelfCost(planner, mq);
        return cost == null ? null : cost.multiplyBy(0.1);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        ExchangeRequest scan = (ExchangeRequest) stripped(getInput());
        // Calcite represents a one-column row by its value, wider rows as Object[]
        boolean scalar = getRowType().getFieldCount() == 1;
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
                scalar ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY, false);
        ScanCall call = new ScanCall(scan.exchangeTable().executor(), scan.query(), scalar);
        BlockBuilder block = new BlockBuilder();
        Expression stashed = implementor.stash(call, ScanCall.class);
        Expression enumerable = Expressions.call(stashed, ScanCall.ENUMERABLE_METHOD,
                implementor.getRootExpression());
        block.add(Expressions.return_(null, enumerable));
        return implementor.result(physType, block.toBlock());
    }

    static RelNode stripped(RelNode node) {
        RelNode n = node;
        while (n instanceof org.apache.calcite.plan.volcano.RelSubset subset) {
            RelNode best = subset.getBest();
            n = best != null ? best : subset.getOriginal();
        }
        return n;
    }

    static {
        // fail at class load rather than at the first query if Calcite's API moves
        assert BuiltInMethod.DATA_CONTEXT_GET.method != null;
    }
}
