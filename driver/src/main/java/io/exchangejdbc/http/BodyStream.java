package io.exchangejdbc.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The body of a response as the consumer reads it: it counts the time the reader spends blocked
 * waiting for the network, so that the {@link Watchdog} can cut a stalled body once that time
 * exceeds what is left of the request's {@code Timeout}; and it keeps the beginning of the body for
 * the log when bodies are logged.
 *
 * <p>Only time blocked inside {@code read} counts: a consumer that takes its time between rows of a
 * page does not use up the request's budget.
 */
final class BodyStream extends InputStream {

    /** Thrown by a read that the watchdog cut because the body stalled past the deadline. */
    static final class StalledBodyException extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        StalledBodyException() {
            super("no data within the Timeout");
        }
    }

    private final InputStream in;
    private final long budgetNanos;
    private final LongSupplier nanoClock;
    private final Consumer<BodyStream> onClose;
    private final ByteArrayOutputStream capture;
    private final int captureLimit;
    private volatile long readingSince;
    private volatile long blockedNanos;
    private volatile boolean expired;
    private volatile boolean aborted;
    private final Runnable aborter = this::abort;
    private boolean closed;
    private long bytes;

    /**
     * @param budgetNanos  the longest total time reads may block; 0 or less for no limit
     * @param captureLimit bytes kept for the log; 0 keeps nothing
     * @param onClose      called once when the stream is closed
     */
    BodyStream(InputStream in, long budgetNanos, LongSupplier nanoClock, int captureLimit,
            Consumer<BodyStream> onClose) {
        this.in = in;
        this.budgetNanos = budgetNanos;
        this.nanoClock = nanoClock;
        this.onClose = onClose;
        this.captureLimit = captureLimit;
        this.capture = captureLimit > 0 ? new ByteArrayOutputStream() : null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (expired) {
            throw new StalledBodyException();
        }
        if (aborted) {
            throw new IOException("the read was aborted: the query was cancelled or timed out");
        }
        long start = nanoClock.getAsLong();
        readingSince = start == 0 ? 1 : start;
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            if (expired) {
                StalledBodyException stalled = new StalledBodyException();
                stalled.initCause(e);
                throw stalled;
            }
            throw e;
        } finally {
            blockedNanos += nanoClock.getAsLong() - start;
            readingSince = 0;
        }
        if (n > 0) {
            bytes += n;
            if (capture != null && capture.size() < captureLimit) {
                capture.write(b, off, Math.min(n, captureLimit - capture.size()));
            }
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    /** Whether a read has been blocked long enough to exceed the budget at {@code now}. */
    boolean overdue(long now) {
        long since = readingSince;
        return budgetNanos > 0 && since != 0 && blockedNanos + (now - since) > budgetNanos;
    }

    /** Cuts the body: the blocked read fails with {@link StalledBodyException}. */
    void expire() {
        expired = true;
        try {
            in.close();
        } catch (IOException e) {
            // The stream is being abandoned; the reader learns of it through its failed read.
        }
    }

    /**
     * Cuts the body because its query was cancelled or timed out: a blocked read fails at once.
     */
    void abort() {
        aborted = true;
        try {
            in.close();
        } catch (IOException e) {
            // The stream is being abandoned; the reader learns of it through its failed read.
        }
    }

    /** The action that {@link #abort() aborts} this body, one instance per body. */
    Runnable aborter() {
        return aborter;
    }

    /** Whether the body was {@link #abort() aborted}. */
    boolean aborted() {
        return aborted;
    }

    /** Whether the watchdog cut this body. */
    boolean expired() {
        return expired;
    }

    /** Bytes read so far. */
    long bytesRead() {
        return bytes;
    }

    /** The beginning of the body, as far as it was read and kept; empty when nothing is kept. */
    byte[] captured() {
        return capture == null ? new byte[0] : capture.toByteArray();
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            in.close();
        } finally {
            onClose.accept(this);
        }
    }
}
