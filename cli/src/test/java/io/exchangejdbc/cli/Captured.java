package io.exchangejdbc.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A print stream for tests whose text can be read back. */
final class Captured {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** The stream to print to. */
    PrintStream stream() {
        return stream;
    }

    /** Everything printed so far. */
    String text() {
        stream.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Everything printed so far, one element per line. */
    String[] lines() {
        return text().split("\r?\n", -1);
    }
}
