package io.exchangejdbc.log;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The file behind the {@code Logfile} property: lines appended in UTF-8 and flushed one by one, the
 * file renamed with a date-and-time suffix once it would exceed {@code MaxLogFileSize}, and the
 * oldest renamed files deleted beyond {@code MaxLogFileCount}.
 *
 * <p>Connections of one JVM that name the same file share one instance (counted references), so
 * that their lines do not interleave mid-line and only one of them rotates.
 */
final class RotatingLogFile {

    private static final Map<Path, RotatingLogFile> OPEN = new HashMap<>();

    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private static final Pattern SUFFIX_SHAPE = Pattern.compile("\\d{8}-\\d{6}-\\d{3}(-\\d+)?");

    private final Path path;
    private final long maxBytes;
    private final int maxCount;
    private final Clock clock;
    private OutputStream out;
    private long size;
    private int references;

    private RotatingLogFile(Path path, long maxBytes, int maxCount, Clock clock) {
        this.path = path;
        this.maxBytes = maxBytes;
        this.maxCount = maxCount;
        this.clock = clock;
    }

    /**
     * The shared appender of a file, opening it if this is its first user.
     *
     * @param maxBytes size at which the file is rotated
     * @param maxCount rotated files to keep; 0 or less keeps them all
     * @throws IOException when the file cannot be opened for appending
     */
    static RotatingLogFile acquire(Path path, long maxBytes, int maxCount, Clock clock)
            throws IOException {
        requireNonNull(path, "path");
        requireNonNull(clock, "clock");
        Path key = path.toAbsolutePath().normalize();
        synchronized (OPEN) {
            RotatingLogFile file = OPEN.get(key);
            if (file == null) {
                file = new RotatingLogFile(key, Math.max(1, maxBytes), maxCount, clock);
                file.open();
                OPEN.put(key, file);
            }
            file.references++;
            return file;
        }
    }

    /** Gives up one reference; the last one closes the file. */
    void release() {
        synchronized (OPEN) {
            references--;
            if (references > 0) {
                return;
            }
            OPEN.remove(path);
        }
        synchronized (this) {
            closeStream();
        }
    }

    /** The file written to. */
    Path path() {
        return path;
    }

    /**
     * Appends one line (a line break is added), rotating first when the line would take the file
     * past its maximum size.
     */
    synchronized void append(String line) throws IOException {
        byte[] bytes = (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        if (out == null) {
            open();
        }
        if (size > 0 && size + bytes.length > maxBytes) {
            rotate();
        }
        out.write(bytes);
        out.flush();
        size += bytes.length;
    }

    private void open() throws IOException {
        Path parent = path.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("the folder " + parent + " does not exist");
        }
        out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        size = Files.size(path);
    }

    private void rotate() throws IOException {
        closeStream();
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String stamp = SUFFIX.format(clock.instant());
        Path target = path.resolveSibling(base + "-" + stamp + ext);
        for (int n = 1; Files.exists(target); n++) {
            target = path.resolveSibling(base + "-" + stamp + "-" + n + ext);
        }
        Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        deleteOldest(base, ext);
        open();
    }

    private void deleteOldest(String base, String ext) throws IOException {
        if (maxCount <= 0) {
            return;
        }
        List<Path> rotated = new ArrayList<>();
        Path dir = path.toAbsolutePath().getParent();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                String n = p.getFileName().toString();
                if (n.length() > base.length() + 1 + ext.length() && n.startsWith(base + "-")
                        && n.endsWith(ext)) {
                    String middle = n.substring(base.length() + 1, n.length() - ext.length());
                    if (SUFFIX_SHAPE.matcher(middle).matches()) {
                        rotated.add(p);
                    }
                }
            }
        }
        // The suffix is a UTC time stamp (then a counter for files rotated in the same
        // millisecond), so this order is oldest first.
        rotated.sort(Comparator.comparing((Path p) -> stamp(p, base, ext))
                .thenComparingInt(p -> counter(p, base, ext)));
        for (int i = 0; i < rotated.size() - maxCount; i++) {
            Files.deleteIfExists(rotated.get(i));
        }
    }

    private static String stamp(Path p, String base, String ext) {
        String n = p.getFileName().toString();
        return n.substring(base.length() + 1, base.length() + 1 + 19);
    }

    private static int counter(Path p, String base, String ext) {
        String n = p.getFileName().toString();
        String middle = n.substring(base.length() + 1, n.length() - ext.length());
        return middle.length() > 19 ? Integer.parseInt(middle.substring(20)) : 0;
    }

    private void closeStream() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // The lines were flushed as they were written; nothing is lost by a failed close.
            }
            out = null;
        }
    }
}
