package io.floe.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;

/**
 * An ARRAY value of a result row: {@link #getArray()} gives its elements as {@link java.sql.ResultSet#getObject}
 * gives values of the element type (NULL elements are null).
 */
final class FloeArray implements java.sql.Array {
  private final ColumnInfo element;
  private final Object[] elements;

  FloeArray(ColumnInfo element, Object[] elements) {
    this.element = element;
    this.elements = elements;
  }

  @Override
  public String getBaseTypeName() {
    return element.typeName();
  }

  @Override
  public int getBaseType() {
    return element.jdbcType();
  }

  @Override
  public Object getArray() {
    return elements.clone();
  }

  @Override
  public Object getArray(Map<String, Class<?>> map) {
    return getArray();
  }

  /** {@code count} elements from the {@code index}th (1-based), as JDBC numbers them. */
  @Override
  public Object getArray(long index, int count) throws SQLException {
    if (index < 1 || count < 0 || index - 1 + count > elements.length) {
      throw new SQLException("elements " + index + " to " + (index + count - 1) + " are outside the array's 1.."
          + elements.length, JdbcErrors.INVALID_PARAMETER);
    }
    return Arrays.copyOfRange(elements, (int) index - 1, (int) index - 1 + count);
  }

  @Override
  public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
    return getArray(index, count);
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    throw JdbcErrors.notSupported("Array.getResultSet");
  }

  @Override
  public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
    throw JdbcErrors.notSupported("Array.getResultSet");
  }

  @Override
  public ResultSet getResultSet(long index, int count) throws SQLException {
    throw JdbcErrors.notSupported("Array.getResultSet");
  }

  @Override
  public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
    throw JdbcErrors.notSupported("Array.getResultSet");
  }

  @Override
  public void free() {
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FloeArray a && Arrays.equals(elements, a.elements);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(elements);
  }

  /** The elements as text, {@code [a, b, null]}: what {@code getString} returns. */
  @Override
  public String toString() {
    return Arrays.stream(elements).map(ValueConversions::toText).toList().toString();
  }
}
