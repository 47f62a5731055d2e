package io.exchangejdbc.graph;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.schema.ColumnDef;
import io.exchangejdbc.schema.TableDef;
import java.util.List;

/**
 * The rows one INSERT, UPDATE or DELETE statement changes, as the planner hands them to the
 * Graph client: for INSERT the values of each new row, for UPDATE the id of each row with its new
 * values, for DELETE the id of each row.
 *
 * @param table   the table changed
 * @param kind    what is done to the rows
 * @param columns the columns whose values each row carries (INSERT: the columns of the table
 *                other than {@code UserId}; UPDATE: the columns set; DELETE: none; for
 *                UPDATE and DELETE of EWS tables these are followed by the input-only columns
 *                and {@code ChangeKey}, with the values the WHERE clause gave them, or null)
 * @param rows    the rows, in the order the statement produced them
 */
public record TableChange(TableDef table, Kind kind, List<ColumnDef> columns, List<Row> rows) {

    public TableChange {
        requireNonNull(table, "table");
        requireNonNull(kind, "kind");
        columns = List.copyOf(requireNonNull(columns, "columns"));
        rows = List.copyOf(requireNonNull(rows, "rows"));
    }

    /** What a statement does to its rows. */
    public enum Kind {
        INSERT("insert into", "inserted"), UPDATE("update", "updated"),
        DELETE("delete from", "deleted");

        private final String verb;
        private final String done;

        Kind(String verb, String done) {
            this.verb = verb;
            this.done = done;
        }

        /** "update", "insert into", "delete from": for messages about a table. */
        public String verb() {
            return verb;
        }

        /** "updated", "inserted", "deleted". */
        public String done() {
            return done;
        }
    }

    /**
     * One row to change.
     *
     * @param id      the row's key (null for INSERT)
     * @param mailbox the mailbox it lives in ({@code UserId}), or null for the default one
     * @param values  the values of {@link TableChange#columns()}, in the driver's internal
     *                representation (null for DELETE)
     */
    public record Row(String id, String mailbox, Object[] values) {
    }
}
