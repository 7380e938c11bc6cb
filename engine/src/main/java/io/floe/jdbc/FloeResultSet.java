package io.floe.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * A forward-only, read-only result set over a {@link Cursor}: a query's Arrow batches (streamed as the rows are
 * read) or rows of database metadata. {@link #getObject(int)} returns the JDBC-standard class of each column type
 * ({@link JdbcTypes#javaClass}); {@code getObject(i, LocalDateTime.class)} and the other java.time classes work too.
 */
final class FloeResultSet extends BaseResultSet {
  private final Statement statement;
  private final Cursor cursor;
  private final List<ColumnInfo> columns;
  private long row;
  private boolean afterLast;
  private boolean closed;
  private boolean lastWasNull;
  private int fetchSize;

  FloeResultSet(Statement statement, Cursor cursor) {
    this.statement = statement;
    this.cursor = cursor;
    this.columns = cursor.columns();
  }

  /** A result set of rows in memory. */
  static FloeResultSet of(Statement statement, List<ColumnInfo> columns, List<Object[]> rows) {
    return new FloeResultSet(statement, new RowsCursor(columns, rows));
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (afterLast) {
      return false;
    }
    boolean hasRow;
    try {
      hasRow = cursor.next();
    } catch (SQLException e) {
      close();
      throw e;
    }
    if (hasRow) {
      row++;
      return true;
    }
    afterLast = true;
    return false;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      cursor.close();
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw JdbcErrors.closed("result set");
    }
  }

  private Object value(int column) throws SQLException {
    checkOpen();
    if (column < 1 || column > columns.size()) {
      throw new SQLException("column index " + column + " out of range 1.." + columns.size(), JdbcErrors.INVALID_PARAMETER);
    }
    if (row == 0 || afterLast) {
      throw new SQLException("the result set is not on a row (call next())", JdbcErrors.INVALID_STATE);
    }
    Object value = cursor.value(column - 1);
    lastWasNull = value == null;
    return value;
  }

  @Override
  public boolean wasNull() {
    return lastWasNull;
  }

  @Override
  public int findColumn(String label) throws SQLException {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(label)) {
        return i + 1;
      }
    }
    throw new SQLException("no column " + label + " in the result: " + columns.stream().map(ColumnInfo::name).toList(),
        "42S22");
  }

  @Override
  public String getString(int column) throws SQLException {
    Object value = value(column);
    return value == null ? null : ValueConversions.toText(value);
  }

  @Override
  public String getNString(int column) throws SQLException {
    return getString(column);
  }

  @Override
  public boolean getBoolean(int column) throws SQLException {
    Object value = value(column);
    return value != null && ValueConversions.toBoolean(value);
  }

  @Override
  public byte getByte(int column) throws SQLException {
    Object value = value(column);
    return value == null ? 0 : (byte) ValueConversions.toLong(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
  }

  @Override
  public short getShort(int column) throws SQLException {
    Object value = value(column);
    return value == null ? 0 : (short) ValueConversions.toLong(value, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
  }

  @Override
  public int getInt(int column) throws SQLException {
    Object value = value(column);
    return value == null ? 0 : (int) ValueConversions.toLong(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
  }

  @Override
  public long getLong(int column) throws SQLException {
    Object value = value(column);
    return value == null ? 0 : ValueConversions.toLong(value, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
  }

  @Override
  public float getFloat(int column) throws SQLException {
    Object value = value(column);
    return value == null ? 0 : (float) ValueConversions.toDouble(value);
  }

  @Override
  public double getDouble(int column) throws SQLException {
    Object value = value(column);
    return value == null ? 0 : ValueConversions.toDouble(value);
  }

  @Override
  public BigDecimal getBigDecimal(int column) throws SQLException {
    Object value = value(column);
    return value == null ? null : ValueConversions.toBigDecimal(value);
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
    BigDecimal value = getBigDecimal(column);
    return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public byte[] getBytes(int column) throws SQLException {
    Object value = value(column);
    return value == null ? null : ValueConversions.toBytes(value);
  }

  @Override
  public Date getDate(int column) throws SQLException {
    return getDate(column, null);
  }

  @Override
  public Date getDate(int column, Calendar calendar) throws SQLException {
    Object value = value(column);
    return value == null ? null : ValueConversions.toDate(value, calendar);
  }

  @Override
  public Time getTime(int column) throws SQLException {
    return getTime(column, null);
  }

  @Override
  public Time getTime(int column, Calendar calendar) throws SQLException {
    Object value = value(column);
    return value == null ? null : ValueConversions.toTime(value, calendar);
  }

  @Override
  public Timestamp getTimestamp(int column) throws SQLException {
    return getTimestamp(column, null);
  }

  @Override
  public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException {
    Object value = value(column);
    return value == null ? null : ValueConversions.toTimestamp(value, calendar);
  }

  @Override
  public Object getObject(int column) throws SQLException {
    Object value = value(column);
    return ValueConversions.standard(value, columns.get(column - 1).jdbcType());
  }

  @Override
  public java.sql.Array getArray(int column) throws SQLException {
    Object value = getObject(column);
    if (value == null || value instanceof java.sql.Array) {
      return (java.sql.Array) value;
    }
    throw new SQLException("column " + columns.get(column - 1).name() + " is of type " + columns.get(column - 1)
        .typeName() + ", not ARRAY", "22018");
  }

  @Override
  public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
    return getObject(column);
  }

  @Override
  public <T> T getObject(int column, Class<T> type) throws SQLException {
    Object value = value(column);
    return value == null ? null : type.cast(ValueConversions.to(value, type));
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new FloeResultSetMetaData(columns);
  }

  @Override
  public SQLWarning getWarnings() {
    return null;
  }

  @Override
  public void clearWarnings() {
  }

  @Override
  public boolean isBeforeFirst() {
    return row == 0 && !afterLast;
  }

  @Override
  public boolean isAfterLast() {
    return afterLast && row > 0;
  }

  @Override
  public boolean isFirst() {
    return row == 1 && !afterLast;
  }

  @Override
  public boolean isLast() throws SQLException {
    throw JdbcErrors.notSupported("ResultSet.isLast (the result is streamed)");
  }

  @Override
  public int getRow() {
    return afterLast ? 0 : (int) Math.min(row, Integer.MAX_VALUE);
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    if (direction != ResultSet.FETCH_FORWARD) {
      throw JdbcErrors.notSupported("fetch direction " + direction + " (results are forward-only)");
    }
  }

  @Override
  public int getFetchDirection() {
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) {
    this.fetchSize = rows;
  }

  @Override
  public int getFetchSize() {
    return fetchSize;
  }

  @Override
  public int getType() {
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() {
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() {
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public boolean rowUpdated() {
    return false;
  }

  @Override
  public boolean rowInserted() {
    return false;
  }

  @Override
  public boolean rowDeleted() {
    return false;
  }

  @Override
  public Statement getStatement() {
    return statement;
  }
}
