package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.store.Contact;
import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.TaskItem;
import java.util.Optional;

/**
 * The GetItem operation: full messages (body, recipients, attachments list) by id, one response
 * message per id, a missing or forbidden item failing only its own message.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/getitem-operation">GetItem operation</a>
 */
final class GetItem implements EwsOperation {

    @Override
    public boolean itemsRequired() {
        return true;
    }

    @Override
    public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
        ItemShape shape = ItemShape.of(req.required("ItemShape"), ctx, false);
        boolean idOnly = ItemShape.idOnly(req.required("ItemShape"));
        w.start("m:ResponseMessages");
        for (XmlElement id : req.required("ItemIds").children()) {
            Message m = null;
            EwsException error = null;
            try {
                if (!id.name().equals("ItemId")) {
                    throw EwsException.of("ErrorInvalidIdMalformed",
                            "Only ItemId is supported by this server.");
                }
                Optional<EventInstance> event = ctx.event(id);
                if (event.isPresent()) {
                    EventInstance found = event.get();
                    ResponseMessages.write(w, "m:GetItemResponseMessage", null, ok -> {
                        w.start("m:Items");
                        CalendarItems.write(w, found, idOnly, true);
                        w.end();
                    });
                    continue;
                }
                Optional<Contact> contact = ctx.contact(id);
                if (contact.isPresent()) {
                    Contact found = contact.get();
                    ResponseMessages.write(w, "m:GetItemResponseMessage", null, ok -> {
                        w.start("m:Items");
                        ContactItems.write(w, found, idOnly);
                        w.end();
                    });
                    continue;
                }
                Optional<TaskItem> task = ctx.task(id);
                if (task.isPresent()) {
                    TaskItem found = task.get();
                    ResponseMessages.write(w, "m:GetItemResponseMessage", null, ok -> {
                        w.start("m:Items");
                        TaskItems.write(w, found, idOnly, true);
                        w.end();
                    });
                    continue;
                }
                m = ctx.message(id);
            } catch (EwsException e) {
                if (e.isFault()) {
                    throw e;
                }
                error = e;
            }
            Message found = m;
            ResponseMessages.write(w, "m:GetItemResponseMessage", error, ok -> {
                w.start("m:Items");
                if (ok) {
                    FindItem.writeMessage(w, found, shape.fields(), false);
                }
                w.end();
            });
        }
        w.end();
    }
}
