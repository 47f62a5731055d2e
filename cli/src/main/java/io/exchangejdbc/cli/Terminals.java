package io.exchangejdbc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Answers whether standard input is a terminal, without loading JLine, so that a one-shot or
 * piped run starts as fast as it can.
 */
final class Terminals {

    private Terminals() {
    }

    /**
     * Whether standard input is a terminal. Java's console needs standard output to be one
     * too, so on Linux the file behind descriptor 0 decides when output is redirected
     * ({@code exsql > out.txt} still gets a prompt).
     */
    static boolean stdinIsTerminal() {
        if (System.console() != null) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
                    || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
