package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An attendee of an event, Graph's {@code attendee}: the address, whether the attendee is
 * required, optional or a resource, and the response given so far.
 *
 * @param emailAddress who attends
 * @param type {@code required}, {@code optional} or {@code resource}
 * @param response Graph's {@code responseType} member: {@code none}, {@code organizer},
 *     {@code tentativelyAccepted}, {@code accepted}, {@code declined} or
 *     {@code notResponded}
 * @param responseTime when the response was given; Graph writes 0001-01-01 when there is none
 */
public record Attendee(EmailAddress emailAddress, String type, String response,
        Instant responseTime) {

    /** The time Graph shows for an attendee who has not responded. */
    public static final Instant NO_RESPONSE_TIME = Instant.parse("0001-01-01T00:00:00Z");

    /** Checks every part is present. */
    public Attendee {
        requireNonNull(emailAddress, "emailAddress");
        requireNonNull(type, "type");
        requireNonNull(response, "response");
        requireNonNull(responseTime, "responseTime");
    }

    /** Returns the response as Graph's {@code responseStatus}. */
    public Response status() {
        return new Response(response, responseTime);
    }

    /**
     * Graph's {@code responseStatus}: a response and when it was given.
     *
     * @param response the {@code responseType} member
     * @param time when; 0001-01-01 when there is no response
     */
    public record Response(String response, Instant time) {
    }
}
