package io.exchangejdbc.calcite;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * Configuration of one of the adapter's planner rules: its operands and description, and the
 * factory that makes the rule from them. A plain value instead of Calcite's generated
 * configuration classes, which need an annotation processor.
 */
record RuleConfig(
        String description,
        RelRule.OperandTransform operandSupplier,
        RelBuilderFactory relBuilderFactory,
        Function<RuleConfig, RelOptRule> factory) implements RelRule.Config {

    RuleConfig {
        requireNonNull(operandSupplier, "operandSupplier");
        requireNonNull(relBuilderFactory, "relBuilderFactory");
        requireNonNull(factory, "factory");
    }

    static RuleConfig of(String description, RelRule.OperandTransform operands,
            Function<RuleConfig, RelOptRule> factory) {
        return new RuleConfig(description, operands,
                org.apache.calcite.rel.core.RelFactories.LOGICAL_BUILDER, factory);
    }

    @Override
    public RelOptRule toRule() {
        return factory.apply(this);
    }

    @Override
    public RelRule.Config withRelBuilderFactory(RelBuilderFactory newFactory) {
        return new RuleConfig(description, operandSupplier, newFactory, factory);
    }

    @Override
    public RelRule.Config withDescription(String newDescription) {
        return new RuleConfig(newDescription, operandSupplier, relBuilderFactory, factory);
    }

    @Override
    public RelRule.Config withOperandSupplier(RelRule.OperandTransform transform) {
        return new RuleConfig(description, transform, relBuilderFactory, factory);
    }
}
