package io.exchangejdbc.jdbc;

import io.exchangejdbc.config.ExchangeConfig;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} of Exchange connections, configured with the same connection string as
 * the driver ({@code Name=Value;...}, with or without the {@code jdbc:exchange:} prefix) and,
 * optionally, properties that override it.
 */
public class ExchangeDataSource implements DataSource {

    private static final ExchangeDriver DRIVER = new ExchangeDriver();

    private volatile String connectionString = "";
    private volatile Properties properties = new Properties();
    private volatile PrintWriter logWriter;
    private volatile int loginTimeout;

    public ExchangeDataSource() {
    }

    public ExchangeDataSource(String connectionString) {
        setConnectionString(connectionString);
    }

    /** The connection string, with or without the {@code jdbc:exchange:} prefix. */
    public void setConnectionString(String connectionString) {
        String s = connectionString == null ? "" : connectionString.strip();
        this.connectionString = ExchangeConfig.acceptsURL(s)
                ? s.substring(ExchangeConfig.URL_PREFIX.length()) : s;
    }

    /** Properties that override those of the connection string. */
    public void setProperties(Properties properties) {
        Properties copy = new Properties();
        if (properties != null) {
            copy.putAll(properties);
        }
        this.properties = copy;
    }

    /** Sets one property, overriding the connection string. */
    public void setProperty(String name, String value) {
        Properties copy = new Properties();
        copy.putAll(properties);
        copy.setProperty(name, value);
        this.properties = copy;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DRIVER.connect(ExchangeConfig.fromUrl(
                ExchangeConfig.URL_PREFIX + connectionString, properties));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        if (username != null) {
            p.setProperty("User", username);
        }
        if (password != null) {
            p.setProperty("Password", password);
        }
        return DRIVER.connect(ExchangeConfig.fromUrl(
                ExchangeConfig.URL_PREFIX + connectionString, p));
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the driver logs through SLF4J and Logfile",
                "0A000");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "ExchangeDataSource";
    }
}
