package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.http.QueryControl;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The pages of a flat scan, read ahead: background readers request and parse the next pages
 * while the consumer works through the current one, and read several mailboxes in parallel
 * (their requests kept within each mailbox's limits by the transport's
 * {@link io.exchangejdbc.http.MailboxThrottle}).
 *
 * <p>Rows are handed over in chunks while a page streams in; a page whose answer breaks off is
 * requested again by its reader, which skips the rows already handed over, so that none is
 * returned twice or missed. At most {@code 2 + readers} chunks wait in memory, whatever the
 * size of the result. The readers stop
 * once the row limit is fetched, when the consumer {@link #close() closes} the feed, and when the
 * execution is cancelled.
 */
final class ReadAhead implements AutoCloseable {

    /**
     * Consecutive rows of one mailbox (and of one parent, when the collections of several are
     * read), in the service's order.
     *
     * @param route the value of the route column the rows were read under, or null
     */
    record Page(String mailbox, Object route, List<Object[]> rows) {
    }

    /** Where a {@link Unit} hands its rows. */
    interface Sink {
        /** Hands over rows; unwinds the unit when the feed has stopped. */
        void accept(String mailbox, Object route, List<Object[]> rows);

        /** Whether more rows are wanted: the feed runs and the row limit is not fetched. */
        boolean wanted();
    }

    /** One part of a scan read by one reader from start to end, such as one mailbox. */
    @FunctionalInterface
    interface Unit {
        void read(Sink sink) throws SQLException;
    }

    /**
     * Reads one page, giving its rows to {@code sink} in chunks as they are parsed, and returns
     * the page's next link (null on the last page).
     */
    @FunctionalInterface
    interface PageReader {
        String read(String mailbox, String url, Consumer<List<Object[]>> sink)
                throws SQLException;
    }

    /** Unwinds a reader whose consumer has gone. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    private static final Object MAILBOX_DONE = new Object();

    private final Deque<Unit> units;
    private final QueryControl control;
    private final long limit;
    private final int readers;
    private final BlockingQueue<Object> queue;
    private final AtomicLong fetched = new AtomicLong();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Future<?>[] tasks;
    private int mailboxesLeft;

    /**
     * Starts the readers of mailboxes.
     *
     * @param mailboxes the mailboxes to read, in order ({@code ""} for the signed-in user's)
     * @param firstUrl  the first page's URL of a mailbox
     * @param readers   how many mailboxes are read at once; 1 keeps the rows in mailbox order
     * @param limit     rows after which no further page is requested
     */
    ReadAhead(List<String> mailboxes, Function<String, String> firstUrl, PageReader reader,
            ExecutorService pool, int readers, long limit, QueryControl control) {
        this(units(mailboxes, firstUrl, reader), pool, readers, limit, control);
    }

    /**
     * Starts the readers of units.
     *
     * @param readers how many units are read at once; 1 keeps the rows in unit order
     * @param limit   rows after which no further page is requested
     */
    ReadAhead(List<Unit> units, ExecutorService pool, int readers, long limit,
            QueryControl control) {
        this.units = new ArrayDeque<>(units);
        this.control = requireNonNull(control, "control");
        this.limit = limit;
        this.mailboxesLeft = units.size();
        this.readers = Math.max(1, Math.min(readers, units.size()));
        this.queue = new ArrayBlockingQueue<>(2 + this.readers);
        this.tasks = new Future<?>[this.readers];
        for (int i = 0; i < this.readers; i++) {
            tasks[i] = pool.submit(this::readUnits);
        }
    }

    /** Each mailbox read from its first page, following the next links. */
    private static List<Unit> units(List<String> mailboxes, Function<String, String> firstUrl,
            PageReader reader) {
        requireNonNull(firstUrl, "firstUrl");
        requireNonNull(reader, "reader");
        List<Unit> out = new ArrayList<>(mailboxes.size());
        for (String mailbox : mailboxes) {
            out.add(sink -> {
                String url = firstUrl.apply(mailbox);
                while (url != null && sink.wanted()) {
                    url = reader.read(mailbox, url, rows -> sink.accept(mailbox, null, rows));
                }
            });
        }
        return out;
    }

    private final Sink sink = new Sink() {
        @Override
        public void accept(String mailbox, Object route, List<Object[]> rows) {
            fetched.addAndGet(rows.size());
            if (!offer(new Page(mailbox, route, rows))) {
                throw new Stopped();
            }
        }

        @Override
        public boolean wanted() {
            return !stopped.get() && fetched.get() < limit;
        }
    };

    private Unit nextUnit() {
        synchronized (units) {
            return units.poll();
        }
    }

    private void readUnits() {
        Unit unit;
        while (!stopped.get() && (unit = nextUnit()) != null) {
            try {
                unit.read(sink);
                if (!offer(MAILBOX_DONE)) {
                    return;
                }
            } catch (SQLException e) {
                offer(e);
                return;
            } catch (Stopped e) {
                return;
            } catch (RuntimeException e) {
                offer(e);
                return;
            }
        }
    }

    /** Puts an item in the queue, waiting for room; false when the feed stopped meanwhile. */
    private boolean offer(Object item) {
        try {
            while (!stopped.get()) {
                if (queue.offer(item, QueryControl.POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * The next page, or null when every mailbox has been read (or the row limit fetched).
     *
     * @throws SQLException a reader's failure, or HY008/HYT00 when the execution is cancelled or
     *                      times out while waiting
     */
    Page take() throws SQLException {
        try {
            while (mailboxesLeft > 0) {
                Object item = queue.poll(QueryControl.POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (item == null) {
                    control.check("waiting for the next page");
                    continue;
                }
                if (item == MAILBOX_DONE) {
                    mailboxesLeft--;
                    continue;
                }
                if (item instanceof SQLException e) {
                    throw e;
                }
                if (item instanceof RuntimeException e) {
                    throw e;
                }
                return (Page) item;
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the next page.", "HY008", e);
        }
    }

    /** Stops the readers: requests in flight are abandoned and no further page is requested. */
    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            for (Future<?> t : tasks) {
                t.cancel(true);
            }
            queue.clear();
        }
    }
}
