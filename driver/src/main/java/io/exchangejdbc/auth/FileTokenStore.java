package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token store in a JSON file ({@code OAuthSettingsLocation=/path/to/file}), safe to share
 * between connections and between processes.
 *
 * <ul>
 *   <li>Writes are atomic: the new content goes to a temporary file in the same folder, which
 *       then replaces the store by a rename, so a reader sees the old file or the new one, never a
 *       part of one.</li>
 *   <li>The file (and a folder the driver creates for it) is readable by its owner only where the
 *       file system has POSIX permissions.</li>
 *   <li>{@link #update} holds a lock on a sibling {@code .lock} file (and a lock in the JVM,
 *       because the operating system's file locks are per process) while it reads, changes and
 *       writes; another process refreshing at the same time waits and then sees the rotated
 *       refresh token instead of spending the old one.</li>
 * </ul>
 *
 * <p>The file holds {@code version}, {@code clientId}, {@code tenant}, {@code loginUrl},
 * {@code accessToken}, {@code refreshToken}, {@code obtainedAt} and {@code expiresAt} (seconds
 * since 1970). It can be copied to another machine and used there with
 * {@code InitiateOAuth=REFRESH}.
 */
final class FileTokenStore implements TokenStore {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final Path lockFile;

    FileTokenStore(Path file) {
        this.file = requireNonNull(file, "file").toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    @Override
    public StoredTokens read() throws SQLException {
        try {
            return parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw failure("read", e);
        }
    }

    @Override
    public StoredTokens update(Change change) throws SQLException {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        jvmLock.lock();
        try {
            createFolder();
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                StoredTokens current = read();
                StoredTokens next = change.apply(current);
                if (next != current && next != null) {
                    writeAtomically(next);
                }
                return next;
            }
        } catch (IOException e) {
            throw failure("lock or write", e);
        } finally {
            jvmLock.unlock();
        }
    }

    @Override
    public String location() {
        return file.toString();
    }

    private void createFolder() throws IOException {
        Path dir = file.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            if (POSIX) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
    }

    private void writeAtomically(StoredTokens tokens) throws IOException {
        FileAttribute<?>[] attrs = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                attrs);
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
                    JsonGenerator g = JSON.createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeNumberField("version", 1);
                g.writeStringField("clientId", tokens.clientId());
                g.writeStringField("tenant", tokens.tenant());
                g.writeStringField("loginUrl", tokens.loginUrl());
                g.writeStringField("accessToken", tokens.accessToken());
                g.writeStringField("refreshToken", tokens.refreshToken());
                if (tokens.obtainedAt() != null) {
                    g.writeNumberField("obtainedAt", tokens.obtainedAt().getEpochSecond());
                }
                if (tokens.expiresAt() != null) {
                    g.writeNumberField("expiresAt", tokens.expiresAt().getEpochSecond());
                }
                g.writeEndObject();
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private StoredTokens parse(byte[] content) throws SQLException {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_STRING) {
                    fields.put(name, p.getText());
                } else if (t == JsonToken.VALUE_NUMBER_INT) {
                    fields.put(name, p.getLongValue());
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // The parser's message may quote the content, which holds tokens: leave it out.
            throw new SQLException("The token file " + file + " (OAuthSettingsLocation) is not"
                    + " a token file of exchange-jdbc. Delete it, or point OAuthSettingsLocation"
                    + " to another file, and sign in again.", "28000");
        }
        if (!(fields.get("clientId") instanceof String client)
                || !(fields.get("tenant") instanceof String tenant)
                || !(fields.get("loginUrl") instanceof String login)) {
            throw new SQLException("The token file " + file + " (OAuthSettingsLocation) lacks"
                    + " clientId, tenant or loginUrl. Delete it and sign in again.", "28000");
        }
        return new StoredTokens(client, tenant, login, (String) fields.get("accessToken"),
                (String) fields.get("refreshToken"), instant(fields.get("obtainedAt")),
                instant(fields.get("expiresAt")));
    }

    private static Instant instant(Object seconds) {
        return seconds instanceof Long s ? Instant.ofEpochSecond(s) : null;
    }

    private SQLException failure(String what, IOException e) {
        return new SQLException("Could not " + what + " the token file " + file
                + " (OAuthSettingsLocation): " + e.getClass().getSimpleName()
                + (e.getMessage() != null ? " " + e.getMessage() : "") + ". Check that its"
                + " folder exists and is writable by this user.", "08001", e);
    }

    @Override
    public String toString() {
        return "token file " + file;
    }
}
