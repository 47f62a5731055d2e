package io.exchangejdbc.emulator.graph;

import io.exchangejdbc.emulator.store.Attendee;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.User;
import java.time.ZoneId;

/**
 * An event instance as one request sees it: the mailbox owner it is read from (for
 * {@code isOrganizer} and {@code responseStatus}) and the zone its times are written in
 * ({@code Prefer: outlook.timezone}, UTC by default).
 *
 * @param instance the instance
 * @param reader the owner of the mailbox read
 * @param zone the zone times are written in
 * @param zoneName the name written as {@code timeZone}
 */
record EventView(EventInstance instance, User reader, ZoneId zone, String zoneName) {

    CalendarEvent event() {
        return instance.event();
    }

    boolean isOrganizer() {
        return event().organizer() != null && event().organizer().address()
                .equalsIgnoreCase(reader.emailAddress().address());
    }

    /** The reader's own response: {@code organizer}, an attendee's response, or none. */
    Attendee.Response response() {
        if (isOrganizer()) {
            return new Attendee.Response("organizer", Attendee.NO_RESPONSE_TIME);
        }
        for (Attendee a : event().attendees()) {
            if (a.emailAddress().address().equalsIgnoreCase(reader.emailAddress().address())) {
                return new Attendee.Response(a.response(), a.responseTime());
            }
        }
        return new Attendee.Response("none", Attendee.NO_RESPONSE_TIME);
    }
}
