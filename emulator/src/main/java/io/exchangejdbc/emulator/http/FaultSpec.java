package io.exchangejdbc.emulator.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fault to inject into the answer to a request: an error status (with the front's error body
 * unless one is given), a broken body, a delay, a dropped connection or a truncated body.
 * Immutable; the {@code with...} methods return changed copies.
 *
 * <pre>{@code
 * emu.faults().next(FaultSpec.status(429).header("Retry-After", "1"));
 * emu.faults().next(2, FaultSpec.status(503));
 * emu.faults().next(FaultSpec.body("not json"));
 * }</pre>
 */
public final class FaultSpec {

    /** What the fault does. */
    public enum Kind {
        /** Answer with a status, headers and a body instead of serving the request. */
        RESPOND,
        /** Wait, then serve the request normally. */
        DELAY,
        /** Close the connection without answering. */
        CONNECTION_RESET,
        /** Serve the request, but send only half of the body it declares. */
        TRUNCATED_BODY,
        /**
         * Serve the request (a write takes effect), then close the connection without sending
         * the answer: the client cannot tell whether the request was applied.
         */
        RESET_AFTER_SERVING
    }

    private final Kind kind;
    private final int status;
    private final Map<String, String> headers;
    private final String body;
    private final String contentType;
    private final Duration delay;

    private FaultSpec(Kind kind, int status, Map<String, String> headers, String body,
            String contentType, Duration delay) {
        this.kind = kind;
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
        this.contentType = contentType;
        this.delay = delay;
    }

    /** Answers with the status and the front's usual error body for it. */
    public static FaultSpec status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return new FaultSpec(Kind.RESPOND, status, Map.of(), null, null, Duration.ZERO);
    }

    /** Answers 200 with the given body, as a broken server might, typed as JSON. */
    public static FaultSpec body(String body) {
        return new FaultSpec(Kind.RESPOND, 200, Map.of(), requireNonNull(body, "body"),
                "application/json", Duration.ZERO);
    }

    /** Delays the request, then serves it normally. */
    public static FaultSpec latency(Duration delay) {
        if (requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        return new FaultSpec(Kind.DELAY, 0, Map.of(), null, null, delay);
    }

    /** Closes the connection without an answer. */
    public static FaultSpec connectionReset() {
        return new FaultSpec(Kind.CONNECTION_RESET, 0, Map.of(), null, null, Duration.ZERO);
    }

    /**
     * Serves the request, so that what it changes is changed, then closes the connection
     * without an answer: the ambiguous failure a write can meet.
     */
    public static FaultSpec connectionResetAfterServing() {
        return new FaultSpec(Kind.RESET_AFTER_SERVING, 0, Map.of(), null, null, Duration.ZERO);
    }

    /** Serves the request but cuts the body off halfway. */
    public static FaultSpec truncatedBody() {
        return new FaultSpec(Kind.TRUNCATED_BODY, 0, Map.of(), null, null, Duration.ZERO);
    }

    /** Returns a copy that also sends the header, e.g. {@code Retry-After}. */
    public FaultSpec header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
        return new FaultSpec(kind, status, h, body, contentType, delay);
    }

    /** Returns a copy that sends the given body instead of the front's error body. */
    public FaultSpec withBody(String newBody, String newContentType) {
        return new FaultSpec(kind, status, headers, requireNonNull(newBody, "body"),
                requireNonNull(newContentType, "contentType"), delay);
    }

    /** Returns what the fault does. */
    public Kind kind() {
        return kind;
    }

    /** Returns the status answered ({@link Kind#RESPOND}). */
    public int statusCode() {
        return status;
    }

    /** Returns the extra response headers. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Returns the body to send, or null for the front's error body. */
    public String bodyText() {
        return body;
    }

    /** Returns the content type of {@link #bodyText()}, or null. */
    public String contentType() {
        return contentType;
    }

    /** Returns the delay ({@link Kind#DELAY}). */
    public Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        return "FaultSpec[" + kind + (status > 0 ? " " + status : "")
                + (headers.isEmpty() ? "" : " " + headers) + "]";
    }
}
