package io.exchangejdbc.calcite;

import io.exchangejdbc.graph.GraphQuery;
import io.exchangejdbc.graph.ODataFilterRenderer;
import io.exchangejdbc.graph.Operand;
import io.exchangejdbc.graph.SortKey;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Rule to push a {@link LogicalSort} (ORDER BY and/or LIMIT) into an {@link ExchangeTableScan}
 * as {@code $orderby} and {@code $top}.
 *
 * <p>Only accepts: no OFFSET; an order on columns the service sorts, read from a single mailbox
 * (rows of several mailboxes are concatenated, not merged) and not from a tree walk, with a filter
 * (none at all for directory collections)
 * the service accepts together with that order (the {@code InefficientFilter} rule); a limit that
 * is a literal or a {@code ?} parameter. An order that cannot be pushed leaves the whole sort to
 * Calcite; a limit alone is pushed and, over several mailboxes, applied again above the scan.
 */
final class ExchangeSortRule extends RelRule<RuleConfig> {

    static final ExchangeSortRule INSTANCE = (ExchangeSortRule) RuleConfig.of(
            "ExchangeSortRule",
            b0 -> b0.operand(LogicalSort.class)
                    .predicate(s -> s.offset == null)
                    .oneInput(b1 -> b1.operand(ExchangeTableScan.class)
                            .predicate(s -> s.query().orderBy().isEmpty()
                                    && s.query().limit() == null)
                            .noInputs()),
            ExchangeSortRule::new).toRule();

    /**
     * The same rule for a sort over a projection of the scan, the shape SQL gives an
     * {@code ORDER BY} (the projection adds the sort columns, the sort sits above it); sort keys
     * must be plain columns of the projection.
     */
    static final ExchangeSortRule THROUGH_PROJECT = (ExchangeSortRule) RuleConfig.of(
            "ExchangeSortRule:project",
            b0 -> b0.operand(LogicalSort.class)
                    .predicate(s -> s.offset == null)
                    .oneInput(b1 -> b1.operand(LogicalProject.class).oneInput(
                            b2 -> b2.operand(ExchangeTableScan.class)
                                    .predicate(s -> s.query().orderBy().isEmpty()
                                            && s.query().limit() == null)
                                    .noInputs())),
            ExchangeSortRule::new).toRule();

    private ExchangeSortRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Sort sort = call.rel(0);
        if (call.rels.length == 3) {
            onMatchThroughProject(call, sort, call.rel(1), call.rel(2));
            return;
        }
        ExchangeTableScan scan = call.rel(1);
        RelNode pushed = push(sort, scan);
        if (pushed != null) {
            call.transformTo(pushed);
        }
    }

    private void onMatchThroughProject(RelOptRuleCall call, Sort sort, Project project,
            ExchangeTableScan scan) {
        // map the sort's fields through the projection onto the scan's columns
        List<RelFieldCollation> mapped = new ArrayList<>();
        for (RelFieldCollation f : sort.getCollation().getFieldCollations()) {
            RexNode e = project.getProjects().get(f.getFieldIndex());
            if (!(e instanceof RexInputRef ref)) {
                return;
            }
            mapped.add(f.withFieldIndex(ref.getIndex()));
        }
        Sort below = sort.copy(sort.getTraitSet().replace(RelCollations.of(mapped)), scan,
                RelCollations.of(mapped), null, sort.fetch);
        RelNode pushed = push(below, scan);
        if (pushed == null) {
            return;
        }
        RelNode newProject = project.copy(sort.getTraitSet(), pushed, project.getProjects(),
                project.getRowType());
        call.transformTo(newProject);
    }

    /**
     * The scan with {@code sort} pushed into it, with the sort kept above when needed, or null
     * when nothing can be pushed.
     */
    private static RelNode push(Sort sort, ExchangeTableScan scan) {
        if (scan.exchangeTable().settings().disableServerSideFiltering()) {
            return null;
        }
        GraphQuery query = scan.query();
        RelCollation collation = sort.getCollation();
        Operand limit = sort.fetch == null ? null : limitOperand(sort.fetch);
        if (sort.fetch != null && limit == null) {
            return null;
        }
        if (collation.getFieldCollations().isEmpty()) {
            if (limit == null) {
                return null;
            }
            ExchangeTableScan limited = scan.withQuery(query.withLimit(limit), scan.getTraitSet());
            if (query.mailboxes().size() > 1 || query.batchedRoute()) {
                // each mailbox (or parent) is limited on its own; the total needs it again
                return sort.copy(sort.getTraitSet(), limited, collation, null, sort.fetch);
            }
            return limited;
        }
        List<SortKey> keys = sortKeys(scan, collation);
        if (keys == null || query.mailboxes().size() > 1 || query.batchedRoute()
                || query.resource().childCollection() != null
                // directory collections take $filter with $orderby only as advanced queries
                || (!query.resource().mailboxScoped() && query.filter() != null)
                || !ODataFilterRenderer.canArrange(query.filter(), keys)) {
            return null;
        }
        GraphQuery ordered = query.withOrderBy(keys);
        if (limit != null) {
            ordered = ordered.withLimit(limit);
        }
        return scan.withQuery(ordered, scan.getTraitSet().replace(collation));
    }

    private static List<SortKey> sortKeys(ExchangeTableScan scan, RelCollation collation) {
        List<SortKey> keys = new ArrayList<>();
        for (RelFieldCollation f : collation.getFieldCollations()) {
            ColumnDef c = scan.column(f.getFieldIndex());
            if (!c.sortable() || c.nature() != ColumnNature.PROPERTY) {
                return null;
            }
            boolean descending = f.getDirection() == RelFieldCollation.Direction.DESCENDING;
            if (!descending && f.getDirection() != RelFieldCollation.Direction.ASCENDING) {
                return null;
            }
            keys.add(new SortKey(c, descending));
        }
        return keys;
    }

    private static Operand limitOperand(RexNode fetch) {
        if (fetch instanceof RexLiteral lit) {
            Long n = lit.getValueAs(Long.class);
            return n == null ? null : new Operand.Literal(n);
        }
        if (fetch instanceof RexDynamicParam p) {
            return new Operand.Parameter(p.getIndex());
        }
        return null;
    }
}
