package io.exchangejdbc.procedure;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.Redactor;
import io.exchangejdbc.log.Verbosity;

/**
 * What a procedure may use of the connection it runs on.
 *
 * @param config the connection's configuration
 * @param log    the connection's log, which the procedures' requests (the OAuth ones) write to
 */
public record ProcedureContext(ExchangeConfig config, ConnectionLog log) {
    public ProcedureContext {
        requireNonNull(config, "config");
        requireNonNull(log, "log");
    }

    /** A context whose log has no file and masks the configuration's secrets. */
    public ProcedureContext(ExchangeConfig config) {
        this(config, ConnectionLog.withoutFile(Verbosity.SUMMARY,
                Redactor.of(ConnectionLog.secretValues(requireNonNull(config, "config")))));
    }
}
