package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Tasks folder of a mailbox and the tasks in it, in creation order. Its id has the form of
 * the store's other ids (kind {@code TASK_FOLDER}); it is no mail folder, so Graph's
 * {@code mailFolders} do not list it.
 */
public final class TaskList {

    private final Mailbox mailbox;
    private final Clock clock;
    private final List<TaskItem> bySeq = new ArrayList<>();

    TaskList(Mailbox mailbox, Clock clock) {
        this.mailbox = requireNonNull(mailbox, "mailbox");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Returns the mailbox. */
    public Mailbox mailbox() {
        return mailbox;
    }

    /** Returns the id of the Tasks folder. */
    public String folderId() {
        return ItemIds.encode(TaskItem.TASK_FOLDER, mailbox.key(), 0);
    }

    /** Returns the folder's display name. */
    public String displayName() {
        return "Tasks";
    }

    /** Adds a task. */
    public synchronized TaskItem add(TaskItem.Builder builder) {
        TaskItem t = new TaskItem(this, bySeq.size(), builder);
        bySeq.add(t);
        return t;
    }

    /** Returns the tasks in creation order. */
    public synchronized List<TaskItem> tasks() {
        return bySeq.stream().filter(t -> t != null).toList();
    }

    /** Finds a task by id; an id of another kind or mailbox is simply not found. */
    public synchronized Optional<TaskItem> task(String id) {
        int seq;
        try {
            seq = ItemIds.decode(TaskItem.TASK, mailbox.key(), id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return seq < 0 || seq >= bySeq.size() ? Optional.empty()
                : Optional.ofNullable(bySeq.get(seq));
    }

    /** Applies changes to a task and records them (change key, last-modified time). */
    public synchronized void update(TaskItem task, Consumer<TaskItem.Editor> edit) {
        edit.accept(task.new Editor());
        task.touch(clock.instant());
    }

    /** Deletes a task; returns false if it was already gone. */
    public synchronized boolean delete(TaskItem task) {
        int i = bySeq.indexOf(task);
        if (i < 0) {
            return false;
        }
        bySeq.set(i, null);
        return true;
    }
}
