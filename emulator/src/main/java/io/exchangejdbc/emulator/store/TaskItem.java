package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * A task of a mailbox's Tasks folder, with the properties of EWS's {@code t:Task}: subject,
 * body, status and percent complete, start, due and completion dates, importance and
 * categories. Fields change only under the mailbox's lock, through {@link Editor}.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/web-service-reference/task">Task</a>
 */
public final class TaskItem {

    /** Kind byte of a task id. */
    static final byte TASK = 0x48;
    /** Kind byte of the id of the Tasks folder. */
    static final byte TASK_FOLDER = 0x03;

    /** The status values EWS's {@code TaskStatusType} allows. */
    public static final Set<String> STATUSES = Set.of("NotStarted", "InProgress", "Completed",
            "WaitingOnOthers", "Deferred");

    private final TaskList list;
    private final int seq;
    private final Instant created;
    private String subject;
    private ItemBody body;
    private String status;
    private double percentComplete;
    private Instant startDate;
    private Instant dueDate;
    private Instant completeDate;
    private Importance importance;
    private List<String> categories;
    private Instant modified;
    private int changeNumber;

    TaskItem(TaskList list, int seq, Builder b) {
        this.list = list;
        this.seq = seq;
        this.created = b.created;
        this.modified = b.created;
        this.subject = b.subject;
        this.body = b.body;
        this.status = b.status;
        // A task created complete is complete to 100 percent, as Exchange records it.
        this.percentComplete = b.status.equals("Completed") ? 100 : b.percentComplete;
        this.startDate = b.startDate;
        this.dueDate = b.dueDate;
        this.completeDate = b.completeDate;
        this.importance = b.importance;
        this.categories = b.categories;
    }

    /** Returns the task's id. */
    public String id() {
        return ItemIds.encode(TASK, list.mailbox().key(), seq);
    }

    /** Returns the mailbox holding the task. */
    public Mailbox mailbox() {
        return list.mailbox();
    }

    /** Returns the version of the task, which changes with every change. */
    public String changeKey() {
        ByteBuffer buf = ByteBuffer.allocate(30);
        buf.put(new byte[] {9, 0, 0, 0, 0x16, 0, 0, 0});
        buf.put(list.mailbox().key());
        buf.putShort((short) 0x7a5c).putShort((short) seq).putShort((short) changeNumber);
        return Base64.getEncoder().encodeToString(buf.array());
    }

    /** Returns the subject, may be null. */
    public String subject() {
        return subject;
    }

    /** Returns the body. */
    public ItemBody body() {
        return body;
    }

    /** Returns the status, one of {@link #STATUSES}. */
    public String status() {
        return status;
    }

    /** Returns how far the task is done, 0 to 100. */
    public double percentComplete() {
        return percentComplete;
    }

    /** Tells whether the task is complete. */
    public boolean isComplete() {
        return status.equals("Completed");
    }

    /** Returns when the task starts, or null. */
    public Instant startDate() {
        return startDate;
    }

    /** Returns when the task is due, or null. */
    public Instant dueDate() {
        return dueDate;
    }

    /** Returns when the task was completed, or null. */
    public Instant completeDate() {
        return completeDate;
    }

    /** Returns the importance. */
    public Importance importance() {
        return importance;
    }

    /** Returns the categories. */
    public List<String> categories() {
        return categories;
    }

    /** Returns when the task was created. */
    public Instant createdDateTime() {
        return created;
    }

    /** Returns when the task last changed. */
    public Instant lastModifiedDateTime() {
        return modified;
    }

    /** Returns the number of changes since the task was created. */
    public int changeNumber() {
        return changeNumber;
    }

    void touch(Instant now) {
        modified = now.isBefore(created) ? created : now;
        changeNumber++;
    }

    @Override
    public String toString() {
        return "Task[" + seq + ": " + subject + "]";
    }

    /** Returns a builder of a new task created at {@code created}. */
    public static Builder builder(Instant created) {
        return new Builder(created);
    }

    /** Builder of new tasks. */
    public static final class Builder {
        private final Instant created;
        private String subject;
        private ItemBody body = ItemBody.text("");
        private String status = "NotStarted";
        private double percentComplete;
        private Instant startDate;
        private Instant dueDate;
        private Instant completeDate;
        private Importance importance = Importance.NORMAL;
        private List<String> categories = List.of();

        private Builder(Instant created) {
            this.created = requireNonNull(created, "created");
        }

        /** Sets the subject. */
        public Builder subject(String v) {
            this.subject = v;
            return this;
        }

        /** Sets the body. */
        public Builder body(ItemBody v) {
            this.body = requireNonNull(v, "body");
            return this;
        }

        /** Sets the status (one of {@link #STATUSES}). */
        public Builder status(String v) {
            this.status = checkStatus(v);
            return this;
        }

        /** Sets the percent complete. */
        public Builder percentComplete(double v) {
            this.percentComplete = checkPercent(v);
            return this;
        }

        /** Sets the start date. */
        public Builder startDate(Instant v) {
            this.startDate = v;
            return this;
        }

        /** Sets the due date. */
        public Builder dueDate(Instant v) {
            this.dueDate = v;
            return this;
        }

        /** Sets the completion date. */
        public Builder completeDate(Instant v) {
            this.completeDate = v;
            return this;
        }

        /** Sets the importance. */
        public Builder importance(Importance v) {
            this.importance = requireNonNull(v, "importance");
            return this;
        }

        /** Sets the categories. */
        public Builder categories(List<String> v) {
            this.categories = List.copyOf(v);
            return this;
        }
    }

    private static String checkStatus(String v) {
        if (!STATUSES.contains(v)) {
            throw new IllegalArgumentException("not a task status: " + v);
        }
        return v;
    }

    private static double checkPercent(double v) {
        if (v < 0 || v > 100) {
            throw new IllegalArgumentException("percent complete out of 0..100: " + v);
        }
        return v;
    }

    /** The changes a client may make to a task; used inside {@link TaskList#update}. */
    public final class Editor {

        Editor() {
        }

        /** Changes the subject. */
        public Editor subject(String v) {
            subject = v;
            return this;
        }

        /** Replaces the body. */
        public Editor body(ItemBody v) {
            body = requireNonNull(v, "body");
            return this;
        }

        /** Changes the status; completing a task sets 100 percent. */
        public Editor status(String v) {
            status = checkStatus(v);
            if (v.equals("Completed")) {
                percentComplete = 100;
            }
            return this;
        }

        /** Changes the percent complete. */
        public Editor percentComplete(double v) {
            percentComplete = checkPercent(v);
            return this;
        }

        /** Changes the start date. */
        public Editor startDate(Instant v) {
            startDate = v;
            return this;
        }

        /** Changes the due date. */
        public Editor dueDate(Instant v) {
            dueDate = v;
            return this;
        }

        /** Changes the completion date. */
        public Editor completeDate(Instant v) {
            completeDate = v;
            return this;
        }

        /** Changes the importance. */
        public Editor importance(Importance v) {
            importance = requireNonNull(v, "importance");
            return this;
        }

        /** Replaces the categories. */
        public Editor categories(List<String> v) {
            categories = List.copyOf(v);
            return this;
        }
    }
}
