package io.exchangejdbc.calcite;

import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalcitePrepareImpl;

/**
 * Calcite's statement preparation with the Exchange planner rules that Calcite's own cannot
 * replace: INSERT, UPDATE and DELETE are planned as {@link ExchangeTableModify} by
 * {@link ExchangeTableModifyRule}, instead of Calcite's {@code EnumerableTableModify}, which
 * can only change an in-memory collection and cannot UPDATE at all.
 *
 * <p>Given to the JDBC driver's constructor, which is the only way Calcite 1.42 takes a
 * preparation of our own.
 */
public class ExchangePrepare extends CalcitePrepareImpl {

    @Override
    protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
            org.apache.calcite.plan.Context externalContext, RelOptCostFactory costFactory) {
        RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
        planner.removeRule(EnumerableRules.ENUMERABLE_TABLE_MODIFICATION_RULE);
        planner.addRule(ExchangeTableModifyRule.INSTANCE);
        return planner;
    }
}
