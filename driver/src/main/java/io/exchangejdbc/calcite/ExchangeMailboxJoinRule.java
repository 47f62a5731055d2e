package io.exchangejdbc.calcite;

import io.exchangejdbc.schema.ColumnDef;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Rule to read the mailboxes that another relation names:
 * {@code Messages WHERE UserId IN (SELECT id FROM Users WHERE ...)}, which Calcite plans as a
 * semi-join (or, the ids being unique, an inner join) of the scan with the subquery on
 * {@code UserId = id}, and {@code Messages m JOIN Users u ON m.UserId = u.id}, become an
 * {@link ExchangeMailboxJoin} that evaluates the other side first and then reads each mailbox it
 * names.
 *
 * <p>Without it the join would read only the default mailbox and match its rows against the
 * subquery: not the rows the query asks for. So the rule also prunes the join it replaced, and
 * the only plans left for it are the ones that read the named mailboxes.
 *
 * <p>It applies when the join condition is exactly one equality between the scan's
 * {@code UserId} and a column of the other side; other joins on {@code UserId} are left to
 * Calcite. The same holds for the parent column of a view that needs its parent's id
 * ({@code MessageAttachments WHERE messageId IN (SELECT id FROM Messages WHERE ...)}): the other
 * side's values bind the route, and the parents are read through {@code $batch}.
 */
final class ExchangeMailboxJoinRule extends RelRule<RuleConfig> {

    /** The scan is the join's left input: semi-joins and inner joins. */
    static final ExchangeMailboxJoinRule SCAN_LEFT = (ExchangeMailboxJoinRule) RuleConfig.of(
            "ExchangeMailboxJoinRule(scan left)",
            b0 -> b0.operand(LogicalJoin.class)
                    .predicate(j -> j.getJoinType() == JoinRelType.SEMI
                            || j.getJoinType() == JoinRelType.INNER)
                    .inputs(b1 -> b1.operand(ExchangeTableScan.class)
                                    .predicate(ExchangeMailboxJoinRule::bindable)
                                    .noInputs(),
                            b2 -> b2.operand(RelNode.class).anyInputs()),
            config -> new ExchangeMailboxJoinRule(config, true)).toRule();

    /** The scan is the join's right input: inner joins. */
    static final ExchangeMailboxJoinRule SCAN_RIGHT = (ExchangeMailboxJoinRule) RuleConfig.of(
            "ExchangeMailboxJoinRule(scan right)",
            b0 -> b0.operand(LogicalJoin.class)
                    .predicate(j -> j.getJoinType() == JoinRelType.INNER)
                    .inputs(b1 -> b1.operand(RelNode.class).anyInputs(),
                            b2 -> b2.operand(ExchangeTableScan.class)
                                    .predicate(ExchangeMailboxJoinRule::bindable)
                                    .noInputs()),
            config -> new ExchangeMailboxJoinRule(config, false)).toRule();

    private final boolean scanLeft;

    private ExchangeMailboxJoinRule(RuleConfig config, boolean scanLeft) {
        super(config);
        this.scanLeft = scanLeft;
    }

    private static boolean bindable(ExchangeTableScan scan) {
        return scan.query().table().graph() != null
                && (scan.query().table().graph().mailboxScoped() || bindsParents(scan));
    }

    /** A view that needs its parent's id, which the query does not give yet. */
    private static boolean bindsParents(ExchangeTableScan scan) {
        return scan.query().route() == null && scan.query().table().graph() != null
                && scan.query().table().graph().batchableRoute();
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalJoin join = call.rel(0);
        ExchangeTableScan scan = call.rel(scanLeft ? 1 : 2);
        int leftCount = join.getLeft().getRowType().getFieldCount();
        String bound = "UserId";
        int mailboxField = scan.query().resource().mailboxScoped()
                ? field(scan.query().output(), bound) : -1;
        int keyField = keyField(join, mailboxField, leftCount);
        if (keyField < 0 && bindsParents(scan)) {
            bound = scan.query().resource().requiredRoute().column();
            mailboxField = field(scan.query().output(), bound);
            keyField = keyField(join, mailboxField, leftCount);
        }
        if (keyField < 0) {
            return;
        }
        RelNode scanInput = scanLeft ? join.getLeft() : join.getRight();
        RelNode namingInput = scanLeft ? join.getRight() : join.getLeft();
        RelNode naming = convert(namingInput,
                namingInput.getTraitSet().replace(EnumerableConvention.INSTANCE));
        RelNode request = convert(scanInput,
                scanInput.getTraitSet().replace(ExchangeRel.CONVENTION));
        ExchangeMailboxJoin.Shape shape = join.getJoinType() == JoinRelType.SEMI
                ? ExchangeMailboxJoin.Shape.SCAN_ONLY
                : scanLeft ? ExchangeMailboxJoin.Shape.SCAN_THEN_NAMING
                        : ExchangeMailboxJoin.Shape.NAMING_THEN_SCAN;
        call.transformTo(new ExchangeMailboxJoin(join.getCluster(),
                join.getTraitSet().replace(EnumerableConvention.INSTANCE), naming, request,
                keyField, mailboxField, shape, join.getRowType(), bound));
        // the join itself gives wrong rows (see the class comment): no plan may keep it
        call.getPlanner().prune(join);
    }

    /** The field of the other side that the join equates with the scan's {@code field}. */
    private int keyField(LogicalJoin join, int field, int leftCount) {
        if (field < 0) {
            return -1;
        }
        return scanLeft ? otherSide(join.getCondition(), field, leftCount)
                : otherSideOfRight(join.getCondition(), leftCount + field, leftCount);
    }

    private static int field(List<ColumnDef> output, String name) {
        for (int i = 0; i < output.size(); i++) {
            ColumnDef c = output.get(i);
            if (c.name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The field of the join's right input that the condition equates with the left field
     * {@code leftField}, or -1 when the condition is anything else.
     */
    private static int otherSide(RexNode condition, int leftField, int leftCount) {
        if (condition.getKind() != SqlKind.EQUALS) {
            return -1;
        }
        List<RexNode> operands = ((RexCall) condition).getOperands();
        if (!(operands.get(0) instanceof RexInputRef a)
                || !(operands.get(1) instanceof RexInputRef b)) {
            return -1;
        }
        if (a.getIndex() == leftField && b.getIndex() >= leftCount) {
            return b.getIndex() - leftCount;
        }
        if (b.getIndex() == leftField && a.getIndex() >= leftCount) {
            return a.getIndex() - leftCount;
        }
        return -1;
    }

    /**
     * The field of the join's left input that the condition equates with the join field
     * {@code rightField} (a field of the right input), or -1.
     */
    private static int otherSideOfRight(RexNode condition, int rightField, int leftCount) {
        if (condition.getKind() != SqlKind.EQUALS) {
            return -1;
        }
        List<RexNode> operands = ((RexCall) condition).getOperands();
        if (!(operands.get(0) instanceof RexInputRef a)
                || !(operands.get(1) instanceof RexInputRef b)) {
            return -1;
        }
        if (a.getIndex() == rightField && b.getIndex() < leftCount) {
            return b.getIndex();
        }
        if (b.getIndex() == rightField && a.getIndex() < leftCount) {
            return a.getIndex();
        }
        return -1;
    }
}
