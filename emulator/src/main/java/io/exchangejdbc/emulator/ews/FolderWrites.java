package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.MailFolder;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations that change folders: CreateFolder, UpdateFolder (the display name) and
 * DeleteFolder. Deleting takes the folder's subfolders and items with it whatever the
 * DeleteType, since the store keeps no recoverable items; distinguished folders cannot be
 * deleted.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/createfolder-operation">CreateFolder operation</a>
 */
final class FolderWrites {

    private FolderWrites() {
    }

    private static EwsException attempt(Runnable work) {
        try {
            work.run();
            return null;
        } catch (EwsException e) {
            if (e.isFault()) {
                throw e;
            }
            return e;
        }
    }

    private static void writeId(EwsWriter w, MailFolder f) {
        w.start("m:Folders").start("t:Folder").start("t:FolderId")
                .attr("Id", EwsIds.toEws(f.id())).attr("ChangeKey", EwsIds.folderChangeKey(f))
                .end().end().end();
    }

    private static void checkName(MailFolder parent, String name, MailFolder self) {
        if (name == null || name.isBlank()) {
            throw EwsException.of("ErrorFolderSavePropertyError",
                    "The folder needs a display name.");
        }
        for (MailFolder c : parent.children()) {
            if (c != self && c.displayName().equalsIgnoreCase(name)) {
                throw EwsException.of("ErrorFolderExists",
                        "A folder with the specified name already exists.");
            }
        }
    }

    /** CreateFolder. */
    static final class Create implements EwsOperation {
        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            MailFolder parent = ctx.folder(req.required("ParentFolderId").children().get(0));
            w.start("m:ResponseMessages");
            for (XmlElement folder : req.required("Folders").children()) {
                List<MailFolder> made = new ArrayList<>();
                EwsException error = attempt(() -> {
                    String name = folder.childText("DisplayName");
                    checkName(parent, name, null);
                    made.add(parent.mailbox().createFolder(parent, name));
                });
                ResponseMessages.write(w, "m:CreateFolderResponseMessage", error, ok -> {
                    if (ok) {
                        writeId(w, made.get(0));
                    }
                });
            }
            w.end();
        }
    }

    /** UpdateFolder. */
    static final class Update implements EwsOperation {
        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            w.start("m:ResponseMessages");
            for (XmlElement change : req.required("FolderChanges").children("FolderChange")) {
                List<MailFolder> done = new ArrayList<>();
                EwsException error = attempt(() -> {
                    MailFolder f = ctx.folder(change.children().get(0));
                    for (XmlElement u : change.required("Updates").children()) {
                        String uri = u.child("FieldURI").map(x -> x.attr("FieldURI"))
                                .orElse("");
                        if (!u.name().equals("SetFolderField")
                                || !uri.equals("folder:DisplayName")) {
                            throw EwsException.of("ErrorInvalidPropertySet",
                                    "Only folder:DisplayName can be set on this server.");
                        }
                        String name = u.required("Folder").childText("DisplayName");
                        if (f.wellKnown().isPresent()) {
                            throw EwsException.of("ErrorInvalidOperation",
                                    "A distinguished folder cannot be renamed.");
                        }
                        checkName(f.parent(), name, f);
                        f.mailbox().renameFolder(f, name);
                    }
                    done.add(f);
                });
                ResponseMessages.write(w, "m:UpdateFolderResponseMessage", error, ok -> {
                    if (ok) {
                        writeId(w, done.get(0));
                    }
                });
            }
            w.end();
        }
    }

    /** DeleteFolder. */
    static final class Delete implements EwsOperation {
        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            String type = req.attr("DeleteType");
            if (!"HardDelete".equals(type) && !"SoftDelete".equals(type)
                    && !"MoveToDeletedItems".equals(type)) {
                throw EwsException.schema("'" + type + "' is not a DeleteType.");
            }
            w.start("m:ResponseMessages");
            for (XmlElement id : req.required("FolderIds").children()) {
                EwsException error = attempt(() -> {
                    MailFolder f = ctx.folder(id);
                    if (f.wellKnown().isPresent() || f.parent() == null) {
                        throw EwsException.of("ErrorDeleteDistinguishedFolder",
                                "Distinguished folders cannot be deleted.");
                    }
                    f.mailbox().deleteFolder(f);
                });
                ResponseMessages.write(w, "m:DeleteFolderResponseMessage", error);
            }
            w.end();
        }
    }
}
