package io.exchangejdbc.emulator.ews;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.store.RoomList;
import io.exchangejdbc.emulator.store.User;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GetUserAvailability: free/busy of each requested mailbox over a time window, as calendar
 * events and, for the merged views, as one digit per interval ({@code 0} free, {@code 1}
 * tentative, {@code 2} busy, {@code 3} away, {@code 4} working elsewhere). Times are read and
 * written in UTC. Free/busy is public inside the organization, so no mailbox right is needed.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getuseravailability-operation">GetUserAvailability operation</a>
 */
final class Availability implements EwsOperation {

    private static final Set<String> VIEWS = Set.of("None", "MergedOnly", "FreeBusy",
            "FreeBusyMerged", "Detailed", "DetailedMerged");
    /** The longest window Exchange answers for, 42 days. */
    private static final Duration MAX_WINDOW = Duration.ofDays(42);

    private final BusyTimes busy;

    Availability(BusyTimes busy) {
        this.busy = requireNonNull(busy, "busy");
    }

    @Override
    public void writeError(String requestName, EwsException e, EwsWriter w) {
        w.start("m:FreeBusyResponseArray").start("m:FreeBusyResponse");
        ResponseMessages.write(w, "m:ResponseMessage", e);
        w.end().end();
    }

    @Override
    public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
        XmlElement options = req.child("FreeBusyViewOptions").orElseThrow(() ->
                EwsException.of("ErrorInvalidRequest", "This server answers free/busy "
                        + "requests only; FreeBusyViewOptions is required."));
        XmlElement window = options.required("TimeWindow");
        Instant from = time(window.required("StartTime").text());
        Instant to = time(window.required("EndTime").text());
        if (!to.isAfter(from)) {
            throw EwsException.of("ErrorInvalidTimeInterval",
                    "The end of the time window is not after its start.");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw EwsException.of("ErrorTimeIntervalTooBig",
                    "The time window is longer than 42 days.");
        }
        String view = options.childText("RequestedView");
        view = view == null ? "FreeBusy" : view;
        if (!VIEWS.contains(view)) {
            throw EwsException.schema("'" + view + "' is not a FreeBusyViewType.");
        }
        int interval = Optional.ofNullable(options.childText("MergedFreeBusyIntervalInMinutes"))
                .map(Integer::parseInt).orElse(30);
        if (interval < 5 || interval > 1440) {
            throw EwsException.of("ErrorInvalidRequest",
                    "MergedFreeBusyIntervalInMinutes must be between 5 and 1440.");
        }
        w.start("m:FreeBusyResponseArray");
        for (XmlElement data : req.required("MailboxDataArray").children("MailboxData")) {
            String address = data.required("Email").childText("Address");
            Optional<User> user = ctx.userByAddress(address);
            boolean room = isRoom(ctx, address);
            w.start("m:FreeBusyResponse");
            if (user.isEmpty() && !room) {
                ResponseMessages.write(w, "m:ResponseMessage", EwsException.of(
                        "ErrorMailRecipientNotFound", "The recipient " + address
                                + " was not found in the directory."));
                w.end();
                continue;
            }
            List<BusyTimes.Busy> periods = user.isPresent()
                    ? busy.between(ctx.tenant().mailbox(user.get()), from, to) : List.of();
            ResponseMessages.write(w, "m:ResponseMessage", null);
            writeView(w, view, periods, from, to, interval);
            w.end();
        }
        w.end();
    }

    private static boolean isRoom(EwsContext ctx, String address) {
        for (RoomList l : ctx.tenant().roomLists()) {
            if (l.rooms().stream().anyMatch(r -> r.address().equalsIgnoreCase(address))) {
                return true;
            }
        }
        return false;
    }

    private static void writeView(EwsWriter w, String view, List<BusyTimes.Busy> periods,
            Instant from, Instant to, int interval) {
        w.start("m:FreeBusyView").leaf("t:FreeBusyViewType", view);
        if (view.endsWith("Merged") || view.equals("MergedOnly")) {
            w.leaf("t:MergedFreeBusy", merged(periods, from, to, interval));
        }
        if (!view.equals("MergedOnly") && !view.equals("None")) {
            w.start("t:CalendarEventArray");
            for (BusyTimes.Busy b : periods) {
                w.start("t:CalendarEvent").leaf("t:StartTime", b.start())
                        .leaf("t:EndTime", b.end()).leaf("t:BusyType", b.busyType());
                if (view.startsWith("Detailed")) {
                    w.start("t:CalendarEventDetails").leaf("t:Subject", b.subject())
                            .leaf("t:Location", b.location()).leaf("t:IsMeeting", false)
                            .leaf("t:IsRecurring", false).leaf("t:IsException", false)
                            .leaf("t:IsReminderSet", false).leaf("t:IsPrivate", false).end();
                }
                w.end();
            }
            w.end();
        }
        w.end();
    }

    private static String merged(List<BusyTimes.Busy> periods, Instant from, Instant to,
            int interval) {
        StringBuilder sb = new StringBuilder();
        for (Instant s = from; s.isBefore(to); s = s.plusSeconds(interval * 60L)) {
            Instant e = s.plusSeconds(interval * 60L);
            int worst = 0;
            for (BusyTimes.Busy b : periods) {
                if (b.start().isBefore(e) && b.end().isAfter(s)) {
                    worst = Math.max(worst, rank(b.busyType()));
                }
            }
            sb.append(worst);
        }
        return sb.toString();
    }

    private static int rank(String busyType) {
        return switch (busyType) {
            case "Tentative" -> 1;
            case "Busy" -> 2;
            case "OOF" -> 3;
            case "WorkingElsewhere" -> 4;
            default -> 0;
        };
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text + "Z");
            } catch (DateTimeParseException e2) {
                throw EwsException.schema("'" + text + "' is not a date and time.");
            }
        }
    }
}
