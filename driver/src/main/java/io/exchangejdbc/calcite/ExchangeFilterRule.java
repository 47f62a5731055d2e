package io.exchangejdbc.calcite;

import io.exchangejdbc.graph.GraphQuery;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.tools.RelBuilder;

/**
 * Rule to push a {@link LogicalFilter} into an {@link ExchangeTableScan}: the mailbox and route
 * predicates and every conjunct the service can evaluate go into the request; the rest stays in
 * a filter above the scan, evaluated by Calcite.
 *
 * <p>Only accepts a scan that has no order or limit yet (a filter applies before them).
 */
final class ExchangeFilterRule extends RelRule<RuleConfig> {

    static final ExchangeFilterRule INSTANCE = (ExchangeFilterRule) RuleConfig.of(
            "ExchangeFilterRule",
            b0 -> b0.operand(LogicalFilter.class).oneInput(
                    b1 -> b1.operand(ExchangeTableScan.class)
                            .predicate(s -> s.query().orderBy().isEmpty()
                                    && s.query().limit() == null)
                            .noInputs()),
            ExchangeFilterRule::new).toRule();

    private ExchangeFilterRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Filter filter = call.rel(0);
        ExchangeTableScan scan = call.rel(1);
        boolean toService = !scan.exchangeTable().settings().disableServerSideFiltering();
        PredicateTranslator.Result result =
                new PredicateTranslator(scan.query(), filter.getCluster().getRexBuilder(),
                        toService).translate(filter.getCondition());
        if (!result.changed()) {
            return;
        }
        GraphQuery query = result.query();
        RelNode newScan = scan.withQuery(query, scan.getTraitSet());
        RelBuilder builder = call.builder();
        builder.push(newScan);
        if (!result.remainder().isEmpty()) {
            builder.filter(result.remainder());
        }
        call.transformTo(builder.build());
    }
}
