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
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Joins a mailbox-scoped request with a relation that names the mailboxes to read, on
 * {@code UserId = key}: the naming relation is read first, in full (it names mailboxes, so it is
 * small), then the request runs once over the distinct mailboxes it named, reading them in
 * parallel under the per-mailbox limits, and each row is matched with the naming rows of its
 * mailbox.
 *
 * <p>The same join binds the parents of a view that needs its parent's id instead:
 * {@code MessageAttachments WHERE messageId IN (SELECT id FROM Messages WHERE ...)} reads the
 * attachments of each message the subquery names (their first pages through {@code $batch}).
 *
 * <p>Each row's {@code UserId} is the mailbox it was read from, spelled as the naming relation
 * spelled it, so the match is exact. When the request also names mailboxes itself
 * ({@code AND UserId = 'a'}), only the mailboxes named by both are read.
 */
final class ExchangeMailboxJoin extends BiRel implements EnumerableRel {

    /** Which rows the join produces. */
    enum Shape {
        /** The request's rows (a semi-join: {@code UserId IN (SELECT ...)}). */
        SCAN_ONLY,
        /** The request's fields, then the naming relation's (the request was the left input). */
        SCAN_THEN_NAMING,
        /** The naming relation's fields, then the request's. */
        NAMING_THEN_SCAN
    }

    private final int keyField;
    private final int mailboxField;
    private final Shape shape;
    private final RelDataType joinRowType;
    private final String boundColumn;

    /**
     * @param naming       the relation naming the mailboxes, in the enumerable convention
     * @param request      the Exchange request to run over them
     * @param keyField     position of the mailbox name in the naming relation's rows
     * @param mailboxField position of {@code UserId} in the request's rows
     * @param shape        which rows to produce
     * @param joinRowType  the row type of the join this node implements
     * @param boundColumn  {@code UserId}, or the route column the naming relation's values bind
     *                     (the request's field at {@code mailboxField})
     */
    ExchangeMailboxJoin(RelOptCluster cluster, RelTraitSet traits, RelNode naming,
            RelNode request, int keyField, int mailboxField, Shape shape,
            RelDataType joinRowType, String boundColumn) {
        super(cluster, traits, naming, request);
        this.boundColumn = boundColumn;
        this.keyField = keyField;
        this.mailboxField = mailboxField;
        this.shape = shape;
        this.joinRowType = joinRowType;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new ExchangeMailboxJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1),
                keyField, mailboxField, shape, joinRowType, boundColumn);
    }

    @Override
    protected RelDataType deriveRowType() {
        return joinRowType;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return parents()
                ? super.explainTerms(pw).item("parents", "$" + keyField)
                        .item(boundColumn, "$" + mailboxField).item("rows", shape)
                : super.explainTerms(pw).item("mailboxes", "$" + keyField)
                        .item("UserId", "$" + mailboxField).item("rows", shape);
    }

    private boolean parents() {
        return !boundColumn.equalsIgnoreCase("UserId");
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return mq.getRowCount(getRight());
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        // the only correct plan for the join it replaces; keep it cheap so it is never doubted
        return planner.getCostFactory().makeTinyCost();
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        BlockBuilder block = new BlockBuilder();
        Result naming = implementor.visitChild(this, 0, (EnumerableRel) getLeft(), Prefer.ARRAY);
        Expression namingRows = naming.physType.convertTo(
                block.append("namingRows", naming.block), JavaRowFormat.ARRAY);

        ExchangeRequest request = (ExchangeRequest) ExchangeToEnumerableConverter
                .stripped(getRight());
        boolean scalar = getRowType().getFieldCount() == 1;
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
                scalar ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY, false);
        ScanCall call = new ScanCall(request.exchangeTable().executor(), request.query(), scalar);
        MailboxJoinCall join = new MailboxJoinCall(call, keyField, mailboxField, shape, scalar,
                parents());
        Expression stashed = implementor.stash(join, MailboxJoinCall.class);
        block.add(Expressions.return_(null, Expressions.call(stashed,
                MailboxJoinCall.ENUMERABLE_METHOD, implementor.getRootExpression(),
                namingRows)));
        return implementor.result(physType, block.toBlock());
    }
}
