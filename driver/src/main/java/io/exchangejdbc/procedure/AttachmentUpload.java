package io.exchangejdbc.procedure;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.graph.GraphActions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Attaches one file to a message or an event the way Graph asks for its size: under 3 MB in one
 * {@code POST .../attachments} with the bytes in base64; from 3 MB through
 * {@code createUploadSession}, then {@code PUT}s of consecutive byte ranges to the session's
 * opaque URL, without the Graph token. Ranges are multiples of 320 KiB and at most 4 MB; the
 * last answer ({@code 201}) names the new attachment in its {@code Location} header.
 *
 * @see <a href="https://learn.microsoft.com/graph/outlook-large-attachments">Attach large files
 *     to Outlook messages or events</a>
 */
final class AttachmentUpload {

    /** Files from this size on go through an upload session. */
    static final long SESSION_THRESHOLD = 3L * 1024 * 1024;
    /** The size of each range: twelve times 320 KiB, under 4 MB. */
    static final int RANGE_SIZE = 12 * 320 * 1024;

    /** What was attached. */
    record Attached(String id, String name, long size, String method) {
    }

    private final GraphActions actions;

    AttachmentUpload(GraphActions actions) {
        this.actions = requireNonNull(actions, "actions");
    }

    /**
     * Attaches a file to the item at {@code itemPath} ({@code /users/u/messages/id}).
     */
    Attached attach(String itemPath, AttachmentInput file) throws SQLException {
        return file.size() < SESSION_THRESHOLD ? post(itemPath, file) : session(itemPath, file);
    }

    private Attached post(String itemPath, AttachmentInput file) throws SQLException {
        byte[] content = file.readAll();
        byte[] body = ActionJson.object(g -> {
            g.writeStringField("@odata.type", "#microsoft.graph.fileAttachment");
            g.writeStringField("name", file.name());
            g.writeStringField("contentType", file.contentType());
            g.writeStringField("contentBytes", Base64.getEncoder().encodeToString(content));
        });
        GraphActions.Reply r = actions.post(itemPath + "/attachments", body,
                "attachment of " + file.name());
        Map<String, Object> json = ActionJson.read(r.body(), "attachment of " + file.name());
        return new Attached(ActionJson.text(json, "id"), file.name(), content.length, "POST");
    }

    private Attached session(String itemPath, AttachmentInput file) throws SQLException {
        String what = "upload of " + file.name();
        byte[] body = ActionJson.object(g -> {
            g.writeObjectFieldStart("AttachmentItem");
            g.writeStringField("attachmentType", "file");
            g.writeStringField("name", file.name());
            g.writeNumberField("size", file.size());
            g.writeStringField("contentType", file.contentType());
            g.writeEndObject();
        });
        GraphActions.Reply created = actions.post(itemPath + "/attachments/createUploadSession",
                body, "upload session for " + file.name());
        Map<String, Object> session = ActionJson.read(created.body(), what);
        String url = ActionJson.text(session, "uploadUrl");
        if (url == null) {
            throw new SQLException("Microsoft Graph opened no upload session for "
                    + file.name() + " (no uploadUrl in its answer).", "08S01");
        }
        URI uploadUrl = URI.create(url);
        boolean done = false;
        try (InputStream in = file.open()) {
            long total = file.size();
            long offset = 0;
            byte[] buf = new byte[RANGE_SIZE];
            while (offset < total) {
                int n = (int) Math.min(RANGE_SIZE, total - offset);
                int read = in.readNBytes(buf, 0, n);
                if (read != n) {
                    throw new SQLException("The file " + file.name() + " changed while it was"
                            + " uploaded (it ended at " + (offset + read) + " bytes).", "58030");
                }
                byte[] chunk = n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
                GraphActions.Reply r = actions.uploadRange(uploadUrl, chunk, offset, total, what);
                offset += n;
                if (r.status() == 201 || offset >= total) {
                    done = true;
                    return new Attached(attachmentId(r.header("Location")), file.name(), total,
                            "UploadSession");
                }
                long next = nextExpected(r);
                if (next != offset) {
                    // Ranges go in order; a service asking for another one kept less than
                    // was sent, and the file is not attached.
                    throw new SQLException("The upload session of " + file.name()
                            + " expects byte " + next + " after " + offset + " bytes were sent;"
                            + " the file was not attached.", "08S01");
                }
            }
            throw new SQLException("The upload of " + file.name() + " ended without the"
                    + " service confirming the attachment.", "08S01");
        } catch (IOException e) {
            throw new SQLException("Cannot read the file " + file.name() + ": "
                    + e.getMessage(), "58030", e);
        } finally {
            if (!done) {
                actions.cancelUpload(uploadUrl);
            }
        }
    }

    private static long nextExpected(GraphActions.Reply r) throws SQLException {
        Map<String, Object> json = ActionJson.read(r.body(), "upload of a range");
        Object ranges = ActionJson.field(json, "nextExpectedRanges");
        if (ranges instanceof List<?> list && !list.isEmpty()) {
            String first = String.valueOf(list.get(0));
            int dash = first.indexOf('-');
            try {
                return Long.parseLong(dash < 0 ? first : first.substring(0, dash));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** The attachment id in a Location such as {@code .../Attachments('AAMk...=')}. */
    static String attachmentId(String location) {
        if (location == null) {
            return null;
        }
        String lower = location.toLowerCase(java.util.Locale.ROOT);
        int i = lower.lastIndexOf("attachments('");
        if (i < 0) {
            return null;
        }
        int start = i + "attachments('".length();
        int end = location.indexOf("')", start);
        if (end < 0) {
            return null;
        }
        return URLDecoder.decode(location.substring(start, end).replace("+", "%2B"),
                StandardCharsets.UTF_8);
    }
}
