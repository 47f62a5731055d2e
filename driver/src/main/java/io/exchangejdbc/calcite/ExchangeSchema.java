package io.exchangejdbc.calcite;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.schema.TableDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Schema of one connection: a table for each catalog entry the connection exposes, all reading
 * through the connection's {@link ScanExecutor}.
 */
public final class ExchangeSchema extends AbstractSchema {

    private final Map<String, Table> tables;

    public ExchangeSchema(List<TableDef> defs, ScanExecutor executor, PlannerSettings settings) {
        this(defs, executor, ModifyExecutor.REFUSING, settings);
    }

    /** A schema whose tables read through {@code executor} and change through {@code modifier}. */
    public ExchangeSchema(List<TableDef> defs, ScanExecutor executor, ModifyExecutor modifier,
            PlannerSettings settings) {
        requireNonNull(defs, "defs");
        requireNonNull(executor, "executor");
        requireNonNull(modifier, "modifier");
        requireNonNull(settings, "settings");
        Map<String, Table> map = new LinkedHashMap<>();
        for (TableDef def : defs) {
            map.put(def.name(), new ExchangeTable(def, executor, modifier, settings));
        }
        this.tables = Map.copyOf(map);
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
