package io.exchangejdbc.emulator.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.emulator.store.Mailbox;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open attachment upload sessions of Graph's {@code createUploadSession}: for each, the item
 * it attaches to, the file announced (name, type, size), the secret its opaque upload URL
 * carries instead of a bearer token, and the bytes received so far.
 *
 * @see <a href="https://learn.microsoft.com/graph/outlook-large-attachments">Attach large files
 *     to Outlook messages or events</a>
 */
public final class UploadSessions {

    /** The path below which upload URLs live; they are not under {@code /v1.0}. */
    static final String PATH = "upload";

    /** How long a session stays open after it was created. */
    static final Duration LIFETIME = Duration.ofMinutes(15);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    /** Creates an empty registry using the given clock for expiry. */
    public UploadSessions(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** Opens a session for a file to attach to a message of a mailbox. */
    Session open(Mailbox mailbox, String messageId, String name, String contentType,
            boolean inline, int size) {
        return open(mailbox, messageId, null, name, contentType, inline, size);
    }

    /**
     * Opens a session for a file to attach to a message or (when {@code eventId} is given) an
     * event of a mailbox.
     */
    Session open(Mailbox mailbox, String messageId, String eventId, String name,
            String contentType, boolean inline, int size) {
        Session s = new Session(token(12), token(32), mailbox, messageId, name, contentType,
                inline, size, clock.instant().plus(LIFETIME));
        s.eventId = eventId;
        sessions.put(s.id, s);
        return s;
    }

    /** The open session with that id, unless it has expired. */
    Optional<Session> find(String id) {
        Session s = sessions.get(id);
        if (s != null && clock.instant().isAfter(s.expires)) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.ofNullable(s);
    }

    /** Forgets a session (completed or cancelled). */
    void close(Session s) {
        sessions.remove(s.id);
    }

    /** The number of sessions open now. */
    public int openCount() {
        return sessions.size();
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** One upload in progress; its bytes are appended under its own lock. */
    static final class Session {
        final String id;
        final String secret;
        final Mailbox mailbox;
        final String messageId;
        final String name;
        final String contentType;
        final boolean inline;
        final int size;
        final Instant expires;
        /** The event attached to, or null for a message. */
        volatile String eventId;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

        Session(String id, String secret, Mailbox mailbox, String messageId, String name,
                String contentType, boolean inline, int size, Instant expires) {
            this.id = id;
            this.secret = secret;
            this.mailbox = mailbox;
            this.messageId = messageId;
            this.name = name;
            this.contentType = contentType;
            this.inline = inline;
            this.size = size;
            this.expires = expires;
        }

        /** The upload URL of this session on an emulator at the given base URL. */
        String url(String baseUrl) {
            return baseUrl + "/" + PATH + "/attachmentSessions/" + id + "?authtoken=" + secret;
        }

        synchronized int receivedCount() {
            return received.size();
        }

        synchronized void append(byte[] chunk) {
            received.write(chunk, 0, chunk.length);
        }

        synchronized byte[] bytes() {
            return received.toByteArray();
        }
    }
}
