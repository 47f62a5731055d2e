package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.auth.TokenProvider;
import io.exchangejdbc.http.HttpResult;
import io.exchangejdbc.http.Transport;
import io.exchangejdbc.http.TransportRequest;
import io.exchangejdbc.log.LogModule;
import io.exchangejdbc.log.Verbosity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.List;
import java.util.Map;

/**
 * The requests of Graph's actions (send, reply, move, attach, ...) on behalf of the stored
 * procedures: each goes once through the connection's transport with the bearer token and
 * {@code Prefer: IdType="ImmutableId"}, and its answer is read whole.
 *
 * <p>Actions change the mailbox, so they are never repeated after an answer that leaves it open
 * whether they were carried out (a lost connection, a timeout, a 5xx): the exception then says
 * that the action may have been applied and that it was not repeated. A refused token (401) is
 * renewed and the request sent once more, since the service did nothing with it; so is nothing
 * else.
 *
 * @see <a href="https://learn.microsoft.com/graph/errors">Microsoft Graph error responses</a>
 * @see <a href="https://learn.microsoft.com/graph/outlook-large-attachments">Attach large files
 *     to Outlook messages or events</a>
 */
public final class GraphActions {

    /** Error and JSON answers of actions are small; more than this is not read. */
    private static final int MAX_TEXT = 4 * 1024 * 1024;

    private final GraphClient client;
    private final Transport transport;
    private final TokenProvider tokens;

    /** Actions sent through a connection's Graph client. */
    public GraphActions(GraphClient client) {
        this.client = requireNonNull(client, "client");
        this.transport = client.transport();
        this.tokens = client.tokens();
    }

    /**
     * The answer of an action.
     *
     * @param status  HTTP status
     * @param headers response headers
     * @param body    the body (empty when there was none)
     */
    public record Reply(int status, Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header, any letter case, or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * The path prefix of a mailbox: {@code /users/{mailbox}}, or {@code /me} when none is named.
     *
     * @throws SQLException 42000 when no mailbox is named and the sign-in is an application's,
     *                      which has no mailbox of its own
     */
    public String mailboxPath(String mailbox, String procedure) throws SQLException {
        if (mailbox == null || mailbox.isBlank()) {
            if (tokens.applicationOnly()) {
                throw new SQLException(procedure + " acts on a mailbox, and an application"
                        + " sign-in (" + tokens + ") has none of its own: set the UserId"
                        + " connection property or give @UserId.", "42000");
            }
            return "/me";
        }
        return "/users/" + segment(mailbox.strip());
    }

    /** A path segment with everything but unreserved characters percent-encoded. */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** POSTs a JSON body (or none, when null) to {@code /v1.0 + path}. */
    public Reply post(String path, byte[] json, String action) throws SQLException {
        return send("POST", path, json, action);
    }

    /** DELETEs {@code /v1.0 + path}. */
    public Reply delete(String path, String action) throws SQLException {
        return send("DELETE", path, null, action);
    }

    /** GETs {@code /v1.0 + path} (safe to repeat; the transport retries it as reads are). */
    public Reply get(String path, String action) throws SQLException {
        return send("GET", path, null, action);
    }

    /**
     * GETs {@code /v1.0 + path} and copies the body to {@code out} as it arrives.
     *
     * @return the number of bytes copied
     */
    public long download(String path, OutputStream out, String action) throws SQLException {
        try (HttpResult r = exchange("GET", url(path), null, action, true)) {
            long n = 0;
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = r.body()) {
                int k;
                while ((k = in.read(buf)) > 0) {
                    try {
                        out.write(buf, 0, k);
                    } catch (IOException e) {
                        throw new SQLException("Cannot write the download of " + action + ": "
                                + e.getMessage(), "58030", e);
                    }
                    n += k;
                }
            } catch (IOException e) {
                throw r.readFailure(e);
            }
            return n;
        }
    }

    /**
     * PUTs one byte range of a file to an upload session's URL, without the bearer token: the URL
     * carries its own authorization, and the service refuses a request that adds one.
     */
    public Reply uploadRange(URI uploadUrl, byte[] chunk, long start, long total, String action)
            throws SQLException {
        TransportRequest.Builder b = TransportRequest.of("PUT", uploadUrl, chunk)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", "bytes " + start + "-" + (start + chunk.length - 1)
                        + "/" + total);
        return read(sendOnce(b.build(), action), action);
    }

    /** Cancels an upload session; failures are logged, not thrown (it expires anyway). */
    public void cancelUpload(URI uploadUrl) {
        try (HttpResult r = transport.send(TransportRequest.of("DELETE", uploadUrl, null)
                .build())) {
            client.log().log(LogModule.GRAPH, Verbosity.REQUESTS, "cancelled an upload session: "
                    + r.status());
        } catch (SQLException e) {
            client.log().log(LogModule.GRAPH, Verbosity.SUMMARY,
                    "could not cancel an upload session: " + e.getMessage());
        }
    }

    private URI url(String path) throws SQLException {
        try {
            return URI.create(client.graphUrl() + "/v1.0" + path);
        } catch (IllegalArgumentException e) {
            throw new SQLException("Cannot build the request URL for " + path + ": "
                    + e.getMessage(), "22023", e);
        }
    }

    private Reply send(String method, String path, byte[] json, String action)
            throws SQLException {
        return read(exchange(method, url(path), json, action, method.equals("GET")), action);
    }

    /** Sends with the token; a refused token is renewed and the request sent once more. */
    private HttpResult exchange(String method, URI uri, byte[] json, String action,
            boolean safe) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            TransportRequest.Builder b = TransportRequest.of(method, uri,
                    json == null && method.equals("POST") ? new byte[0] : json)
                    .header("Accept", "application/json")
                    .header("Prefer", "IdType=\"ImmutableId\"")
                    .mailbox(mailboxOf(uri));
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            String token = tokens.token();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResult r = safe ? transport.send(b.build()) : sendOnce(b.build(), action);
            if (r.status() == 401 && attempt == 0 && tokens.renewable()) {
                r.close();
                tokens.invalidate();
                continue;
            }
            if (!r.isSuccess()) {
                throw ActionErrors.toException(r, action, safe, tokens.rejectionAdvice(),
                        transport.redactor());
            }
            return r;
        }
    }

    /**
     * Sends a request that changes something, once: a failure after it may have reached the
     * service says so.
     */
    private HttpResult sendOnce(TransportRequest request, String action) throws SQLException {
        try {
            return transport.send(request);
        } catch (SQLException e) {
            String state = e.getSQLState();
            boolean ambiguous = "08S01".equals(state) || "HYT00".equals(state)
                    || e instanceof SQLTimeoutException;
            if (!ambiguous) {
                throw e;
            }
            SQLException wrapped = new SQLException(e.getMessage() + " The " + action
                    + " may have been carried out before the failure; the driver did not send it"
                    + " again. Check the mailbox before running it again.", state,
                    e.getErrorCode(), e);
            throw wrapped;
        }
    }

    private Reply read(HttpResult r, String action) throws SQLException {
        try (HttpResult result = r) {
            if (!result.isSuccess()) {
                throw ActionErrors.toException(result, action, false, tokens.rejectionAdvice(),
                        transport.redactor());
            }
            byte[] body;
            try (InputStream in = result.body()) {
                body = in.readNBytes(MAX_TEXT);
            } catch (IOException e) {
                throw result.readFailure(e);
            }
            return new Reply(result.status(), result.headers(), body);
        }
    }

    /** The mailbox a Graph path is about, for the per-mailbox limits; null for others. */
    private String mailboxOf(URI uri) {
        String path = uri.getRawPath();
        String base = "/v1.0/";
        int i = path.indexOf(base);
        if (i < 0) {
            return null;
        }
        String[] segs = path.substring(i + base.length()).split("/");
        if (segs.length >= 1 && segs[0].equals("me")) {
            return "me";
        }
        if (segs.length >= 2 && segs[0].equals("users")) {
            return java.net.URLDecoder.decode(segs[1], StandardCharsets.UTF_8);
        }
        return null;
    }
}
