package io.exchangejdbc.emulator.graph;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.exchangejdbc.emulator.http.Front;
import io.exchangejdbc.emulator.http.Request;
import io.exchangejdbc.emulator.http.Response;
import io.exchangejdbc.emulator.store.Attachment;
import io.exchangejdbc.emulator.store.Message;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opaque upload URLs of attachment upload sessions: {@code PUT} appends a byte range
 * ({@code Content-Range: bytes start-end/total}) and {@code DELETE} cancels the session. The URL
 * is pre-authenticated by the secret it carries; a request that also sends an
 * {@code Authorization} header is refused, as the service tells clients not to send one.
 *
 * <p>Ranges must come in order, each at most 4 MiB, and every range but the last a multiple of
 * 320 KiB. Each accepted range is answered 200 with the next expected range; the last one 201
 * with a {@code Location} header naming the new attachment.
 *
 * @see <a href="https://learn.microsoft.com/graph/outlook-large-attachments">Attach large files
 *     to Outlook messages or events</a>
 */
public final class UploadSessionFront implements Front {

    /** The largest range one request may carry. */
    static final int MAX_CHUNK = 4 * 1024 * 1024;
    /** Every range but the last is a multiple of this. */
    static final int CHUNK_UNIT = 320 * 1024;

    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    private final GraphFront graph;
    private final UploadSessions sessions;

    /** Creates the front over the sessions, answering errors in Graph's format. */
    public UploadSessionFront(GraphFront graph, UploadSessions sessions) {
        this.graph = requireNonNull(graph, "graph");
        this.sessions = requireNonNull(sessions, "sessions");
    }

    @Override
    public String name() {
        return "upload";
    }

    @Override
    public boolean serves(Request request) {
        List<String> segs = request.segments();
        return segs.size() == 3 && segs.get(0).equals(UploadSessions.PATH)
                && segs.get(1).equals("attachmentSessions");
    }

    @Override
    public boolean acceptsFaults() {
        return true;
    }

    @Override
    public void handle(Request request, Response response) throws IOException {
        try {
            if (request.header("Authorization") != null) {
                throw new GraphError(401, "InvalidAuthenticationToken", "The upload URL is"
                        + " pre-authenticated; requests to it must not carry an Authorization"
                        + " header.");
            }
            UploadSessions.Session s = sessions.find(request.segments().get(2))
                    .orElseThrow(() -> new GraphError(404, "ErrorItemNotFound",
                            "The upload session was not found or has expired."));
            if (!s.secret.equals(request.queryParam("authtoken"))) {
                throw new GraphError(401, "InvalidAuthenticationToken",
                        "The upload URL's authtoken is missing or wrong.");
            }
            switch (request.method()) {
                case "PUT":
                    put(request, response, s);
                    break;
                case "DELETE":
                    sessions.close(s);
                    response.sendEmpty(204);
                    break;
                default:
                    throw new GraphError(405, "Request_BadRequest", "The HTTP method '"
                            + request.method() + "' is not allowed on an upload session.");
            }
        } catch (GraphError e) {
            sendError(request, response, e.status(), e.code(), e.getMessage());
        }
    }

    private void put(Request request, Response response, UploadSessions.Session s)
            throws IOException {
        String header = request.header("Content-Range");
        Matcher m = header == null ? null : RANGE.matcher(header.strip());
        if (m == null || !m.matches()) {
            throw new GraphError(400, "InvalidContentRange", "The Content-Range header must"
                    + " read 'bytes start-end/total'.");
        }
        long start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        byte[] chunk = request.body();
        synchronized (s) {
            int expected = s.receivedCount();
            if (total != s.size) {
                throw new GraphError(400, "InvalidContentRange", "The total size " + total
                        + " differs from the size " + s.size + " given to createUploadSession.");
            }
            if (start != expected || end < start || end >= total) {
                throw new GraphError(416, "InvalidContentRange", "The range " + start + "-" + end
                        + " is not the next expected range " + expected + "-.");
            }
            long length = end - start + 1;
            if (length != chunk.length) {
                throw new GraphError(400, "InvalidContentRange", "The range announces " + length
                        + " bytes but the body has " + chunk.length + ".");
            }
            if (length > MAX_CHUNK) {
                throw new GraphError(413, "RequestEntityTooLarge", "A range may carry at most "
                        + MAX_CHUNK + " bytes.");
            }
            boolean last = end == total - 1;
            if (!last && length % CHUNK_UNIT != 0) {
                throw new GraphError(400, "InvalidContentRange", "Every range but the last must"
                        + " be a multiple of 320 KiB (" + CHUNK_UNIT + " bytes).");
            }
            s.append(chunk);
            if (!last) {
                try (JsonGenerator g = response.json(200, "application/json")) {
                    g.writeStartObject();
                    g.writeStringField("@odata.context", request.baseUrl()
                            + "/v1.0/$metadata#microsoft.graph.uploadSession");
                    g.writeStringField("expirationDateTime",
                            DateTimeFormatter.ISO_INSTANT.format(s.expires));
                    g.writeArrayFieldStart("nextExpectedRanges");
                    g.writeString(String.valueOf(end + 1));
                    g.writeEndArray();
                    g.writeEndObject();
                }
                return;
            }
            sessions.close(s);
            if (s.eventId != null) {
                String id = EventActionFront.attach(s.mailbox, s.eventId, Attachment.uploaded(
                        s.name, s.contentType, s.inline, s.bytes()));
                response.setHeader("Location", request.baseUrl() + "/v1.0/users('"
                        + s.mailbox.owner().id() + "')/events('" + enc(s.eventId)
                        + "')/attachments('" + enc(id) + "')");
                response.sendEmpty(201);
                return;
            }
            Message message = s.mailbox.message(s.messageId).orElseThrow(
                    GraphError::itemNotFound);
            String id = MailActionFront.attach(message, Attachment.uploaded(s.name,
                    s.contentType, s.inline, s.bytes()));
            response.setHeader("Location", request.baseUrl() + "/v1.0/users('"
                    + s.mailbox.owner().id() + "')/messages('" + enc(s.messageId)
                    + "')/attachments('" + enc(id) + "')");
            response.sendEmpty(201);
        }
    }

    private static String enc(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    @Override
    public void sendError(Request request, Response response, int status, String code,
            String message) throws IOException {
        graph.sendError(request, response, status, code, message);
    }
}
