package io.exchangejdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code exsql} launcher's class-data sharing archive, run on a checkout of its own: the
 * launcher script of the repository beside a stand-in jar (so that nothing is built), whose
 * program prints its arguments and the archive the JVM was given, and counts its
 * {@code --demo} (training) runs.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherArchiveTest {

    private static final String PROGRAM = """
            import java.lang.management.ManagementFactory;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;

            public class Main {
                public static void main(String[] args) throws Exception {
                    if (args.length > 0 && args[0].equals("--demo")) {
                        Files.writeString(Path.of(System.getenv("FAKE_DEMO_LOG")), "demo\\n",
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        if (System.getenv("FAKE_DEMO_FAILS") != null) {
                            System.err.println("the demo failed");
                            System.exit(1);
                        }
                        System.out.println("demo output");
                        return;
                    }
                    String archive = "none";
                    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                        if (a.startsWith("-XX:SharedArchiveFile=")) {
                            archive = Path.of(a.substring(a.indexOf('=') + 1))
                                    .getFileName().toString();
                        }
                    }
                    System.out.println("args=" + String.join(" ", args));
                    System.out.println("archive=" + archive);
                    System.err.println("stderr of " + String.join(" ", args));
                }
            }
            """;

    @TempDir
    Path root;

    private Path target;
    private Path jar;
    private Path demoLog;

    @BeforeEach
    void checkout() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(
                Path.of("/usr/bin/bash")), "bash is needed to run the launcher");
        // A dynamic archive extends the JDK's own, which some JDK builds do not ship.
        assumeTrue(Files.isRegularFile(Path.of(System.getProperty("java.home"), "lib", "server",
                "classes.jsa")), "this JDK has no default CDS archive");
        Path launcher = Path.of("..", "exsql").toAbsolutePath().normalize();
        Files.copy(launcher, root.resolve("exsql"));
        assertTrue(root.resolve("exsql").toFile().setExecutable(true));
        for (String module : List.of("driver", "emulator", "cli")) {
            Files.createDirectories(root.resolve(module));
        }
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        target = Files.createDirectories(root.resolve("cli/target"));
        jar = target.resolve("exsql.jar");
        demoLog = root.resolve("demo.log");
        writeJar(jar, "");
        // The sources are older than the jar, so the launcher builds nothing.
        Files.setLastModifiedTime(root.resolve("pom.xml"),
                FileTime.fromMillis(System.currentTimeMillis() - 600_000));
    }

    @Test
    void theFirstRunTrainsAnArchiveThatLaterRunsMap() throws Exception {
        Result first = exsql(Map.of(), "SELECT 1");
        assertEquals(0, first.exit, first.stderr);
        assertEquals("stderr of SELECT 1\n", first.stderr, "the program's, and nothing else");
        String archive = onlyArchive();
        assertEquals("args=SELECT 1\narchive=" + archive + "\n", first.stdout);
        assertEquals(1, demoRuns());
        assertTrue(archive.matches("exsql-cds-[0-9]+\\.jsa"), archive);

        // -Xshare:on after the launcher's options: the JVM fails unless it can map the archive.
        Result second = exsql(Map.of("EXSQL_JAVA_OPTS", "-Xshare:on"), "SELECT 2");
        assertEquals(0, second.exit, second.stderr);
        assertEquals("args=SELECT 2\narchive=" + archive + "\n", second.stdout);
        assertEquals("stderr of SELECT 2\n", second.stderr);
        assertEquals(1, demoRuns(), "the archive is trained once");
    }

    @Test
    void aRebuiltJarGetsANewArchive() throws Exception {
        assertEquals(0, exsql(Map.of(), "x").exit);
        String before = onlyArchive();
        writeJar(jar, "rebuilt");
        Files.setLastModifiedTime(jar,
                FileTime.fromMillis(System.currentTimeMillis() + 2_000));

        Result after = exsql(Map.of("EXSQL_JAVA_OPTS", "-Xshare:on"), "y");
        assertEquals(0, after.exit, after.stderr);
        String archive = onlyArchive();
        assertNotEquals(before, archive);
        assertEquals("args=y\narchive=" + archive + "\n", after.stdout);
        assertEquals(2, demoRuns());
    }

    @Test
    void exsqlCdsOffNeitherMakesNorUsesAnArchive() throws Exception {
        Result r = exsql(Map.of("EXSQL_CDS", "off"), "SELECT 1");
        assertEquals(0, r.exit, r.stderr);
        assertEquals("args=SELECT 1\narchive=none\n", r.stdout);
        assertEquals("stderr of SELECT 1\n", r.stderr);
        assertEquals(0, demoRuns());
        assertEquals(List.of("exsql.jar"), targetFiles());
    }

    @Test
    void aFailedTrainingIsRememberedAndTheRunGoesOn() throws Exception {
        Map<String, String> failing = Map.of("FAKE_DEMO_FAILS", "1");
        Result first = exsql(failing, "SELECT 1");
        assertEquals(0, first.exit, first.stderr);
        assertEquals("args=SELECT 1\narchive=none\n", first.stdout);
        assertEquals("stderr of SELECT 1\n", first.stderr,
                "the training's failure is not the user's output");
        Result second = exsql(failing, "SELECT 2");
        assertEquals("args=SELECT 2\narchive=none\n", second.stdout);
        assertEquals(1, demoRuns(), "no second training for the same jar");
        assertEquals(1, targetFiles().stream().filter(f -> f.endsWith(".jsa.failed")).count());
        assertTrue(targetFiles().stream().noneMatch(f -> f.endsWith(".jsa")));
    }

    @Test
    void concurrentFirstRunsLeaveOneWholeArchive() throws Exception {
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(start(Map.of(), "run " + i));
        }
        for (int i = 0; i < runs.size(); i++) {
            Result r = finish(runs.get(i));
            assertEquals(0, r.exit, r.stderr);
            assertEquals("stderr of run " + i + "\n", r.stderr);
            assertTrue(r.stdout.startsWith("args=run " + i + "\narchive="), r.stdout);
        }
        String archive = onlyArchive();
        assertEquals(List.of(archive, "exsql.jar"), targetFiles(), "no training file left");
        Result after = exsql(Map.of("EXSQL_JAVA_OPTS", "-Xshare:on"), "after");
        assertEquals(0, after.exit, after.stderr);
        assertEquals("args=after\narchive=" + archive + "\n", after.stdout);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private record Result(int exit, String stdout, String stderr) {
    }

    private Result exsql(Map<String, String> env, String sql) throws Exception {
        return finish(start(env, sql));
    }

    private Process start(Map<String, String> env, String sql) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("exsql").toString(), sql)
                .directory(root.toFile());
        Map<String, String> e = pb.environment();
        e.remove("EXSQL_CDS");
        e.remove("EXSQL_JAVA_OPTS");
        e.put("JAVA_HOME", System.getProperty("java.home"));
        e.put("TMPDIR", root.toString());
        e.put("FAKE_DEMO_LOG", demoLog.toString());
        e.putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
    }

    private static Result finish(Process p) throws Exception {
        // Read both streams on threads of their own, so that neither fills its pipe.
        var out = new java.util.concurrent.CompletableFuture<String>();
        var err = new java.util.concurrent.CompletableFuture<String>();
        new Thread(() -> read(p.getInputStream(), out)).start();
        new Thread(() -> read(p.getErrorStream(), err)).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
        return new Result(p.exitValue(), out.get(), err.get());
    }

    private static void read(java.io.InputStream in,
            java.util.concurrent.CompletableFuture<String> into) {
        try {
            into.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            into.completeExceptionally(e);
        }
    }

    private int demoRuns() throws IOException {
        return Files.exists(demoLog) ? Files.readAllLines(demoLog).size() : 0;
    }

    private List<String> targetFiles() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private String onlyArchive() throws IOException {
        List<String> archives = targetFiles().stream().filter(f -> f.endsWith(".jsa")).toList();
        assertEquals(1, archives.size(), "archives: " + archives);
        return archives.get(0);
    }

    /** A jar whose program is {@link #PROGRAM}, with an extra entry to tell builds apart. */
    private void writeJar(Path path, String build) throws IOException {
        Path src = Files.createDirectories(root.resolve("fake-src"));
        Path classes = Files.createDirectories(root.resolve("fake-classes"));
        Files.writeString(src.resolve("Main.java"), PROGRAM);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "a JDK with its compiler is needed");
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(),
                src.resolve("Main.java").toString()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Main");
        try (OutputStream file = Files.newOutputStream(path);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("Main.class"));
            out.write(Files.readAllBytes(classes.resolve("Main.class")));
            out.closeEntry();
            out.putNextEntry(new JarEntry("build.txt"));
            out.write(build.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
