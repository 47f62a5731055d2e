package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Follow-up flag of a message, Graph's {@code followupFlag}: a status and, for flagged or completed
 * messages, the start, due and completion instants (Graph renders them as UTC
 * {@code dateTimeTimeZone} values).
 *
 * @param status the flag status
 * @param start when the follow-up starts, or null
 * @param due when the follow-up is due, or null
 * @param completed when it was completed, or null
 */
public record FollowupFlag(FlagStatus status, Instant start, Instant due, Instant completed) {

    /** The flag of a message that was never flagged; shared by all such messages. */
    public static final FollowupFlag NOT_FLAGGED = new FollowupFlag(FlagStatus.NOT_FLAGGED, null,
            null, null);

    /** Checks the status is present. */
    public FollowupFlag {
        requireNonNull(status, "status");
    }
}
