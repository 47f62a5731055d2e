package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.exchangejdbc.emulator.Emulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's self-contained jar in a real JDBC client: sqlline, in its own JVM with nothing
 * on its class path but itself, its JLine and that jar, lists the tables and columns and runs a
 * query against an emulator started here.
 */
class SqllineTest {

    private static final long TIMEOUT_SECONDS = 60;

    @Test
    void sqllineListsTablesAndColumnsAndRunsAQuery(@TempDir Path dir)
            throws IOException, InterruptedException {
        try (Emulator emulator = Emulator.builder().seed(7).users(2).messagesPerUser(20).port(0)
                .build().start()) {
            Path script = dir.resolve("script.sql");
            Files.writeString(script, String.join("\n",
                    "!tables",
                    "!columns Messages",
                    "SELECT subject FROM Messages LIMIT 3;",
                    "!quit",
                    ""), StandardCharsets.UTF_8);
            Path log = dir.resolve("sqlline.out");
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classPath(),
                    "sqlline.SqlLine",
                    "-u", "jdbc:exchange:" + emulator.connectionString(),
                    // -n/-p would reach the driver as User/Password; without them sqlline must
                    // not stop to ask.
                    "--connectInteractionMode=notAskCredentials",
                    "--fastConnect=true",
                    "--color=false",
                    // Without a terminal sqlline takes the width as 0 and prints empty cells.
                    "--maxWidth=1000",
                    "--run=" + script);
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("sqlline did not finish in " + TIMEOUT_SECONDS + " s; it printed:\n"
                        + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
            assertTrue(Pattern.compile("(?m)^.*\\bMessages\\b.*\\bTABLE\\b.*$").matcher(output)
                    .find(), "!tables lists Messages:\n" + output);
            assertTrue(Pattern.compile("(?m)^.*\\bMessages\\b.*\\bsubject\\b.*$").matcher(output)
                    .find(), "!columns lists subject:\n" + output);
            assertTrue(output.contains("3 rows selected"), "the query's rows:\n" + output);
        }
    }

    /**
     * sqlline and its JLine modules from this test's class path, and the driver's
     * self-contained jar. The JLine bundle that exsql itself uses is left out: sqlline is built
     * against the separate JLine modules of its own version, and a bundle of another version
     * ahead of them on the path would shadow them.
     */
    private static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            boolean bundle = name.matches("jline-\\d.*\\.jar");
            if (name.contains("sqlline") || (name.contains("jline") && !bundle)) {
                entries.add(entry);
            }
        }
        assertTrue(entries.stream().anyMatch(e -> e.contains("sqlline")),
                "sqlline on the test class path: " + System.getProperty("java.class.path"));
        entries.add(driverJar().toString());
        return String.join(File.pathSeparator, entries);
    }

    private static Path driverJar() throws IOException {
        Path target = Path.of(System.getProperty("user.dir")).resolve("../driver/target")
                .normalize();
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> found =
                    Files.newDirectoryStream(target, "exchange-jdbc-*-all.jar")) {
                found.forEach(jars::add);
            }
        }
        assertEquals(1, jars.size(), "one self-contained driver jar in " + target
                + " (mvn package builds it): " + jars);
        return jars.get(0);
    }
}
