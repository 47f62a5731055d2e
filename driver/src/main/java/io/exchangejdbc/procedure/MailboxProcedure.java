package io.exchangejdbc.procedure;

import io.exchangejdbc.config.ExchangeProperty;
import io.exchangejdbc.graph.GraphActions;
import io.exchangejdbc.graph.GraphClient;
import io.exchangejdbc.schema.Catalog;
import io.exchangejdbc.schema.ProcedureDef;
import io.exchangejdbc.schema.SchemaKind;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A procedure that acts on one mailbox through Graph's actions: the mailbox of its
 * {@code UserId} parameter, else of the {@code UserId} property, else the signed-in user's.
 * Subclasses check their arguments before the first request, so that a bad call sends nothing.
 */
abstract class MailboxProcedure implements Procedure {

    private final ProcedureDef def;

    MailboxProcedure(String name) {
        this.def = Catalog.of(SchemaKind.MSGRAPH).procedure(name);
        if (def == null) {
            throw new IllegalStateException("procedure not declared: " + name);
        }
    }

    @Override
    public final ProcedureDef def() {
        return def;
    }

    @Override
    public final List<Object[]> run(ProcedureContext context, Map<String, Object> args)
            throws SQLException {
        GraphClient graph = context.requireGraph(def.name());
        GraphActions actions = new GraphActions(graph);
        String userId = text(args, "UserId");
        if (userId == null) {
            userId = context.config().get(ExchangeProperty.USER_ID);
        }
        String mailbox = actions.mailboxPath(userId, def.name());
        return act(actions, mailbox, args);
    }

    /**
     * Runs the procedure on a mailbox.
     *
     * @param mailbox the path of the mailbox, {@code /me} or {@code /users/{id}}
     */
    abstract List<Object[]> act(GraphActions actions, String mailbox, Map<String, Object> args)
            throws SQLException;

    /** A text argument, null when absent or blank. */
    static String text(Map<String, Object> args, String name) {
        Object v = args.get(name);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** A boolean argument with its default applied. */
    static boolean flag(Map<String, Object> args, String name) {
        return Boolean.TRUE.equals(args.get(name));
    }

    /** The path of the message ({@code MessageId}) or event ({@code EventId}) the call names. */
    String itemPath(String mailbox, Map<String, Object> args) throws SQLException {
        String message = text(args, "MessageId");
        String event = text(args, "EventId");
        if ((message == null) == (event == null)) {
            throw new SQLException(def.name() + " needs exactly one of MessageId and EventId.",
                    "42000");
        }
        return message != null ? mailbox + "/messages/" + GraphActions.segment(message)
                : mailbox + "/events/" + GraphActions.segment(event);
    }

    /** A result row of one value per column. */
    static List<Object[]> row(Object... values) {
        return List.<Object[]>of(values);
    }
}
