package io.exchangejdbc.http;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.http.net.ProxySettings;
import io.exchangejdbc.http.net.ServerTrust;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a {@link Transport} taken from the connection: the {@code Timeout} of each
 * request, the {@code CustomHeaders} sent with every request, the {@code User-Agent} and the retry
 * policy.
 *
 * @param timeout       the longest a request may take, retries included; zero for no limit
 * @param customHeaders headers added to every request, in order
 * @param userAgent     the {@code User-Agent} header
 * @param retryPolicy   when to repeat requests that are safe to repeat
 * @param trust         the server certificates trusted ({@code SSLServerCert})
 * @param proxy         the proxy ({@code ProxyServer} and its companions)
 */
public record TransportOptions(Duration timeout, Map<String, String> customHeaders,
        String userAgent, RetryPolicy retryPolicy, ServerTrust trust, ProxySettings proxy) {

    /** Options with the JVM's trust and no proxy. */
    public TransportOptions(Duration timeout, Map<String, String> customHeaders,
            String userAgent, RetryPolicy retryPolicy) {
        this(timeout, customHeaders, userAgent, retryPolicy, ServerTrust.jvmDefault(),
                ProxySettings.none());
    }

    public TransportOptions {
        requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        customHeaders = Collections.unmodifiableMap(
                new LinkedHashMap<>(requireNonNull(customHeaders, "customHeaders")));
        requireNonNull(userAgent, "userAgent");
        requireNonNull(retryPolicy, "retryPolicy");
        requireNonNull(trust, "trust");
        requireNonNull(proxy, "proxy");
    }

    /**
     * The options of a connection's configuration, with its server trust and proxy.
     *
     * @throws SQLException 08001 for an SSLServerCert that cannot be read; 0A000 for a proxy
     *                      sign-in the JDK's HTTP client cannot do (DIGEST and NTLM proxies
     *                      serve Schema=EWS only)
     */
    public static TransportOptions forConnection(ExchangeConfig config) throws SQLException {
        TransportOptions base = from(config);
        ProxySettings proxy = ProxySettings.from(config);
        if (!"EWS".equals(config.get(ExchangeProperty.SCHEMA)) && proxy.enabled()
                && (proxy.scheme() == ProxySettings.Scheme.DIGEST
                || proxy.scheme() == ProxySettings.Scheme.NTLM)) {
            throw new SQLException("ProxyAuthScheme=" + proxy.scheme() + " is available with"
                    + " Schema=EWS only: Microsoft Graph requests go through the JDK's HTTP"
                    + " client, which signs in to proxies with Basic only. Use"
                    + " ProxyAuthScheme=BASIC or NONE.", "0A000");
        }
        return new TransportOptions(base.timeout(), base.customHeaders(), base.userAgent(),
                base.retryPolicy(), ServerTrust.of(config.get(ExchangeProperty.SSL_SERVER_CERT)),
                proxy);
    }

    /** The options a connection's configuration gives. */
    public static TransportOptions from(ExchangeConfig config) {
        requireNonNull(config, "config");
        Duration timeout = config.timeout();
        return new TransportOptions(timeout == null ? Duration.ZERO : timeout,
                config.customHeaders(),
                userAgent(ExchangeConfig.DRIVER_VERSION), RetryPolicy.DEFAULT);
    }

    /** Default options with the given timeout; for tests and tools. */
    public static TransportOptions withTimeout(Duration timeout) {
        return new TransportOptions(timeout, Map.of(), userAgent(ExchangeConfig.DRIVER_VERSION),
                RetryPolicy.DEFAULT);
    }

    /** The same options with another retry policy. */
    public TransportOptions withRetryPolicy(RetryPolicy policy) {
        return new TransportOptions(timeout, customHeaders, userAgent, policy, trust, proxy);
    }

    /** {@code exchange-jdbc/<version>}, the product token services log for the driver. */
    public static String userAgent(String version) {
        return "exchange-jdbc/" + (version == null || version.isBlank() ? "dev" : version);
    }
}
