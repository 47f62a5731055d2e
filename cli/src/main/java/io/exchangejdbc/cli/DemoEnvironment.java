package io.exchangejdbc.cli;

import io.exchangejdbc.emulator.Emulator;
import java.util.Map;

/**
 * The sample Exchange that {@code exsql --demo} runs against: the emulator, started in this
 * process on a loopback port with a fixed seed, so every demo shows the same tenant, users and
 * messages. The shell connects to it as any client would, over HTTP with the service-principal
 * flow, so the demo exercises the real driver end to end.
 */
final class DemoEnvironment implements AutoCloseable {

    /** The data generator's seed; fixed so that the sample data is the same on every run. */
    static final long SEED = 42;
    /** How many users (mailboxes) the sample tenant has. */
    static final int USERS = 5;
    /** How many messages each sample mailbox holds. */
    static final int MESSAGES_PER_USER = 200;

    /** What the demo runs when it is given no SQL and no terminal to ask for some. */
    static final String SAMPLE_QUERY = "SELECT receivedDateTime, from_emailAddress_address,"
            + " subject, isRead FROM Messages ORDER BY receivedDateTime DESC LIMIT 10";

    private final Emulator emulator;

    private DemoEnvironment(Emulator emulator) {
        this.emulator = emulator;
    }

    /** Starts the emulator with the sample data. */
    static DemoEnvironment start() {
        return new DemoEnvironment(Emulator.builder()
                .seed(SEED)
                .users(USERS)
                .messagesPerUser(MESSAGES_PER_USER)
                .port(0)
                .build()
                .start());
    }

    /** The connection string that reaches the emulator, without the {@code jdbc:exchange:}. */
    String connectionString() {
        return emulator.connectionString();
    }

    /** One sentence on what was started and how the shell is connected to it. */
    String description() {
        Map<String, String> properties = ConnectionProperties.parse(connectionString());
        return "Started the Exchange emulator at " + emulator.baseUrl()
                + " (tenant " + emulator.tenantDomain() + ", " + USERS + " users, "
                + MESSAGES_PER_USER + " messages each); connected as app "
                + ConnectionProperties.get(properties, "OAuthClientId", "(none)")
                + " to the mailbox of "
                + ConnectionProperties.get(properties, "UserId", "the signed-in user")
                + " with AuthScheme="
                + ConnectionProperties.get(properties, "AuthScheme", "(default)") + ".";
    }

    @Override
    public void close() {
        emulator.close();
    }
}
