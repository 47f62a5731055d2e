package io.exchangejdbc.graph;

import java.util.List;

/**
 * The ids of the rows the last INSERT run on this thread created, for
 * {@code Statement.getGeneratedKeys()}: the statement that ran it picks them up right after it
 * returns, on the same thread.
 */
public final class GeneratedIds {

    private static final ThreadLocal<List<String>> LAST = new ThreadLocal<>();

    private GeneratedIds() {
    }

    static void set(List<String> ids) {
        LAST.set(List.copyOf(ids));
    }

    /** Forgets what an earlier statement left; call before running a statement. */
    public static void clear() {
        LAST.remove();
    }

    /** The ids the last INSERT created (and forgets them); empty when there was none. */
    public static List<String> take() {
        List<String> ids = LAST.get();
        LAST.remove();
        return ids == null ? List.of() : ids;
    }
}
