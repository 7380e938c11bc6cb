package io.floe.jdbc;

import io.floe.engine.FloeSession;
import io.floe.engine.dml.PreparedInsert;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A statement with {@code ?} parameters. Each execution puts the parameter values into the SQL as typed literals
 * ({@link SqlLiterals}). A batch of {@code INSERT ... VALUES (?, ...)} is one append (one commit): its rows go
 * straight to the table's columns when every value fits its column exactly ({@link PreparedInsert}), else the batch
 * becomes one INSERT of all its rows as SQL; any other batch runs as one transaction.
 */
final class FloePreparedStatement extends BasePreparedStatement {
  private static final String UNSET = new String("unset");

  private final ParameterizedSql sql;
  private final String[] literals;
  private final Object[] values;
  private final List<List<String>> batchRows = new ArrayList<>();
  private final List<Object[]> batchValues = new ArrayList<>();
  /** The batch insert prepared at the first batch; null before, and again after a batch it could not take. */
  private Optional<PreparedInsert> preparedInsert;

  FloePreparedStatement(FloeConnection connection, String sql) {
    super(connection);
    this.sql = ParameterizedSql.parse(sql);
    this.literals = new String[this.sql.parameterCount()];
    this.values = new Object[this.sql.parameterCount()];
    Arrays.fill(literals, UNSET);
  }

  private List<String> boundLiterals() throws SQLException {
    for (int i = 0; i < literals.length; i++) {
      if (literals[i] == UNSET) {
        throw new SQLException("parameter " + (i + 1) + " is not set", JdbcErrors.PARAMETER_NOT_SET);
      }
    }
    return List.of(literals);
  }

  private String boundSql() throws SQLException {
    return sql.bind(boundLiterals());
  }

  /** Sets a parameter to {@code value} (its SQL literal checks that the value's class can be a parameter). */
  private void set(int parameter, Object value) throws SQLException {
    bind(parameter, unchangeable(value), SqlLiterals.of(value));
  }

  /**
   * The value as it is now, kept apart from an object the application may change and bind again for the next row of
   * a batch (a reused {@code Timestamp} or {@code byte[]}): the local date and time it reads as, or a copy.
   */
  private static Object unchangeable(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    } else if (value instanceof Date d) {
      return d.toLocalDate();
    } else if (value instanceof Time t) {
      return t.toLocalTime();
    } else if (value instanceof byte[] bytes) {
      return bytes.clone();
    }
    return value instanceof java.util.Date d ? d.clone() : value;
  }

  /** Sets a parameter to NULL written as {@code literal} (a typed NULL). */
  private void bindNull(int parameter, String literal) throws SQLException {
    bind(parameter, null, literal);
  }

  private void bind(int parameter, Object value, String literal) throws SQLException {
    checkOpen();
    if (parameter < 1 || parameter > literals.length) {
      throw new SQLException("parameter index " + parameter + " out of range 1.." + literals.length,
          JdbcErrors.INVALID_PARAMETER);
    }
    literals[parameter - 1] = literal;
    values[parameter - 1] = value;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    return super.executeQuery(boundSql());
  }

  @Override
  public int executeUpdate() throws SQLException {
    return super.executeUpdate(boundSql());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    return super.executeLargeUpdate(boundSql());
  }

  @Override
  public boolean execute() throws SQLException {
    return super.execute(boundSql());
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    batchRows.add(boundLiterals());
    batchValues.add(values.clone());
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batchRows.clear();
    batchValues.clear();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<List<String>> rows = List.copyOf(batchRows);
    List<Object[]> rowValues = List.copyOf(batchValues);
    batchRows.clear();
    batchValues.clear();
    if (rows.isEmpty()) {
      return new long[0];
    }
    String oneInsert = sql.bindRows(rows);
    if (oneInsert == null) {
      List<String> statements = new ArrayList<>();
      for (List<String> row : rows) {
        statements.add(sql.bind(row));
      }
      return runInOneCommit(statements);
    }
    long inserted;
    try {
      OptionalLong direct = insertDirectly(rowValues);
      inserted = direct.isPresent() ? direct.getAsLong() : super.executeLargeUpdate(oneInsert);
    } catch (SQLException e) {
      throw new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), new long[0], e);
    }
    long[] counts = new long[rows.size()];
    Arrays.fill(counts, inserted == rows.size() ? 1 : SUCCESS_NO_INFO);
    return counts;
  }

  /** The batch appended by the prepared insert; empty when it cannot take it (then the SQL runs). */
  private OptionalLong insertDirectly(List<Object[]> rows) throws SQLException {
    beginStatement();
    FloeSession session = connection.session();
    try {
      if (preparedInsert == null) {
        preparedInsert = PreparedInsert.prepare(session, sql.sql(), values.length);
      }
      OptionalLong inserted = preparedInsert.isPresent() ? preparedInsert.get().insert(rows) : OptionalLong.empty();
      if (preparedInsert.isPresent() && inserted.isEmpty()) {
        preparedInsert = null; // the table's columns may have changed: prepare again next time
      }
      return inserted;
    } catch (RuntimeException e) {
      throw FloeSession.sqlError(e);
    }
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(literals, UNSET);
    Arrays.fill(values, null);
  }

  /** The current result's columns, or before it runs a query's columns from validating it (null for others). */
  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    ResultSet current = getResultSet();
    return current != null ? current.getMetaData()
        : StatementDescription.of(connection.session(), sql.sql()).resultMetaData();
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    return StatementDescription.of(connection.session(), sql.sql()).parameterMetaData(literals.length);
  }

  @Override
  public void setNull(int parameter, int sqlType) throws SQLException {
    bindNull(parameter, SqlLiterals.nullOf(sqlType));
  }

  @Override
  public void setNull(int parameter, int sqlType, String typeName) throws SQLException {
    bindNull(parameter, SqlLiterals.nullOf(sqlType));
  }

  @Override
  public void setBoolean(int parameter, boolean value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setByte(int parameter, byte value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setShort(int parameter, short value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setInt(int parameter, int value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setLong(int parameter, long value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setFloat(int parameter, float value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setDouble(int parameter, double value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setBigDecimal(int parameter, BigDecimal value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setString(int parameter, String value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setNString(int parameter, String value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setBytes(int parameter, byte[] value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setDate(int parameter, Date value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setDate(int parameter, Date value, Calendar calendar) throws SQLException {
    set(parameter, value == null || calendar == null ? value
        : (value.toInstant().atZone(zone(calendar)).toLocalDate()));
  }

  @Override
  public void setTime(int parameter, Time value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setTime(int parameter, Time value, Calendar calendar) throws SQLException {
    set(parameter, value == null || calendar == null ? value
        : (java.time.Instant.ofEpochMilli(value.getTime()).atZone(zone(calendar)).toLocalTime()));
  }

  @Override
  public void setTimestamp(int parameter, Timestamp value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setTimestamp(int parameter, Timestamp value, Calendar calendar) throws SQLException {
    set(parameter, value == null || calendar == null ? value
        : (value.toInstant().atZone(zone(calendar)).toLocalDateTime()));
  }

  private static ZoneId zone(Calendar calendar) {
    return calendar.getTimeZone().toZoneId();
  }

  @Override
  public void setObject(int parameter, Object value) throws SQLException {
    set(parameter, value);
  }

  @Override
  public void setObject(int parameter, Object value, int targetSqlType) throws SQLException {
    set(parameter, SqlLiterals.converted(value, targetSqlType));
  }

  @Override
  public void setObject(int parameter, Object value, int targetSqlType, int scaleOrLength) throws SQLException {
    set(parameter, SqlLiterals.converted(value, targetSqlType));
  }
}
