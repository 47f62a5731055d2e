package io.exchangejdbc.calcite;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Relational expression that applies an INSERT, UPDATE or DELETE to an Exchange table: its input
 * produces the rows to create, or the id (and mailbox) of each row to change with its new values;
 * its one output row is the number of rows changed, as Calcite's DML statements return it.
 *
 * <p>The input of an UPDATE or DELETE whose WHERE names the rows by id is a row of constants per
 * id, so nothing is read before the change; otherwise it is the table's scan with the WHERE
 * pushed into it, narrowed to the columns the change needs.
 */
public final class ExchangeTableModify extends SingleRel implements EnumerableRel {

    private final ExchangeTable exchangeTable;
    private final ModifyLayout layout;

    ExchangeTableModify(RelOptCluster cluster, RelTraitSet traits, RelNode input,
            RelDataType rowType, ExchangeTable exchangeTable, ModifyLayout layout) {
        super(cluster, traits, input);
        this.rowType = requireNonNull(rowType, "rowType");
        this.exchangeTable = requireNonNull(exchangeTable, "exchangeTable");
        this.layout = requireNonNull(layout, "layout");
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new ExchangeTableModify(getCluster(), traitSet, sole(inputs), rowType,
                exchangeTable, layout);
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
                .item("table", exchangeTable.def().name())
                .item("operation", layout.kind().name());
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        Result child = implementor.visitChild(this, 0, (EnumerableRel) getInput(),
                Prefer.ARRAY);
        BlockBuilder builder = new BlockBuilder();
        Expression childRows = builder.append("rows", child.block);
        Expression rows = child.physType.convertTo(childRows, JavaRowFormat.ARRAY);
        ModifyCall call = new ModifyCall(exchangeTable.modifier(), exchangeTable.def(), layout);
        Expression stashed = implementor.stash(call, ModifyCall.class);
        builder.add(Expressions.return_(null, Expressions.call(stashed, ModifyCall.RUN_METHOD,
                implementor.getRootExpression(), rows)));
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
                JavaRowFormat.SCALAR, false);
        return implementor.result(physType, builder.toBlock());
    }
}
