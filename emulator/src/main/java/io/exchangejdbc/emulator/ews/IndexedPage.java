package io.exchangejdbc.emulator.ews;

/**
 * The page an {@code m:IndexedPageItemView} (or {@code m:IndexedPageFolderView}) selects from a
 * result of {@code total} entries: {@code MaxEntriesReturned} from {@code Offset}, counted from
 * the {@code BasePoint} (Beginning or End), never more than the 1,000 entries a search holds;
 * with the attributes of the response's {@code RootFolder}.
 *
 * @param start the index of the first entry in the result's order
 * @param count the number of entries on the page
 * @param nextOffset the {@code IndexedPagingOffset} the client continues from
 * @param includesLast whether the page reaches the end of the range
 * @param total {@code TotalItemsInView}
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/indexedpageitemview">IndexedPageItemView</a>
 */
record IndexedPage(int start, int count, int nextOffset, boolean includesLast, int total) {

    /** The most entries one FindItem or FindFolder page holds (EWSFindCountLimit). */
    static final int MAX_ENTRIES = 1000;

    /** Computes the page of a view (null: the first {@value #MAX_ENTRIES}). */
    static IndexedPage of(XmlElement view, int total, EwsBehaviour behaviour) {
        int max = MAX_ENTRIES;
        int offset = 0;
        boolean fromEnd = false;
        if (view != null) {
            String m = view.attr("MaxEntriesReturned");
            if (m != null) {
                max = parse(m, "MaxEntriesReturned");
                if (max < 1) {
                    throw EwsException.of("ErrorInvalidPagingMaxRows",
                            "MaxEntriesReturned must be greater than zero.");
                }
                max = Math.min(max, MAX_ENTRIES);
            }
            offset = parse(view.attr("Offset", "0"), "Offset");
            if (offset < 0) {
                throw EwsException.schema("Offset must not be negative.");
            }
            String base = view.attr("BasePoint", "Beginning");
            if (!base.equals("Beginning") && !base.equals("End")) {
                throw EwsException.schema("'" + base + "' is not a BasePoint.");
            }
            fromEnd = base.equals("End");
        }
        int available = Math.max(0, total - offset);
        int count = behaviour.pageSize(max, available);
        int start = fromEnd ? Math.max(0, total - offset - count) : Math.min(offset, total);
        int next = offset + count;
        return new IndexedPage(start, count, next, next >= total, total);
    }

    private static int parse(String s, String what) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw EwsException.schema("'" + s + "' is not a valid " + what + ".");
        }
    }

    /** Writes the paging attributes of a {@code RootFolder} element just started. */
    void writeAttributes(EwsWriter w) {
        w.attr("IndexedPagingOffset", nextOffset).attr("TotalItemsInView", total)
                .attr("IncludesLastItemInRange", includesLast);
    }
}
