package io.floe.jdbc;

import java.sql.SQLException;
import java.util.List;

/**
 * Rows a result set walks through, one at a time. Values are Java objects: Boolean, Byte, Short, Integer, Long,
 * Float, Double, BigDecimal, String, byte[], LocalDate, LocalTime, LocalDateTime (TIMESTAMP) and OffsetDateTime
 * (TIMESTAMP WITH LOCAL TIME ZONE, in UTC); null for SQL NULL.
 */
interface Cursor extends AutoCloseable {
  List<ColumnInfo> columns();

  /** Moves to the next row; false after the last. */
  boolean next() throws SQLException;

  /** The value of the current row's column (0-based). */
  Object value(int column);

  @Override
  void close();
}
