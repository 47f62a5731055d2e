package io.exchangejdbc.jdbc;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * The {@link Object} and {@link Wrapper} methods every JDBC proxy of the driver answers the same
 * way: identity equality and hash, and unwrapping to the proxy itself or to the Calcite object
 * behind it.
 */
final class Wrappers {

    /** Returned by {@link #answer} when the method is not one of those it answers. */
    static final Object NOT_HANDLED = new Object();

    private Wrappers() {
    }

    /**
     * The answer to {@code hashCode}, {@code equals}, {@code unwrap} and {@code isWrapperFor}
     * for a proxy in front of {@code delegate} (null when there is none), or
     * {@link #NOT_HANDLED}.
     */
    static Object answer(Object proxy, Wrapper delegate, Method method, Object[] args)
            throws SQLException {
        switch (method.getName()) {
            case "hashCode":
                return args == null ? System.identityHashCode(proxy) : NOT_HANDLED;
            case "equals":
                return args != null && args.length == 1 ? proxy == args[0] : NOT_HANDLED;
            case "unwrap": {
                Class<?> iface = (Class<?>) args[0];
                if (iface.isInstance(proxy)) {
                    return proxy;
                }
                if (delegate == null) {
                    throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
                }
                return delegate.unwrap(iface);
            }
            case "isWrapperFor": {
                Class<?> iface = (Class<?>) args[0];
                return iface.isInstance(proxy)
                        || (delegate != null && delegate.isWrapperFor(iface));
            }
            default:
                return NOT_HANDLED;
        }
    }
}
