package io.exchangejdbc.emulator.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the emulator received, as tests read it from the request log: what was asked
 * (method, path, query, headers, body) and what was answered (status).
 *
 * @param sequence position in arrival order, from 1
 * @param time when the request arrived, by the emulator's clock
 * @param front which front served it: {@code graph}, {@code identity}, or {@code none}
 * @param method the HTTP method
 * @param path the path as sent (percent-encoded)
 * @param rawQuery the query string as sent, or null
 * @param query the decoded query parameters
 * @param headers the request headers (names as a case-insensitive map)
 * @param body the request body as text (empty for GET)
 * @param status the status answered, or 0 if the request is still being served or the
 *     connection was dropped
 * @param fault whether an injected fault answered it
 */
public record LoggedRequest(long sequence, Instant time, String front, String method,
        String path, String rawQuery, Map<String, String> query,
        Map<String, List<String>> headers, String body, int status, boolean fault) {

    /** Returns the first value of a header (name ignoring case), or null. */
    public String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Returns a decoded query parameter by name (ignoring case), or null. */
    public String queryParam(String name) {
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Returns the path and query as sent, e.g. {@code /v1.0/me/messages?$top=5}. */
    public String uri() {
        return rawQuery == null ? path : path + "?" + rawQuery;
    }

    @Override
    public String toString() {
        return method + " " + uri() + " -> " + status;
    }
}
