package io.exchangejdbc.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Statement;

/**
 * A statement of an {@link ExchangeConnection}: Calcite's statement, answering with the
 * connection the user holds and translating failures into exceptions with a SQLState.
 */
final class ExchangeStatement implements InvocationHandler {

    private final ExchangeConnection connection;
    private final Statement calcite;

    private ExchangeStatement(ExchangeConnection connection, Statement calcite) {
        this.connection = connection;
        this.calcite = calcite;
    }

    /** A proxy of {@code type} (Statement, PreparedStatement or CallableStatement). */
    static Statement wrap(ExchangeConnection connection, Statement calcite, Class<?> type) {
        return (Statement) Proxy.newProxyInstance(ExchangeStatement.class.getClassLoader(),
                new Class<?>[] {type}, new ExchangeStatement(connection, calcite));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getConnection":
                return connection.proxy();
            case "unwrap":
                if (((Class<?>) args[0]).isInstance(proxy)) {
                    return proxy;
                }
                return calcite.unwrap((Class<?>) args[0]);
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(proxy)
                        || calcite.isWrapperFor((Class<?>) args[0]);
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "ExchangeStatement[" + calcite + "]";
            default:
                break;
        }
        try {
            return method.invoke(calcite, args);
        } catch (InvocationTargetException e) {
            throw SqlErrors.translate(e.getCause(), connection.tableNames());
        }
    }
}
