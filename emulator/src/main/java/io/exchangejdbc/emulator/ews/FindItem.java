package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.ews.MessageFields.Field;
import io.exchangejdbc.emulator.store.EventInstance;
import io.exchangejdbc.emulator.store.MailFolder;
import io.exchangejdbc.emulator.store.Message;
import io.exchangejdbc.emulator.store.TaskList;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The FindItem operation over the messages of one or more folders (Shallow traversal), with its
 * item shape, restriction, sort order and indexed paging; one response message per parent
 * folder.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/finditem-operation">FindItem operation</a>
 */
final class FindItem implements EwsOperation {

    @Override
    public void execute(EwsContext ctx, XmlElement req, EwsWriter w) {
        String traversal = req.attr("Traversal", "");
        if (!traversal.equals("Shallow") && !traversal.equals("SoftDeleted")
                && !traversal.equals("Associated")) {
            throw EwsException.schema("'" + traversal + "' is not an ItemQueryTraversal.");
        }
        ItemShape shape = ItemShape.of(req.required("ItemShape"), ctx, true);
        XmlElement view = req.child("IndexedPageItemView").orElse(null);
        if (req.child("FractionalPageItemView").isPresent()
                || req.child("CalendarView").isPresent()
                || req.child("ContactsView").isPresent()) {
            view = null;
        }
        List<XmlElement> parents = req.required("ParentFolderIds").children();
        w.start("m:ResponseMessages");
        boolean idOnly = ItemShape.idOnly(req.required("ItemShape"));
        for (XmlElement parentId : parents) {
            Optional<EwsContext.CalendarRef> calendar;
            try {
                calendar = ctx.calendar(parentId);
            } catch (EwsException e) {
                if (e.isFault()) {
                    throw e;
                }
                ResponseMessages.write(w, "m:FindItemResponseMessage", e);
                continue;
            }
            if (calendar.isPresent()) {
                calendarItems(ctx, req, w, calendar.get(), idOnly);
                continue;
            }
            Optional<TaskList> tasks;
            try {
                tasks = ctx.taskFolder(parentId);
            } catch (EwsException e) {
                if (e.isFault()) {
                    throw e;
                }
                ResponseMessages.write(w, "m:FindItemResponseMessage", e);
                continue;
            }
            if (tasks.isPresent()) {
                pagedItems(ctx, req, w, tasks.get().tasks(), TaskItems::prop,
                        (out, t) -> TaskItems.write(out, t, idOnly, false));
                continue;
            }
            Optional<EwsContext.ContactsRef> contacts;
            try {
                contacts = ctx.contactFolder(parentId);
            } catch (EwsException e) {
                if (e.isFault()) {
                    throw e;
                }
                ResponseMessages.write(w, "m:FindItemResponseMessage", e);
                continue;
            }
            if (contacts.isPresent()) {
                pagedItems(ctx, req, w, contacts.get().folder().contacts(), ContactItems::prop,
                        (out, c) -> ContactItems.write(out, c, idOnly));
                continue;
            }
            EwsException error = null;
            List<Message> page = List.of();
            IndexedPage p = null;
            boolean calendarView = req.child("CalendarView").isPresent();
            try {
                MailFolder folder = ctx.folder(parentId);
                Predicate<Message> filter = req.child("Restriction")
                        .map(r -> Restriction.compile(r, ctx)).orElse(m -> true);
                Comparator<Message> order = req.child("SortOrder")
                        .map(s -> Restriction.sortOrder(s, ctx, Restriction::messageProp))
                        .orElse(null);
                if (calendarView) {
                    throw EwsException.of("ErrorCalendarFolderIsInvalidForCalendarView",
                            "CalendarView is supported for calendar folders only.");
                }
                List<Message> all = traversal.equals("Shallow")
                        ? folder.mailbox().messages(folder) : List.of();
                List<Message> matching = new ArrayList<>();
                for (Message m : all) {
                    if (filter.test(m)) {
                        matching.add(m);
                    }
                }
                if (order != null) {
                    matching.sort(order);
                }
                p = IndexedPage.of(view, matching.size(), ctx.behaviour());
                page = matching.subList(p.start(), p.start() + p.count());
            } catch (EwsException e) {
                if (e.isFault()) {
                    throw e;
                }
                error = e;
            }
            IndexedPage paging = p;
            List<Message> items = page;
            ResponseMessages.write(w, "m:FindItemResponseMessage", error, ok -> {
                if (!ok) {
                    return;
                }
                w.start("m:RootFolder");
                paging.writeAttributes(w);
                w.start("t:Items");
                for (Message m : items) {
                    writeMessage(w, m, shape.fields(), true);
                }
                w.end().end();
            });
        }
        w.end();
    }

    /**
     * Writes the response message of a calendar folder: with a {@code CalendarView}, the
     * instances in its window (occurrences expanded), at most {@code MaxEntriesReturned} of them;
     * otherwise single items and series masters, paged like messages.
     */
    private static void calendarItems(EwsContext ctx, XmlElement req, EwsWriter w,
            EwsContext.CalendarRef calendar, boolean idOnly) {
        EwsException error = null;
        List<EventInstance> items = List.of();
        int total = 0;
        int next = 0;
        boolean last = true;
        boolean view = false;
        try {
            Optional<XmlElement> cv = req.child("CalendarView");
            if (cv.isPresent()) {
                view = true;
                Instant from = instant(cv.get().attr("StartDate"));
                Instant to = instant(cv.get().attr("EndDate"));
                if (!to.isAfter(from)) {
                    throw EwsException.of("ErrorInvalidRequest",
                            "The CalendarView ends before it starts.");
                }
                if (Duration.between(from, to).toDays() > 2 * 366) {
                    throw EwsException.of("ErrorCalendarViewRangeTooBig",
                            "The CalendarView spans more than two years.");
                }
                List<EventInstance> all = restricted(CalendarItems.view(calendar.mailbox(),
                        calendar.folder(), from, to), req, ctx, CalendarItems::prop);
                int max = Integer.parseInt(cv.get().attr("MaxEntriesReturned",
                        String.valueOf(IndexedPage.MAX_ENTRIES)));
                total = all.size();
                items = all.subList(0, Math.min(max, all.size()));
                last = items.size() == total;
            } else {
                List<EventInstance> all = restricted(CalendarItems.items(calendar.mailbox(),
                        calendar.folder()), req, ctx, CalendarItems::prop);
                IndexedPage p = IndexedPage.of(req.child("IndexedPageItemView").orElse(null),
                        all.size(), ctx.behaviour());
                items = all.subList(p.start(), p.start() + p.count());
                total = p.total();
                next = p.nextOffset();
                last = p.includesLast();
            }
        } catch (EwsException e) {
            if (e.isFault()) {
                throw e;
            }
            error = e;
        }
        List<EventInstance> page = items;
        int totalItems = total;
        int offset = next;
        boolean includesLast = last;
        boolean calendarView = view;
        ResponseMessages.write(w, "m:FindItemResponseMessage", error, ok -> {
            if (!ok) {
                return;
            }
            w.start("m:RootFolder");
            if (!calendarView) {
                w.attr("IndexedPagingOffset", offset);
            }
            w.attr("TotalItemsInView", totalItems).attr("IncludesLastItemInRange", includesLast);
            w.start("t:Items");
            for (EventInstance i : page) {
                CalendarItems.write(w, i, idOnly, false);
            }
            w.end().end();
        });
    }

    /** The items that pass the request's restriction, in its sort order when it has one. */
    private static <T> List<T> restricted(List<T> items, XmlElement req, EwsContext ctx,
            Function<String, Optional<Restriction.Prop<T>>> props) {
        Predicate<T> filter = req.child("Restriction")
                .map(r -> Restriction.compile(r, ctx, props)).orElse(i -> true);
        List<T> out = new ArrayList<>();
        for (T i : items) {
            if (filter.test(i)) {
                out.add(i);
            }
        }
        Optional<XmlElement> sort = req.child("SortOrder");
        if (sort.isPresent()) {
            out.sort(Restriction.sortOrder(sort.get(), ctx, props));
        }
        return out;
    }

    /**
     * Writes the response message of a folder of items other than messages (tasks, contacts):
     * restricted, sorted and paged.
     */
    private static <T> void pagedItems(EwsContext ctx, XmlElement req, EwsWriter w,
            List<T> source, Function<String, Optional<Restriction.Prop<T>>> props,
            BiConsumer<EwsWriter, T> writer) {
        EwsException error = null;
        List<T> page = List.of();
        IndexedPage p = null;
        try {
            List<T> all = restricted(source, req, ctx, props);
            p = IndexedPage.of(req.child("IndexedPageItemView").orElse(null), all.size(),
                    ctx.behaviour());
            page = all.subList(p.start(), p.start() + p.count());
        } catch (EwsException e) {
            if (e.isFault()) {
                throw e;
            }
            error = e;
        }
        IndexedPage paging = p;
        List<T> items = page;
        ResponseMessages.write(w, "m:FindItemResponseMessage", error, ok -> {
            if (!ok) {
                return;
            }
            w.start("m:RootFolder");
            paging.writeAttributes(w);
            w.start("t:Items");
            for (T item : items) {
                writer.accept(w, item);
            }
            w.end().end();
        });
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            try {
                return Instant.parse(text + "Z");
            } catch (RuntimeException e2) {
                throw EwsException.schema("'" + text + "' is not a date and time.");
            }
        }
    }

    /** Writes a message with the given properties. */
    static void writeMessage(EwsWriter w, Message m, List<Field> fields, boolean summary) {
        w.start("t:Message");
        for (Field f : fields) {
            f.writer().write(w, m, summary);
        }
        w.end();
    }
}
