package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Mailbox;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.TaskItem;
import io.exchangejdbc.emulator.store.TaskList;
import io.exchangejdbc.emulator.store.WellKnownFolder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The operations that change messages: CreateItem (save, send, or send and keep a copy),
 * UpdateItem (set, append to and delete properties, with change-key conflict checks),
 * DeleteItem, SendItem, MoveItem and CopyItem; calendar items are updated and deleted through
 * {@link MeetingWrites}, which sends the meeting updates and cancellations. Each item of a
 * batch succeeds or fails on its own.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/createitem-operation-email-message">CreateItem (email message)</a>
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/updateitem-operation">UpdateItem operation</a>
 */
final class ItemWrites {

    private ItemWrites() {
    }

    private static final String[] ID_ONLY = {"item:ItemId"};

    private static void writeIds(EwsWriter w, List<Message> items) {
        for (Message m : items) {
            w.start("t:Message");
            MessageFields.byUri(ID_ONLY[0]).orElseThrow().writer().write(w, m, false);
            w.end();
        }
    }

    private static void writeTaskIds(EwsWriter w, List<TaskItem> tasks) {
        for (TaskItem t : tasks) {
            TaskItems.write(w, t, true, false);
        }
    }

    /** Runs per-item work, turning a non-fault error into that item's error message. */
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

    /** CreateItem for messages. */
    static final class Create implements EwsOperation {
        @Override
        public boolean itemsRequired() {
            return true;
        }

        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            String disposition = req.attr("MessageDisposition");
            XmlElement savedId = req.child("SavedItemFolderId")
                    .map(s -> s.children().get(0)).orElse(null);
            w.start("m:ResponseMessages");
            for (XmlElement item : req.required("Items").children()) {
                List<Message> created = new ArrayList<>();
                List<TaskItem> createdTasks = new ArrayList<>();
                List<EventInstance> createdEvents = new ArrayList<>();
                EwsException error = attempt(() -> {
                    if (item.name().equals("CalendarItem")) {
                        EwsContext.CalendarRef target = savedId == null
                                ? new EwsContext.CalendarRef(ctx.ownMailbox(),
                                        ctx.ownMailbox().calendars().defaultCalendar())
                                : ctx.calendar(savedId).orElseThrow(() -> EwsException.of(
                                        "ErrorInvalidFolderId", "Calendar items can be saved "
                                                + "in a calendar only."));
                        createdEvents.add(EventInstance.of(CalendarItems.create(ctx, item,
                                target, req.attr("SendMeetingInvitations",
                                        "SendToAllAndSaveCopy"))));
                        return;
                    }
                    if (item.name().equals("Task")) {
                        TaskList list = savedId == null ? ctx.ownMailbox().tasks()
                                : ctx.taskFolder(savedId).orElseThrow(() -> EwsException.of(
                                        "ErrorInvalidFolderId", "Tasks can be saved in a "
                                                + "Tasks folder only."));
                        TaskItem.Builder b = TaskItem.builder(ctx.clock().instant());
                        TaskItems.fill(b, item);
                        createdTasks.add(list.add(b));
                        return;
                    }
                    MailFolder saved = savedId == null ? null : ctx.folder(savedId);
                    if (!item.name().equals("Message")) {
                        throw EwsException.of("ErrorInvalidItemForOperationCreateItem",
                                "This server creates messages only, not " + item.name() + ".");
                    }
                    if (disposition == null) {
                        throw EwsException.of("ErrorMessageDispositionRequired",
                                "MessageDisposition is required for messages.");
                    }
                    Mailbox box = saved != null ? saved.mailbox() : ctx.ownMailbox();
                    Instant now = ctx.clock().instant();
                    Message.Builder b = Message.builder().receivedDateTime(now)
                            .createdDateTime(now).sentDateTime(now);
                    MessageInput.fill(b, item);
                    b.from(box.owner().emailAddress());
                    switch (disposition) {
                        case "SaveOnly" -> {
                            MailFolder f = saved != null ? saved
                                    : box.folder(WellKnownFolder.DRAFTS);
                            created.add(box.addMessage(f, b.draft(true).read(true)));
                        }
                        case "SendOnly", "SendAndSaveCopy" -> {
                            Message draft = box.addMessage(box.folder(WellKnownFolder.DRAFTS),
                                    b.draft(true).read(true));
                            send(ctx, draft, disposition.equals("SendAndSaveCopy"), saved);
                        }
                        default -> throw EwsException.schema("'" + disposition
                                + "' is not a MessageDisposition.");
                    }
                });
                ResponseMessages.write(w, "m:CreateItemResponseMessage", error, ok -> {
                    w.start("m:Items");
                    writeIds(w, created);
                    writeTaskIds(w, createdTasks);
                    for (EventInstance e : createdEvents) {
                        CalendarItems.write(w, e, true, false);
                    }
                    w.end();
                });
            }
            w.end();
        }
    }

    /**
     * Sends a draft: delivers it, then keeps it (no longer a draft) in {@code saveTo} or Sent
     * Items, or deletes it.
     */
    static void send(EwsContext ctx, Message draft, boolean keep, MailFolder saveTo) {
        if (!Delivery.hasRecipients(draft)) {
            throw EwsException.of("ErrorInvalidRecipients",
                    "At least one recipient is required, but none were found.");
        }
        Mailbox box = draft.mailbox();
        Instant now = ctx.clock().instant();
        box.updateMessage(draft, ed -> ed.draft(false).sentDateTime(now));
        Delivery.deliver(ctx.tenant(), draft, now);
        if (keep) {
            MailFolder target = saveTo != null && saveTo.mailbox() == box ? saveTo
                    : box.folder(WellKnownFolder.SENTITEMS);
            box.moveMessage(draft, target);
        } else {
            box.deleteMessage(draft);
        }
    }

    /** Checks an item id's change key against the item's, as UpdateItem and DeleteItem do. */
    static void checkChangeKey(XmlElement itemId, Message m, String conflictResolution) {
        checkChangeKey(itemId, m.changeKey(), conflictResolution);
    }

    /** Checks an item id's change key against the item's current one. */
    static void checkChangeKey(XmlElement itemId, String current, String conflictResolution) {
        String key = itemId.attr("ChangeKey");
        if (key == null) {
            if ("NeverOverwrite".equals(conflictResolution)) {
                throw EwsException.of("ErrorChangeKeyRequiredForWriteOperations",
                        "When making a write request, the change key must be supplied.");
            }
            return;
        }
        try {
            Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw EwsException.of("ErrorInvalidChangeKey", "The change key is invalid.");
        }
        if (key.isEmpty()) {
            throw EwsException.of("ErrorInvalidChangeKey", "The change key is invalid.");
        }
        if (!key.equals(current) && !"AlwaysOverwrite".equals(conflictResolution)) {
            throw EwsException.of("ErrorIrresolvableConflict", "The send or update operation "
                    + "could not be performed because the change key passed in the request does "
                    + "not match the current change key for the item.");
        }
    }

    /** UpdateItem. */
    static final class Update implements EwsOperation {
        @Override
        public boolean itemsRequired() {
            return true;
        }

        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            String conflict = req.attr("ConflictResolution");
            if (conflict == null) {
                throw EwsException.schema("The required attribute 'ConflictResolution' is "
                        + "missing.");
            }
            String disposition = req.attr("MessageDisposition", "SaveOnly");
            MailFolder saved = req.child("SavedItemFolderId")
                    .map(s -> ctx.folder(s.children().get(0))).orElse(null);
            w.start("m:ResponseMessages");
            for (XmlElement change : req.required("ItemChanges").children("ItemChange")) {
                List<Message> updated = new ArrayList<>();
                List<TaskItem> updatedTasks = new ArrayList<>();
                List<EventInstance> updatedEvents = new ArrayList<>();
                EwsException error = attempt(() -> {
                    XmlElement id = change.required("ItemId");
                    Optional<EwsContext.EventRef> event = ctx.eventRef(id);
                    if (event.isPresent()) {
                        String mode = MeetingWrites.updateMode(
                                req.attr("SendMeetingInvitationsOrCancellations"));
                        checkChangeKey(id, event.get().instance().event().changeKey(),
                                conflict);
                        updatedEvents.add(MeetingWrites.update(ctx, event.get(),
                                change.required("Updates").children(), mode));
                        return;
                    }
                    Optional<TaskItem> task = ctx.task(id);
                    if (task.isPresent()) {
                        TaskItem t = task.get();
                        checkChangeKey(id, t.changeKey(), conflict);
                        List<XmlElement> updates = change.required("Updates").children();
                        t.mailbox().tasks().update(t, ed -> {
                            for (XmlElement u : updates) {
                                String uri = u.child("FieldURI").map(f -> f.attr("FieldURI"))
                                        .orElse("");
                                if (u.name().equals("DeleteItemField")) {
                                    TaskItems.delete(ed, uri);
                                } else {
                                    XmlElement holder = u.child("Task").orElseThrow(() ->
                                            EwsException.of("ErrorInvalidPropertySet",
                                                    "A task is changed through t:Task."));
                                    if (holder.children().size() != 1) {
                                        throw EwsException.of(
                                                "ErrorIncorrectUpdatePropertyCount",
                                                "An object within a change description must "
                                                        + "contain one and only one property "
                                                        + "to modify.");
                                    }
                                    TaskItems.apply(ed, holder.children().get(0));
                                }
                            }
                        });
                        updatedTasks.add(t);
                        return;
                    }
                    Message m = ctx.message(id);
                    checkChangeKey(id, m, conflict);
                    List<XmlElement> updates = change.required("Updates").children();
                    // Check every change first, so a failing batch changes nothing.
                    for (XmlElement u : updates) {
                        validate(u);
                    }
                    m.mailbox().updateMessage(m, ed -> {
                        for (XmlElement u : updates) {
                            applyOne(ed, m, u);
                        }
                    });
                    if (!disposition.equals("SaveOnly")) {
                        send(ctx, m, disposition.equals("SendAndSaveCopy"), saved);
                    } else {
                        updated.add(m);
                    }
                });
                ResponseMessages.write(w, "m:UpdateItemResponseMessage", error, ok -> {
                    w.start("m:Items");
                    writeIds(w, updated);
                    writeTaskIds(w, updatedTasks);
                    for (EventInstance e : updatedEvents) {
                        CalendarItems.write(w, e, true, false);
                    }
                    w.end();
                    if (ok) {
                        w.start("m:ConflictResults").leaf("t:Count", 0).end();
                    }
                });
            }
            w.end();
        }

        private static XmlElement valueElement(XmlElement update) {
            XmlElement holder = update.child("Message").orElseThrow(() -> EwsException.of(
                    "ErrorInvalidPropertySet", "This server updates messages only."));
            if (holder.children().size() != 1) {
                throw EwsException.of("ErrorIncorrectUpdatePropertyCount",
                        "An object within a change description must contain one and only one "
                                + "property to modify.");
            }
            return holder.children().get(0);
        }

        private static void validate(XmlElement u) {
            String uri = u.child("FieldURI").map(f -> f.attr("FieldURI")).orElseThrow(() ->
                    EwsException.of("ErrorInvalidPropertySet",
                            "Only FieldURI paths can be changed on this server."));
            if (u.name().equals("DeleteItemField")) {
                return;
            }
            XmlElement value = valueElement(u);
            String expected = MessageInput.WRITABLE.get(value.name());
            if (expected == null) {
                throw EwsException.of("ErrorInvalidPropertySet",
                        "The property " + uri + " is read-only.");
            }
            if (!expected.equals(uri)) {
                throw EwsException.of("ErrorInvalidPropertySet", "The FieldURI " + uri
                        + " does not match the element " + value.name() + ".");
            }
        }

        private static void applyOne(Message.Editor ed, Message m, XmlElement u) {
            switch (u.name()) {
                case "SetItemField" -> MessageInput.apply(ed, m, valueElement(u), false);
                case "AppendToItemField" -> {
                    XmlElement v = valueElement(u);
                    if (v.name().equals("IsRead") || v.name().equals("Importance")) {
                        throw EwsException.of("ErrorInvalidPropertyAppend",
                                "The property " + v.name() + " cannot be appended to.");
                    }
                    MessageInput.apply(ed, m, v, true);
                }
                case "DeleteItemField" -> MessageInput.delete(ed,
                        u.required("FieldURI").attr("FieldURI"));
                default -> throw EwsException.schema("'" + u.name()
                        + "' is not an item change.");
            }
        }
    }

    /** DeleteItem. */
    static final class Delete implements EwsOperation {
        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            String type = req.attr("DeleteType");
            if (!"HardDelete".equals(type) && !"SoftDelete".equals(type)
                    && !"MoveToDeletedItems".equals(type)) {
                throw EwsException.schema("'" + type + "' is not a DeleteType.");
            }
            w.start("m:ResponseMessages");
            for (XmlElement id : req.required("ItemIds").children()) {
                EwsException error = attempt(() -> {
                    Optional<EwsContext.EventRef> event = ctx.eventRef(id);
                    if (event.isPresent()) {
                        String mode = MeetingWrites.deleteMode(
                                req.attr("SendMeetingCancellations"));
                        checkChangeKey(id, event.get().instance().event().changeKey(),
                                "AutoResolve");
                        MeetingWrites.delete(ctx, event.get(), mode);
                        return;
                    }
                    Optional<TaskItem> task = ctx.task(id);
                    if (task.isPresent()) {
                        checkChangeKey(id, task.get().changeKey(), "AutoResolve");
                        task.get().mailbox().tasks().delete(task.get());
                        return;
                    }
                    Message m = ctx.message(id);
                    checkChangeKey(id, m, "AutoResolve");
                    Mailbox box = m.mailbox();
                    MailFolder deleted = box.folder(WellKnownFolder.DELETEDITEMS);
                    if (type.equals("MoveToDeletedItems") && m.folder() != deleted) {
                        box.moveMessage(m, deleted);
                    } else {
                        // A soft delete leaves the item to the recoverable items, which no
                        // folder shows; the store forgets it.
                        box.deleteMessage(m);
                    }
                });
                ResponseMessages.write(w, "m:DeleteItemResponseMessage", error);
            }
            w.end();
        }
    }

    /** SendItem. */
    static final class Send implements EwsOperation {
        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            String save = req.attr("SaveItemToFolder");
            if (save == null) {
                throw EwsException.schema("The required attribute 'SaveItemToFolder' is "
                        + "missing.");
            }
            boolean keep = Boolean.parseBoolean(save);
            MailFolder saved = req.child("SavedItemFolderId")
                    .map(s -> ctx.folder(s.children().get(0))).orElse(null);
            w.start("m:ResponseMessages");
            for (XmlElement id : req.required("ItemIds").children()) {
                EwsException error = attempt(() -> {
                    Message m = ctx.message(id);
                    if (!m.isDraft()) {
                        throw EwsException.of("ErrorInvalidItemForOperationSendItem",
                                "The item is not a draft and cannot be sent.");
                    }
                    checkChangeKey(id, m, "AutoResolve");
                    send(ctx, m, keep, saved);
                });
                ResponseMessages.write(w, "m:SendItemResponseMessage", error);
            }
            w.end();
        }
    }

    /** MoveItem and CopyItem. */
    static final class MoveOrCopy implements EwsOperation {
        private final boolean copy;

        MoveOrCopy(boolean copy) {
            this.copy = copy;
        }

        @Override
        public boolean itemsRequired() {
            return true;
        }

        @Override
        public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
            MailFolder target = ctx.folder(req.required("ToFolderId").children().get(0));
            String name = copy ? "m:CopyItemResponseMessage" : "m:MoveItemResponseMessage";
            w.start("m:ResponseMessages");
            for (XmlElement id : req.required("ItemIds").children()) {
                List<Message> result = new ArrayList<>();
                EwsException error = attempt(() -> {
                    Message m = ctx.message(id);
                    Mailbox from = m.mailbox();
                    Mailbox to = target.mailbox();
                    if (!copy && from == to) {
                        from.moveMessage(m, target);
                        result.add(m);
                        return;
                    }
                    Message made = to.addMessage(target, m.copyBuilder()
                            .createdDateTime(ctx.clock().instant())
                            .lastModifiedDateTime(ctx.clock().instant()));
                    if (!copy) {
                        from.deleteMessage(m);
                    }
                    result.add(made);
                });
                ResponseMessages.write(w, name, error, ok -> {
                    w.start("m:Items");
                    writeIds(w, result);
                    w.end();
                });
            }
            w.end();
        }
    }
}
