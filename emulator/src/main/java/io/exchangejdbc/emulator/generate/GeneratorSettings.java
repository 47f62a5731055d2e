package io.exchangejdbc.emulator.generate;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * What the data generator makes: how many users and messages, from which seed, relative to which
 * instant. The same settings always produce the same data.
 *
 * @param seed the seed of all random choices
 * @param users the number of users (at least 1; the first is the demo user)
 * @param messagesPerUser the number of messages in each mailbox
 * @param messagesByUser per-user exceptions: user index to number of messages
 * @param baseInstant the "now" of the data; messages are dated in the months before it
 * @param historyDays how far back the messages go
 * @param tenantDomain the tenant's initial domain
 * @param tenantName the organization's name
 */
public record GeneratorSettings(long seed, int users, int messagesPerUser,
        Map<Integer, Integer> messagesByUser, Instant baseInstant, int historyDays,
        String tenantDomain, String tenantName) {

    /** The default "now" of generated data. */
    public static final Instant DEFAULT_BASE_INSTANT = Instant.parse("2026-12-01T09:00:00Z");

    /** Checks and copies the values. */
    public GeneratorSettings {
        if (users < 1) {
            throw new IllegalArgumentException("users < 1");
        }
        if (messagesPerUser < 0) {
            throw new IllegalArgumentException("messagesPerUser < 0");
        }
        if (historyDays < 1) {
            throw new IllegalArgumentException("historyDays < 1");
        }
        messagesByUser = Map.copyOf(messagesByUser);
        requireNonNull(baseInstant, "baseInstant");
        requireNonNull(tenantDomain, "tenantDomain");
        requireNonNull(tenantName, "tenantName");
    }

    /** Returns the default settings: seed 42, 5 users, 200 messages each, Contoso. */
    public static GeneratorSettings defaults() {
        return new GeneratorSettings(42, 5, 200, Map.of(), DEFAULT_BASE_INSTANT, 180,
                "contoso.onmicrosoft.com", "Contoso");
    }

    /** Returns the number of messages of the user with the given index. */
    public int messagesOf(int userIndex) {
        return messagesByUser.getOrDefault(userIndex, messagesPerUser);
    }
}
