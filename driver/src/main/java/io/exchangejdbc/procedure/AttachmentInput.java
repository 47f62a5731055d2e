package io.exchangejdbc.procedure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A file to attach, given to a procedure as a local path ({@code Attachments}, several separated
 * by {@code ;}) or as a name and its bytes ({@code AttachmentName}, {@code AttachmentContent}:
 * binary, or base64 text). Everything is checked before anything is sent: files must exist and
 * be readable, base64 must decode.
 *
 * @param name        the file name Graph shows
 * @param contentType the MIME type
 * @param size        the size in bytes
 * @param file        the local file, or null when the bytes were given
 * @param bytes       the bytes given, or null for a file
 */
record AttachmentInput(String name, String contentType, long size, Path file, byte[] bytes) {

    /** The largest file an upload session takes. */
    static final long MAX_SIZE = 150L * 1024 * 1024;

    /**
     * The attachments the arguments name, possibly none.
     *
     * @param typed whether the procedure's {@code ContentType} parameter gives the attachments'
     *              MIME type (else it is guessed from each name)
     */
    static List<AttachmentInput> from(Map<String, Object> args, String procedure,
            boolean typed) throws SQLException {
        List<AttachmentInput> out = new ArrayList<>();
        String contentType = typed ? (String) args.get("ContentType") : null;
        String paths = (String) args.get("Attachments");
        if (paths != null) {
            for (String raw : paths.split(";")) {
                String p = raw.strip();
                if (!p.isEmpty()) {
                    out.add(file(p, contentType, procedure));
                }
            }
        }
        Object content = args.get("AttachmentContent");
        String name = (String) args.get("AttachmentName");
        if (content != null || name != null) {
            if (content == null || name == null || name.isBlank()) {
                throw new SQLException(procedure + " needs AttachmentName and"
                        + " AttachmentContent together.", "42000");
            }
            byte[] bytes = bytes(content, procedure);
            out.add(new AttachmentInput(name.strip(), type(name, contentType), bytes.length,
                    null, bytes));
        }
        for (AttachmentInput a : out) {
            if (a.size > MAX_SIZE) {
                throw new SQLException("Attachment " + a.name + " has " + a.size + " bytes;"
                        + " Microsoft Graph attaches files of at most 150 MB.", "22001");
            }
        }
        return out;
    }

    private static AttachmentInput file(String path, String contentType, String procedure)
            throws SQLException {
        Path p;
        try {
            p = Paths.get(path);
        } catch (RuntimeException e) {
            throw new SQLException(procedure + ": '" + path + "' is not a file path.", "22023",
                    e);
        }
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new SQLException(procedure + ": the file '" + path + "' does not exist or"
                    + " cannot be read; Attachments takes paths of local files separated by"
                    + " ';'.", "22023");
        }
        try {
            String name = p.getFileName().toString();
            return new AttachmentInput(name, type(name, contentType), Files.size(p), p, null);
        } catch (IOException e) {
            throw new SQLException(procedure + ": cannot read the file '" + path + "': "
                    + e.getMessage(), "58030", e);
        }
    }

    private static byte[] bytes(Object content, String procedure) throws SQLException {
        if (content instanceof byte[] b) {
            return b;
        }
        // Line breaks of wrapped base64 are allowed; anything else outside the alphabet is not
        // (a lenient decoder would turn plain text into wrong bytes without a word).
        String text = content.toString().replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(text.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new SQLException(procedure + ": AttachmentContent is neither binary nor"
                    + " base64 text (" + e.getMessage() + ").", "22023", e);
        }
    }

    private static String type(String name, String given) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed != null ? guessed : "application/octet-stream";
    }

    /** Reads the whole content (for attachments sent in one request). */
    byte[] readAll() throws SQLException {
        if (bytes != null) {
            return bytes;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SQLException("Cannot read the file '" + file + "': " + e.getMessage(),
                    "58030", e);
        }
    }

    /** Opens the content as a stream (for attachments sent in ranges). */
    InputStream open() throws SQLException {
        if (bytes != null) {
            return new java.io.ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new SQLException("Cannot read the file '" + file + "': " + e.getMessage(),
                    "58030", e);
        }
    }
}
