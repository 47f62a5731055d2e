package io.exchangejdbc.ews;

import static io.exchangejdbc.ews.EwsNames.MESSAGES;

import io.exchangejdbc.graph.RowCursor;
import io.exchangejdbc.graph.RowFilter;
import io.exchangejdbc.http.QueryControl;
import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.ColumnNature;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rows of the {@code Folders} table: FindFolder below {@code ParentFolderName} (a
 * distinguished folder, default {@code msgfolderroot}) or {@code ParentFolderId}, paged with
 * {@code IndexedPageFolderView}. {@code DirectoryRetrievalDepth} 0 reads one level (a shallow
 * traversal); otherwise a deep traversal is read and folders deeper than the depth are dropped
 * (-1 keeps every level). The filter is applied here, because a folder that fails it may still
 * be the way down to one that passes.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/findfolder-operation">
 *     FindFolder operation</a>
 */
final class FolderScan implements RowCursor {

    /** The distinguished folders ParentFolderName accepts. */
    static final Set<String> DISTINGUISHED = Set.of("inbox", "calendar", "contacts", "tasks",
            "sentitems", "deleteditems", "drafts", "outbox", "junkemail", "msgfolderroot",
            "root", "notes", "journal", "archivemsgfolderroot", "publicfoldersroot");

    private final EwsClient client;
    private final EwsQuery q;
    private final QueryControl control;
    private Deque<Object[]> rows;
    private Object[] current;

    FolderScan(EwsClient client, EwsQuery q, QueryControl control) {
        this.client = client;
        this.q = q;
        this.control = control;
    }

    @Override
    public boolean next() throws SQLException {
        if (rows == null) {
            rows = new ArrayDeque<>(readAll());
        }
        Object[] row = rows.poll();
        current = row == null ? null : q.project(row);
        return row != null;
    }

    private List<Object[]> readAll() throws SQLException {
        String name = q.selector("ParentFolderName");
        String parentId = q.selector("ParentFolderId");
        String distinguished = "msgfolderroot";
        if (name != null) {
            distinguished = name.strip().toLowerCase(Locale.ROOT);
            if (!DISTINGUISHED.contains(distinguished)) {
                throw new SQLException("ParentFolderName='" + name + "' is not a distinguished"
                        + " folder; use Inbox, Calendar, Contacts, Tasks, SentItems,"
                        + " DeletedItems, Drafts, Outbox, JunkEmail, MsgFolderRoot or Root, or"
                        + " give ParentFolderId.", "42000");
            }
        }
        EwsRequests.Folder parent = EwsRequests.Folder.of(distinguished,
                q.scope.sharedMailbox(), parentId);
        int depth = client.settings().folderDepth();
        boolean deep = depth != 0;
        List<ColumnDef> props = new ArrayList<>();
        for (ColumnDef c : q.columns) {
            if (c.nature() != ColumnNature.PSEUDO && !c.name().equalsIgnoreCase("FolderId")) {
                props.add(c);
            }
        }
        List<EwsField> paths = EwsRequests.paths(props);
        ItemReader reader = new ItemReader(q.columns);
        List<Object[]> all = new ArrayList<>();
        int offset = 0;
        int pageSize = client.settings().effectivePageSize();
        while (true) {
            int from = offset;
            List<Object[]> page = new ArrayList<>();
            int[] next = {-1};
            boolean[] last = {false};
            client.call("FindFolder", q.scope, true, w -> {
                w.writeStartElement(MESSAGES, "FindFolder");
                w.writeAttribute("Traversal", deep ? "Deep" : "Shallow");
                EwsRequests.shape(w, "FolderShape", paths, null);
                w.writeEmptyElement(MESSAGES, "IndexedPageFolderView");
                w.writeAttribute("MaxEntriesReturned", Integer.toString(pageSize));
                w.writeAttribute("Offset", Integer.toString(from));
                w.writeAttribute("BasePoint", "Beginning");
                w.writeStartElement(MESSAGES, "ParentFolderIds");
                parent.write(w);
                w.writeEndElement();
                w.writeEndElement();
            }, r -> {
                readFolders(r, reader, page, next, last);
                return null;
            }, control);
            all.addAll(page);
            if (last[0] || page.isEmpty()) {
                break;
            }
            offset = next[0] >= 0 ? next[0] : from + page.size();
        }
        if (deep && depth > 0) {
            all = withinDepth(all, depth);
        }
        List<Object[]> kept = new ArrayList<>();
        RowFilter filter = q.rest == null ? null : RowFilter.compile(q.rest, q.params, q::slot);
        for (Object[] row : all) {
            if (filter == null || filter.test(row)) {
                kept.add(row);
            }
        }
        if (q.limit >= 0 && kept.size() > q.limit) {
            kept = kept.subList(0, (int) q.limit);
        }
        return kept;
    }

    private void readFolders(XMLStreamReader r, ItemReader reader, List<Object[]> page,
            int[] next, boolean[] last) throws XMLStreamException, SQLException {
        page.clear(); // a request sent again after its answer broke off starts the page over
        SoapReader.messages(r, "FindFolder", c -> {
            if (!c.getLocalName().equals("RootFolder")) {
                Xml.skip(c);
                return;
            }
            String o = Xml.attr(c, "IndexedPagingOffset");
            next[0] = o == null ? -1 : Integer.parseInt(o.strip());
            last[0] = "true".equals(Xml.attr(c, "IncludesLastItemInRange"));
            while (Xml.nextChild(c)) {
                if (c.getLocalName().equals("Folders")) {
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
    }

    /** The folders at most {@code depth} levels below the top level. */
    private List<Object[]> withinDepth(List<Object[]> all, int depth) {
        int id = q.slot("FolderId");
        int parent = q.slot("ParentFolderId");
        Map<String, Object[]> byId = new HashMap<>();
        for (Object[] row : all) {
            byId.put((String) row[id], row);
        }
        List<Object[]> kept = new ArrayList<>();
        for (Object[] row : all) {
            int level = 0;
            Set<String> seen = new HashSet<>();
            Object[] at = row;
            while (at[parent] != null && byId.containsKey((String) at[parent])
                    && seen.add((String) at[parent])) {
                at = byId.get((String) at[parent]);
                level++;
            }
            if (level <= depth) {
                kept.add(row);
            }
        }
        return kept;
    }

    @Override
    public Object[] current() {
        return current;
    }

    @Override
    public void close() {
        rows = new ArrayDeque<>();
    }
}
