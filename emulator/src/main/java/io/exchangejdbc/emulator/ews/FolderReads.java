package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.TaskList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The FindFolder operation (Shallow or Deep traversal below each parent, paged with
 * {@code m:IndexedPageFolderView}) and the GetFolder operation.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/findfolder-operation">FindFolder operation</a>
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getfolder-operation">GetFolder operation</a>
 */
final class FolderReads {

    private FolderReads() {
    }

    /** FindFolder. */
    static final class Find implements EwsOperation {
        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            String traversal = req.attr("Traversal", "");
            if (!traversal.equals("Shallow") && !traversal.equals("Deep")
                    && !traversal.equals("SoftDeleted")) {
                throw EwsException.schema("'" + traversal + "' is not a FolderQueryTraversal.");
            }
            FolderShape shape = FolderShape.of(req.required("FolderShape"));
            if (req.child("Restriction").isPresent()) {
                throw EwsException.of("ErrorUnsupportedQueryFilter",
                        "Restrictions on FindFolder are not supported by this server.");
            }
            XmlElement view = req.child("IndexedPageFolderView").orElse(null);
            w.start("m:ResponseMessages");
            for (XmlElement parentId : req.required("ParentFolderIds").children()) {
                EwsException error = null;
                List<Object> page = List.of();
                IndexedPage p = null;
                try {
                    List<Object> all = new ArrayList<>();
                    boolean leaf = ctx.calendar(parentId).isPresent()
                            || ctx.taskFolder(parentId).isPresent();
                    if (!leaf && !traversal.equals("SoftDeleted")) {
                        MailFolder parent = ctx.folder(parentId);
                        collect(parent, traversal.equals("Deep"), all);
                        if (parent.parent() == null) {
                            // The calendar and the Tasks folder hang below the root, as in
                            // Exchange, after the mail folders.
                            all.add(new EwsContext.CalendarRef(parent.mailbox(),
                                    parent.mailbox().calendars().defaultCalendar()));
                            all.add(parent.mailbox().tasks());
                        }
                    }
                    p = IndexedPage.of(view, all.size(), ctx.behaviour());
                    page = all.subList(p.start(), p.start() + p.count());
                } catch (EwsException e) {
                    if (e.isFault()) {
                        throw e;
                    }
                    error = e;
                }
                IndexedPage paging = p;
                List<Object> folders = page;
                ResponseMessages.write(w, "m:FindFolderResponseMessage", error, ok -> {
                    if (!ok) {
                        return;
                    }
                    w.start("m:RootFolder");
                    paging.writeAttributes(w);
                    w.start("t:Folders");
                    for (Object f : folders) {
                        if (f instanceof MailFolder m) {
                            shape.write(w, m);
                        } else if (f instanceof EwsContext.CalendarRef c) {
                            shape.writeCalendar(w, c);
                        } else {
                            shape.writeTasks(w, (TaskList) f);
                        }
                    }
                    w.end().end();
                });
            }
            w.end();
        }

        private static void collect(MailFolder parent, boolean deep, List<Object> out) {
            for (MailFolder c : FolderShape.visibleChildren(parent)) {
                out.add(c);
                if (deep) {
                    collect(c, true, out);
                }
            }
        }
    }

    /** GetFolder. */
    static final class Get implements EwsOperation {
        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            FolderShape shape = FolderShape.of(req.required("FolderShape"));
            w.start("m:ResponseMessages");
            for (XmlElement id : req.required("FolderIds").children()) {
                MailFolder f = null;
                EwsException error = null;
                try {
                    Optional<EwsContext.CalendarRef> calendar = ctx.calendar(id);
                    if (calendar.isPresent()) {
                        ResponseMessages.write(w, "m:GetFolderResponseMessage", null, ok -> {
                            w.start("m:Folders");
                            shape.writeCalendar(w, calendar.get());
                            w.end();
                        });
                        continue;
                    }
                    Optional<EwsContext.ContactsRef> contacts = ctx.contactFolder(id);
                    if (contacts.isPresent()) {
                        ResponseMessages.write(w, "m:GetFolderResponseMessage", null, ok -> {
                            w.start("m:Folders");
                            shape.writeContacts(w, contacts.get());
                            w.end();
                        });
                        continue;
                    }
                    Optional<TaskList> tasks = ctx.taskFolder(id);
                    if (tasks.isPresent()) {
                        ResponseMessages.write(w, "m:GetFolderResponseMessage", null, ok -> {
                            w.start("m:Folders");
                            shape.writeTasks(w, tasks.get());
                            w.end();
                        });
                        continue;
                    }
                    f = ctx.folder(id);
                } catch (EwsException e) {
                    if (e.isFault()) {
                        throw e;
                    }
                    error = e;
                }
                MailFolder found = f;
                ResponseMessages.write(w, "m:GetFolderResponseMessage", error, ok -> {
                    if (ok) {
                        w.start("m:Folders");
                        shape.write(w, found);
                        w.end();
                    }
                });
            }
            w.end();
        }
    }
}
