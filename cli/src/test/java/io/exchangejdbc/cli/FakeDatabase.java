package io.exchangejdbc.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the driver in tests that are about the shell, not the driver: a JDBC
 * {@link Connection} that answers each SQL text it was told about with a result set, an update
 * count or an error, and whose metadata lists two tables.
 */
final class FakeDatabase {

    /** Something that makes a fresh answer each time a statement runs. */
    @FunctionalInterface
    interface Answer {
        Object make() throws SQLException;
    }

    private final Map<String, Answer> answers = new LinkedHashMap<>();
    private final List<String> executed = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private boolean closed;

    /** Answers {@code sql} with a result set made by {@code answer}. */
    FakeDatabase query(String sql, Answer answer) {
        answers.put(sql, answer);
        return this;
    }

    /** Answers {@code sql} with an update count. */
    FakeDatabase update(String sql, int count) {
        answers.put(sql, () -> count);
        return this;
    }

    /** Answers {@code sql} with an error. */
    FakeDatabase fail(String sql, SQLException error) {
        answers.put(sql, () -> {
            throw error;
        });
        return this;
    }

    /** The SQL texts executed so far, in order. */
    List<String> executed() {
        return executed;
    }

    /** The URLs connected to so far. */
    List<String> urls() {
        return urls;
    }

    /** Whether the last connection was closed. */
    boolean closed() {
        return closed;
    }

    /** A connector for {@link Exsql} that opens connections to this database. */
    Exsql.Connector connector() {
        return url -> {
            urls.add(url);
            return connection();
        };
    }

    /** A new connection. */
    Connection connection() {
        closed = false;
        return proxy(Connection.class, (method, args) -> {
            switch (method.getName()) {
                case "createStatement":
                    return statement();
                case "getMetaData":
                    return metaData();
                case "close":
                    closed = true;
                    return null;
                case "isClosed":
                    return closed;
                default:
                    throw new SQLFeatureNotSupportedException(method.getName());
            }
        });
    }

    private Statement statement() {
        Object[] current = new Object[1];
        return proxy(Statement.class, (method, args) -> {
            switch (method.getName()) {
                case "execute":
                    String sql = (String) args[0];
                    executed.add(sql);
                    Answer answer = answers.get(sql);
                    if (answer == null) {
                        throw new SQLException("Unknown statement: " + sql, "42000");
                    }
                    current[0] = answer.make();
                    return current[0] instanceof ResultSet;
                case "getResultSet":
                    return current[0] instanceof ResultSet ? current[0] : null;
                case "getUpdateCount":
                    return current[0] instanceof Integer ? current[0] : -1;
                case "close":
                case "cancel":
                    return null;
                default:
                    throw new SQLFeatureNotSupportedException(method.getName());
            }
        });
    }

    private DatabaseMetaData metaData() {
        return proxy(DatabaseMetaData.class, (method, args) -> {
            switch (method.getName()) {
                case "getTables":
                    return tables((String) args[2]);
                case "getColumns":
                    return columns((String) args[2]);
                default:
                    throw new SQLFeatureNotSupportedException(method.getName());
            }
        });
    }

    private static ResultSet tables(String pattern) throws SQLException {
        String[] labels = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS"};
        int[] types = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {null, "MSGraph", "Messages", "TABLE", "Mail messages"});
        rows.add(new Object[] {null, "MSGraph", "Events", "TABLE", "Calendar events"});
        rows.add(new Object[] {null, "metadata", "COLUMNS", "SYSTEM TABLE", null});
        rows.removeIf(row -> !"%".equals(pattern) && !row[2].equals(pattern));
        return ResultSets.of(labels, types, rows.toArray(new Object[0][]));
    }

    private static ResultSet columns(String table) throws SQLException {
        String[] labels = {"TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "TYPE_NAME", "COLUMN_SIZE",
            "NULLABLE", "IS_NULLABLE", "REMARKS"};
        int[] types = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
            Types.INTEGER, Types.VARCHAR, Types.VARCHAR};
        if (!"Messages".equals(table)) {
            return ResultSets.of(labels, types);
        }
        return ResultSets.of(labels, types,
                new Object[] {"MSGraph", "Messages", "id", "VARCHAR", 512, 0, "NO", "Item id"},
                new Object[] {"MSGraph", "Messages", "subject", "VARCHAR", null, 1, "YES",
                    "The subject line"},
                new Object[] {"MSGraph", "Messages", "receivedDateTime", "TIMESTAMP", -1, 1, "YES",
                    "When it arrived (UTC)"});
    }

    /** How a proxied JDBC object answers a call. */
    @FunctionalInterface
    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return type.getSimpleName() + " stand-in";
                }
            }
            try {
                return handler.handle(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(
                FakeDatabase.class.getClassLoader(), new Class<?>[] {type}, invocation));
    }
}
