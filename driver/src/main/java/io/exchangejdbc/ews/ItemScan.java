package io.exchangejdbc.ews;

import static io.exchangejdbc.ews.EwsNames.MESSAGES;
import static io.exchangejdbc.ews.EwsNames.TYPES;

import io.exchangejdbc.graph.ODataExpr;
import io.exchangejdbc.graph.RowCursor;
import io.exchangejdbc.graph.RowFilter;
import io.exchangejdbc.graph.SortKey;
import io.exchangejdbc.http.QueryControl;
import io.exchangejdbc.schema.Catalog;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import io.exchangejdbc.schema.FilterOp;
import io.exchangejdbc.schema.SchemaKind;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rows of a folder's items: FindItem pages ({@code IndexedPageItemView}, continued from each
 * answer's {@code IndexedPagingOffset} until {@code IncludesLastItemInRange}, short pages
 * included; {@code MaxEntriesReturned} bounded by the LIMIT) with the pushed filter as a
 * {@code Restriction} and ORDER BY as a {@code SortOrder}; then GetItem in batches for the
 * properties FindItem does not return. A Calendar query bounded by Start and End reads a
 * {@code CalendarView} instead, so recurring series come back as occurrences; the filter, order
 * and limit are then applied here, since a calendar view takes no restriction or sort.
 *
 * <p>FindItem pages are read one ahead: while the consumer takes the rows of a page, the next
 * one is requested, parsed and enriched on one of the client's page threads (never beyond the
 * LIMIT, nor after the last page); closing the scan abandons it.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-perform-paged-searches-by-using-ews-in-exchange">
 *     Perform paged searches by using EWS</a>
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-get-appointments-and-meetings-by-using-ews-in-exchange">
 *     Get appointments and meetings by using EWS</a>
 */
final class ItemScan implements RowCursor {

    private final EwsClient client;
    private final EwsQuery q;
    private final QueryControl control;
    private final EwsRequests.Folder folder;
    private final List<EwsField> findPaths;
    private final List<EwsField> getPaths;
    private final ItemReader reader;
    private final long[] window;
    private final RowFilter localFilter;
    private final int idSlot;
    private final Deque<Object[]> buffer = new ArrayDeque<>();
    private int offset;
    private long emitted;
    private long fetched;
    private boolean done;
    private Object[] current;
    /** The next FindItem page, read (and enriched) ahead while the consumer takes this one. */
    private Future<Page> ahead;

    ItemScan(EwsClient client, EwsQuery q, QueryControl control) {
        this.client = client;
        this.q = q;
        this.control = control;
        this.folder = EwsRequests.Folder.of(q.source.distinguishedId(), q.scope.sharedMailbox(),
                q.selector("ParentFolderId"));
        Catalog catalog = Catalog.of(SchemaKind.EWS);
        List<ColumnDef> listed = new ArrayList<>();
        List<ColumnDef> unlisted = new ArrayList<>();
        boolean all = client.settings().includeContent();
        for (ColumnDef c : q.columns) {
            if (c.nature() == ColumnNature.PSEUDO || c.name().equalsIgnoreCase("ItemId")
                    || c.equals(q.walkOnlyParent)) {
                continue;
            }
            if (catalog.isListed(q.table, c)) {
                listed.add(c);
                if (all) {
                    unlisted.add(c);
                }
            } else {
                unlisted.add(c);
            }
        }
        this.findPaths = EwsRequests.paths(listed);
        this.getPaths = EwsRequests.paths(unlisted);
        this.reader = new ItemReader(q.columns);
        this.idSlot = q.slot("ItemId");
        this.window = q.source.distinguishedId().equals("calendar")
                && q.selector("ParentFolderId") == null ? calendarWindow(q.rest) : null;
        this.localFilter = window != null && q.rest != null
                ? RowFilter.compile(q.rest, q.params, q::slot) : null;
    }

    /**
     * The [start, end] of a calendar view from the bounds of WHERE: a lower bound on Start or
     * End and an upper bound on Start or End; null when either is missing.
     */
    private long[] calendarWindow(ODataExpr rest) {
        Long from = null;
        Long to = null;
        for (ODataExpr e : EwsQuery.conjuncts(rest)) {
            if (!(e instanceof ODataExpr.Compare c)) {
                continue;
            }
            String col = c.column().name();
            if (!col.equalsIgnoreCase("Start") && !col.equalsIgnoreCase("End")) {
                continue;
            }
            Object v = c.value().resolve(q.params);
            if (v == null) {
                continue;
            }
            long t = io.exchangejdbc.graph.ODataValues.toEpochMillis(v);
            if (c.op() == FilterOp.GE || c.op() == FilterOp.GT || c.op() == FilterOp.EQ) {
                from = from == null ? t : Math.max(from, t);
            }
            if (c.op() == FilterOp.LE || c.op() == FilterOp.LT || c.op() == FilterOp.EQ) {
                to = to == null ? t : Math.min(to, t);
            }
        }
        return from == null || to == null ? null : new long[] {from, Math.max(from, to)};
    }

    @Override
    public boolean next() throws SQLException {
        while (buffer.isEmpty()) {
            if (done || (q.limit >= 0 && emitted >= q.limit)) {
                current = null;
                return false;
            }
            if (window != null) {
                readCalendarView();
            } else {
                readPage();
            }
        }
        current = q.project(buffer.poll());
        emitted++;
        return true;
    }

    /**
     * Takes the next FindItem page into the buffer: the one read ahead, or else one read now;
     * then, unless it was the last or the LIMIT is reached, starts reading the one after it on
     * another thread, so that requesting and parsing a page overlaps with the consumer's work.
     */
    private void readPage() throws SQLException {
        Page page;
        if (ahead != null) {
            page = await(ahead);
            ahead = null;
        } else {
            page = fetchPage(offset, fetched);
        }
        buffer.addAll(page.rows);
        fetched += page.rows.size();
        if (page.info.includesLast || page.rows.isEmpty()) {
            done = true;
        }
        offset = page.info.nextOffset >= 0 ? page.info.nextOffset : page.from + page.rows.size();
        if (!done && (q.limit < 0 || fetched < q.limit)) {
            int from = offset;
            long before = fetched;
            ahead = client.pageReaders().submit(() -> fetchPage(from, before));
        }
    }

    /** One FindItem page's rows, enriched, with what its answer says about paging. */
    private record Page(int from, List<Object[]> rows, PageInfo info) {
    }

    private Page await(Future<Page> pending) throws SQLException {
        try {
            return pending.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new SQLException("Reading the next FindItem page failed: " + cause, "HY000",
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            throw new SQLException("Interrupted while waiting for the next page.", "HY008", e);
        } catch (CancellationException e) {
            throw control.cancelledException("the read of the next FindItem page");
        }
    }

    /**
     * Reads the FindItem page at {@code from}, asking for no more than the LIMIT leaves after
     * {@code before} rows, and enriches it.
     */
    private Page fetchPage(int from, long before) throws SQLException {
        int max = client.settings().effectivePageSize();
        if (q.limit >= 0) {
            max = (int) Math.max(1, Math.min(max, q.limit - before));
        }
        int size = max;
        List<Object[]> page = new ArrayList<>();
        PageInfo info = client.call("FindItem", q.scope, true, w -> {
            w.writeStartElement(MESSAGES, "FindItem");
            w.writeAttribute("Traversal", "Shallow");
            EwsRequests.shape(w, "ItemShape", findPaths, null);
            w.writeEmptyElement(MESSAGES, "IndexedPageItemView");
            w.writeAttribute("MaxEntriesReturned", Integer.toString(size));
            w.writeAttribute("Offset", Integer.toString(from));
            w.writeAttribute("BasePoint", "Beginning");
            if (q.rest != null) {
                EwsRestriction.write(w, MESSAGES, q.rest, q.params);
            }
            writeSortOrder(w);
            w.writeStartElement(MESSAGES, "ParentFolderIds");
            folder.write(w);
            w.writeEndElement();
            w.writeEndElement();
        }, r -> readFindItem(r, page), control);
        enrich(page);
        return new Page(from, page, info);
    }

    private void writeSortOrder(javax.xml.stream.XMLStreamWriter w) throws XMLStreamException {
        if (q.orderBy.isEmpty()) {
            return;
        }
        w.writeStartElement(MESSAGES, "SortOrder");
        for (SortKey k : q.orderBy) {
            w.writeStartElement(TYPES, "FieldOrder");
            w.writeAttribute("Order", k.descending() ? "Descending" : "Ascending");
            EwsRestriction.fieldPath(w, k.column());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void readCalendarView() throws SQLException {
        List<Object[]> page = new ArrayList<>();
        client.call("FindItem", q.scope, true, w -> {
            w.writeStartElement(MESSAGES, "FindItem");
            w.writeAttribute("Traversal", "Shallow");
            EwsRequests.shape(w, "ItemShape", findPaths, null);
            w.writeEmptyElement(MESSAGES, "CalendarView");
            w.writeAttribute("StartDate", EwsValues.dateTime(window[0]));
            w.writeAttribute("EndDate", EwsValues.dateTime(window[1]));
            w.writeStartElement(MESSAGES, "ParentFolderIds");
            folder.write(w);
            w.writeEndElement();
            w.writeEndElement();
        }, r -> readFindItem(r, page), control);
        done = true;
        List<Object[]> kept = new ArrayList<>();
        for (Object[] row : page) {
            if (localFilter == null || localFilter.test(row)) {
                kept.add(row);
            }
        }
        if (!q.orderBy.isEmpty()) {
            kept.sort(comparator());
        }
        if (q.limit >= 0 && kept.size() > q.limit) {
            kept = new ArrayList<>(kept.subList(0, (int) q.limit));
        }
        enrich(kept);
        buffer.addAll(kept);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<Object[]> comparator() {
        Comparator<Object[]> result = null;
        for (SortKey k : q.orderBy) {
            int slot = q.slot(k.column());
            Comparator<Object[]> c = (a, b) -> {
                Comparable x = (Comparable) a[slot];
                Comparable y = (Comparable) b[slot];
                if (x == null || y == null) {
                    return x == null ? (y == null ? 0 : -1) : 1;
                }
                return x.compareTo(y);
            };
            if (k.descending()) {
                c = c.reversed();
            }
            result = result == null ? c : result.thenComparing(c);
        }
        return result;
    }

    /** What a FindItem answer says about paging. */
    private record PageInfo(int nextOffset, boolean includesLast) {
    }

    private PageInfo readFindItem(XMLStreamReader r, List<Object[]> page)
            throws XMLStreamException, SQLException {
        page.clear(); // a request sent again after its answer broke off starts the page over
        int[] next = {-1};
        boolean[] last = {false};
        SoapReader.messages(r, "FindItem", c -> {
            if (!c.getLocalName().equals("RootFolder")) {
                Xml.skip(c);
                return;
            }
            String o = Xml.attr(c, "IndexedPagingOffset");
            next[0] = o == null ? -1 : Integer.parseInt(o.strip());
            last[0] = "true".equals(Xml.attr(c, "IncludesLastItemInRange"));
            while (Xml.nextChild(c)) {
                if (c.getLocalName().equals("Items")) {
                    while (Xml.nextChild(c)) {
                        Object[] row = q.newRow();
                        reader.read(c, row);
                        page.add(row);
                    }
                } else {
                    Xml.skip(c);
                }
            }
        });
        return new PageInfo(next[0], last[0]);
    }

    /** Reads the properties FindItem does not return, with GetItem in batches. */
    private void enrich(List<Object[]> rows) throws SQLException {
        if (getPaths.isEmpty() || rows.isEmpty()) {
            return;
        }
        int batch = Math.max(1, client.settings().batchSize());
        for (int start = 0; start < rows.size(); start += batch) {
            List<Object[]> part = rows.subList(start, Math.min(rows.size(), start + batch));
            List<String> ids = new ArrayList<>();
            for (Object[] row : part) {
                ids.add((String) row[idSlot]);
            }
            String bodyType = client.settings().bodyType();
            client.call("GetItem", q.scope, true, w -> {
                w.writeStartElement(MESSAGES, "GetItem");
                EwsRequests.shape(w, "ItemShape", getPaths, bodyType);
                EwsRequests.itemIds(w, "ItemIds", ids);
                w.writeEndElement();
            }, r -> {
                int[] index = {0};
                SoapReader.messages(r, "GetItem", c -> {
                    if (!c.getLocalName().equals("Items")) {
                        Xml.skip(c);
                        return;
                    }
                    Object[] row = index[0] < part.size() ? part.get(index[0]) : null;
                    index[0]++;
                    while (Xml.nextChild(c)) {
                        if (row != null) {
                            reader.read(c, row);
                        } else {
                            Xml.skip(c);
                        }
                    }
                });
                return null;
            }, control);
        }
    }

    @Override
    public Object[] current() {
        return current;
    }

    @Override
    public void close() {
        done = true;
        buffer.clear();
        if (ahead != null) {
            ahead.cancel(true);
            ahead = null;
        }
    }
}
