package io.exchangejdbc.config;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The SQLStates and exceptions of configuration errors, kept in one place so that every problem
 * with a connection string is reported the same way.
 */
final class ConfigErrors {

    /**
     * SQLState of a connection string the driver cannot use: bad syntax, an unknown property or
     * a bad value. Class 08 because no connection can be established with it.
     */
    static final String INVALID_CONNECTION_STRING = "08001";

    /** SQLState of a property that is known but whose behaviour this release does not deliver. */
    static final String NOT_SUPPORTED = "0A000";

    /** Where users find the list of properties; quoted by messages about unknown names. */
    static final String REFERENCE_HINT = "See the connection property reference in README.md.";

    private ConfigErrors() {
    }

    static SQLException invalid(String message) {
        return new SQLException(message, INVALID_CONNECTION_STRING);
    }

    static SQLFeatureNotSupportedException notSupported(ExchangeProperty property) {
        return new SQLFeatureNotSupportedException("Connection property '"
                + property.propertyName() + "' is not supported yet by exchange-jdbc "
                + ExchangeConfig.DRIVER_VERSION + "; remove it from the connection string.",
                NOT_SUPPORTED);
    }
}
