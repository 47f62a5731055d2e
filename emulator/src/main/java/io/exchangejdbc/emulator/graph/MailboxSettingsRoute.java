package io.exchangejdbc.emulator.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.identity.AccessToken;
import io.exchangejdbc.emulator.store.MailboxSettings;
import io.exchangejdbc.emulator.store.User;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /users/{id}/mailboxSettings}: the settings of a mailbox as one
 * {@code mailboxSettings} object, every property written.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/user-get-mailboxsettings">Get user
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
            g.writeStartObject();
            g.writeStringField("@odata.context", request.baseUrl() + "/v1.0/$metadata#users('"
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
