package io.exchangejdbc.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Holder of the planner rules of the Exchange convention. */
public final class ExchangeRules {

    /** Rule to turn a logical scan, with what it absorbed, into an Exchange request. */
    static final ConverterRule TO_REQUEST = ConverterRule.Config.INSTANCE
            .withConversion(ExchangeTableScan.class, Convention.NONE, ExchangeRel.CONVENTION,
                    "ExchangeRequestRule")
            .withRuleFactory(ToRequest::new)
            .toRule(ToRequest.class);

    /** Rule to read an Exchange request from Calcite's enumerable pipeline. */
    static final ConverterRule TO_ENUMERABLE = ConverterRule.Config.INSTANCE
            .withConversion(ExchangeRequest.class, ExchangeRel.CONVENTION,
                    EnumerableConvention.INSTANCE, "ExchangeToEnumerableConverterRule")
            .withRuleFactory(ToEnumerable::new)
            .toRule(ToEnumerable.class);

    /** Every rule of the adapter. */
    public static final List<RelOptRule> RULES = List.of(
            ExchangeFilterRule.INSTANCE,
            ExchangeProjectRule.INSTANCE,
            ExchangeSortRule.INSTANCE,
            ExchangeSortRule.THROUGH_PROJECT,
            ExchangeMailboxJoinRule.SCAN_LEFT,
            ExchangeMailboxJoinRule.SCAN_RIGHT,
            TO_REQUEST,
            TO_ENUMERABLE);

    private ExchangeRules() {
    }

    static void register(RelOptPlanner planner) {
        for (RelOptRule rule : RULES) {
            planner.addRule(rule);
        }
    }

    /** Rule to convert an {@link ExchangeTableScan} to an {@link ExchangeRequest}. */
    static final class ToRequest extends ConverterRule {
        ToRequest(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            ExchangeTableScan scan = (ExchangeTableScan) rel;
            return new ExchangeRequest(scan.getCluster(),
                    scan.getTraitSet().replace(ExchangeRel.CONVENTION), scan.getTable(),
                    scan.exchangeTable(), scan.query());
        }
    }

    /** Rule to convert an {@link ExchangeRequest} to an {@link ExchangeToEnumerableConverter}. */
    static final class ToEnumerable extends ConverterRule {
        ToEnumerable(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            RelNode input = convert(rel, rel.getTraitSet().replace(ExchangeRel.CONVENTION));
            return new ExchangeToEnumerableConverter(rel.getCluster(),
                    rel.getTraitSet().replace(EnumerableConvention.INSTANCE), input);
        }
    }
}
