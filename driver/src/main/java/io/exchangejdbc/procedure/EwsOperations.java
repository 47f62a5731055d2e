package io.exchangejdbc.procedure;

import io.exchangejdbc.ews.EwsClient;
import java.util.List;

/** The procedures of {@code Schema=EWS} that act on the mailbox through the EWS client. */
final class EwsOperations {

    private EwsOperations() {
    }

    static List<Procedure> all(EwsClient client) {
        return List.of();
    }
}
