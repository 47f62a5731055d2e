package io.exchangejdbc.jdbc;

import io.exchangejdbc.procedure.ProcedureCall;
import io.exchangejdbc.procedure.ProcedureCallParser;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A prepared call of a stored procedure ({@code prepareCall("{call Name(?, ?)}")} or
 * {@code prepareStatement("EXEC Name @P = ?")}): parameters are bound by position to the call's
 * {@code ?} markers or by name to the procedure's parameters, and each execution returns the
 * procedure's result set.
 */
final class ExchangeCallableStatement implements InvocationHandler {

    private final ExchangeConnection connection;
    private final ProcedureCall call;
    private final Map<Integer, Object> byIndex = new HashMap<>();
    private final Map<String, Object> byName = new HashMap<>();
    private ResultSet current;
    private boolean closed;
    private int queryTimeout;
    private int maxRows;

    private ExchangeCallableStatement(ExchangeConnection connection, ProcedureCall call) {
        this.connection = connection;
        this.call = call;
    }

    static CallableStatement prepare(ExchangeConnection connection, String sql)
            throws SQLException {
        ProcedureCall call = ProcedureCallParser.parse(sql);
        if (call == null) {
            throw new SQLException("prepareCall takes a procedure call: {call Name(?, ...)},"
                    + " CALL Name(...) or EXEC Name @Param = ?; use prepareStatement for queries.",
                    "42000");
        }
        return (CallableStatement) Proxy.newProxyInstance(
                ExchangeCallableStatement.class.getClassLoader(),
                new Class<?>[] {CallableStatement.class},
                new ExchangeCallableStatement(connection, call));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object common = Wrappers.answer(proxy, null, method, args);
        if (common != Wrappers.NOT_HANDLED) {
            return common;
        }
        String name = method.getName();
        switch (name) {
            case "close":
                closed = true;
                closeCurrent();
                return null;
            case "isClosed":
                return closed;
            case "getConnection":
                return connection.proxy();
            case "toString":
                return "ExchangeCallableStatement[" + call.name() + "]";
            default:
                break;
        }
        if (closed) {
            throw new SQLException("The statement is closed.", "HY010");
        }
        if (args != null && args.length >= 1 && (args[0] instanceof String)
                && (name.equals("execute") || name.equals("executeQuery")
                || name.equals("executeUpdate") || name.equals("addBatch"))) {
            throw new SQLException("A prepared call runs the statement it was prepared with;"
                    + " call " + name + "() without SQL.", "HY000");
        }
        switch (name) {
            case "execute":
                current = run();
                return true;
            case "executeQuery":
                current = run();
                return current;
            case "executeUpdate":
            case "executeLargeUpdate":
                closeCurrent();
                current = run();
                return name.equals("executeUpdate") ? (Object) 0 : (Object) 0L;
            case "getResultSet":
                return current;
            case "getUpdateCount":
                return -1;
            case "getLargeUpdateCount":
                return -1L;
            case "getMoreResults":
                closeCurrent();
                return false;
            case "clearParameters":
                byIndex.clear();
                byName.clear();
                return null;
            case "getWarnings":
                return null;
            case "clearWarnings":
            case "setFetchSize":
            case "setFetchDirection":
            case "setEscapeProcessing":
            case "setPoolable":
            case "closeOnCompletion":
                return null;
            case "setQueryTimeout":
                queryTimeout = (Integer) args[0];
                return null;
            case "getQueryTimeout":
                return queryTimeout;
            case "setMaxRows":
                maxRows = (Integer) args[0];
                return null;
            case "getMaxRows":
                return maxRows;
            case "getFetchSize":
                return 0;
            case "getResultSetType":
                return ResultSet.TYPE_FORWARD_ONLY;
            case "getResultSetConcurrency":
                return ResultSet.CONCUR_READ_ONLY;
            case "getMetaData":
                return current == null ? null : current.getMetaData();
            default:
                break;
        }
        if (name.startsWith("set") && args != null && args.length >= 2) {
            Object value = name.equals("setNull") ? null : args[1];
            if (args[0] instanceof Integer index) {
                if (index < 1 || index > call.markerCount()) {
                    throw new SQLException("Parameter index " + index + " is out of range: the"
                            + " call has " + call.markerCount() + " ? markers.", "07009");
                }
                byIndex.put(index, value);
                return null;
            }
            if (args[0] instanceof String parameterName) {
                byName.put(parameterName, value);
                return null;
            }
        }
        throw new SQLFeatureNotSupportedException("CallableStatement." + name + " is not"
                + " supported for procedure calls (procedures return a result set; there are no"
                + " OUT parameters).", "0A000");
    }

    private ResultSet run() throws SQLException {
        closeCurrent();
        ProcedureCall bound = call;
        List<Object> markers = new ArrayList<>();
        if (!byName.isEmpty()) {
            List<ProcedureCall.Argument> arguments = new ArrayList<>();
            int marker = 0;
            for (ProcedureCall.Argument a : call.arguments()) {
                if (a.marker()) {
                    marker++;
                    if (byIndex.containsKey(marker)) {
                        arguments.add(new ProcedureCall.Argument(a.name(), byIndex.get(marker),
                                false));
                    }
                } else {
                    arguments.add(a);
                }
            }
            for (Map.Entry<String, Object> e : byName.entrySet()) {
                arguments.add(new ProcedureCall.Argument(e.getKey(), e.getValue(), false));
            }
            bound = new ProcedureCall(call.name(), arguments);
        } else {
            for (int i = 1; i <= call.markerCount(); i++) {
                if (!byIndex.containsKey(i)) {
                    throw new SQLException("No value is bound to parameter " + i + ".", "07001");
                }
                markers.add(byIndex.get(i));
            }
        }
        return connection.runProcedure(bound, markers);
    }

    private void closeCurrent() throws SQLException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
