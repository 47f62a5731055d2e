package io.exchangejdbc.http;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.config.ExchangeConfig;
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
 */
public record TransportOptions(Duration timeout, Map<String, String> customHeaders,
        String userAgent, RetryPolicy retryPolicy) {

    public TransportOptions {
        requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        customHeaders = Collections.unmodifiableMap(
                new LinkedHashMap<>(requireNonNull(customHeaders, "customHeaders")));
        requireNonNull(userAgent, "userAgent");
        requireNonNull(retryPolicy, "retryPolicy");
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
        return new TransportOptions(timeout, customHeaders, userAgent, policy);
    }

    /** {@code exchange-jdbc/<version>}, the product token services log for the driver. */
    public static String userAgent(String version) {
        return "exchange-jdbc/" + (version == null || version.isBlank() ? "dev" : version);
    }
}
