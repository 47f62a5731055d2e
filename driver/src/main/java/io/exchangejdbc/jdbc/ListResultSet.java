package io.exchangejdbc.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A read-only, forward-only {@link ResultSet} over rows held in memory, for the driver's own
 * metadata ({@code getTables}, {@code getColumns}, ...) built from the catalog.
 *
 * <p>It is a dynamic proxy: the getters share one conversion routine instead of two hundred
 * near-identical methods.
 */
final class ListResultSet implements InvocationHandler {

    /** A column of the result: label and {@link Types} code. */
    record Column(String label, int type) {
    }

    private final List<Column> columns;
    private final List<Object[]> rows;
    private int index = -1;
    private boolean wasNull;
    private boolean closed;

    private ListResultSet(List<Column> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = new ArrayList<>(rows);
    }

    /** A result set of the given columns and rows. */
    static ResultSet of(List<Column> columns, List<Object[]> rows) {
        return (ResultSet) Proxy.newProxyInstance(ListResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, new ListResultSet(columns, rows));
    }

    /** Columns from alternating labels and types: {@code "TABLE_NAME", Types.VARCHAR, ...}. */
    static List<Column> columns(Object... labelsAndTypes) {
        List<Column> list = new ArrayList<>();
        for (int i = 0; i < labelsAndTypes.length; i += 2) {
            list.add(new Column((String) labelsAndTypes[i], (Integer) labelsAndTypes[i + 1]));
        }
        return list;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "next":
                checkOpen();
                if (index < rows.size()) {
                    index++;
                }
                return index < rows.size();
            case "close":
                closed = true;
                return null;
            case "isClosed":
                return closed;
            case "wasNull":
                return wasNull;
            case "getMetaData":
                return metaData();
            case "findColumn":
                return findColumn((String) args[0]);
            case "getType":
                return ResultSet.TYPE_FORWARD_ONLY;
            case "getConcurrency":
                return ResultSet.CONCUR_READ_ONLY;
            case "getHoldability":
                return ResultSet.CLOSE_CURSORS_AT_COMMIT;
            case "getFetchDirection":
                return ResultSet.FETCH_FORWARD;
            case "getFetchSize":
                return 0;
            case "setFetchSize":
            case "setFetchDirection":
            case "clearWarnings":
                return null;
            case "getWarnings":
            case "getStatement":
                return null;
            case "getRow":
                return index >= 0 && index < rows.size() ? index + 1 : 0;
            case "isBeforeFirst":
                return index < 0 && !rows.isEmpty();
            case "isAfterLast":
                return index >= rows.size() && !rows.isEmpty();
            case "isFirst":
                return index == 0 && !rows.isEmpty();
            case "isLast":
                return index == rows.size() - 1 && !rows.isEmpty();
            case "unwrap":
                throw new SQLException("not a wrapper for " + args[0]);
            case "isWrapperFor":
                return false;
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "ListResultSet" + columns;
            default:
                break;
        }
        if (name.startsWith("get") && args != null && args.length >= 1
                && (args[0] instanceof Integer || args[0] instanceof String)) {
            int column = args[0] instanceof Integer i ? i : findColumn((String) args[0]);
            Class<?> target = name.equals("getObject") && args.length == 2
                    ? (Class<?>) args[1] : method.getReturnType();
            return convert(value(column), target);
        }
        throw new SQLFeatureNotSupportedException(
                "ResultSet." + name + " is not supported by the driver's metadata results",
                "0A000");
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the result set is closed", "24000");
        }
    }

    private Object value(int column) throws SQLException {
        checkOpen();
        if (index < 0 || index >= rows.size()) {
            throw new SQLException("the cursor is not on a row; call next() first", "24000");
        }
        if (column < 1 || column > columns.size()) {
            throw new SQLException("column index " + column + " is out of range 1.."
                    + columns.size(), "07009");
        }
        Object v = rows.get(index)[column - 1];
        wasNull = v == null;
        return v;
    }

    private int findColumn(String label) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw new SQLException("no column labelled '" + label + "'", "42S22");
    }

    private static Object convert(Object v, Class<?> target) throws SQLException {
        if (target == Object.class) {
            return v;
        }
        if (v == null) {
            if (target == boolean.class) {
                return false;
            }
            if (target.isPrimitive()) {
                return target == double.class ? 0d : target == float.class ? 0f
                        : target == long.class ? 0L : target == short.class ? (short) 0
                        : target == byte.class ? (byte) 0 : 0;
            }
            return null;
        }
        if (target == String.class) {
            return String.valueOf(v);
        }
        if (v instanceof Number n) {
            if (target == int.class || target == Integer.class) {
                return n.intValue();
            }
            if (target == long.class || target == Long.class) {
                return n.longValue();
            }
            if (target == short.class || target == Short.class) {
                return n.shortValue();
            }
            if (target == byte.class || target == Byte.class) {
                return n.byteValue();
            }
            if (target == double.class || target == Double.class) {
                return n.doubleValue();
            }
            if (target == float.class || target == Float.class) {
                return n.floatValue();
            }
            if (target == BigDecimal.class) {
                return new BigDecimal(n.toString());
            }
            if (target == boolean.class || target == Boolean.class) {
                return n.intValue() != 0;
            }
        }
        if (v instanceof Boolean b && (target == boolean.class || target == Boolean.class)) {
            return b;
        }
        if (target.isInstance(v)) {
            return v;
        }
        throw new SQLException("cannot read a " + v.getClass().getSimpleName() + " as "
                + target.getSimpleName().toLowerCase(Locale.ROOT), "22018");
    }

    private ResultSetMetaData metaData() {
        InvocationHandler h = (proxy, method, args) -> {
            switch (method.getName()) {
                case "getColumnCount":
                    return columns.size();
                case "getColumnName":
                case "getColumnLabel":
                    return columns.get((Integer) args[0] - 1).label();
                case "getColumnType":
                    return columns.get((Integer) args[0] - 1).type();
                case "getColumnTypeName":
                    return typeName(columns.get((Integer) args[0] - 1).type());
                case "getColumnClassName":
                    return className(columns.get((Integer) args[0] - 1).type());
                case "isNullable":
                    return ResultSetMetaData.columnNullable;
                case "isReadOnly":
                    return true;
                case "isWritable":
                case "isDefinitelyWritable":
                case "isAutoIncrement":
                case "isCurrency":
                    return false;
                case "isCaseSensitive":
                    return columns.get((Integer) args[0] - 1).type() == Types.VARCHAR;
                case "isSearchable":
                    return true;
                case "isSigned":
                    return columns.get((Integer) args[0] - 1).type() != Types.VARCHAR;
                case "getColumnDisplaySize":
                case "getPrecision":
                    return columns.get((Integer) args[0] - 1).type() == Types.VARCHAR ? 128 : 10;
                case "getScale":
                    return 0;
                case "getSchemaName":
                case "getTableName":
                case "getCatalogName":
                    return "";
                case "unwrap":
                    throw new SQLException("not a wrapper for " + args[0]);
                case "isWrapperFor":
                    return false;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "ListResultSetMetaData" + columns;
                default:
                    throw new SQLFeatureNotSupportedException(method.getName(), "0A000");
            }
        };
        return (ResultSetMetaData) Proxy.newProxyInstance(ListResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSetMetaData.class}, h);
    }

    private static String typeName(int type) {
        switch (type) {
            case Types.INTEGER:
                return "INTEGER";
            case Types.SMALLINT:
                return "SMALLINT";
            case Types.BOOLEAN:
                return "BOOLEAN";
            default:
                return "VARCHAR";
        }
    }

    private static String className(int type) {
        switch (type) {
            case Types.INTEGER:
                return Integer.class.getName();
            case Types.SMALLINT:
                return Short.class.getName();
            case Types.BOOLEAN:
                return Boolean.class.getName();
            default:
                return String.class.getName();
        }
    }
}
