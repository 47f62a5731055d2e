package io.exchangejdbc.procedure;

import io.exchangejdbc.graph.GraphActions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The attachment procedures of {@code Schema=MSGraph}: {@code AddAttachments},
 * {@code DeleteAttachment} and {@code DownloadAttachments}, for messages and events.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/message-post-attachments">Add
 *     attachment</a>
 * @see <a href="https://learn.microsoft.com/graph/api/attachment-delete">Delete attachment</a>
 * @see <a href="https://learn.microsoft.com/graph/api/attachment-get">Get attachment</a>
 */
final class AttachmentProcedures {

    private AttachmentProcedures() {
    }

    /** The three procedures. */
    static List<Procedure> all() {
        return List.of(new AddAttachments(), new DeleteAttachment(), new DownloadAttachments());
    }

    /** {@code AddAttachments}: one row per file attached. */
    private static final class AddAttachments extends MailboxProcedure {
        AddAttachments() {
            super("AddAttachments");
        }

        @Override
        List<Object[]> act(GraphActions actions, String mailbox, Map<String, Object> args)
                throws SQLException {
            String item = itemPath(mailbox, args);
            List<AttachmentInput> files = AttachmentInput.from(args, "AddAttachments", true);
            if (files.isEmpty()) {
                throw new SQLException("AddAttachments needs Attachments (local files) or"
                        + " AttachmentName with AttachmentContent.", "42000");
            }
            AttachmentUpload upload = new AttachmentUpload(actions);
            List<Object[]> rows = new ArrayList<>();
            for (AttachmentInput f : files) {
                AttachmentUpload.Attached a = upload.attach(item, f);
                rows.add(new Object[] {a.id(), a.name(), a.size(), a.method()});
            }
            return rows;
        }
    }

    /** {@code DeleteAttachment}. */
    private static final class DeleteAttachment extends MailboxProcedure {
        DeleteAttachment() {
            super("DeleteAttachment");
        }

        @Override
        List<Object[]> act(GraphActions actions, String mailbox, Map<String, Object> args)
                throws SQLException {
            String item = itemPath(mailbox, args);
            String id = text(args, "AttachmentId");
            actions.delete(item + "/attachments/" + GraphActions.segment(id),
                    "deletion of attachment " + id);
            return row(true);
        }
    }

    /** An attachment's metadata, as listed. */
    private record Listed(String id, String name, String contentType, long size) {
    }

    /** {@code DownloadAttachments}: files in a folder, or bytes in the result. */
    private static final class DownloadAttachments extends MailboxProcedure {
        private static final String SELECT = "$select=id,name,contentType,size";

        DownloadAttachments() {
            super("DownloadAttachments");
        }

        @Override
        List<Object[]> act(GraphActions actions, String mailbox, Map<String, Object> args)
                throws SQLException {
            String item = itemPath(mailbox, args);
            String only = text(args, "AttachmentId");
            String location = text(args, "DownloadLocation");
            boolean overwrite = flag(args, "Overwrite");
            Path folder = null;
            if (location != null) {
                folder = Paths.get(location);
                if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
                    throw new SQLException("DownloadLocation '" + location + "' is not a folder"
                            + " the driver can write to.", "22023");
                }
            }
            List<Listed> list = only != null ? List.of(one(actions, item, only))
                    : all(actions, item);
            List<Path> targets = new ArrayList<>();
            if (folder != null) {
                Set<String> taken = new HashSet<>();
                for (Listed a : list) {
                    Path target = folder.resolve(unique(fileName(a), taken));
                    if (Files.exists(target) && !overwrite) {
                        throw new SQLException("DownloadAttachments would replace " + target
                                + "; set Overwrite = true or choose another DownloadLocation."
                                + " Nothing was written.", "42000");
                    }
                    targets.add(target);
                }
            }
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Listed a = list.get(i);
                String path = item + "/attachments/" + GraphActions.segment(a.id()) + "/$value";
                String what = "download of attachment " + a.name();
                if (folder == null) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    actions.download(path, out, what);
                    byte[] bytes = out.toByteArray();
                    rows.add(new Object[] {a.id(), a.name(), a.contentType(),
                        (long) bytes.length, null, bytes});
                } else {
                    Path target = targets.get(i);
                    long n = write(actions, path, target, what);
                    rows.add(new Object[] {a.id(), a.name(), a.contentType(), n,
                        target.toString(), null});
                }
            }
            return rows;
        }

        /** Downloads into a temporary file beside the target, then moves it in place. */
        private static long write(GraphActions actions, String path, Path target, String what)
                throws SQLException {
            Path temp;
            try {
                temp = Files.createTempFile(target.getParent(), ".download-", ".part");
            } catch (IOException e) {
                throw new SQLException("Cannot write to " + target.getParent() + ": "
                        + e.getMessage(), "58030", e);
            }
            boolean moved = false;
            try {
                long n;
                try (OutputStream out = Files.newOutputStream(temp)) {
                    n = actions.download(path, out, what);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                moved = true;
                return n;
            } catch (IOException e) {
                throw new SQLException("Cannot write " + target + ": " + e.getMessage(),
                        "58030", e);
            } finally {
                if (!moved) {
                    try {
                        Files.deleteIfExists(temp);
                    } catch (IOException e) {
                        // A leftover .part file is harmless; the failure is what matters.
                    }
                }
            }
        }

        private static Listed one(GraphActions actions, String item, String id)
                throws SQLException {
            GraphActions.Reply r = actions.get(item + "/attachments/" + GraphActions.segment(id)
                    + "?" + SELECT, "reading of attachment " + id);
            return listed(ActionJson.read(r.body(), "reading of attachment " + id));
        }

        private static List<Listed> all(GraphActions actions, String item)
                throws SQLException {
            List<Listed> out = new ArrayList<>();
            String path = item + "/attachments?" + SELECT;
            while (path != null) {
                GraphActions.Reply r = actions.get(path, "listing of the attachments");
                Map<String, Object> page = ActionJson.read(r.body(),
                        "listing of the attachments");
                Object value = ActionJson.field(page, "value");
                if (value instanceof List<?> values) {
                    for (Object v : values) {
                        if (v instanceof Map<?, ?> m) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> o = (Map<String, Object>) m;
                            out.add(listed(o));
                        }
                    }
                }
                String next = ActionJson.text(page, "@odata.nextLink");
                path = next == null ? null : relative(next);
            }
            return out;
        }

        /** A next link as a path below {@code /v1.0}, as the actions take it. */
        private static String relative(String next) throws SQLException {
            int i = next.indexOf("/v1.0/");
            if (i < 0) {
                throw new SQLException("Microsoft Graph gave a next link outside /v1.0: "
                        + next, "08S01");
            }
            return next.substring(i + "/v1.0".length());
        }

        private static Listed listed(Map<String, Object> o) {
            Object size = ActionJson.field(o, "size");
            return new Listed(ActionJson.text(o, "id"), ActionJson.text(o, "name"),
                    ActionJson.text(o, "contentType"),
                    size instanceof Number n ? n.longValue() : -1);
        }

        /** The attachment's name as a file name of its own (no folders, nothing reserved). */
        private static String fileName(Listed a) {
            String n = a.name() == null || a.name().isBlank() ? "attachment" : a.name().strip();
            n = n.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
            if (n.equals(".") || n.equals("..")) {
                n = "attachment";
            }
            return n;
        }

        private static String unique(String name, Set<String> taken) {
            String candidate = name;
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String ext = dot > 0 ? name.substring(dot) : "";
            for (int k = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); k++) {
                candidate = stem + " (" + k + ")" + ext;
            }
            return candidate;
        }
    }
}
