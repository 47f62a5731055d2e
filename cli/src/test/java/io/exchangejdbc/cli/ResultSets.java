package io.exchangejdbc.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Calendar;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/**
 * Maker of in-memory result sets for tests, from column names, types and rows.
 *
 * <p>They are the JDK's {@link CachedRowSet} with one repair: its
 * {@code getTimestamp(int, Calendar)} drops the stored fraction of a second and keeps that of
 * the current time instead, where JDBC drivers give the stored wall-clock time read in the
 * calendar's zone.
 */
final class ResultSets {

    private ResultSets() {
    }

    /** A result set with the given columns ({@link java.sql.Types} codes) and rows. */
    static ResultSet of(String[] labels, int[] types, Object[]... rows) throws SQLException {
        CachedRowSet rowSet = RowSetProvider.newFactory().createCachedRowSet();
        RowSetMetaDataImpl md = new RowSetMetaDataImpl();
        md.setColumnCount(labels.length);
        for (int i = 0; i < labels.length; i++) {
            md.setColumnName(i + 1, labels[i]);
            md.setColumnLabel(i + 1, labels[i]);
            md.setColumnType(i + 1, types[i]);
            md.setNullable(i + 1, ResultSetMetaData.columnNullable);
        }
        rowSet.setMetaData(md);
        for (Object[] row : rows) {
            rowSet.moveToInsertRow();
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    rowSet.updateNull(i + 1);
                } else {
                    rowSet.updateObject(i + 1, row[i]);
                }
            }
            rowSet.insertRow();
        }
        rowSet.moveToCurrentRow();
        rowSet.beforeFirst();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("getTimestamp") && args.length == 2
                    && args[0] instanceof Integer && args[1] instanceof Calendar) {
                Timestamp wallClock = rowSet.getTimestamp((Integer) args[0]);
                ZoneId zone = ((Calendar) args[1]).getTimeZone().toZoneId();
                return wallClock == null ? null
                        : Timestamp.from(wallClock.toLocalDateTime().atZone(zone).toInstant());
            }
            try {
                return method.invoke(rowSet, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (ResultSet) Proxy.newProxyInstance(ResultSets.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, handler);
    }
}
