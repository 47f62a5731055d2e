package io.exchangejdbc.calcite;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.graph.GraphQuery;
import io.exchangejdbc.graph.GraphRequestPlan;
import io.exchangejdbc.graph.Operand;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Table of the catalog exposed to Calcite: it describes its row type from the catalog and turns
 * itself into an {@link ExchangeTableScan}, into which the planner's rules then push work.
 */
public final class ExchangeTable extends AbstractTable implements TranslatableTable {

    private final TableDef def;
    private final ScanExecutor executor;
    private final PlannerSettings settings;
    private final ModifyExecutor modifier;

    public ExchangeTable(TableDef def, ScanExecutor executor, PlannerSettings settings) {
        this(def, executor, ModifyExecutor.REFUSING, settings);
    }

    /** A table whose INSERT, UPDATE and DELETE go to {@code modifier}. */
    public ExchangeTable(TableDef def, ScanExecutor executor, ModifyExecutor modifier,
            PlannerSettings settings) {
        this.def = requireNonNull(def, "def");
        this.executor = requireNonNull(executor, "executor");
        this.modifier = requireNonNull(modifier, "modifier");
        this.settings = requireNonNull(settings, "settings");
    }

    ModifyExecutor modifier() {
        return modifier;
    }

    /** The catalog entry of this table. */
    public TableDef def() {
        return def;
    }

    ScanExecutor executor() {
        return executor;
    }

    PlannerSettings settings() {
        return settings;
    }

    /**
     * The first request of a scan as the service will see it, for EXPLAIN; parameters of
     * prepared statements show as {@code ?N}.
     */
    String describe(GraphQuery query) {
        if (def.ews() != null) {
            return io.exchangejdbc.ews.EwsPlanText.describe(query);
        }
        return GraphRequestPlan.describe(query, Operand.Parameter::new, settings.pageSize());
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType(typeFactory, def.columns());
    }

    @Override
    public Statistic getStatistic() {
        List<ImmutableBitSet> keys = new ArrayList<>();
        List<Integer> keyIndexes = new ArrayList<>();
        for (int i = 0; i < def.columns().size(); i++) {
            if (def.columns().get(i).key()) {
                keyIndexes.add(i);
            }
        }
        if (!keyIndexes.isEmpty() && def.graph() != null && !def.graph().mailboxScoped()) {
            // ids are unique per mailbox only; across mailboxes (UserId IN ...) they may repeat
            keys.add(ImmutableBitSet.of(keyIndexes));
        }
        return Statistics.of(null, keys, null, null);
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        var cluster = context.getCluster();
        return new ExchangeTableScan(cluster, cluster.traitSetOf(Convention.NONE),
                relOptTable, this, GraphQuery.of(def));
    }

    /** The row type of the given columns: every column nullable. */
    static RelDataType rowType(RelDataTypeFactory typeFactory, List<ColumnDef> columns) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (ColumnDef c : columns) {
            builder.add(c.name(), typeFactory.createTypeWithNullability(
                    sqlType(typeFactory, c), true));
        }
        return builder.build();
    }

    private static RelDataType sqlType(RelDataTypeFactory typeFactory, ColumnDef c) {
        switch (c.type()) {
            case VARCHAR:
                return typeFactory.createSqlType(SqlTypeName.VARCHAR);
            case BOOLEAN:
                return typeFactory.createSqlType(SqlTypeName.BOOLEAN);
            case INTEGER:
                return typeFactory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT:
                return typeFactory.createSqlType(SqlTypeName.BIGINT);
            case DOUBLE:
                return typeFactory.createSqlType(SqlTypeName.DOUBLE);
            case DATE:
                return typeFactory.createSqlType(SqlTypeName.DATE);
            case TIMESTAMP:
                return typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3);
            case VARBINARY:
                return typeFactory.createSqlType(SqlTypeName.VARBINARY);
            default:
                throw new IllegalStateException("unmapped column type " + c.type());
        }
    }
}
