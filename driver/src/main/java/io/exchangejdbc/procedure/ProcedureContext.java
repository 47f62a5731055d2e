package io.exchangejdbc.procedure;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.config.ExchangeConfig;

/**
 * What a procedure may use of the connection it runs on.
 *
 * @param config the connection's configuration
 */
public record ProcedureContext(ExchangeConfig config) {
    public ProcedureContext {
        requireNonNull(config, "config");
    }
}
