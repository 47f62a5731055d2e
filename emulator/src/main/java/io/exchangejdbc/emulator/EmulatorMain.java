package io.exchangejdbc.emulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator on its own:
 * {@code java -jar exchange-emulator-all.jar --port N [--seed S] [--users U] [--messages M]
 * [--https]}.
 * Prints the JDBC URL that reaches it on standard output (one line, for scripts) and serves
 * until the process is stopped.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    /** Starts the emulator with the options given and waits until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        Emulator.Builder builder = Emulator.builder();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--port" -> builder.port(Integer.parseInt(value(args, ++i, arg)));
                    case "--seed" -> builder.seed(Long.parseLong(value(args, ++i, arg)));
                    case "--users" -> builder.users(Integer.parseInt(value(args, ++i, arg)));
                    case "--messages" -> builder.messagesPerUser(
                            Integer.parseInt(value(args, ++i, arg)));
                    case "--https" -> builder.https(true);
                    case "--help", "-h" -> {
                        usage(System.out);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
        } catch (IllegalArgumentException e) {
            usage(System.err);
            // an uncaught exception ends the program with a non-zero status
            throw new IllegalArgumentException("exchange-emulator: " + e.getMessage(), e);
        }
        Emulator emu = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emu.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        System.err.println("Exchange emulator serving Graph and identity at " + emu.baseUrl()
                + " for tenant " + emu.tenantDomain() + " (" + emu.tenantId() + ")");
        System.out.println("jdbc:exchange:" + emu.connectionString());
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar exchange-emulator-all.jar [--port N] [--seed S] "
                + "[--users U] [--messages M] [--https]");
        out.println("  --port N      port on 127.0.0.1 (default 0: any free port)");
        out.println("  --seed S      seed of the generated data (default 42)");
        out.println("  --users U     number of users (default 5)");
        out.println("  --messages M  messages per mailbox (default 200)");
        out.println("  --https       serve HTTPS with the bundled certificate for 127.0.0.1");
    }
}
