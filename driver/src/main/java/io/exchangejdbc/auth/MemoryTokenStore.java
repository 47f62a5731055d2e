package io.exchangejdbc.auth;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token store in the memory of the JVM ({@code OAuthSettingsLocation=memory://name}): the
 * connections of one process that name the same store share its tokens, and nothing is written
 * to disk.
 */
final class MemoryTokenStore implements TokenStore {

    private static final Map<String, MemoryTokenStore> STORES = new ConcurrentHashMap<>();

    private final String name;
    private StoredTokens tokens;

    private MemoryTokenStore(String name) {
        this.name = name;
    }

    /** The store of that name, created empty on first use. */
    static MemoryTokenStore named(String name) {
        return STORES.computeIfAbsent(requireNonNull(name, "name"), MemoryTokenStore::new);
    }

    @Override
    public synchronized StoredTokens read() {
        return tokens;
    }

    @Override
    public synchronized StoredTokens update(Change change) throws SQLException {
        tokens = change.apply(tokens);
        return tokens;
    }

    @Override
    public String location() {
        return MEMORY_PREFIX + name;
    }

    @Override
    public String toString() {
        return "token store " + location();
    }
}
