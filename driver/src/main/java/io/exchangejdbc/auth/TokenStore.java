package io.exchangejdbc.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The place a connection keeps its OAuth tokens between connections ({@code
 * OAuthSettingsLocation}): a file ({@link FileTokenStore}) or a named store in the memory of the
 * JVM ({@code memory://name}, {@link MemoryTokenStore}).
 *
 * <p>Changes go through {@link #update}, which runs the change under an exclusive lock that other
 * connections and other processes sharing the store respect, on the tokens as they are at that
 * moment; so a refresh token rotated by one of them is seen, not overwritten, by the others.
 *
 * @see <a href="https://learn.microsoft.com/entra/identity-platform/refresh-tokens">Refresh
 *     tokens in the Microsoft identity platform</a>
 */
public interface TokenStore {

    /** The scheme of stores in memory. */
    String MEMORY_PREFIX = "memory://";

    /** A change of the stored tokens. */
    @FunctionalInterface
    interface Change {
        /**
         * The tokens to keep, given those kept now (null when none); returning the same object
         * keeps the store unchanged.
         */
        StoredTokens apply(StoredTokens current) throws SQLException;
    }

    /** The tokens kept now, or null when none. */
    StoredTokens read() throws SQLException;

    /** Runs a change under the store's lock and keeps its result; returns that result. */
    StoredTokens update(Change change) throws SQLException;

    /** Replaces the kept tokens. */
    default void write(StoredTokens tokens) throws SQLException {
        update(current -> tokens);
    }

    /** Where the tokens are kept, for messages (a path or a memory:// name). */
    String location();

    /**
     * The store of an {@code OAuthSettingsLocation}: {@code memory://name} or a file path; when
     * not set, a file of the user's own under {@code ~/.exchange-jdbc/tokens/}, one per
     * application, tenant and sign-in service.
     */
    static TokenStore open(String location, String clientId, String tenant, String loginUrl) {
        if (location != null && !location.isBlank()) {
            String l = location.strip();
            if (l.regionMatches(true, 0, MEMORY_PREFIX, 0, MEMORY_PREFIX.length())) {
                return MemoryTokenStore.named(l.substring(MEMORY_PREFIX.length()));
            }
            return new FileTokenStore(Path.of(l));
        }
        return new FileTokenStore(defaultFile(clientId, tenant, loginUrl));
    }

    /** The default token file of an application, tenant and sign-in service. */
    static Path defaultFile(String clientId, String tenant, String loginUrl) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((loginUrl + "|" + tenant + "|"
                    + clientId).toLowerCase(java.util.Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("user.home"), ".exchange-jdbc", "tokens",
                    HexFormat.of().formatHex(d, 0, 8) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
