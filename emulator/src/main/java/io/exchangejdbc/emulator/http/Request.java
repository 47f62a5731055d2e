package io.exchangejdbc.emulator.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An HTTP request as the fronts see it: method, decoded path segments, decoded query parameters,
 * headers (names case-insensitive), the body read in full, and the emulator's base URL.
 */
public final class Request {

    private final String method;
    private final String rawPath;
    private final List<String> segments;
    private final String rawQuery;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String baseUrl;
    private final Instant time;
    private final String requestId = UUID.randomUUID().toString();
    private String connection;

    /** Creates a request; the maps are copied. */
    public Request(String method, String rawPath, String rawQuery,
            Map<String, List<String>> headers, byte[] body, String baseUrl, Instant time) {
        this.method = requireNonNull(method, "method");
        this.rawPath = requireNonNull(rawPath, "rawPath");
        this.rawQuery = rawQuery;
        this.query = Collections.unmodifiableMap(QueryString.parse(rawQuery));
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(h);
        this.body = body == null ? new byte[0] : body;
        this.baseUrl = requireNonNull(baseUrl, "baseUrl");
        this.time = requireNonNull(time, "time");
        List<String> segs = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                segs.add(QueryString.decode(s, false));
            }
        }
        this.segments = Collections.unmodifiableList(segs);
    }

    /**
     * Returns an identity of the TCP connection the request came on (the client's address and
     * port), or null when unknown; connection-bound sign-ins (NTLM, Negotiate) use it.
     */
    public String connection() {
        return connection;
    }

    /** Sets the identity of the connection the request came on. */
    public Request onConnection(String id) {
        this.connection = id;
        return this;
    }

    /** Returns the method, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** Returns the path as sent, still percent-encoded. */
    public String rawPath() {
        return rawPath;
    }

    /** Returns the decoded, non-empty path segments. */
    public List<String> segments() {
        return segments;
    }

    /** Returns the query string as sent (without {@code ?}), or null. */
    public String rawQuery() {
        return rawQuery;
    }

    /** Returns the decoded query parameters in the order sent. */
    public Map<String, String> query() {
        return query;
    }

    /** Returns a query parameter by name, ignoring case, or null. */
    public String queryParam(String name) {
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Returns the headers; names ignore case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** Returns the first value of a header, or null. */
    public String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Returns all values of a header (each may itself be a comma-separated list). */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** Returns the body bytes. */
    public byte[] body() {
        return body.clone();
    }

    /** Returns the body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Returns the body decoded as an HTML form ({@code application/x-www-form-urlencoded}). */
    public Map<String, String> form() {
        return QueryString.parse(bodyText());
    }

    /** Returns the emulator's base URL, e.g. {@code http://127.0.0.1:8443}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Returns when the request arrived. */
    public Instant time() {
        return time;
    }

    /** Returns the id the emulator gave the request (Graph's {@code request-id}). */
    public String requestId() {
        return requestId;
    }

    /** Returns the client's {@code client-request-id}, or the request id if it sent none. */
    public String clientRequestId() {
        String c = header("client-request-id");
        return c == null ? requestId : c;
    }

    @Override
    public String toString() {
        return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
    }
}
