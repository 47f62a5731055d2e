package io.exchangejdbc.emulator.http;

import java.io.IOException;

/**
 * One service the emulator speaks on its HTTP port (Graph, identity, later EWS), chosen by the
 * request path.
 */
public interface Front {

    /** Returns the short name shown in the request log, e.g. {@code graph}. */
    String name();

    /** Tells whether this front serves the request. */
    boolean serves(Request request);

    /** Tells whether injected faults apply to this front's requests. */
    boolean acceptsFaults();

    /**
     * Returns what a request counts against when the emulator throttles (for Graph, the
     * application and the mailbox of its path), or null when throttling does not apply to it.
     */
    default String throttleKey(Request request) {
        return null;
    }

    /**
     * Tells whether a request only reads, so that its answer may be kept for benchmarks
     * ({@link PageCache}) and it leaves kept answers in place; by default a {@code GET}.
     */
    default boolean readsOnly(Request request) {
        return "GET".equals(request.method());
    }

    /**
     * Tells whether a request may change what reads answer, so that kept answers
     * ({@link PageCache}) must go; by default any request that does not only read.
     */
    default boolean mayChangeData(Request request) {
        return !readsOnly(request);
    }

    /** Serves a request. */
    void handle(Request request, Response response) throws IOException;

    /**
     * Answers with an error in this service's format; used for injected faults and for failures
     * of the emulator itself.
     */
    void sendError(Request request, Response response, int status, String code, String message)
            throws IOException;
}
