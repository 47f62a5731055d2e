package io.exchangejdbc.procedure;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.config.ExchangeConfig;
import io.exchangejdbc.graph.GraphClient;
import io.exchangejdbc.log.ConnectionLog;
import io.exchangejdbc.log.Redactor;
import io.exchangejdbc.log.Verbosity;
import java.sql.SQLException;

/**
 * What a procedure may use of the connection it runs on.
 *
 * @param config the connection's configuration
 * @param log    the connection's log, which the procedures' requests (the OAuth ones) write to
 * @param graph  the connection's Graph client, through which the procedures that act on
 *               mailboxes send their requests; null where there is none
 */
public record ProcedureContext(ExchangeConfig config, ConnectionLog log, GraphClient graph) {
    public ProcedureContext {
        requireNonNull(config, "config");
        requireNonNull(log, "log");
    }

    /** A context without a Graph client. */
    public ProcedureContext(ExchangeConfig config, ConnectionLog log) {
        this(config, log, null);
    }

    /** A context whose log has no file and masks the configuration's secrets. */
    public ProcedureContext(ExchangeConfig config) {
        this(config, ConnectionLog.withoutFile(Verbosity.SUMMARY,
                Redactor.of(ConnectionLog.secretValues(requireNonNull(config, "config")))));
    }

    /** The Graph client, or an exception when the connection has none. */
    GraphClient requireGraph(String procedure) throws SQLException {
        if (graph == null) {
            throw new SQLException(procedure + " needs a connection to Microsoft Graph.",
                    "08003");
        }
        return graph;
    }
}
