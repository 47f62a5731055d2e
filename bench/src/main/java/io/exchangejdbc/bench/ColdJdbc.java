package io.exchangejdbc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** A one-shot JDBC program for the cold-start benchmark: connect, read the first row, exit. */
public final class ColdJdbc {

    private ColdJdbc() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0]);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(args[1])) {
            if (!rs.next()) {
                throw new IllegalStateException("no row");
            }
            rs.getString(1);
        }
    }
}
