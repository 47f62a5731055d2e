package io.exchangejdbc.emulator.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The log of requests the emulator received, in arrival order, which tests read to assert what a
 * client asked for. It keeps the most recent entries up to a limit, so a long benchmark does not
 * fill the heap with it.
 */
public final class RequestLog {

    private final int limit;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long sequence;

    /** Creates a log that keeps at most {@code limit} entries. */
    public RequestLog(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit < 1");
        }
        this.limit = limit;
    }

    /** Records the arrival of a request and returns its entry, to complete later. */
    synchronized Entry arrive(Request request, String front) {
        Entry e = new Entry(++sequence, request, front);
        entries.addLast(e);
        if (entries.size() > limit) {
            entries.removeFirst();
        }
        return e;
    }

    /** Returns the logged requests, oldest first. */
    public synchronized List<LoggedRequest> requests() {
        List<LoggedRequest> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.toLogged());
        }
        return out;
    }

    /** Forgets all logged requests. */
    public synchronized void clear() {
        entries.clear();
    }

    /** A request in the log whose answer may still be pending. */
    static final class Entry {
        private final long sequence;
        private final Request request;
        private final String front;
        private volatile int status;
        private volatile boolean fault;

        Entry(long sequence, Request request, String front) {
            this.sequence = sequence;
            this.request = request;
            this.front = front;
        }

        void complete(int statusCode, boolean byFault) {
            this.status = statusCode;
            this.fault = byFault;
        }

        LoggedRequest toLogged() {
            return new LoggedRequest(sequence, request.time(), front, request.method(),
                    request.rawPath(), request.rawQuery(), request.query(), request.headers(),
                    request.bodyText(), status, fault);
        }
    }
}
