package io.exchangejdbc.schema;

import static io.exchangejdbc.schema.ColumnType.BOOLEAN;
import static io.exchangejdbc.schema.ColumnType.VARCHAR;

import java.util.List;

/**
 * The stored procedures of {@code Schema=MSGraph} that act on meetings, declared once:
 * parameters and result columns.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/event-accept">event: accept</a>
 * @see <a href="https://learn.microsoft.com/graph/api/event-decline">event: decline</a>
 * @see <a href="https://learn.microsoft.com/graph/api/event-cancel">event: cancel</a>
 */
final class GraphEventProcedures {

    private GraphEventProcedures() {
    }

    static List<ProcedureDef> procedures() {
        return List.of(
                new ProcedureDef("RespondToEvent",
                        "Answers a meeting invitation as an attendee (POST events/{id}/accept,"
                                + " tentativelyAccept or decline); with SendResponse the"
                                + " organiser receives the answer.",
                        List.of(
                                required("EventId", "The id of the event."),
                                required("Response", "Accept, TentativelyAccept or Decline."),
                                new ProcedureDef.Parameter("SendResponse", BOOLEAN, false, true,
                                        "Whether the organiser is sent the response."),
                                optional("Comment", "Text sent with the response."),
                                userId()),
                        List.of(success())),
                new ProcedureDef("CancelEvent",
                        "Cancels a meeting as its organiser and sends the attendees a"
                                + " cancellation with the comment (POST events/{id}/cancel).",
                        List.of(
                                required("EventId", "The id of the event."),
                                optional("Comment", "Text sent to the attendees."),
                                userId()),
                        List.of(success())),
                new ProcedureDef("DismissEventReminder",
                        "Dismisses the reminder of an event (POST"
                                + " events/{id}/dismissReminder).",
                        List.of(required("EventId", "The id of the event."), userId()),
                        List.of(success())),
                new ProcedureDef("SnoozeEventReminder",
                        "Postpones the reminder of an event to a new time (POST"
                                + " events/{id}/snoozeReminder).",
                        List.of(
                                required("EventId", "The id of the event."),
                                required("NewReminderTime", "When the reminder fires again:"
                                        + " 'yyyy-MM-dd HH:mm[:ss]' or ISO 8601, in TimeZone."),
                                new ProcedureDef.Parameter("TimeZone", VARCHAR, false, "UTC",
                                        "The zone of NewReminderTime: an IANA or Windows"
                                                + " name."),
                                userId()),
                        List.of(success())));
    }

    private static ProcedureDef.Parameter required(String name, String description) {
        return new ProcedureDef.Parameter(name, VARCHAR, true, null, description);
    }

    private static ProcedureDef.Parameter optional(String name, String description) {
        return new ProcedureDef.Parameter(name, VARCHAR, false, null, description);
    }

    private static ProcedureDef.Parameter userId() {
        return optional("UserId", "The mailbox to act on: a user principal name, an email"
                + " address or a user id. Default: the UserId property, else the signed-in"
                + " user.");
    }

    private static ProcedureDef.ResultColumn success() {
        return new ProcedureDef.ResultColumn("Success", BOOLEAN,
                "True when the service accepted the action.");
    }
}
