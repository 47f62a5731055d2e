package io.exchangejdbc.jdbc;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.procedure.ProcedureCall;
import io.exchangejdbc.procedure.ProcedureCallParser;
import io.exchangejdbc.procedure.ProcedureResult;
import io.exchangejdbc.procedure.ProcedureRunner;
import io.exchangejdbc.schema.ProcedureDef;
import io.exchangejdbc.schema.TableDef;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection to Exchange: Calcite's connection for planning and execution, with what differs
 * for us put in front of it: the metadata comes from the catalog, errors keep their SQLState,
 * and closing releases the connection's HTTP resources.
 *
 * <p>Users see a {@link Connection} proxy; {@code unwrap(ExchangeConnection.class)} returns this.
 */
public final class ExchangeConnection implements InvocationHandler {

    private final Connection calcite;
    private final ExchangeConfig config;
    private final AutoCloseable resources;
    private final List<TableDef> tables;
    private final String schemaName;
    private final ProcedureRunner procedures;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Connection proxy;

    private ExchangeConnection(Connection calcite, ExchangeConfig config, AutoCloseable resources,
            List<TableDef> tables, String schemaName, ProcedureRunner procedures) {
        this.procedures = requireNonNull(procedures, "procedures");
        this.calcite = requireNonNull(calcite, "calcite");
        this.config = requireNonNull(config, "config");
        this.resources = requireNonNull(resources, "resources");
        this.tables = List.copyOf(tables);
        this.schemaName = requireNonNull(schemaName, "schemaName");
        this.proxy = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, this);
    }

    /** The user's view of a Calcite connection set up for Exchange. */
    static Connection wrap(Connection calcite, ExchangeConfig config, AutoCloseable resources,
            List<TableDef> tables, String schemaName, ProcedureRunner procedures) {
        return new ExchangeConnection(calcite, config, resources, tables, schemaName,
                procedures).proxy;
    }

    /** The stored procedures of this connection. */
    public List<ProcedureDef> procedures() {
        return procedures.definitions();
    }

    /** Runs a procedure call and returns its result as a result set. */
    ResultSet runProcedure(ProcedureCall call, List<Object> markerValues) throws SQLException {
        checkOpen();
        ProcedureResult result = procedures.run(call, markerValues);
        List<ListResultSet.Column> columns = new ArrayList<>();
        for (ProcedureDef.ResultColumn c : result.columns()) {
            columns.add(new ListResultSet.Column(c.name(), c.type().jdbcType()));
        }
        return ListResultSet.of(columns, result.rows());
    }

    /** The configuration of this connection. */
    public ExchangeConfig config() {
        return config;
    }

    /** The tables and views this connection exposes. */
    public List<TableDef> tables() {
        return tables;
    }

    /** The SQL schema holding the tables ({@code MSGraph} or {@code EWS}). */
    public String schemaName() {
        return schemaName;
    }

    List<String> tableNames() {
        List<String> names = new ArrayList<>();
        for (TableDef t : tables) {
            names.add(t.name());
        }
        return names;
    }

    Connection proxy() {
        return proxy;
    }

    /** The Graph client writes go through, or null when the connection has none. */
    io.exchangejdbc.graph.GraphClient graphClient() {
        return resources instanceof io.exchangejdbc.graph.GraphClient g ? g : null;
    }

    @Override
    public Object invoke(Object p, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "close":
                close();
                return null;
            case "isClosed":
                return closed.get() || calcite.isClosed();
            case "getMetaData":
                checkOpen();
                return ExchangeDatabaseMetaData.wrap(this, calcite.getMetaData());
            case "isReadOnly":
                checkOpen();
                return config.getBoolean(ExchangeProperty.READONLY);
            case "setReadOnly":
                checkOpen();
                return null;
            case "unwrap":
                if (args[0] == ExchangeConnection.class) {
                    return this;
                }
                break;
            case "isWrapperFor":
                if (args[0] == ExchangeConnection.class) {
                    return true;
                }
                break;
            case "prepareCall":
                checkOpen();
                return ExchangeCallableStatement.prepare(this, (String) args[0]);
            case "prepareStatement":
                if (ProcedureCallParser.isCall((String) args[0])) {
                    checkOpen();
                    return ExchangeCallableStatement.prepare(this, (String) args[0]);
                }
                if (args.length == 2 && (args[1] instanceof Integer || args[1] instanceof int[]
                        || args[1] instanceof String[])) {
                    // Calcite does not take the generated-keys argument; the statement does
                    return prepareWithKeys((String) args[0], args[1]);
                }
                break;
            case "toString":
                return "ExchangeConnection[" + config + "]";
            default:
                break;
        }
        Object common = Wrappers.answer(p, calcite, method, args);
        if (common != Wrappers.NOT_HANDLED) {
            return common;
        }
        checkOpen();
        try {
            Object result;
            try (PlanningScope scope = PlanningScope.enter()) {
                result = method.invoke(calcite, args);
            }
            if (result instanceof Statement statement) {
                Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class
                        : Statement.class;
                return ExchangeStatement.wrap(this, statement, type);
            }
            return result;
        } catch (InvocationTargetException e) {
            throw SqlErrors.translate(e.getCause(), tableNames());
        }
    }

    private Object prepareWithKeys(String sql, Object keys) throws SQLException {
        checkOpen();
        PreparedStatement ps;
        try (PlanningScope scope = PlanningScope.enter()) {
            ps = calcite.prepareStatement(sql);
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e, tableNames());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, tableNames());
        }
        boolean wanted = !(keys instanceof Integer flag)
                || flag == Statement.RETURN_GENERATED_KEYS;
        try {
            return ExchangeStatement.wrap(this, ps, PreparedStatement.class,
                    wanted ? keys : null);
        } catch (IllegalArgumentException e) {
            ps.close();
            throw (SQLException) e.getCause();
        }
    }

    private void checkOpen() throws SQLException {
        if (closed.get()) {
            throw new SQLException("The connection is closed.", "08003");
        }
    }

    private void close() throws SQLException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        SQLException failure = null;
        try {
            calcite.close();
        } catch (SQLException e) {
            failure = e;
        }
        try {
            resources.close();
        } catch (Exception e) {
            if (failure == null) {
                failure = new SQLException("Closing the connection's HTTP resources failed: "
                        + e.getMessage(), "08006", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
