package io.exchangejdbc.emulator.ews;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What tests can make the EWS front do besides answering plainly: short pages (a FindItem or
 * FindFolder page with fewer items than asked for although more follow, which Exchange returns
 * now and then and clients must page through by {@code IndexedPagingOffset}) and
 * {@code ErrorServerBusy} with a {@code BackOffMilliseconds} hint for a given mailbox.
 */
public final class EwsBehaviour {

    private volatile int shortPageEvery;
    private final AtomicLong pagesServed = new AtomicLong();
    private final AtomicLong shortPages = new AtomicLong();
    private final Map<String, Busy> busy = new ConcurrentHashMap<>();

    private record Busy(long backOffMillis, int remaining) {
    }

    /**
     * Makes every {@code n}-th page that is not the last one short (0 turns short pages off, the
     * default); a short page holds two thirds of the entries asked for, at least one.
     */
    public void setShortPageEvery(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0");
        }
        this.shortPageEvery = n;
        pagesServed.set(0);
    }

    /** Returns how many short pages have been served. */
    public long shortPagesServed() {
        return shortPages.get();
    }

    /**
     * Returns how many entries a page gets that could hold {@code available} of {@code asked}
     * entries (fewer only when short pages are on and this page's turn has come).
     */
    int pageSize(int asked, int available) {
        int n = Math.min(asked, available);
        int every = shortPageEvery;
        if (every <= 0 || available <= asked) {
            return n;
        }
        if (pagesServed.incrementAndGet() % every == 0) {
            shortPages.incrementAndGet();
            return Math.max(1, asked * 2 / 3);
        }
        return n;
    }

    /**
     * Answers the next {@code times} requests for a mailbox (its SMTP address or user principal
     * name) with {@code ErrorServerBusy} and the given back-off hint.
     */
    public void serverBusy(String mailbox, long backOffMillis, int times) {
        busy.put(mailbox.toLowerCase(Locale.ROOT), new Busy(backOffMillis, times));
    }

    /** Returns the back-off of a busy answer due for one of the mailbox's names, or -1. */
    long takeBusy(String... names) {
        for (String name : names) {
            if (name == null) {
                continue;
            }
            String key = name.toLowerCase(Locale.ROOT);
            Busy[] taken = new Busy[1];
            busy.computeIfPresent(key, (k, b) -> {
                taken[0] = b;
                return b.remaining() <= 1 ? null : new Busy(b.backOffMillis(), b.remaining() - 1);
            });
            if (taken[0] != null) {
                return taken[0].backOffMillis();
            }
        }
        return -1;
    }
}
