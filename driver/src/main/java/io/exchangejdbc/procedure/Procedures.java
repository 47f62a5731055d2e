package io.exchangejdbc.procedure;

import io.exchangejdbc.schema.SchemaKind;
import java.util.List;

/** The implementations of the procedures of each back end. */
public final class Procedures {

    private Procedures() {
    }

    /** The procedures a connection to the given back end offers. */
    public static List<Procedure> of(SchemaKind kind) {
        switch (kind) {
            case MSGRAPH:
                List<Procedure> all = new java.util.ArrayList<>();
                all.add(new AdminConsentUrl());
                all.addAll(OAuthProcedures.all());
                all.addAll(MailProcedures.all());
                all.addAll(AttachmentProcedures.all());
                all.addAll(EventProcedures.all());
                return List.copyOf(all);
            default:
                return List.of();
        }
    }

    /** The procedures of a connection to Exchange Web Services, run by its client. */
    public static List<Procedure> ews(io.exchangejdbc.ews.EwsClient client) {
        List<Procedure> all = new java.util.ArrayList<>(OAuthProcedures.all());
        all.addAll(EwsOperations.all(client));
        return List.copyOf(all);
    }
}
