package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.TaskList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code m:FolderShape} of FindFolder and GetFolder, and the writing of a {@code t:Folder}
 * in the order of {@code t:BaseFolderType} then {@code t:FolderType}.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/foldershape">FolderShape</a>
 */
final class FolderShape {

    /** The folder FieldURIs served, in schema order. */
    static final List<String> ORDER = List.of("folder:FolderId", "folder:ParentFolderId",
            "folder:FolderClass", "folder:DisplayName", "folder:TotalCount",
            "folder:ChildFolderCount", "folder:UnreadCount");
    private static final Set<String> DEFAULT = Set.of("folder:FolderId", "folder:DisplayName",
            "folder:TotalCount", "folder:ChildFolderCount", "folder:UnreadCount");

    private final Set<String> wanted;

    private FolderShape(Set<String> wanted) {
        this.wanted = wanted;
    }

    /** Reads a folder shape. */
    static FolderShape of(XmlElement shape) {
        String base = shape.required("BaseShape").text();
        Set<String> w = new LinkedHashSet<>();
        w.add("folder:FolderId");
        switch (base) {
            case "IdOnly":
                break;
            case "Default":
                w.addAll(DEFAULT);
                break;
            case "AllProperties":
                w.addAll(ORDER);
                break;
            default:
                throw EwsException.schema("'" + base + "' is not a BaseShape.");
        }
        shape.child("AdditionalProperties").ifPresent(ap -> {
            for (XmlElement p : ap.children("FieldURI")) {
                w.add(p.attr("FieldURI", ""));
            }
        });
        return new FolderShape(w);
    }

    /** Writes a folder. */
    void write(EwsWriter w, MailFolder f) {
        Mailbox.Snapshot snap = f.mailbox().snapshot();
        w.start("t:Folder");
        for (String uri : ORDER) {
            if (!wanted.contains(uri)) {
                continue;
            }
            switch (uri) {
                case "folder:FolderId" -> w.start("t:FolderId").attr("Id", EwsIds.toEws(f.id()))
                        .attr("ChangeKey", EwsIds.folderChangeKey(f)).end();
                case "folder:ParentFolderId" -> w.start("t:ParentFolderId")
                        .attr("Id", EwsIds.toEws(f.parentFolderId())).end();
                case "folder:FolderClass" -> w.leaf("t:FolderClass", "IPF.Note");
                case "folder:DisplayName" -> w.leaf("t:DisplayName", f.displayName());
                case "folder:TotalCount" -> w.leaf("t:TotalCount", snap.totalItemCount(f));
                case "folder:ChildFolderCount" -> w.leaf("t:ChildFolderCount",
                        visibleChildren(f).size() + (f.parent() == null ? 2 : 0));
                default -> w.leaf("t:UnreadCount", snap.unreadItemCount(f));
            }
        }
        w.end();
    }

    /** Writes a calendar of the store as a {@code t:CalendarFolder}. */
    void writeCalendar(EwsWriter w, EwsContext.CalendarRef ref) {
        w.start("t:CalendarFolder");
        for (String uri : ORDER) {
            if (!wanted.contains(uri)) {
                continue;
            }
            switch (uri) {
                case "folder:FolderId" -> w.start("t:FolderId")
                        .attr("Id", EwsIds.toEws(ref.folder().id()))
                        .attr("ChangeKey", ref.folder().changeKey()).end();
                case "folder:ParentFolderId" -> w.start("t:ParentFolderId")
                        .attr("Id", EwsIds.toEws(ref.mailbox().root().id())).end();
                case "folder:FolderClass" -> w.leaf("t:FolderClass", "IPF.Appointment");
                case "folder:DisplayName" -> w.leaf("t:DisplayName", ref.folder().name());
                case "folder:TotalCount" -> w.leaf("t:TotalCount",
                        ref.mailbox().calendars().events(ref.folder()).size());
                case "folder:ChildFolderCount" -> w.leaf("t:ChildFolderCount", 0);
                default -> {
                    // Calendar folders have no unread count.
                }
            }
        }
        w.end();
    }

    /** Writes a mailbox's Tasks folder as a {@code t:TasksFolder}. */
    void writeTasks(EwsWriter w, TaskList list) {
        w.start("t:TasksFolder");
        for (String uri : ORDER) {
            if (!wanted.contains(uri)) {
                continue;
            }
            switch (uri) {
                case "folder:FolderId" -> w.start("t:FolderId")
                        .attr("Id", EwsIds.toEws(list.folderId())).end();
                case "folder:ParentFolderId" -> w.start("t:ParentFolderId")
                        .attr("Id", EwsIds.toEws(list.mailbox().root().id())).end();
                case "folder:FolderClass" -> w.leaf("t:FolderClass", "IPF.Task");
                case "folder:DisplayName" -> w.leaf("t:DisplayName", list.displayName());
                case "folder:TotalCount" -> w.leaf("t:TotalCount", list.tasks().size());
                case "folder:ChildFolderCount" -> w.leaf("t:ChildFolderCount", 0);
                default -> {
                    // Tasks folders have no unread count.
                }
            }
        }
        w.end();
    }

    /** Writes a contact folder as a {@code t:ContactsFolder}. */
    void writeContacts(EwsWriter w, EwsContext.ContactsRef ref) {
        w.start("t:ContactsFolder");
        for (String uri : ORDER) {
            if (!wanted.contains(uri)) {
                continue;
            }
            switch (uri) {
                case "folder:FolderId" -> w.start("t:FolderId")
                        .attr("Id", EwsIds.toEws(ref.folder().id())).end();
                case "folder:ParentFolderId" -> w.start("t:ParentFolderId")
                        .attr("Id", EwsIds.toEws(ref.folder().parentFolderId())).end();
                case "folder:FolderClass" -> w.leaf("t:FolderClass", "IPF.Contact");
                case "folder:DisplayName" -> w.leaf("t:DisplayName", ref.folder().displayName());
                case "folder:TotalCount" -> w.leaf("t:TotalCount",
                        ref.folder().contacts().size());
                case "folder:ChildFolderCount" -> w.leaf("t:ChildFolderCount",
                        ref.folder().children().size());
                default -> {
                    // Contact folders have no unread count.
                }
            }
        }
        w.end();
    }

    /** Returns the child folders that folder listings show. */
    static List<MailFolder> visibleChildren(MailFolder f) {
        return f.children().stream().filter(c -> !c.isHidden()).toList();
    }
}
