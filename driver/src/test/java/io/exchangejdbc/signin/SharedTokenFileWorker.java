package io.exchangejdbc.signin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The second process of {@link SharedTokenFileTest}: runs a query again and again on connections
 * that share a token file with the test's own process, and ends with 0 when every query returned
 * the expected number of rows.
 *
 * <p>Arguments: the connection string, the number of rounds, the expected number of rows.
 */
public final class SharedTokenFileWorker {

    private SharedTokenFileWorker() {
    }

    /** Runs the rounds; prints one line per failure and exits with 1 when any failed. */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rounds = Integer.parseInt(args[1]);
        int expected = Integer.parseInt(args[2]);
        int failures = 0;
        for (int i = 0; i < rounds; i++) {
            // A new connection now and then, as separate jobs would open.
            try (Connection c = DriverManager.getConnection(url)) {
                for (int j = 0; j < 5; j++) {
                    int n = SignInSupport.count(c, "SELECT id FROM Messages");
                    if (n != expected) {
                        System.out.println("round " + i + ": " + n + " rows");
                        failures++;
                    }
                    Thread.sleep(60);
                }
            } catch (SQLException e) {
                System.out.println("round " + i + ": " + e.getSQLState() + " "
                        + WebFlowTest.message(e));
                failures++;
            }
        }
        System.out.println("done " + failures);
        System.exit(failures == 0 ? 0 : 1);
    }
}
