package io.exchangejdbc.calcite;

import io.exchangejdbc.graph.TableChange;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import io.exchangejdbc.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Rule to convert a {@link LogicalTableModify} of an Exchange table into an
 * {@link ExchangeTableModify}.
 *
 * <p>For UPDATE and DELETE it decides how the rows are found. When the WHERE clause is only
 * {@code id = v} (or {@code id IN (...)}), optionally with {@code UserId = m}, and the new values
 * are constants or parameters, the rows are named directly: one row of constants per id, and the
 * change goes to the service without reading first, so that an unknown id is the service's "not
 * found". Otherwise the matching rows are read through the table's scan, with the WHERE pushed
 * down as for a SELECT, and only their ids and mailboxes are kept. For EWS tables the values
 * the WHERE clause gives to input-only columns and to {@code ChangeKey} (equalities) travel
 * with each row after the new values, so that the writer can honour them.
 */
public final class ExchangeTableModifyRule extends ConverterRule {

    /** The rule. */
    public static final ExchangeTableModifyRule INSTANCE = ConverterRule.Config.INSTANCE
            .withConversion(LogicalTableModify.class,
                    (LogicalTableModify m) -> m.getTable().unwrap(ExchangeTable.class) != null,
                    Convention.NONE, EnumerableConvention.INSTANCE, "ExchangeTableModifyRule")
            .withRuleFactory(ExchangeTableModifyRule::new)
            .toRule(ExchangeTableModifyRule.class);

    ExchangeTableModifyRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        TableModify modify = (TableModify) rel;
        ExchangeTable table = modify.getTable().unwrap(ExchangeTable.class);
        if (table == null) {
            return null;
        }
        TableDef def = table.def();
        int userIdColumn = userIdColumn(def);
        RelNode input;
        ModifyLayout layout;
        switch (modify.getOperation()) {
            case INSERT: {
                input = modify.getInput();
                List<ColumnDef> columns = new ArrayList<>();
                List<Integer> indexes = new ArrayList<>();
                for (int i = 0; i < def.columns().size(); i++) {
                    // UserId chooses the mailbox; other pseudo-columns may route the create
                    if (i != userIdColumn) {
                        columns.add(def.columns().get(i));
                        indexes.add(i);
                    }
                }
                layout = new ModifyLayout(TableChange.Kind.INSERT, -1, userIdColumn,
                        toArray(indexes), columns);
                break;
            }
            case UPDATE:
            case DELETE: {
                boolean update = modify.getOperation() == TableModify.Operation.UPDATE;
                List<ColumnDef> setColumns = new ArrayList<>();
                if (update) {
                    for (String name : modify.getUpdateColumnList()) {
                        setColumns.add(def.column(name));
                    }
                }
                List<RexNode> sources = update ? modify.getSourceExpressionList() : List.of();
                int idColumn = def.indexOf("id");
                if (idColumn < 0 && def.ews() != null && def.keyColumns().size() == 1) {
                    // EWS tables keep the schema's name for the key (ItemId)
                    idColumn = def.indexOf(def.keyColumns().get(0).name());
                }
                if (idColumn < 0 && isMailboxObject(def) && userIdColumn >= 0) {
                    // one object per mailbox (mailboxSettings): the mailbox is the row's key
                    idColumn = userIdColumn;
                }
                if (idColumn < 0) {
                    return null;
                }
                // carried after the new values: an EWS table's options, or the columns
                // besides the id that name a Graph row in its path (groupId of a member)
                List<Integer> options = optionColumns(def, userIdColumn);
                List<Integer> pathColumns = pathColumns(def);
                List<Integer> carried = new ArrayList<>(options);
                carried.addAll(pathColumns);
                input = pathColumns.isEmpty()
                        ? keyed(modify, def, idColumn, userIdColumn, sources, options) : null;
                if (input == null) {
                    input = narrowed(modify, idColumn, userIdColumn, sources.size(), carried);
                }
                int[] valueIndexes = new int[sources.size() + carried.size()];
                int first = userIdColumn >= 0 ? 2 : 1;
                for (int i = 0; i < valueIndexes.length; i++) {
                    valueIndexes[i] = first + i;
                }
                List<ColumnDef> valueColumns = new ArrayList<>(setColumns);
                for (int o : carried) {
                    valueColumns.add(def.columns().get(o));
                }
                layout = new ModifyLayout(update ? TableChange.Kind.UPDATE
                        : TableChange.Kind.DELETE, 0, userIdColumn >= 0 ? 1 : -1,
                        valueIndexes, valueColumns);
                break;
            }
            default:
                return null;
        }
        RelNode converted = convert(input,
                input.getTraitSet().replace(EnumerableConvention.INSTANCE));
        return new ExchangeTableModify(modify.getCluster(),
                modify.getTraitSet().replace(EnumerableConvention.INSTANCE), converted,
                modify.getRowType(), table, layout);
    }

    /** Whether each mailbox has one row of the table, written at a path without an id. */
    private static boolean isMailboxObject(TableDef def) {
        return def.writes() != null && def.writes().itemPath() != null
                && !def.writes().itemPath().contains("{id}")
                && def.graph() != null && def.graph().mailboxScoped();
    }

    private static int userIdColumn(TableDef def) {
        for (int i = 0; i < def.columns().size(); i++) {
            ColumnDef c = def.columns().get(i);
            if (c.nature() == ColumnNature.PSEUDO && c.name().equalsIgnoreCase("UserId")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The columns whose WHERE values an UPDATE or DELETE of an EWS table hands to the writer
     * after the new values: its input-only columns (impersonation, shared mailbox, whether to
     * send meeting invitations) and {@code ChangeKey}, which makes the change conditional on
     * the item's version. Graph tables have none.
     */
    private static List<Integer> optionColumns(TableDef def, int userIdColumn) {
        List<Integer> out = new ArrayList<>();
        if (def.ews() == null) {
            return out;
        }
        for (int i = 0; i < def.columns().size(); i++) {
            ColumnDef c = def.columns().get(i);
            if (i != userIdColumn && (c.nature() == ColumnNature.PSEUDO
                    || c.name().equalsIgnoreCase("ChangeKey"))) {
                out.add(i);
            }
        }
        return out;
    }

    /** The columns besides the id in the path a Graph row is written at. */
    private static List<Integer> pathColumns(TableDef def) {
        List<Integer> out = new ArrayList<>();
        if (def.writes() != null) {
            for (String name : def.writes().pathColumns()) {
                out.add(def.indexOf(name));
            }
        }
        return out;
    }

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    /**
     * The scan's rows narrowed to id, mailbox, new values and the other columns of the row's
     * path: the modify's input ends with the new values of an UPDATE, after the table's
     * columns.
     */
    private static RelNode narrowed(TableModify modify, int idColumn, int userIdColumn,
            int sourceCount, List<Integer> carried) {
        RelNode input = modify.getInput();
        RexBuilder rex = modify.getCluster().getRexBuilder();
        List<RexNode> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        exprs.add(RexInputRef.of(idColumn, input.getRowType()));
        names.add("id");
        if (userIdColumn >= 0) {
            exprs.add(RexInputRef.of(userIdColumn, input.getRowType()));
            names.add("UserId");
        }
        int width = input.getRowType().getFieldCount();
        for (int i = 0; i < sourceCount; i++) {
            exprs.add(rex.makeInputRef(input, width - sourceCount + i));
            names.add("value" + i);
        }
        for (int c : carried) {
            exprs.add(RexInputRef.of(c, input.getRowType()));
            names.add("carried" + c);
        }
        return LogicalProject.create(input, List.of(), exprs, names, java.util.Set.of());
    }

    /**
     * Rows of constants naming the rows to change, when the WHERE clause is only equalities on
     * the id (and on UserId) and the new values need no row; null otherwise.
     */
    private static RelNode keyed(TableModify modify, TableDef def, int idColumn,
            int userIdColumn, List<RexNode> sources, List<Integer> options) {
        RelNode node = original(modify.getInput());
        int tableWidth = def.columns().size();
        // the new values are the input's last columns, after the table's: constants there
        List<RexNode> newValues = new ArrayList<>();
        for (RexNode s : sources) {
            RexNode v = s;
            if (v instanceof RexInputRef ref && node instanceof Project top
                    && ref.getIndex() >= tableWidth
                    && ref.getIndex() < top.getProjects().size()) {
                v = top.getProjects().get(ref.getIndex());
            }
            if (!RexUtil.isConstant(v) || RexUtil.containsInputRef(v)) {
                return null;
            }
            newValues.add(v);
        }
        while (node instanceof Project p) {
            List<RexNode> projects = p.getProjects();
            for (int i = 0; i < Math.min(tableWidth, projects.size()); i++) {
                if (!(projects.get(i) instanceof RexInputRef ref) || ref.getIndex() != i) {
                    return null;
                }
            }
            node = original(p.getInput());
        }
        if (!(node instanceof Filter filter)) {
            return null;
        }
        RelNode below = original(filter.getInput());
        if (!(below instanceof ExchangeTableScan)) {
            return null;
        }
        RelOptCluster cluster = modify.getCluster();
        RexBuilder rex = cluster.getRexBuilder();
        RexNode condition = RexUtil.expandSearch(rex, null, filter.getCondition());
        List<RexNode> ids = null;
        RexNode mailbox = null;
        java.util.Map<Integer, RexNode> optionValues = new java.util.HashMap<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            List<RexNode> values = new ArrayList<>();
            int column = -2;
            for (RexNode d : RelOptUtil.disjunctions(conjunct)) {
                int[] col = new int[1];
                RexNode v = equalityConstant(d, col);
                if (v == null || (column != -2 && column != col[0])) {
                    return null;
                }
                column = col[0];
                values.add(v);
            }
            if (column == idColumn && ids == null) {
                ids = values;
            } else if (column == userIdColumn && userIdColumn >= 0 && mailbox == null
                    && values.size() == 1) {
                mailbox = values.get(0);
            } else if (options.contains(column) && values.size() == 1
                    && !optionValues.containsKey(column)) {
                optionValues.put(column, values.get(0));
            } else {
                return null;
            }
        }
        if (ids == null) {
            return null;
        }
        RelDataType text = cluster.getTypeFactory().createTypeWithNullability(
                cluster.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true);
        List<RelNode> rows = new ArrayList<>();
        for (RexNode id : ids) {
            List<RexNode> exprs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            exprs.add(rex.makeCast(text, id, true, false));
            names.add("id");
            if (userIdColumn >= 0) {
                // when the mailbox is the key, each row's mailbox is its id
                RexNode box = idColumn == userIdColumn ? id : mailbox;
                exprs.add(box == null ? rex.makeNullLiteral(text)
                        : rex.makeCast(text, box, true, false));
                names.add("UserId");
            }
            for (int i = 0; i < newValues.size(); i++) {
                RexNode s = newValues.get(i);
                exprs.add(rex.makeCast(cluster.getTypeFactory().createTypeWithNullability(
                        s.getType(), true), s, true, false));
                names.add("value" + i);
            }
            for (int o : options) {
                RexNode v = optionValues.get(o);
                exprs.add(v == null ? rex.makeNullLiteral(text)
                        : rex.makeCast(text, v, true, false));
                names.add("option" + o);
            }
            rows.add(LogicalProject.create(LogicalValues.createOneRow(cluster), List.of(),
                    exprs, names, java.util.Set.of()));
        }
        return rows.size() == 1 ? rows.get(0) : LogicalUnion.create(rows, true);
    }

    /** {@code column = constant}: the constant, with the column's position in {@code col}. */
    private static RexNode equalityConstant(RexNode node, int[] col) {
        if (node.getKind() != SqlKind.EQUALS) {
            return null;
        }
        RexCall call = (RexCall) node;
        RexNode a = call.getOperands().get(0);
        RexNode b = call.getOperands().get(1);
        if (!(a instanceof RexInputRef)) {
            RexNode t = a;
            a = b;
            b = t;
        }
        if (!(a instanceof RexInputRef ref) || !isConstant(b)) {
            return null;
        }
        col[0] = ref.getIndex();
        return b;
    }

    private static boolean isConstant(RexNode node) {
        if (node instanceof RexLiteral lit) {
            return !lit.isNull();
        }
        if (node instanceof RexDynamicParam) {
            return true;
        }
        return node.getKind() == SqlKind.CAST
                && isConstant(((RexCall) node).getOperands().get(0));
    }

    private static RelNode original(RelNode node) {
        RelNode n = node;
        while (n instanceof RelSubset subset) {
            RelNode o = subset.getOriginal();
            if (o == null) {
                return n;
            }
            n = o;
        }
        return n;
    }
}
