package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.MailboxSettings;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * GetUserOofSettings and SetUserOofSettings: a mailbox's automatic replies, kept in the store's
 * mailbox settings, which Graph's {@code mailboxSettings} shows too (EWS {@code Enabled} is
 * Graph's {@code alwaysEnabled}, {@code Known} its {@code contactsOnly}).
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getuseroofsettings-operation">GetUserOofSettings operation</a>
 */
final class MailboxSettingsOps {

    private static final Map<String, String> STATES = Map.of("Disabled", "disabled",
            "Enabled", "alwaysEnabled", "Scheduled", "scheduled");
    private static final Map<String, String> AUDIENCES = Map.of("None", "none",
            "Known", "contactsOnly", "All", "all");

    private static String ews(Map<String, String> names, String graph) {
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getValue().equalsIgnoreCase(graph)) {
                return e.getKey();
            }
        }
        return names == STATES ? "Disabled" : "All";
    }

    private MailboxSettingsOps() {
    }

    private static Mailbox mailbox(EwsContext ctx, XmlElement req) {
        return ctx.mailbox(req.required("Mailbox").childText("Address"));
    }

    /** Writes the single {@code m:ResponseMessage} these operations answer with. */
    private static void head(EwsWriter w, EwsException e) {
        ResponseMessages.write(w, "m:ResponseMessage", e);
    }

    /** GetUserOofSettings. */
    static final class GetSettings implements EwsOperation {
        @Override
        public void writeError(String requestName, EwsException e, EwsWriter w) {
            head(w, e);
        }

        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            MailboxSettings r = mailbox(ctx, req).settings();
            head(w, null);
            w.start("t:OofSettings").leaf("t:OofState", ews(STATES, r.autoReplyStatus()))
                    .leaf("t:ExternalAudience", ews(AUDIENCES, r.externalAudience()));
            if (r.scheduledStart() != null && r.scheduledEnd() != null) {
                w.start("t:Duration").leaf("t:StartTime", r.scheduledStart())
                        .leaf("t:EndTime", r.scheduledEnd()).end();
            }
            w.start("t:InternalReply").leaf("t:Message", r.internalReplyMessage()).end();
            w.start("t:ExternalReply").leaf("t:Message", r.externalReplyMessage()).end();
            w.end();
            w.leaf("m:AllowExternalOof", "All");
        }
    }

    /** SetUserOofSettings. */
    static final class SetSettings implements EwsOperation {
        @Override
        public void writeError(String requestName, EwsException e, EwsWriter w) {
            head(w, e);
        }

        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            Mailbox box = mailbox(ctx, req);
            XmlElement s = req.required("UserOofSettings");
            String state = s.required("OofState").text();
            String audience = s.required("ExternalAudience").text();
            if (!STATES.containsKey(state) || !AUDIENCES.containsKey(audience)) {
                throw EwsException.schema("OofState or ExternalAudience has an invalid value.");
            }
            Instant start = null;
            Instant end = null;
            if (s.child("Duration").isPresent()) {
                XmlElement d = s.required("Duration");
                start = time(d.required("StartTime").text());
                end = time(d.required("EndTime").text());
                if (!end.isAfter(start)) {
                    throw EwsException.of("ErrorInvalidScheduledOofDuration",
                            "The scheduled duration ends before it starts.");
                }
            } else if (state.equals("Scheduled")) {
                throw EwsException.of("ErrorInvalidScheduledOofDuration",
                        "A scheduled reply needs a duration.");
            }
            MailboxSettings old = box.settings();
            String internal = s.child("InternalReply").map(x -> x.childText("Message"))
                    .orElse(old.internalReplyMessage());
            String external = s.child("ExternalReply").map(x -> x.childText("Message"))
                    .orElse(old.externalReplyMessage());
            box.setSettings(new MailboxSettings(old.timeZone(), old.languageLocale(),
                    old.languageDisplayName(), old.dateFormat(), old.timeFormat(),
                    old.workingDays(), old.workStart(), old.workEnd(), old.workTimeZone(),
                    STATES.get(state), AUDIENCES.get(audience), internal == null ? "" : internal,
                    external == null ? "" : external, start, end));
            head(w, null);
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
}
