package io.exchangejdbc.emulator.generate;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.Attendee;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.CalendarFolder;
import io.exchangejdbc.emulator.store.CalendarGroup;
import io.exchangejdbc.emulator.store.EmailAddress;
import io.exchangejdbc.emulator.store.Importance;
import io.exchangejdbc.emulator.store.ItemBody;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.MailboxCalendars;
import io.exchangejdbc.emulator.store.Recurrence;
import io.exchangejdbc.emulator.store.User;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Deterministic generator of a mailbox's calendars: the default "Calendar" plus a "Projects"
 * calendar and, in a second group, a "Holidays" calendar; single meetings around the data's
 * "now" in several zones (Windows and IANA names), all-day events, and recurring series of each
 * pattern (daily, weekly, absolute and relative monthly, yearly) with an exception and a
 * cancelled occurrence; attendees are the tenant's other users.
 */
final class CalendarGenerator {

    private static final String PACIFIC = "Pacific Standard Time";
    private static final String BERLIN = "W. Europe Standard Time";
    private static final String EASTERN = "Eastern Standard Time";
    private static final String[] ZONES = {PACIFIC, "UTC", BERLIN, "Europe/London", EASTERN};
    private static final String[] MEETINGS = {"Budget review", "Design sync", "Customer call",
        "Hiring panel", "Quarterly planning", "Architecture review", "Vendor demo",
        "Roadmap discussion", "Security briefing", "Team lunch"};
    private static final String[] ROOMS = {"Conf Room 1", "Conf Room 2", "Assembly Hall",
        "Microsoft Teams Meeting", "Cafeteria"};
    private static final String[] RESPONSES = {"accepted", "tentativelyAccepted", "declined",
        "none", "notResponded"};

    private final GeneratorSettings settings;

    CalendarGenerator(GeneratorSettings settings) {
        this.settings = requireNonNull(settings, "settings");
    }

    /** Fills the calendars of the mailbox of {@code users.get(index)}. */
    void fill(Mailbox mailbox, List<User> users, int index) {
        MailboxCalendars cals = mailbox.calendars();
        User owner = users.get(index);
        EmailAddress me = owner.emailAddress();
        List<EmailAddress> colleagues = new ArrayList<>();
        for (User u : users) {
            if (u != owner) {
                colleagues.add(u.emailAddress());
            }
        }
        Instant created = settings.baseInstant().minusSeconds(90L * 86_400);
        LocalDate today = LocalDate.ofInstant(settings.baseInstant(), ZoneOffset.UTC);
        CalendarFolder main = cals.defaultCalendar();
        CalendarFolder projects = cals.createCalendar(main.group(), "Projects", "lightBlue",
                "#a6d1f5");
        CalendarGroup other = cals.createGroup("Other Calendars");
        CalendarFolder holidays = cals.createCalendar(other, "Holidays", "lightGreen",
                "#87d28e");

        // single meetings, one a day from two weeks before "now" to two weeks after
        for (int k = 0; k < 28; k++) {
            int n = k + index;
            String zone = ZONES[n % ZONES.length];
            LocalDateTime start = today.minusDays(14).plusDays(k)
                    .atTime(LocalTime.of(8 + n % 9, (n % 2) * 30));
            CalendarEvent.Builder b = CalendarEvent.builder(MEETINGS[n % MEETINGS.length],
                    start, start.plusMinutes(30 + 30L * (n % 3)), zone)
                    .body(ItemBody.html("<html><body><p>Agenda for "
                            + MEETINGS[n % MEETINGS.length] + ".</p></body></html>"))
                    .organizer(n % 4 == 0 && !colleagues.isEmpty() ? colleagues.get(0) : me)
                    .location(ROOMS[n % ROOMS.length])
                    .onlineMeeting(n % ROOMS.length == 3)
                    .importance(n % 7 == 0 ? Importance.HIGH : Importance.NORMAL)
                    .sensitivity(n % 11 == 5 ? "private" : "normal")
                    .showAs(n % 6 == 4 ? "tentative" : "busy")
                    .cancelled(n % 13 == 12)
                    .reminder(n % 5 != 1, 15)
                    .categories(n % 3 == 0 ? List.of("Blue category") : List.of())
                    .iCalUId(uid(owner, "single", k))
                    .created(created.plusSeconds(3600L * k));
            addAttendees(b, colleagues, n);
            if (n % 8 == 2) {
                b.attachment(new Attachment("agenda.docx", "application/vnd.openxmlformats-"
                        + "officedocument.wordprocessingml.document", 18_342, false));
                b.attachment(new Attachment("notes.txt", "text/plain", 512, false));
            }
            cals.addEvent(k % 4 == 3 ? projects : main, b);
        }

        // all-day events: a three-day offsite (Pacific) and a holiday
        LocalDate offsite = today.plusDays(9);
        cals.addEvent(main, CalendarEvent.builder("Company offsite", offsite.atStartOfDay(),
                offsite.plusDays(3).atStartOfDay(), PACIFIC).allDay(true).showAs("oof")
                .organizer(me).reminder(false, 0).iCalUId(uid(owner, "offsite", 0))
                .created(created));
        LocalDate christmas = LocalDate.of(today.getYear(), 12, 25);
        cals.addEvent(holidays, CalendarEvent.builder("Christmas Day",
                christmas.atStartOfDay(), christmas.plusDays(1).atStartOfDay(), EASTERN)
                .allDay(true).showAs("free").organizer(me).reminder(false, 0)
                .iCalUId(uid(owner, "holiday", 0)).created(created));

        // daily stand-up (Pacific), twenty times, one moved and one cancelled
        LocalDate standupStart = today.minusDays(10);
        LocalDateTime su = standupStart.atTime(9, 30);
        CalendarEvent.Builder standup = CalendarEvent.builder("Daily stand-up", su,
                su.plusMinutes(15), PACIFIC).organizer(me).location("Microsoft Teams Meeting")
                .onlineMeeting(true).iCalUId(uid(owner, "standup", 0)).created(created)
                .recurrence(Recurrence.daily(1, standupStart, PACIFIC).times(20));
        addAttendees(standup, colleagues, 1);
        CalendarEvent standupMaster = cals.addEvent(main, standup);
        LocalDate moved = standupStart.plusDays(3);
        LocalDateTime movedStart = moved.atTime(10, 0);
        cals.addException(standupMaster, moved, CalendarEvent.builder("Daily stand-up (moved)",
                movedStart, movedStart.plusMinutes(15), PACIFIC).organizer(me)
                .location("Conf Room 2").created(created.plusSeconds(60)));
        cals.cancelOccurrence(standupMaster, standupStart.plusDays(5));

        // weekly one-on-one (Berlin) on Tuesdays and Thursdays until two months from now
        LocalDate weeklyStart = today.minusDays(21);
        LocalDateTime w = weeklyStart.atTime(14, 0);
        CalendarEvent.Builder oneOnOne = CalendarEvent.builder("One-on-one", w,
                w.plusMinutes(30), BERLIN).organizer(me).iCalUId(uid(owner, "weekly", 0))
                .created(created).recurrence(Recurrence.weekly(1,
                        List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), weeklyStart, BERLIN)
                        .until(today.plusDays(60)));
        addAttendees(oneOnOne, colleagues.isEmpty() ? colleagues : colleagues.subList(0, 1), 0);
        cals.addEvent(main, oneOnOne);

        // monthly review on the 15th (UTC), without end, one month cancelled
        LocalDate monthlyStart = today.minusMonths(6).withDayOfMonth(15);
        LocalDateTime m = monthlyStart.atTime(16, 0);
        CalendarEvent monthly = cals.addEvent(projects, CalendarEvent.builder("Monthly review",
                m, m.plusHours(1), "UTC").organizer(me).iCalUId(uid(owner, "monthly", 0))
                .created(created).importance(Importance.HIGH)
                .recurrence(Recurrence.absoluteMonthly(1, 15, monthlyStart, "UTC")));
        cals.cancelOccurrence(monthly, today.minusMonths(1).withDayOfMonth(15));

        // town hall on the first Monday of each month (Eastern), twelve times
        LocalDate townStart = today.minusMonths(3).withDayOfMonth(1);
        LocalDateTime t = townStart.atTime(17, 0);
        cals.addEvent(main, CalendarEvent.builder("Town hall", t, t.plusHours(1), EASTERN)
                .organizer(colleagues.isEmpty() ? me : colleagues.get(colleagues.size() - 1))
                .iCalUId(uid(owner, "townhall", 0)).created(created)
                .recurrence(Recurrence.relativeMonthly(1, DayOfWeek.MONDAY, "first", townStart,
                        EASTERN).times(12)));

        // a yearly all-day anniversary
        LocalDate anniversary = LocalDate.of(2020, 12, 5);
        cals.addEvent(holidays, CalendarEvent.builder("Company anniversary",
                anniversary.atStartOfDay(), anniversary.plusDays(1).atStartOfDay(), "UTC")
                .allDay(true).showAs("free").organizer(me).reminder(false, 0)
                .iCalUId(uid(owner, "yearly", 0)).created(created)
                .recurrence(Recurrence.absoluteYearly(1, 12, 5, anniversary, "UTC")));
    }

    private static void addAttendees(CalendarEvent.Builder b, List<EmailAddress> people,
            int n) {
        for (int i = 0; i < people.size() && i < 3; i++) {
            String type = i == 2 ? "optional" : "required";
            String response = RESPONSES[(n + i) % RESPONSES.length];
            Instant when = response.equals("none") || response.equals("notResponded")
                    ? Attendee.NO_RESPONSE_TIME
                    : Instant.parse("2026-11-20T12:00:00Z").plusSeconds(60L * (n + i));
            b.attendee(new Attendee(people.get(i), type, response, when));
        }
    }

    private static String uid(User owner, String what, int k) {
        String u = UUID.nameUUIDFromBytes((owner.id() + "/" + what + "/" + k)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()
                .replace("-", "").toUpperCase(java.util.Locale.ROOT);
        return "040000008200E00074C5B7101A82E008000000000000000000000000000000000" + u;
    }
}
