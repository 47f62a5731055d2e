package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.AutomaticReplies;
import io.exchangejdbc.emulator.store.Mailbox;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * GetUserOofSettings and SetUserOofSettings: a mailbox's automatic replies, kept in the store
 * (so Graph's mailbox settings can show the same).
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getuseroofsettings-operation">GetUserOofSettings operation</a>
 */
final class MailboxSettingsOps {

    private static final Set<String> STATES = Set.of("Disabled", "Enabled", "Scheduled");
    private static final Set<String> AUDIENCES = Set.of("None", "Known", "All");

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
            AutomaticReplies r = mailbox(ctx, req).automaticReplies();
            head(w, null);
            w.start("t:OofSettings").leaf("t:OofState", r.state())
                    .leaf("t:ExternalAudience", r.externalAudience());
            if (r.start() != null && r.end() != null) {
                w.start("t:Duration").leaf("t:StartTime", r.start()).leaf("t:EndTime", r.end())
                        .end();
            }
            w.start("t:InternalReply").leaf("t:Message", r.internalReply()).end();
            w.start("t:ExternalReply").leaf("t:Message", r.externalReply()).end();
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
            if (!STATES.contains(state) || !AUDIENCES.contains(audience)) {
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
            AutomaticReplies old = box.automaticReplies();
            String internal = s.child("InternalReply").map(x -> x.childText("Message"))
                    .orElse(old.internalReply());
            String external = s.child("ExternalReply").map(x -> x.childText("Message"))
                    .orElse(old.externalReply());
            box.setAutomaticReplies(new AutomaticReplies(state, audience, start, end, internal,
                    external));
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
