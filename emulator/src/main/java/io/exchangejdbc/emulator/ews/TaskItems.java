package io.exchangejdbc.emulator.ews;

import io.exchangejdbc.emulator.ews.MessageFields.Kind;
import io.exchangejdbc.emulator.ews.Restriction.Prop;
import io.exchangejdbc.emulator.store.BodyType;
import io.exchangejdbc.emulator.store.TaskItem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tasks of the store as EWS's {@code t:Task} (in the order of {@code t:ItemType} then
 * {@code t:TaskType}): the properties restrictions and sorts can use, the writing of a task,
 * and the reading of the properties CreateItem and UpdateItem may set.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/createitem-operation-task">CreateItem (task)</a>
 */
final class TaskItems {

    private static final EwsVersion V2007 = EwsVersion.EXCHANGE2007;

    private static final Map<String, Prop<TaskItem>> PROPS = Map.ofEntries(
            prop("item:ItemId", Kind.STRING, t -> EwsIds.toEws(t.id())),
            prop("item:Subject", Kind.STRING, TaskItem::subject),
            prop("item:Importance", Kind.IMPORTANCE, TaskItem::importance),
            prop("item:Categories", Kind.STRING, t -> String.join(";", t.categories())),
            prop("item:DateTimeCreated", Kind.DATETIME, TaskItem::createdDateTime),
            prop("item:LastModifiedTime", Kind.DATETIME, TaskItem::lastModifiedDateTime),
            prop("task:DueDate", Kind.DATETIME, TaskItem::dueDate),
            prop("task:StartDate", Kind.DATETIME, TaskItem::startDate),
            prop("task:CompleteDate", Kind.DATETIME, TaskItem::completeDate),
            prop("task:IsComplete", Kind.BOOLEAN, TaskItem::isComplete),
            prop("task:Status", Kind.STRING, TaskItem::status),
            prop("task:PercentComplete", Kind.INT, t -> (int) t.percentComplete()));

    private TaskItems() {
    }

    private static Map.Entry<String, Prop<TaskItem>> prop(String uri, Kind kind,
            Function<TaskItem, Object> value) {
        return Map.entry(uri, new Prop<>(uri, V2007, kind, value));
    }

    /** Finds a task property by FieldURI. */
    static Optional<Prop<TaskItem>> prop(String uri) {
        return Optional.ofNullable(PROPS.get(uri));
    }

    /** Writes a task; {@code full} (GetItem) adds the body. */
    static void write(EwsWriter w, TaskItem t, boolean idOnly, boolean full) {
        w.start("t:Task");
        w.start("t:ItemId").attr("Id", EwsIds.toEws(t.id())).attr("ChangeKey", t.changeKey())
                .end();
        if (idOnly) {
            w.end();
            return;
        }
        w.start("t:ParentFolderId").attr("Id", EwsIds.toEws(t.mailbox().tasks().folderId()))
                .end();
        w.leaf("t:ItemClass", "IPM.Task").leaf("t:Subject", t.subject())
                .leaf("t:Sensitivity", "Normal");
        if (full) {
            w.start("t:Body").attr("BodyType", t.body().contentType() == BodyType.HTML ? "HTML"
                    : "Text").text(t.body().content(t.body().contentType())).end();
        }
        if (!t.categories().isEmpty()) {
            w.start("t:Categories");
            for (String c : t.categories()) {
                w.leaf("t:String", c);
            }
            w.end();
        }
        w.leaf("t:Importance", MessageFields.importanceName(t.importance()))
                .leaf("t:DateTimeCreated", t.createdDateTime())
                .leaf("t:HasAttachments", false)
                .leaf("t:LastModifiedTime", t.lastModifiedDateTime());
        w.leaf("t:ChangeCount", t.changeNumber() + 1).leaf("t:CompleteDate", t.completeDate())
                .leaf("t:DueDate", t.dueDate()).leaf("t:IsComplete", t.isComplete())
                .leaf("t:IsRecurring", false).leaf("t:Owner", t.mailbox().owner().displayName())
                .leaf("t:PercentComplete", percent(t.percentComplete()))
                .leaf("t:StartDate", t.startDate()).leaf("t:Status", t.status());
        w.end();
    }

    private static String percent(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    /** Fills a new task from a {@code t:Task} of CreateItem. */
    static void fill(TaskItem.Builder b, XmlElement task) {
        for (XmlElement e : task.children()) {
            switch (e.name()) {
                case "Subject" -> b.subject(e.rawText());
                case "Body" -> b.body(MessageInput.body(e));
                case "Importance" -> b.importance(MessageFields.importance(e.text()));
                case "Categories" -> b.categories(List.of(MessageInput.strings(e)));
                case "DueDate" -> b.dueDate(time(e.text()));
                case "StartDate" -> b.startDate(time(e.text()));
                case "CompleteDate" -> b.completeDate(time(e.text()));
                case "Status" -> b.status(status(e.text()));
                case "PercentComplete" -> b.percentComplete(percentValue(e.text()));
                default -> {
                    // Other properties keep their defaults.
                }
            }
        }
    }

    /** Sets one property of a task from the element inside a {@code SetItemField}. */
    static void apply(TaskItem.Editor ed, XmlElement e) {
        switch (e.name()) {
            case "Subject" -> ed.subject(e.rawText());
            case "Body" -> ed.body(MessageInput.body(e));
            case "Importance" -> ed.importance(MessageFields.importance(e.text()));
            case "Categories" -> ed.categories(List.of(MessageInput.strings(e)));
            case "DueDate" -> ed.dueDate(time(e.text()));
            case "StartDate" -> ed.startDate(time(e.text()));
            case "CompleteDate" -> ed.completeDate(time(e.text()));
            case "Status" -> ed.status(status(e.text()));
            case "PercentComplete" -> ed.percentComplete(percentValue(e.text()));
            default -> throw EwsException.of("ErrorInvalidPropertySet",
                    "The property " + e.name() + " of a task cannot be set.");
        }
    }

    /** Clears one property of a task (DeleteItemField). */
    static void delete(TaskItem.Editor ed, String uri) {
        switch (uri) {
            case "task:DueDate" -> ed.dueDate(null);
            case "task:StartDate" -> ed.startDate(null);
            case "task:CompleteDate" -> ed.completeDate(null);
            case "item:Categories" -> ed.categories(List.of());
            default -> throw EwsException.of("ErrorInvalidPropertyDelete",
                    "The property " + uri + " of a task cannot be deleted.");
        }
    }

    private static String status(String s) {
        if (!TaskItem.STATUSES.contains(s)) {
            throw EwsException.schema("'" + s + "' is not a TaskStatusType.");
        }
        return s;
    }

    private static double percentValue(String s) {
        try {
            double d = Double.parseDouble(s.trim());
            if (d < 0 || d > 100) {
                throw EwsException.of("ErrorInvalidPercentCompleteValue",
                        "PercentComplete must be between 0 and 100.");
            }
            return d;
        } catch (NumberFormatException e) {
            throw EwsException.schema("'" + s + "' is not a number.");
        }
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text + "Z");
            } catch (DateTimeParseException e2) {
                throw EwsException.schema("'" + text + "' is not a date and time.");
            }
        }
    }
}
