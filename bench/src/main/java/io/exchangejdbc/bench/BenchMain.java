package io.exchangejdbc.bench;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import io.exchangejdbc.emulator.Emulator;
import io.exchangejdbc.emulator.http.LoggedRequest;
import io.exchangejdbc.emulator.http.Throttling;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark run: starts the emulator, runs every scenario with the driver and its peers side
 * by side (alternating, after a warm-up), prints a table of medians and ratios with the goals,
 * and writes the same as JSON.
 *
 * <p>Usage: {@code java -jar bench/target/exchange-bench.jar [--graph-rows N] [--memory-rows N]
 * [--runs N] [--mailboxes N] [--mailbox-rows N] [--mailbox-seconds N] [--only-mailboxes]
 * [--ews-rows N] [--only-ews] [--only-graph] [--only-latency] [--out FILE]}, run from the
 * repository root (the cold-start scenario starts {@code ./exsql}).
 */
public final class BenchMain {

    private final int graphRows;
    private final int memoryRows;
    private final int runs;
    private final Path out;
    private final int mailboxes;
    private final int mailboxRows;
    private final int mailboxSeconds;
    private final boolean onlyMailboxes;
    private int ewsRows = 100_000;
    private boolean onlyEws;
    private boolean onlyLatency;
    private boolean onlyGraph;
    private final List<Measurement> measurements = new ArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();

    private BenchMain(int graphRows, int memoryRows, int runs, Path out, int mailboxes,
            int mailboxRows, int mailboxSeconds, boolean onlyMailboxes) {
        this.graphRows = graphRows;
        this.memoryRows = memoryRows;
        this.runs = runs;
        this.out = out;
        this.mailboxes = mailboxes;
        this.mailboxRows = mailboxRows;
        this.mailboxSeconds = mailboxSeconds;
        this.onlyMailboxes = onlyMailboxes;
    }

    public static void main(String[] args) throws Exception {
        int graphRows = 100_000;
        int memoryRows = 1_000_000;
        int runs = 5;
        Path out = Path.of("bench/target/bench-results.json");
        int mailboxes = 50;
        int mailboxRows = 2_000;
        int mailboxSeconds = 60;
        boolean onlyMailboxes = false;
        int ewsRows = 100_000;
        boolean onlyEws = false;
        boolean onlyLatency = false;
        boolean onlyGraph = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--graph-rows" -> graphRows = Integer.parseInt(args[++i]);
                case "--memory-rows" -> memoryRows = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--mailboxes" -> mailboxes = Integer.parseInt(args[++i]);
                case "--mailbox-rows" -> mailboxRows = Integer.parseInt(args[++i]);
                case "--mailbox-seconds" -> mailboxSeconds = Integer.parseInt(args[++i]);
                case "--only-mailboxes" -> onlyMailboxes = true;
                case "--ews-rows" -> ewsRows = Integer.parseInt(args[++i]);
                case "--only-ews" -> onlyEws = true;
                case "--only-latency" -> onlyLatency = true;
                case "--only-graph" -> onlyGraph = true;
                default -> throw new IllegalArgumentException("usage: exchange-bench"
                        + " [--graph-rows N] [--memory-rows N] [--runs N] [--mailboxes N]"
                        + " [--mailbox-rows N] [--mailbox-seconds N] [--only-mailboxes]"
                        + " [--ews-rows N] [--only-ews] [--only-graph] [--only-latency]"
                        + " [--out FILE]");
            }
        }
        BenchMain bench = new BenchMain(graphRows, memoryRows, runs, out, mailboxes, mailboxRows,
                mailboxSeconds, onlyMailboxes);
        bench.ewsRows = ewsRows;
        bench.onlyEws = onlyEws;
        bench.onlyLatency = onlyLatency;
        bench.onlyGraph = onlyGraph;
        bench.run();
    }

    private void run() throws Exception {
        if (onlyEws) {
            ewsRead();
            print();
            writeJson();
            return;
        }
        if (onlyLatency) {
            try (Emulator emu = Emulator.builder().seed(1).users(2).messagesForUser(0, 100)
                    .messagesForUser(1, 50).port(0).build().start()) {
                latency(emu);
            }
            print();
            writeJson();
            return;
        }
        if (onlyMailboxes) {
            manyMailboxes();
            print();
            writeJson();
            return;
        }
        try (Emulator emu = Emulator.builder().seed(1).users(2).messagesForUser(0, graphRows)
                .messagesForUser(1, 50).requestLogLimit(1_000_000).port(0).build().start()) {
            graphRead(emu);
            if (onlyGraph) {
                print();
                writeJson();
                return;
            }
            latency(emu);
        }
        ewsRead();
        memory();
        manyMailboxes();
        print();
        writeJson();
    }

    // ---- 1. Graph read -------------------------------------------------------------------

    private void graphRead(Emulator emu) throws Exception {
        String user = emu.demoUser().userPrincipalName();
        String token = emu.issueAppToken(emu.defaultClientId());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AuthenticationProvider auth =
                (request, context) -> request.headers.add("Authorization", "Bearer " + token);
        GraphServiceClient sdk = new GraphServiceClient(auth);
        sdk.getRequestAdapter().setBaseUrl(emu.graphUrl() + "/v1.0");
        String firstPage = GraphReaders.firstPage(emu.graphUrl(), user);
        Measurement driver = new Measurement("graph-read", "driver");
        Measurement peer = new Measurement("graph-read", "graph-sdk");
        Measurement floor = new Measurement("graph-read", "raw-floor");
        // Pages rendered once, in the warm-up, and then served as bytes: the emulator must not be
        // what limits the figures.
        emu.setPrerenderedPages(true);
        try (Connection c = DriverManager.getConnection("jdbc:exchange:"
                + emu.connectionString())) {
            List<Runnable> order = new ArrayList<>();
            for (int i = -1; i < runs; i++) {
                boolean warmup = i < 0;
                Contender[] contenders = {
                    () -> GraphReaders.driver(c),
                    () -> GraphReaders.sdk(sdk, user),
                    () -> GraphReaders.floor(http, token, firstPage)};
                Measurement[] targets = {driver, peer, floor};
                for (int k = 0; k < 3; k++) {
                    int j = Math.floorMod(i + k, 3); // rotate who goes first
                    measure(emu, contenders[j], warmup ? null : targets[j]);
                }
            }
            order.clear();
        } finally {
            emu.setPrerenderedPages(false);
        }
        figures.put("graph-read: pages served pre-rendered",
                Long.toString(emu.prerenderedHits()));
        measurements.add(driver);
        measurements.add(peer);
        measurements.add(floor);
        figures.put("graph-read: driver rows/s vs SDK (goal >= 2.0x)",
                ratio(driver.rowsPerSecond() / peer.rowsPerSecond()));
        figures.put("graph-read: raw floor rows/s vs driver (goal <= 1.2x)",
                ratio(floor.rowsPerSecond() / driver.rowsPerSecond()));
    }

    // ---- 2. EWS read ---------------------------------------------------------------------

    /**
     * One mailbox's Inbox read through FindItem paging by the driver, ews-java-api and a raw
     * floor. The emulator serves pre-rendered pages: a FindItem whose whole envelope it answered
     * before (in the warm-up) is answered from those bytes, so that the emulator is not what
     * limits the figures.
     */
    private void ewsRead() throws Exception {
        // About half of the generated messages land in the Inbox (the rest in other folders):
        // generate enough for the Inbox to hold at least ewsRows items.
        int generated = (int) Math.min(Integer.MAX_VALUE, (long) ewsRows * 2 + 1000);
        try (Emulator emu = Emulator.builder().seed(4).users(1).messagesForUser(0, generated)
                .requestLogLimit(1_000_000).port(0).build().start()) {
            io.exchangejdbc.emulator.store.User u = emu.demoUser();
            String user = u.userPrincipalName();
            String password = u.password();
            String ewsUrl = emu.ewsUrl();
            // The surplus goes to the Archive, so that the Inbox holds exactly ewsRows items.
            var mailbox = emu.store().mailbox(u.id());
            var inboxFolder = mailbox.folder(WellKnownFolder.INBOX);
            var archive = mailbox.folder(WellKnownFolder.ARCHIVE);
            List<io.exchangejdbc.emulator.store.Message> inInbox = mailbox.messages(inboxFolder);
            for (int k = ewsRows; k < inInbox.size(); k++) {
                mailbox.moveMessage(inInbox.get(k), archive);
            }
            long inbox = mailbox.messages(inboxFolder).size();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String authorization = EwsReaders.basic(user, password);
            Measurement driver = new Measurement("ews-read", "driver");
            Measurement peer = new Measurement("ews-read", "ews-java-api");
            Measurement floor = new Measurement("ews-read", "raw-floor");
            Contender sdk;
            String sdkFailure = null;
            try {
                var service = EwsReaders.service(ewsUrl, user, password);
                EwsReaders.sdk(service); // fails here, before the timed runs, if it cannot work
                sdk = () -> EwsReaders.sdk(service);
            } catch (Exception | LinkageError e) {
                sdkFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                System.err.println("ews-read: ews-java-api could not read the Inbox: "
                        + sdkFailure);
                sdk = null;
            }
            emu.setPrerenderedPages(true);
            try (Connection c = DriverManager.getConnection("jdbc:exchange:"
                    + EwsReaders.connectionString(ewsUrl, user, password))) {
                List<Contender> contenders = new ArrayList<>();
                List<Measurement> targets = new ArrayList<>();
                contenders.add(() -> EwsReaders.driver(c));
                targets.add(driver);
                if (sdk != null) {
                    contenders.add(sdk);
                    targets.add(peer);
                }
                contenders.add(() -> EwsReaders.floor(http, ewsUrl, authorization));
                targets.add(floor);
                int n = contenders.size();
                for (int i = -1; i < runs; i++) {
                    boolean warmup = i < 0;
                    for (int k = 0; k < n; k++) {
                        int j = Math.floorMod(i + k, n); // rotate who goes first
                        measureEws(emu, contenders.get(j), warmup ? null : targets.get(j));
                    }
                }
            } finally {
                emu.setPrerenderedPages(false);
            }
            figures.put("ews-read: items in the Inbox", Long.toString(inbox));
            figures.put("ews-read: pages served pre-rendered",
                    Long.toString(emu.prerenderedHits()));
            measurements.add(driver);
            if (sdk != null) {
                measurements.add(peer);
            }
            measurements.add(floor);
            figures.put("ews-read: driver rows/s vs ews-java-api (goal >= 2.0x)", sdk != null
                    ? ratio(driver.rowsPerSecond() / peer.rowsPerSecond())
                    : "n/a (ews-java-api failed: " + sdkFailure + ")");
            figures.put("ews-read: raw floor rows/s vs driver (goal <= 1.3x)",
                    ratio(floor.rowsPerSecond() / driver.rowsPerSecond()));
        }
    }

    /** As {@link #measure}, counting the EWS requests. */
    private void measureEws(Emulator emu, Contender contender, Measurement into)
            throws Exception {
        emu.clearRequestLog();
        HeapProbe.reset();
        long base = HeapProbe.used();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long rows = contender.read();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        long peak = Math.max(0, HeapProbe.peak() - base);
        long requests = 0;
        for (LoggedRequest r : emu.requestLog()) {
            if (r.path().startsWith("/EWS/")) {
                requests++;
            }
        }
        if (into != null) {
            into.add(seconds, rows, requests, peak);
            into.cpu(cpu);
        }
    }

    /** CPU time of the whole process (every thread), in nanoseconds; -1 where unknown. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    @FunctionalInterface
    private interface Contender {
        long read() throws Exception;
    }

    private void measure(Emulator emu, Contender contender, Measurement into) throws Exception {
        emu.clearRequestLog();
        HeapProbe.reset();
        long base = HeapProbe.used();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long rows = contender.read();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        long peak = Math.max(0, HeapProbe.peak() - base);
        long requests = 0;
        for (LoggedRequest r : emu.requestLog()) {
            if (r.path().startsWith("/v1.0/")) {
                requests++;
            }
        }
        if (into != null) {
            into.add(seconds, rows, requests, peak);
            into.cpu(cpu);
        }
    }

    // ---- 3. Latency ----------------------------------------------------------------------

    private void latency(Emulator emu) throws Exception {
        String url = "jdbc:exchange:" + emu.connectionString();
        String small = emu.store().users().get(1).userPrincipalName();
        String oneRow = "SELECT subject FROM Messages WHERE UserId = '" + small + "' LIMIT 1";
        // cold JVM to the first row, through exsql and through plain JDBC. ./exsql is run as a
        // user runs it: the launcher with its class-data archive and JVM options, so the figure
        // is what the user gets. Its first run makes the archive if the jar has none yet.
        File exsql = new File("exsql");
        if (exsql.canExecute()) {
            double first = run(List.of("./exsql", "-c", url, oneRow));
            Measurement start = new Measurement("latency", "cold exsql --version");
            Measurement cold = new Measurement("latency", "cold exsql one-shot");
            for (int i = 0; i < runs; i++) {
                start.add(run(List.of("./exsql", "--version")), 0, 0, 0);
                cold.add(run(List.of("./exsql", "-c", url, oneRow)), 1, 0, 0);
            }
            measurements.add(start);
            measurements.add(cold);
            figures.put("latency: first exsql run (makes the CDS archive if there is none)",
                    seconds(first));
            figures.put("latency: cold exsql --version (launcher and JVM start)",
                    seconds(start.medianSeconds()));
            double goal = 1.5;
            figures.put("latency: cold exsql one-shot (goal < 1.5 s)",
                    seconds(cold.medianSeconds()) + (cold.medianSeconds() < goal
                            ? " (goal met)" : " (goal missed)"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Measurement coldJdbc = new Measurement("latency", "cold plain JDBC");
        for (int i = 0; i < runs; i++) {
            coldJdbc.add(run(List.of(java, "-cp", cp, ColdJdbc.class.getName(), url, oneRow)), 1,
                    0, 0);
        }
        measurements.add(coldJdbc);
        figures.put("latency: cold plain JDBC one-shot (default JVM, no archive)",
                seconds(coldJdbc.medianSeconds()));
        // warm: the same one-page query repeated, prepared and not, beside the bare request
        String token = emu.issueAppToken(emu.defaultClientId());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest bare = HttpRequest.newBuilder(URI.create(emu.graphUrl() + "/v1.0/users/"
                + small + "/messages?$select=subject&$top=1")).header("Authorization",
                "Bearer " + token).header("Prefer", "IdType=\"ImmutableId\"").GET().build();
        int repeats = 300;
        List<Double> prepared = new ArrayList<>();
        List<Double> unprepared = new ArrayList<>();
        List<Double> httpOnly = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement(
                     "SELECT subject FROM Messages WHERE UserId = ? LIMIT 1")) {
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                ps.setString(1, small);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
                long t1 = System.nanoTime();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(oneRow)) {
                    rs.next();
                }
                long t2 = System.nanoTime();
                http.send(bare, HttpResponse.BodyHandlers.ofString()).body();
                long t3 = System.nanoTime();
                if (i >= repeats / 3) { // the first third warms up
                    prepared.add((t1 - t0) / 1e6);
                    unprepared.add((t2 - t1) / 1e6);
                    httpOnly.add((t3 - t2) / 1e6);
                }
            }
        }
        double p = Measurement.median(prepared);
        double u = Measurement.median(unprepared);
        double h = Measurement.median(httpOnly);
        figures.put("latency: warm prepared query, median", ms(p));
        figures.put("latency: warm unprepared query, median", ms(u));
        figures.put("latency: the bare HTTP request, median", ms(h));
        figures.put("latency: driver's own time per prepared query (goal < 2 ms)", ms(p - h));
        figures.put("latency: driver's own time per unprepared query", ms(u - h));
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    /** Runs a command to completion and returns its wall time in seconds. */
    private static double run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(command.get(0) + " failed (" + exit + "): " + output);
        }
        return seconds;
    }

    // ---- 5. Memory -----------------------------------------------------------------------

    private void memory() throws Exception {
        try (Emulator emu = Emulator.builder().seed(2).users(1).messagesForUser(0, memoryRows)
                .requestLogLimit(10).port(0).build().start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cp = System.getProperty("java.class.path");
            long checkpoint = Math.max(1, memoryRows / 10);
            Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", cp,
                    MemoryRun.class.getName(), "jdbc:exchange:" + emu.connectionString(),
                    Long.toString(checkpoint)).redirectErrorStream(true).start();
            String line;
            String result = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    process.getInputStream(), StandardCharsets.UTF_8))) {
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("rows=")) {
                        result = line;
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0 || result == null) {
                figures.put("memory: SELECT * of " + memoryRows + " rows with -Xmx256m",
                        "FAILED (exit " + exit + ")");
                return;
            }
            String[] parts = result.split(" ");
            long rows = Long.parseLong(parts[0].substring(5));
            double seconds = Double.parseDouble(parts[1].substring(8));
            String[] heap = parts[2].substring(5).split(",");
            long first = Long.parseLong(heap[0]);
            long max = 0;
            for (String h : heap) {
                max = Math.max(max, Long.parseLong(h));
            }
            Measurement m = new Measurement("memory", "driver -Xmx256m SELECT *");
            m.add(seconds, rows, 0, max);
            measurements.add(m);
            figures.put("memory: rows streamed with -Xmx256m", Long.toString(rows));
            figures.put("memory: heap after GC at the first / highest checkpoint (goal: flat)",
                    mb(first) + " / " + mb(max));
        }
    }

    // ---- 6. Many mailboxes under throttling -----------------------------------------------

    /**
     * Queries over many mailboxes against an emulator that throttles as Outlook does, with the
     * request budget per window scaled down so that the limits alone make a run last about
     * {@code mailboxSeconds}: each time is set beside the least the limits allow.
     */
    private void manyMailboxes() throws Exception {
        try (Emulator emu = Emulator.builder().seed(3).users(mailboxes)
                .messagesPerUser(mailboxRows).requestLogLimit(1_000_000).port(0).build()
                .start()) {
            long expected = (long) mailboxes * mailboxRows;
            // Pages of 100 so that counting takes enough requests for the budget to bite.
            try (Connection c = DriverManager.getConnection("jdbc:exchange:"
                    + emu.connectionString() + "Pagesize=100;")) {
                throttledRun(emu, c, "COUNT(*) IN (SELECT id FROM Users), pages of 100",
                        "SELECT COUNT(*) FROM Messages WHERE UserId IN (SELECT id FROM Users)",
                        expected);
            }
        }
    }

    private void throttledRun(Emulator emu, Connection c, String what, String sql,
            long expected) throws Exception {
        // Unthrottled first, to learn how many requests a mailbox needs.
        emu.setThrottling(Throttling.off());
        emu.clearRequestLog();
        count(c, sql);
        long messageRequests = 0;
        for (LoggedRequest r : emu.requestLog()) {
            if (r.path().startsWith("/v1.0/users/") && r.path().contains("/messages")) {
                messageRequests++;
            }
        }
        int perMailbox = (int) Math.max(1, (messageRequests + mailboxes - 1) / mailboxes);
        // About a dozen windows where the requests allow it, so that the last, partly used
        // window weighs little in the total.
        int budget = Math.max(1, perMailbox / 12);
        int windows = (perMailbox + budget - 1) / budget;
        // The first window's requests go at once: only the windows after it cost time.
        Duration window = Duration.ofMillis(mailboxSeconds * 1000L / Math.max(1, windows - 1));
        double bound = (windows - 1) * window.toMillis() / 1000.0;
        emu.setThrottling(Throttling.graphDefaults().withWindow(window).withBudget(budget));
        emu.resetThrottlingCounters();
        emu.clearRequestLog();
        long start = System.nanoTime();
        long rows = -1;
        int failed = 0;
        try {
            rows = count(c, sql);
            if (rows != expected) {
                failed++;
            }
        } catch (SQLException e) {
            failed++;
            System.err.println("many-mailboxes: the query failed: " + e.getMessage());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        emu.setThrottling(Throttling.off());
        Measurement m = new Measurement("mailboxes", what.length() > 28
                ? what.substring(0, 28) : what);
        m.add(seconds, Math.max(0, rows), emu.requestLog().size(), 0);
        measurements.add(m);
        String head = "many-mailboxes: " + what + ", " + mailboxes + " x " + mailboxRows;
        figures.put(head + ": time (" + budget + " requests per " + window.toMillis()
                + " ms per mailbox)", String.format(Locale.ROOT, "%.2f s", seconds));
        figures.put(head + ": lower bound (" + perMailbox + " requests per mailbox, "
                + windows + " windows, the first free)",
                String.format(Locale.ROOT, "%.2f s", bound));
        figures.put(head + ": time vs bound (goal <= 1.25x)", bound > 0
                ? ratio(seconds / bound) : "n/a (one window: the limits cost nothing)");
        figures.put(head + ": 429 answers", Long.toString(emu.throttledCount()));
        figures.put(head + ": most requests at once per mailbox (limit 4)",
                Integer.toString(emu.peakMailboxConcurrency()));
        figures.put(head + ": failed queries (goal 0)", Integer.toString(failed));
    }

    /** The count a {@code SELECT COUNT(*)} returns, or the number of rows of another query. */
    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (sql.startsWith("SELECT COUNT(*)")) {
                rs.next();
                return rs.getLong(1);
            }
            long n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    // ---- output --------------------------------------------------------------------------

    private void print() {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-12s %-28s %10s %12s %9s %9s %10s %10s%n", "scenario",
                "contender", "rows", "rows/s", "median s", "cpu s", "requests", "peak heap");
        for (Measurement m : measurements) {
            System.out.printf(Locale.ROOT, "%-12s %-28s %10d %12.0f %9.3f %9s %10d %10s%n",
                    m.scenario, m.contender, m.rows(), m.rowsPerSecond(), m.medianSeconds(),
                    Double.isNaN(m.medianCpuSeconds()) ? "-" : String.format(Locale.ROOT,
                            "%.3f", m.medianCpuSeconds()), m.requests(),
                    mb(m.medianPeakHeap()));
        }
        System.out.println();
        for (Map.Entry<String, String> e : figures.entrySet()) {
            System.out.printf(Locale.ROOT, "%-72s %s%n", e.getKey(), e.getValue());
        }
        System.out.println();
        System.out.println("runs per contender: " + runs + " (medians), after one warm-up each;"
                + " cpu s: CPU time of the whole process per run (emulator included); load"
                + " average at the end: " + loadAverage());
    }

    private void writeJson() throws Exception {
        StringBuilder sb = new StringBuilder("{\n  \"runs\": ").append(runs)
                .append(",\n  \"loadAverage\": ").append(quote(loadAverage()))
                .append(",\n  \"measurements\": [\n");
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            sb.append(String.format(Locale.ROOT, "    {\"scenario\": %s, \"contender\": %s,"
                    + " \"rows\": %d, \"rowsPerSecond\": %.1f, \"medianSeconds\": %.4f,"
                    + " \"requests\": %d, \"peakHeapBytes\": %d, \"medianCpuSeconds\": %s}%s%n",
                    quote(m.scenario), quote(m.contender), m.rows(), m.rowsPerSecond(),
                    m.medianSeconds(), m.requests(), m.medianPeakHeap(),
                    Double.isNaN(m.medianCpuSeconds()) ? "null" : String.format(Locale.ROOT,
                            "%.4f", m.medianCpuSeconds()),
                    i + 1 < measurements.size() ? "," : ""));
        }
        sb.append("  ],\n  \"figures\": {\n");
        int i = 0;
        for (Map.Entry<String, String> e : figures.entrySet()) {
            sb.append("    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()))
                    .append(++i < figures.size() ? ",\n" : "\n");
        }
        sb.append("  }\n}\n");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, sb.toString());
        System.out.println("written: " + out);
    }

    /** The system load average over the last minute, and the processors, as text. */
    private static String loadAverage() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%.2f on %d processors", os.getSystemLoadAverage(),
                os.getAvailableProcessors());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f ms", v);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }
}
