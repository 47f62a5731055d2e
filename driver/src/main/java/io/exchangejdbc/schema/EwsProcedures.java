package io.exchangejdbc.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored procedures of {@code Schema=EWS}, declared once: parameters and result columns.
 * The OAuth procedures are the same as Microsoft Graph's (EWS in Exchange Online signs in the
 * same way).
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/ews-operations-in-exchange">
 *     EWS operations in Exchange</a>
 */
final class EwsProcedures {

    private EwsProcedures() {
    }

    static List<ProcedureDef> procedures() {
        List<ProcedureDef> all = new ArrayList<>();
        for (ProcedureDef p : GraphProcedures.procedures()) {
            if (p.name().startsWith("GetOAuth") || p.name().startsWith("RefreshOAuth")) {
                all.add(p);
            }
        }
        return all;
    }
}
