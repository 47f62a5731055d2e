package io.exchangejdbc.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pre-rendered answers for benchmarks: once switched on, the body of every successful request
 * that only reads (a {@code GET}, or an EWS read such as {@code FindItem}, as its
 * {@link Front#readsOnly front} tells) is kept as the bytes that were sent, and the same request
 * (path, query, body, and the headers that shape an answer) is answered again from those bytes
 * without rendering, nor authenticating again. A request that may have changed what a read
 * would answer ({@link Front#mayChangeData}) empties it; signing in and issuing tokens do not,
 * since the key holds the {@code Authorization} header and a new token makes new keys.
 *
 * <p>Off by default, and meant only for reading the same data many times: the emulator then
 * spends next to nothing per page, so that a benchmark measures its clients, not the emulator.
 * Bounded by {@link #MAX_BYTES}; answers beyond it are rendered as usual.
 */
public final class PageCache {

    /** The most bytes kept. */
    public static final long MAX_BYTES = 1L << 30;

    /** The request headers an answer depends on. */
    private static final List<String> SHAPING_HEADERS =
            List.of("Authorization", "Prefer", "Accept", "ConsistencyLevel", "Content-Type",
                    "SOAPAction");

    /** A kept answer: status, content type, the other headers it carried, and its body. */
    record Page(int status, String contentType, Map<String, List<String>> headers, byte[] body) {
    }

    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private volatile boolean enabled;

    /** Switches keeping answers on or off; switching empties it. */
    public void enable(boolean on) {
        enabled = on;
        clear();
    }

    /** Whether answers are kept. */
    public boolean enabled() {
        return enabled;
    }

    /** How many requests were answered from kept pages. */
    public long hits() {
        return hits.get();
    }

    /** Forgets every kept answer. */
    public void clear() {
        pages.clear();
        bytes.set(0);
    }

    /**
     * The cache key of a request, or null when its answer is not kept. The body is part of the
     * key: a SOAP read is the same request only when its whole envelope is.
     */
    String key(Request request, Front front) {
        if (!enabled || !front.readsOnly(request)) {
            return null;
        }
        byte[] body = request.body();
        StringBuilder key = new StringBuilder(request.rawPath().length() + 128
                + (body == null ? 0 : body.length)).append(request.method()).append(' ')
                .append(request.rawPath()).append('?');
        if (request.rawQuery() != null) {
            key.append(request.rawQuery());
        }
        for (String h : SHAPING_HEADERS) {
            key.append('\n').append(h).append(':').append(request.header(h));
        }
        if (body != null && body.length > 0) {
            // One char per byte: the key holds the body exactly, whatever its encoding.
            key.append('\n').append(new String(body, StandardCharsets.ISO_8859_1));
        }
        return key.toString();
    }

    /** Empties the cache when a request may change the data. */
    void observe(Request request, Front front) {
        if (enabled && (front == null || front.mayChangeData(request))) {
            clear();
        }
    }

    Page get(String key) {
        Page p = pages.get(key);
        if (p != null) {
            hits.incrementAndGet();
        }
        return p;
    }

    void put(String key, Page page) {
        if (page.status() != 200 || bytes.get() + page.body().length > MAX_BYTES) {
            return;
        }
        if (pages.putIfAbsent(key, page) == null) {
            bytes.addAndGet(page.body().length);
        }
    }
}
