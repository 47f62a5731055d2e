package io.exchangejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.store.CalendarEvent;
import io.exchangejdbc.emulator.store.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * What the emulator's calendar front answers to plain HTTP, as Graph documents it: the window
 * that calendarView requires, the zone of {@code Prefer: outlook.timezone}, and all-day events
 * that float.
 */
class CalendarServiceBehaviourTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String pathAndQuery, String prefer) throws Exception {
        Emulator emu = SharedEmulator.get();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emu.graphUrl() + "/v1.0"
                + pathAndQuery)).header("Authorization", "Bearer "
                + emu.issueAppToken(Emulator.DEFAULT_CLIENT_ID));
        if (prefer != null) {
            b.header("Prefer", prefer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static User user() {
        return SharedEmulator.get().store().users().get(0);
    }

    @Test
    void calendarViewWithoutItsWindowIsRefusedAsGraphDoes() throws Exception {
        HttpResponse<String> r = get("/users/" + user().id() + "/calendarView?"
                + "startDateTime=2026-11-01T00:00:00Z", null);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("\"code\":\"ErrorInvalidParameter\""), r.body());
        assertTrue(r.body().contains("StartDateTime and EndDateTime"), r.body());
    }

    @Test
    void preferredZoneIsHonouredAndReported() throws Exception {
        CalendarEvent e = SharedEmulator.get().store().mailbox(user().userPrincipalName())
                .calendars().events().stream().filter(x -> !x.isAllDay()).findFirst()
                .orElseThrow();
        HttpResponse<String> r = get("/users/" + user().id() + "/events/" + e.id()
                + "?$select=start", "outlook.timezone=\"Tokyo Standard Time\"");
        assertEquals(200, r.statusCode(), r.body());
        String tokyo = LocalDateTime.ofInstant(e.startInstant(), ZoneId.of("Asia/Tokyo"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        assertTrue(r.body().contains("\"dateTime\":\"" + tokyo + ".0000000\",\"timeZone\":"
                + "\"Tokyo Standard Time\""), r.body());
        assertEquals("outlook.timezone=\"Tokyo Standard Time\"",
                r.headers().firstValue("Preference-Applied").orElse(null));
        HttpResponse<String> utc = get("/users/" + user().id() + "/events/" + e.id()
                + "?$select=start", null);
        assertTrue(utc.body().contains("\"timeZone\":\"UTC\""), utc.body());
    }

    @Test
    void allDayEventsStayOnTheirDatesInAnyZone() throws Exception {
        CalendarEvent offsite = SharedEmulator.get().store().mailbox(user().userPrincipalName())
                .calendars().events().stream().filter(x -> x.subject().equals(
                        "Company offsite")).findFirst().orElseThrow();
        HttpResponse<String> r = get("/users/" + user().id() + "/events/" + offsite.id()
                + "?$select=start,isAllDay", "outlook.timezone=\"Tokyo Standard Time\"");
        assertTrue(r.body().contains("\"dateTime\":\"" + offsite.start().toLocalDate()
                + "T00:00:00.0000000\""), r.body());
    }

    @Test
    void occurrenceIdsReadTheOccurrence() throws Exception {
        HttpResponse<String> view = get("/users/" + user().id() + "/calendarView?startDateTime="
                + "2026-11-24T00:00:00Z&endDateTime=2026-11-25T00:00:00Z&$select=type,subject"
                + "&$filter=type%20eq%20'occurrence'&$top=1", null);
        assertEquals(200, view.statusCode(), view.body());
        String body = view.body();
        assertTrue(body.contains("\"type\":\"occurrence\""), body);
        int at = body.indexOf("\"id\":\"") + 6;
        String id = body.substring(at, body.indexOf('"', at));
        HttpResponse<String> one = get("/users/" + user().id() + "/events/" + id
                + "?$select=type,seriesMasterId", null);
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.body().contains("\"type\":\"occurrence\""), one.body());
    }
}
