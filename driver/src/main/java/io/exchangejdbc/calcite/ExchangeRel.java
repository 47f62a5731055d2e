package io.exchangejdbc.calcite;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/**
 * Relational expression that is evaluated by the Exchange service rather than in memory: the
 * nodes of this convention hold the request they stand for.
 */
public interface ExchangeRel extends RelNode {

    /** Calling convention of relational expressions answered by a request to Exchange. */
    Convention CONVENTION = new Convention.Impl("EXCHANGE", ExchangeRel.class);
}
