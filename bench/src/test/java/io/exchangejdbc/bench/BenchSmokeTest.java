package io.exchangejdbc.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness runs end to end at tiny sizes: every contender reads every row and the
 * results are written. It measures nothing; the figures come from the full run.
 */
class BenchSmokeTest {

    @Test
    void everyScenarioRunsAndWritesItsResults(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.json");
        BenchMain.main(new String[] {"--graph-rows", "1200", "--memory-rows", "300", "--runs",
            "1", "--mailboxes", "3", "--mailbox-rows", "250", "--mailbox-seconds", "1", "--ews-rows",
            "1100", "--out", out.toString()});
        String json = Files.readString(out);
        for (String contender : new String[] {"\"driver\"", "\"graph-sdk\"", "\"raw-floor\"",
            "cold plain JDBC", "driver -Xmx256m SELECT *"}) {
            assertTrue(json.contains(contender), contender + " missing in " + json);
        }
        // each reader of the Graph read scenario saw all 1200 messages, in 2 pages of 1000
        assertTrue(json.contains("\"contender\": \"driver\", \"rows\": 1200"), json);
        assertTrue(json.contains("\"contender\": \"graph-sdk\", \"rows\": 1200"), json);
        assertTrue(json.contains("\"contender\": \"raw-floor\", \"rows\": 1200"), json);
        // each reader of the EWS read scenario saw all 1100 Inbox items, in 2 FindItem pages
        assertTrue(json.contains("\"scenario\": \"ews-read\", \"contender\": \"driver\","
                + " \"rows\": 1100"), json);
        assertTrue(json.contains("\"contender\": \"ews-java-api\", \"rows\": 1100"), json);
        assertTrue(json.contains("\"scenario\": \"ews-read\", \"contender\": \"raw-floor\","
                + " \"rows\": 1100"), json);
        assertTrue(json.contains("\"rows\": 300"), "memory run streamed every row: " + json);
        // the throttled count over 3 mailboxes of 250 found every message and failed no query
        assertTrue(json.contains("\"rows\": 750"), json);
        assertTrue(json.contains("failed queries (goal 0)\": \"0\""), json);
    }
}
