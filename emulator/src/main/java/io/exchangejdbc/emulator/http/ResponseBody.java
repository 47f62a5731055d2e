package io.exchangejdbc.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Output stream of a response body that keeps small bodies in memory, to send them with a
 * {@code Content-Length}, and switches to chunked transfer once a body outgrows its buffer, so
 * large pages stream out without being held in memory. Either way the connection stays reusable.
 *
 * <p>In truncating mode (a fault) it keeps the whole body, declares its full length, sends half
 * and lets the server drop the connection. In withholding mode (also a fault) it sends nothing at
 * all: the request was served, but its answer never leaves.
 */
final class ResponseBody extends OutputStream {

    private static final int BUFFER = 64 * 1024;

    private final HttpExchange exchange;
    private final int status;
    private final boolean truncate;
    private final boolean withheld;
    private byte[] buffer = new byte[BUFFER];
    private int count;
    private OutputStream out;
    private boolean closed;
    private Runnable beforeEnd;
    private final Consumer<byte[]> capture;
    private final ByteArrayOutputStream captured;

    ResponseBody(HttpExchange exchange, int status, boolean truncate, boolean withheld,
            Consumer<byte[]> capture) {
        this.exchange = exchange;
        this.status = status;
        this.truncate = truncate;
        this.withheld = withheld;
        this.capture = capture;
        this.captured = capture == null ? null : new ByteArrayOutputStream();
    }

    /** Runs {@code action} once the body is complete, before its last bytes go out. */
    void beforeEnd(Runnable action) {
        this.beforeEnd = action;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("response body closed");
        }
        if (captured != null) {
            captured.write(b, off, len);
        }
        if (out != null) {
            out.write(b, off, len);
            return;
        }
        if (withheld) {
            return;
        }
        if (count + len > buffer.length) {
            if (!truncate) {
                exchange.sendResponseHeaders(status, 0);
                out = exchange.getResponseBody();
                out.write(buffer, 0, count);
                buffer = null;
                out.write(b, off, len);
                return;
            }
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + len));
        }
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    @Override
    public void flush() throws IOException {
        // Buffered bytes go out at close, so a small body keeps its Content-Length.
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (captured != null) {
            capture.accept(captured.toByteArray());
        }
        if (beforeEnd != null) {
            // Before, not after: a client that has read the whole answer may already be sending
            // its next request, which must not find this one still counted.
            beforeEnd.run();
        }
        if (withheld) {
            return;
        }
        if (out == null) {
            exchange.sendResponseHeaders(status, count == 0 ? -1 : count);
            out = exchange.getResponseBody();
            out.write(buffer, 0, truncate ? count / 2 : count);
            if (truncate) {
                out.flush();
            }
        }
        out.close();
    }
}
