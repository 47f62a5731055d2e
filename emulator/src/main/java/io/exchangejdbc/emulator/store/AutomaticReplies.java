package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The automatic replies (out-of-office) settings of a mailbox: EWS's {@code UserOofSettings},
 * Graph's {@code automaticRepliesSetting}.
 *
 * @param state {@code Disabled}, {@code Enabled} or {@code Scheduled}
 * @param externalAudience {@code None}, {@code Known} or {@code All}
 * @param start when a scheduled reply starts, or null
 * @param end when a scheduled reply ends, or null
 * @param internalReply the reply to senders inside the organization
 * @param externalReply the reply to senders outside it
 */
public record AutomaticReplies(String state, String externalAudience, Instant start,
        Instant end, String internalReply, String externalReply) {

    /** Automatic replies switched off, as every mailbox starts. */
    public static final AutomaticReplies DISABLED = new AutomaticReplies("Disabled", "All",
            null, null, "", "");

    /** Checks the state and audience are present. */
    public AutomaticReplies {
        requireNonNull(state, "state");
        requireNonNull(externalAudience, "externalAudience");
        internalReply = internalReply == null ? "" : internalReply;
        externalReply = externalReply == null ? "" : externalReply;
    }
}
