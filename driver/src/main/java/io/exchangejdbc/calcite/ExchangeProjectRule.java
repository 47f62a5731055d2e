package io.exchangejdbc.calcite;

import io.exchangejdbc.schema.ColumnDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Rule to narrow an {@link ExchangeTableScan} to the columns a {@link LogicalProject} reads, so
 * that the request's {@code $select} asks only for those; expressions stay in a projection above.
 *
 * <p>Only accepts a projection that reads fewer columns than the scan produces.
 */
final class ExchangeProjectRule extends RelRule<RuleConfig> {

    static final ExchangeProjectRule INSTANCE = (ExchangeProjectRule) RuleConfig.of(
            "ExchangeProjectRule",
            b0 -> b0.operand(LogicalProject.class).oneInput(
                    b1 -> b1.operand(ExchangeTableScan.class).noInputs()),
            ExchangeProjectRule::new).toRule();

    private ExchangeProjectRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Project project = call.rel(0);
        ExchangeTableScan scan = call.rel(1);
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
        List<ColumnDef> output = scan.query().output();
        if (used.cardinality() >= output.size()) {
            return;
        }
        List<ColumnDef> narrowed = new ArrayList<>();
        if (used.isEmpty()) {
            // COUNT(*) and the like read no column; ask for the smallest thing: the key
            narrowed.add(smallestColumn(scan));
        } else {
            for (int i : used) {
                narrowed.add(output.get(i));
            }
        }
        Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, output.size(),
                narrowed.size());
        int target = 0;
        for (int i : used) {
            mapping.set(i, target++);
        }
        // order, filter and route refer to columns, not positions: only the collation trait,
        // which names positions, must follow (or be dropped when its columns are gone)
        ExchangeTableScan newScan = scan.withQuery(scan.query().withOutput(narrowed),
                scan.getTraitSet().replace(remap(scan, mapping)));
        List<RexNode> projects = new ArrayList<>();
        RexPermuteInputsShuttle shuttle = new RexPermuteInputsShuttle(mapping, newScan);
        for (RexNode e : project.getProjects()) {
            projects.add(e.accept(shuttle));
        }
        RelBuilder builder = call.builder();
        builder.push(newScan);
        builder.project(projects, project.getRowType().getFieldNames(), true);
        call.transformTo(builder.build());
    }

    private static RelCollation remap(ExchangeTableScan scan, Mapping mapping) {
        RelCollation collation = scan.getTraitSet().getTrait(RelCollationTraitDef.INSTANCE);
        if (collation == null || collation.getFieldCollations().isEmpty()) {
            return RelCollations.EMPTY;
        }
        List<RelFieldCollation> fields = new ArrayList<>();
        for (RelFieldCollation f : collation.getFieldCollations()) {
            int target = mapping.getTargetOpt(f.getFieldIndex());
            if (target < 0) {
                break;
            }
            fields.add(f.withFieldIndex(target));
        }
        return RelCollations.of(fields);
    }

    private static ColumnDef smallestColumn(ExchangeTableScan scan) {
        for (ColumnDef c : scan.query().output()) {
            if (c.key()) {
                return c;
            }
        }
        return scan.query().output().get(0);
    }
}
