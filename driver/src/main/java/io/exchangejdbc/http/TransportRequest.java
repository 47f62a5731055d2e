package io.exchangejdbc.http;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the driver wants it sent: method, absolute URL, headers (a name may repeat,
 * as {@code Prefer} does), an optional body, whether it is safe to repeat, and which connection
 * property names its endpoint (for messages such as "check GraphUrl").
 *
 * <p>Immutable; built with {@link #get(URI)} or {@link #post(URI, String, byte[])} and a
 * {@link Builder}.
 */
public final class TransportRequest {

    private final String method;
    private final URI uri;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final boolean retrySafe;
    private final String endpointProperty;
    private final String mailbox;

    private TransportRequest(Builder b) {
        this.mailbox = b.mailbox;
        this.method = b.method;
        this.uri = b.uri;
        this.headers = List.copyOf(b.headers);
        this.body = b.body;
        this.retrySafe = b.retrySafe;
        this.endpointProperty = b.endpointProperty;
    }

    /** A GET of {@code uri}; safe to repeat. */
    public static Builder get(URI uri) {
        return new Builder("GET", uri, null).retrySafe(true);
    }

    /** A POST of {@code body} with the given content type; not repeated unless declared safe. */
    public static Builder post(URI uri, String contentType, byte[] body) {
        return new Builder("POST", uri, requireNonNull(body, "body").clone())
                .header("Content-Type", requireNonNull(contentType, "contentType"));
    }

    /** A request with any method; GET and HEAD are safe to repeat, others only when declared. */
    public static Builder of(String method, URI uri, byte[] body) {
        String m = requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        return new Builder(m, uri, body == null ? null : body.clone())
                .retrySafe(m.equals("GET") || m.equals("HEAD"));
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The absolute URL. */
    public URI uri() {
        return uri;
    }

    /** The headers in the order given, names as given. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The first value of a header (any letter case), or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** A copy of the body, or null when there is none. */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    /** The body as UTF-8 text, for logging; empty when there is none. */
    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    int bodyLength() {
        return body == null ? 0 : body.length;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    /**
     * Whether sending it twice has the effect of sending it once, so that the transport may repeat
     * it after a throttling answer or a lost connection.
     */
    public boolean retrySafe() {
        return retrySafe;
    }

    /**
     * The mailbox the request reads, whose per-mailbox limits it counts against
     * ({@link MailboxThrottle}); null for requests that are not about one mailbox.
     */
    public String mailbox() {
        return mailbox;
    }

    /** The connection property configuring this endpoint ({@code GraphUrl}, {@code LoginUrl}). */
    public String endpointProperty() {
        return endpointProperty;
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }

    /** Collects the parts of a {@link TransportRequest}. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private final byte[] body;
        private boolean retrySafe;
        private String endpointProperty = "GraphUrl";
        private String mailbox;

        private Builder(String method, URI uri, byte[] body) {
            this.method = method;
            this.uri = requireNonNull(uri, "uri");
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("not an absolute URL: " + uri);
            }
            this.body = body;
        }

        /** Adds a header; a name given twice is sent twice. */
        public Builder header(String name, String value) {
            headers.add(Map.entry(requireNonNull(name, "name"), requireNonNull(value, "value")));
            return this;
        }

        /** Adds every header of the map, in its order. */
        public Builder headers(Map<String, String> more) {
            for (Map.Entry<String, String> e : more.entrySet()) {
                header(e.getKey(), e.getValue());
            }
            return this;
        }

        /** Declares whether the request may be repeated ({@link TransportRequest#retrySafe}). */
        public Builder retrySafe(boolean safe) {
            this.retrySafe = safe;
            return this;
        }

        /** Names the connection property that configures the endpoint, for error messages. */
        public Builder endpointProperty(String property) {
            this.endpointProperty = requireNonNull(property, "property");
            return this;
        }

        /**
         * Names the mailbox the request reads ({@code "me"} for the signed-in user's), so that
         * the transport keeps it within that mailbox's limits.
         */
        public Builder mailbox(String name) {
            this.mailbox = name;
            return this;
        }

        /** The request. */
        public TransportRequest build() {
            return new TransportRequest(this);
        }
    }
}
