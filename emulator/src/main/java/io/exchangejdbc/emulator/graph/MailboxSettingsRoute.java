package io.exchangejdbc.emulator.graph;

import static io.exchangejdbc.emulator.graph.RequestValues.invalid;
import static io.exchangejdbc.emulator.graph.RequestValues.object;
import static io.exchangejdbc.emulator.graph.RequestValues.text;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.identity.AccessToken;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.MailboxSettings;
import io.exchangejdbc.emulator.store.TimeZones;
import io.exchangejdbc.emulator.store.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /users/{id}/mailboxSettings}: the settings of a mailbox as one
 * {@code mailboxSettings} object, every property written; {@code PATCH} changes the properties
 * its body names (nested objects in part) and answers the whole object. The settings are those
 * EWS reads and writes too (out of office is {@code automaticRepliesSetting}).
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-get-mailboxsettings">Get user
 *     mailbox settings</a>
 * @see <a href="https://learn.microsoft.com/graph/api/user-update-mailboxsettings">Update user
 *     mailbox settings</a>
 */
final class MailboxSettingsRoute {

    private static final Set<String> ROLES = Set.of("MailboxSettings.Read",
            "MailboxSettings.ReadWrite");
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    private MailboxSettingsRoute() {
    }

    /** Writes the settings of the user's mailbox. */
    static void handle(Request request, Response response, Caller caller, User user,
            List<String> rest) throws IOException {
        AccessToken t = caller.token();
        if (!t.allowsAny(ROLES, ROLES)
                || (t.isDelegated() && !caller.user().id().equals(user.id()))) {
            throw GraphError.mailAccessDenied();
        }
        if (rest.size() > 1) {
            throw GraphError.segmentNotFound(rest.get(1));
        }
        MailboxSettings s = caller.tenant().mailbox(user).settings();
        GraphFront.traceHeaders(request, response);
        try (JsonGenerator g = response.json(200, GraphFront.ODATA_JSON)) {
            write(g, request.baseUrl(), user, s);
        }
    }

    private static void write(JsonGenerator g, String baseUrl, User user, MailboxSettings s)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("@odata.context", baseUrl + "/v1.0/$metadata#users('"
                + user.id() + "')/mailboxSettings");
        g.writeStringField("archiveFolder", null);
        g.writeStringField("timeZone", s.timeZone());
        g.writeStringField("delegateMeetingMessageDeliveryOptions",
                "sendToDelegateOnly");
        g.writeStringField("dateFormat", s.dateFormat());
        g.writeStringField("timeFormat", s.timeFormat());
        g.writeStringField("userPurpose", "user");
        g.writeObjectFieldStart("automaticRepliesSetting");
        g.writeStringField("status", s.autoReplyStatus());
        g.writeStringField("externalAudience", s.externalAudience());
        g.writeStringField("internalReplyMessage", s.internalReplyMessage());
        g.writeStringField("externalReplyMessage", s.externalReplyMessage());
        writeTime(g, "scheduledStartDateTime", s.scheduledStart());
        writeTime(g, "scheduledEndDateTime", s.scheduledEnd());
        g.writeEndObject();
        g.writeObjectFieldStart("language");
        g.writeStringField("locale", s.languageLocale());
        g.writeStringField("displayName", s.languageDisplayName());
        g.writeEndObject();
        g.writeObjectFieldStart("workingHours");
        g.writeArrayFieldStart("daysOfWeek");
        for (String d : s.workingDays()) {
            g.writeString(d);
        }
        g.writeEndArray();
        g.writeStringField("startTime", s.workStart());
        g.writeStringField("endTime", s.workEnd());
        g.writeObjectFieldStart("timeZone");
        g.writeStringField("name", s.workTimeZone());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    // ---- PATCH

    private static final Set<String> WRITE_ROLES = Set.of("MailboxSettings.ReadWrite");
    private static final List<String> DAYS = List.of("sunday", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday");
    private static final DateTimeFormatter TIME_OF_DAY =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSS");

    /** {@code PATCH /users/{id}/mailboxSettings}: checks the whole body, then applies it. */
    static GraphWrites.Result update(Caller caller, String method, User user, List<String> rest,
            Map<String, Object> body, String baseUrl) {
        AccessToken t = caller.token();
        if (!t.allowsAny(WRITE_ROLES, WRITE_ROLES)
                || (t.isDelegated() && !caller.user().id().equals(user.id()))) {
            throw GraphError.mailAccessDenied();
        }
        if (rest.size() > 1) {
            throw GraphError.segmentNotFound(rest.get(1));
        }
        if (!method.equals("PATCH")) {
            // "You cannot create or delete any mailbox settings."
            throw GraphWrites.notAllowed(method);
        }
        Mailbox box = caller.tenant().mailbox(user);
        MailboxSettings changed;
        synchronized (box) {
            changed = edited(box.settings(), body);
            box.setSettings(changed);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            write(g, baseUrl, user, changed);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return new GraphWrites.Result(200, out.toByteArray());
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private static MailboxSettings edited(MailboxSettings old, Map<String, Object> body) {
        String timeZone = old.timeZone();
        String locale = old.languageLocale();
        String language = old.languageDisplayName();
        String dateFormat = old.dateFormat();
        String timeFormat = old.timeFormat();
        List<String> days = old.workingDays();
        String workStart = old.workStart();
        String workEnd = old.workEnd();
        String workZone = old.workTimeZone();
        String status = old.autoReplyStatus();
        String audience = old.externalAudience();
        String internal = old.internalReplyMessage();
        String external = old.externalReplyMessage();
        Instant start = old.scheduledStart();
        Instant end = old.scheduledEnd();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String p = e.getKey();
            Object v = e.getValue();
            if (p.startsWith("@odata.")) {
                continue;
            }
            switch (p) {
                case "timeZone":
                    timeZone = zone(p, v);
                    break;
                case "dateFormat":
                    dateFormat = text(p, v);
                    break;
                case "timeFormat":
                    timeFormat = text(p, v);
                    break;
                case "language": {
                    Map<String, Object> m = object(p, v);
                    for (Map.Entry<String, Object> l : m.entrySet()) {
                        if (l.getKey().equals("locale")) {
                            locale = text("language.locale", l.getValue());
                            language = languageName(locale);
                        } else if (!l.getKey().equals("displayName")) {
                            throw unknown(l.getKey(), "localeInfo");
                        }
                    }
                    break;
                }
                case "workingHours": {
                    Map<String, Object> m = object(p, v);
                    for (Map.Entry<String, Object> w : m.entrySet()) {
                        Object x = w.getValue();
                        switch (w.getKey()) {
                            case "daysOfWeek":
                                days = days(x);
                                break;
                            case "startTime":
                                workStart = timeOfDay("workingHours.startTime", x);
                                break;
                            case "endTime":
                                workEnd = timeOfDay("workingHours.endTime", x);
                                break;
                            case "timeZone": {
                                Object name = object("workingHours.timeZone", x).get("name");
                                workZone = zone("workingHours.timeZone.name", name);
                                break;
                            }
                            default:
                                throw unknown(w.getKey(), "workingHours");
                        }
                    }
                    break;
                }
                case "automaticRepliesSetting": {
                    Map<String, Object> m = object(p, v);
                    for (Map.Entry<String, Object> a : m.entrySet()) {
                        Object x = a.getValue();
                        switch (a.getKey()) {
                            case "status":
                                status = oneOf("status", x, List.of("disabled", "alwaysEnabled",
                                        "scheduled"));
                                break;
                            case "externalAudience":
                                audience = oneOf("externalAudience", x, List.of("none",
                                        "contactsOnly", "all"));
                                break;
                            case "internalReplyMessage":
                                internal = x == null ? "" : text(a.getKey(), x);
                                break;
                            case "externalReplyMessage":
                                external = x == null ? "" : text(a.getKey(), x);
                                break;
                            case "scheduledStartDateTime":
                                start = instant(a.getKey(), x);
                                break;
                            case "scheduledEndDateTime":
                                end = instant(a.getKey(), x);
                                break;
                            default:
                                throw unknown(a.getKey(), "automaticRepliesSetting");
                        }
                    }
                    break;
                }
                case "userPurpose":
                    throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                            + "' is read-only and cannot be set.");
                case "archiveFolder":
                case "delegateMeetingMessageDeliveryOptions":
                    throw new GraphError(400, "ErrorInvalidProperty", "The property '" + p
                            + "' cannot be set by this emulator.");
                default:
                    throw unknown(p, "mailboxSettings");
            }
        }
        if (status.equals("scheduled") && (start == null || end == null
                || !end.isAfter(start))) {
            throw new GraphError(400, "ErrorInvalidParameter", "Scheduled automatic replies"
                    + " need a scheduledStartDateTime before their scheduledEndDateTime.");
        }
        return new MailboxSettings(timeZone, locale, language, dateFormat, timeFormat, days,
                workStart, workEnd, workZone, status, audience, internal, external, start, end);
    }

    private static GraphError unknown(String p, String type) {
        return new GraphError(400, "RequestBodyRead", "The property '" + p + "' does not exist"
                + " on type 'microsoft.graph." + type + "'. Make sure to only use property names"
                + " that are defined by the type or mark the type as open type.");
    }

    private static String oneOf(String p, Object v, List<String> values) {
        for (String known : values) {
            if (v instanceof String s && s.equalsIgnoreCase(known)) {
                return known;
            }
        }
        throw invalid(p, v);
    }

    private static String zone(String p, Object v) {
        String name = text(p, v);
        if (TimeZones.resolve(name).isEmpty()) {
            throw new GraphError(400, "ErrorTimeZoneNotSupported", "The time zone '" + name
                    + "' is not supported.");
        }
        return name;
    }

    private static String languageName(String locale) {
        try {
            Locale l = new Locale.Builder().setLanguageTag(locale).build();
            if (l.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return l.getDisplayName(Locale.US);
        } catch (IllformedLocaleException e) {
            throw new GraphError(400, "ErrorInvalidLanguage", "The language '" + locale
                    + "' is not valid.");
        }
    }

    private static List<String> days(Object v) {
        if (!(v instanceof List<?> list)) {
            throw invalid("workingHours.daysOfWeek", v);
        }
        List<String> out = new ArrayList<>();
        for (String day : DAYS) {
            for (Object o : list) {
                if (o instanceof String s && s.equalsIgnoreCase(day) && !out.contains(day)) {
                    out.add(day);
                }
            }
        }
        for (Object o : list) {
            if (!(o instanceof String s) || !DAYS.contains(s.toLowerCase(Locale.ROOT))) {
                throw invalid("workingHours.daysOfWeek", o);
            }
        }
        return out;
    }

    private static String timeOfDay(String p, Object v) {
        try {
            return TIME_OF_DAY.format(LocalTime.parse(text(p, v)));
        } catch (DateTimeException e) {
            throw invalid(p, v);
        }
    }

    /** A {@code dateTimeTimeZone}; the year-1 time the service writes for "unset" is null. */
    private static Instant instant(String p, Object v) {
        Map<String, Object> m = object(p, v);
        String dt = text(p + ".dateTime", m.get("dateTime"));
        Object tz = m.get("timeZone");
        ZoneId zone = tz == null ? ZoneOffset.UTC
                : TimeZones.resolve(tz.toString()).orElseThrow(() -> new GraphError(400,
                        "ErrorTimeZoneNotSupported", "The time zone '" + tz
                                + "' is not supported."));
        try {
            LocalDateTime local = LocalDateTime.parse(dt);
            return local.getYear() <= 1 ? null : local.atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw invalid(p, v);
        }
    }

    /** A {@code dateTimeTimeZone} in UTC; an unset time is written as the service does. */
    private static void writeTime(JsonGenerator g, String name, Instant t) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("dateTime", t == null ? "0001-01-01T00:00:00.0000000"
                : LOCAL.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)));
        g.writeStringField("timeZone", "UTC");
        g.writeEndObject();
    }
}
