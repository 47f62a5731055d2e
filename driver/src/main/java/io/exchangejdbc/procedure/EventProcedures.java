package io.exchangejdbc.procedure;

import io.exchangejdbc.graph.GraphActions;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The meeting procedures of {@code Schema=MSGraph}: {@code RespondToEvent}, {@code CancelEvent},
 * {@code DismissEventReminder} and {@code SnoozeEventReminder}.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/event-accept">event: accept</a>
 * @see <a href="https://learn.microsoft.com/graph/api/event-cancel">event: cancel</a>
 * @see <a href="https://learn.microsoft.com/graph/api/event-snoozereminder">event:
 *     snoozeReminder</a>
 */
final class EventProcedures {

    private static final DateTimeFormatter GRAPH_LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private EventProcedures() {
    }

    /** The four procedures. */
    static List<Procedure> all() {
        return List.of(new Respond(), new Simple("CancelEvent", "cancel", true),
                new Simple("DismissEventReminder", "dismissReminder", false), new Snooze());
    }

    private static String eventPath(String mailbox, Map<String, Object> args) {
        return mailbox + "/events/" + GraphActions.segment(MailboxProcedure.text(args,
                "EventId"));
    }

    /** {@code RespondToEvent}. */
    private static final class Respond extends MailboxProcedure {
        Respond() {
            super("RespondToEvent");
        }

        @Override
        List<Object[]> act(GraphActions actions, String mailbox, Map<String, Object> args)
                throws SQLException {
            String given = text(args, "Response");
            String action;
            switch (given == null ? "" : given.toLowerCase(Locale.ROOT)) {
                case "accept":
                case "accepted":
                    action = "accept";
                    break;
                case "tentativelyaccept":
                case "tentative":
                case "tentativelyaccepted":
                    action = "tentativelyAccept";
                    break;
                case "decline":
                case "declined":
                    action = "decline";
                    break;
                default:
                    throw new SQLException("Response must be Accept, TentativelyAccept or"
                            + " Decline, not '" + given + "'.", "22023");
            }
            Object comment = args.get("Comment");
            boolean send = !Boolean.FALSE.equals(args.get("SendResponse"));
            byte[] body = ActionJson.object(g -> {
                if (comment != null) {
                    g.writeStringField("comment", comment.toString());
                }
                g.writeBooleanField("sendResponse", send);
            });
            actions.post(eventPath(mailbox, args) + "/" + action, body,
                    action + " of event " + text(args, "EventId"));
            return row(true);
        }
    }

    /** {@code CancelEvent} and {@code DismissEventReminder}: one POST, maybe a comment. */
    private static final class Simple extends MailboxProcedure {
        private final String action;
        private final boolean comment;

        Simple(String name, String action, boolean comment) {
            super(name);
            this.action = action;
            this.comment = comment;
        }

        @Override
        List<Object[]> act(GraphActions actions, String mailbox, Map<String, Object> args)
                throws SQLException {
            Object text = comment ? args.get("Comment") : null;
            byte[] body = !comment ? null : ActionJson.object(g -> {
                if (text != null) {
                    g.writeStringField("comment", text.toString());
                }
            });
            actions.post(eventPath(mailbox, args) + "/" + action, body,
                    action + " of event " + text(args, "EventId"));
            return row(true);
        }
    }

    /** {@code SnoozeEventReminder}. */
    private static final class Snooze extends MailboxProcedure {
        Snooze() {
            super("SnoozeEventReminder");
        }

        @Override
        List<Object[]> act(GraphActions actions, String mailbox, Map<String, Object> args)
                throws SQLException {
            String when = text(args, "NewReminderTime");
            String local = localTime(when);
            // a time with an offset was turned into UTC
            String zone = hasOffset(when) ? "UTC" : text(args, "TimeZone");
            byte[] body = ActionJson.object(g -> {
                g.writeObjectFieldStart("newReminderTime");
                g.writeStringField("dateTime", local);
                g.writeStringField("timeZone", zone == null ? "UTC" : zone);
                g.writeEndObject();
            });
            actions.post(eventPath(mailbox, args) + "/snoozeReminder", body,
                    "snooze of the reminder of event " + text(args, "EventId"));
            return row(true);
        }

        private static boolean hasOffset(String when) {
            String t = when.strip();
            return t.endsWith("Z") || t.matches(".*T.*[+-]\\d\\d:\\d\\d$")
                    || t.matches(".* .*[+-]\\d\\d:\\d\\d$");
        }

        /** The time as Graph's local dateTime; one with an offset is taken in UTC. */
        private static String localTime(String when) throws SQLException {
            String t = when.strip().replace(' ', 'T');
            try {
                if (hasOffset(when)) {
                    return GRAPH_LOCAL.format(OffsetDateTime.parse(t)
                            .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
                }
                return GRAPH_LOCAL.format(LocalDateTime.parse(t.length() == 16 ? t + ":00" : t));
            } catch (DateTimeParseException e) {
                throw new SQLException("NewReminderTime '" + when + "' is not a time such as"
                        + " '2026-12-01 09:30'.", "22007", e);
            }
        }
    }
}
