package io.exchangejdbc.cli;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Rows held in memory, for results the shell assembles itself (such as {@code \d}). */
public final class ListRows implements Rows {

    private final List<Column> columns;
    private final Iterator<Object[]> rows;

    /** Rows over {@code rows}, each holding one value per column. */
    public ListRows(List<Column> columns, List<Object[]> rows) {
        this.columns = List.copyOf(requireNonNull(columns, "columns"));
        this.rows = new ArrayList<>(requireNonNull(rows, "rows")).iterator();
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Object[] next() {
        return rows.hasNext() ? rows.next() : null;
    }
}
