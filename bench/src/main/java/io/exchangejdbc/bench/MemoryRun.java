package io.exchangejdbc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * The memory benchmark's reader, run in its own small-heap JVM: streams {@code SELECT *} and
 * prints the rows read and, at regular checkpoints, the heap in use right after a collection, so
 * that growth with the result size would show.
 */
public final class MemoryRun {

    private MemoryRun() {
    }

    public static void main(String[] args) throws Exception {
        long checkpoint = Long.parseLong(args[1]);
        long rows = 0;
        StringBuilder heap = new StringBuilder();
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(args[0]);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM Messages")) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    rs.getObject(i);
                }
                if (++rows % checkpoint == 0) {
                    System.gc();
                    heap.append(heap.length() == 0 ? "" : ",").append(HeapProbe.used());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("rows=" + rows + " seconds=" + seconds + " heap=" + heap);
    }
}
