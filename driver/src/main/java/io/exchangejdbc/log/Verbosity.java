package io.exchangejdbc.log;

/**
 * How much the driver's log records, as set by the {@code Verbosity} connection property; each
 * level includes everything of the levels below it.
 */
public enum Verbosity {
    /** Errors, and one summary line per query and per failed request. */
    SUMMARY(1),
    /** Also every HTTP request: method, URL (secrets masked), status, duration, request ids. */
    REQUESTS(2),
    /** Also the request and response headers, credentials masked. */
    HEADERS(3),
    /** Also the bodies, secrets masked and long bodies truncated. */
    BODIES(4),
    /** Everything, including transport detail: attempts, back-off, timeouts, token renewals. */
    TRANSPORT(5);

    private final int level;

    Verbosity(int level) {
        this.level = level;
    }

    /** The number used by the {@code Verbosity} property. */
    public int level() {
        return level;
    }

    /** The verbosity of a property value, clamped to 1..5. */
    public static Verbosity of(int level) {
        Verbosity[] all = values();
        return all[Math.max(1, Math.min(all.length, level)) - 1];
    }

    /** Whether a message of the given level is recorded at this verbosity. */
    public boolean includes(Verbosity message) {
        return message.level <= level;
    }
}
