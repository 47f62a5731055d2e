package io.exchangejdbc.calcite;

import static java.util.Objects.requireNonNull;

import io.exchangejdbc.graph.TableChange;
import io.exchangejdbc.schema.ColumnDef;
import java.util.List;

/**
 * Where the parts of a change are in each row that reaches an {@link ExchangeTableModify}: the
 * row's id, its mailbox ({@code UserId}) and the values to write.
 *
 * @param kind          what is done to the rows
 * @param idIndex       position of the id, or -1 (INSERT)
 * @param mailboxIndex  position of the {@code UserId} value, or -1 when the table has none
 * @param valueIndexes  positions of the values, in the order of {@code valueColumns}
 * @param valueColumns  the columns the values are written to
 */
record ModifyLayout(TableChange.Kind kind, int idIndex, int mailboxIndex, int[] valueIndexes,
        List<ColumnDef> valueColumns) {

    ModifyLayout {
        requireNonNull(kind, "kind");
        valueIndexes = valueIndexes.clone();
        valueColumns = List.copyOf(valueColumns);
    }
}
