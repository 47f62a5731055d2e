package io.exchangejdbc.cli;

import static java.util.Objects.requireNonNull;

import java.sql.Array;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;

/**
 * Rows read from a JDBC {@link ResultSet}, one at a time, with each value turned into the plain
 * Java value the writers know: null, {@link Boolean}, {@link Long}, {@link Double},
 * {@link java.math.BigDecimal}, {@link String}, {@link Instant} (timestamps), {@link
 * LocalDate}, {@link LocalTime}, {@code byte[]} or a {@link List} of these.
 *
 * <p>A TIMESTAMP carries no zone; the driver returns Exchange's times in UTC, so a TIMESTAMP is
 * read through a UTC calendar and becomes the instant whose UTC wall clock it shows. Reading it
 * through the JVM's zone instead would shift it, or fail for wall-clock times that a daylight
 * saving change skips.
 */
public final class JdbcRows implements Rows {

    private final ResultSet resultSet;
    private final List<Column> columns;
    private final Calendar utc = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));

    /**
     * Rows of {@code resultSet}, which stays open; the caller closes it.
     *
     * @throws SQLException when the result's metadata cannot be read
     */
    public JdbcRows(ResultSet resultSet) throws SQLException {
        this.resultSet = requireNonNull(resultSet, "resultSet");
        ResultSetMetaData md = resultSet.getMetaData();
        List<Column> cols = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String label = md.getColumnLabel(i);
            if (label == null || label.isEmpty()) {
                label = md.getColumnName(i);
            }
            cols.add(new Column(label == null ? "" : label, md.getColumnType(i)));
        }
        this.columns = Collections.unmodifiableList(cols);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Object[] next() throws SQLException {
        if (!resultSet.next()) {
            return null;
        }
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = read(i + 1, columns.get(i).jdbcType());
        }
        return row;
    }

    private Object read(int index, int type) throws SQLException {
        Object value;
        switch (type) {
            case Types.BOOLEAN:
            case Types.BIT:
                value = resultSet.getBoolean(index);
                break;
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
                value = resultSet.getLong(index);
                break;
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                value = resultSet.getDouble(index);
                break;
            case Types.DECIMAL:
            case Types.NUMERIC:
                value = resultSet.getBigDecimal(index);
                break;
            case Types.TIMESTAMP:
                Timestamp ts = resultSet.getTimestamp(index, utc);
                value = ts == null ? null : ts.toInstant();
                break;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                value = readOffsetTimestamp(index);
                break;
            case Types.CHAR:
            case Types.VARCHAR:
            case Types.LONGVARCHAR:
            case Types.NCHAR:
            case Types.NVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
            case Types.NCLOB:
                value = resultSet.getString(index);
                break;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                value = resultSet.getBytes(index);
                break;
            case Types.ARRAY:
                Array array = resultSet.getArray(index);
                value = array == null ? null : plain(array);
                break;
            default:
                value = plain(resultSet.getObject(index));
                break;
        }
        return resultSet.wasNull() ? null : value;
    }

    private Object readOffsetTimestamp(int index) throws SQLException {
        try {
            OffsetDateTime odt = resultSet.getObject(index, OffsetDateTime.class);
            return odt == null ? null : odt.toInstant();
        } catch (SQLException | RuntimeException e) {
            // Not every driver converts to java.time; the instant is the same through a Timestamp.
            Timestamp ts = resultSet.getTimestamp(index, utc);
            return ts == null ? null : ts.toInstant();
        }
    }

    /** The plain value of an object that {@code getObject} or an array returned. */
    static Object plain(Object o) throws SQLException {
        if (o == null || o instanceof String || o instanceof Boolean || o instanceof Number
                || o instanceof byte[] || o instanceof Instant || o instanceof LocalDate
                || o instanceof LocalTime) {
            return o;
        }
        if (o instanceof LocalDateTime) {
            return ((LocalDateTime) o).toInstant(ZoneOffset.UTC);
        }
        if (o instanceof Timestamp) {
            // Same reading as a TIMESTAMP column: the wall clock it shows is UTC.
            return ((Timestamp) o).toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Date) {
            return ((java.sql.Date) o).toLocalDate();
        }
        if (o instanceof Time) {
            return ((Time) o).toLocalTime();
        }
        if (o instanceof OffsetDateTime) {
            return ((OffsetDateTime) o).toInstant();
        }
        if (o instanceof Array) {
            Object elements = ((Array) o).getArray();
            return plain(elements);
        }
        if (o instanceof Object[]) {
            List<Object> list = new ArrayList<>();
            for (Object element : (Object[]) o) {
                list.add(plain(element));
            }
            return list;
        }
        if (o instanceof List<?>) {
            List<Object> list = new ArrayList<>();
            for (Object element : (List<?>) o) {
                list.add(plain(element));
            }
            return list;
        }
        if (o instanceof Clob) {
            Clob clob = (Clob) o;
            return clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length()));
        }
        return o.toString();
    }
}
