package io.exchangejdbc.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import io.exchangejdbc.procedure.ProcedureCall;
import io.exchangejdbc.procedure.ProcedureCallParser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A statement of an {@link ExchangeConnection}: Calcite's statement, answering with the
 * connection the user holds and translating failures into exceptions with a SQLState.
 */
final class ExchangeStatement implements InvocationHandler {

    private final ExchangeConnection connection;
    private final Statement calcite;
    /** The result of the last procedure call run through this statement, or null. */
    private ResultSet procedureResult;
    private final StatementWrites writes;

    private ExchangeStatement(ExchangeConnection connection, Statement calcite,
            boolean prepared) {
        this.connection = connection;
        this.calcite = calcite;
        this.writes = new StatementWrites(calcite, prepared, connection.graphClient(),
                connection.tableNames());
    }

    /** A proxy of {@code type} (Statement, PreparedStatement or CallableStatement). */
    static Statement wrap(ExchangeConnection connection, Statement calcite, Class<?> type) {
        return wrap(connection, calcite, type, null);
    }

    /**
     * A proxy of {@code type} whose INSERTs return the keys {@code keys} asks for (a
     * {@code Statement.RETURN_GENERATED_KEYS} flag, column indexes or column names), or null.
     */
    static Statement wrap(ExchangeConnection connection, Statement calcite, Class<?> type,
            Object keys) throws IllegalArgumentException {
        ExchangeStatement handler = new ExchangeStatement(connection, calcite,
                type != Statement.class);
        if (keys != null) {
            try {
                handler.writes.requestKeys(keys);
            } catch (java.sql.SQLException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return (Statement) Proxy.newProxyInstance(ExchangeStatement.class.getClassLoader(),
                new Class<?>[] {type}, handler);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object common = Wrappers.answer(proxy, calcite, method, args);
        if (common != Wrappers.NOT_HANDLED) {
            return common;
        }
        switch (method.getName()) {
            case "getConnection":
                return connection.proxy();
            case "toString":
                return "ExchangeStatement[" + calcite + "]";
            default:
                break;
        }
        if (args != null && args.length >= 1 && args[0] instanceof String sql
                && ProcedureCallParser.isCall(sql)) {
            return callProcedure(method.getName(), sql);
        }
        if (procedureResult == null) {
            Object written = writes.handle(method, args);
            if (written != Wrappers.NOT_HANDLED) {
                return written;
            }
        }
        if (procedureResult != null) {
            switch (method.getName()) {
                case "getResultSet":
                    return procedureResult;
                case "getUpdateCount":
                    return -1;
                case "getMoreResults":
                    procedureResult.close();
                    procedureResult = null;
                    return false;
                default:
                    break;
            }
        }
        try {
            try (PlanningScope scope = PlanningScope.enter()) {
                return method.invoke(calcite, args);
            }
        } catch (InvocationTargetException e) {
            throw SqlErrors.translate(e.getCause(), connection.tableNames());
        }
    }

    /**
     * Runs {@code EXEC}/{@code CALL} through the driver's procedures rather than Calcite, which
     * must never see them (it could evaluate a function while planning).
     */
    private Object callProcedure(String method, String sql) throws SQLException {
        if (procedureResult != null) {
            procedureResult.close();
            procedureResult = null;
        }
        switch (method) {
            case "executeQuery":
            case "execute":
            case "executeUpdate":
            case "executeLargeUpdate": {
                ProcedureCall call = ProcedureCallParser.parse(sql);
                if (call.markerCount() > 0) {
                    throw new SQLException("A call with ? markers must be prepared: use"
                            + " prepareCall.", "07001");
                }
                ResultSet rs = connection.runProcedure(call, List.of());
                if (method.equals("executeQuery")) {
                    return rs;
                }
                procedureResult = rs;
                return method.equals("execute") ? (Object) true
                        : method.equals("executeUpdate") ? (Object) 0 : (Object) 0L;
            }
            default:
                throw new SQLException("Statement." + method + " cannot run a procedure call;"
                        + " use execute or executeQuery.", "HY000");
        }
    }
}
