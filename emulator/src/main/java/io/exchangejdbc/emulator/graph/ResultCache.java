package io.exchangejdbc.emulator.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small least-recently-used cache of filtered and sorted collections, keyed by mailbox version
 * and query, so that following {@code @odata.nextLink} through a large result filters and sorts
 * once instead of once per page. A change to the mailbox changes its version and so misses.
 */
final class ResultCache {

    private final Map<String, List<Object>> entries;

    ResultCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Object>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Returns the cached result for the key, computing it if absent. */
    List<Object> get(String key, Supplier<List<Object>> compute) {
        synchronized (entries) {
            List<Object> hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        // Computed outside the lock: two requests may both compute, which is harmless.
        List<Object> result = compute.get();
        synchronized (entries) {
            entries.put(key, result);
        }
        return result;
    }
}
