package io.floe.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every Floe type read back through JDBC: getObject classes, typed getters, nulls and result metadata. */
class JdbcResultSetTest extends WarehouseConnectionBase {

  private static final List<String> COLUMNS = List.of("id", "c_bool", "c_int", "c_long", "c_float", "c_double",
      "c_decimal", "c_date", "c_time", "c_ts", "c_tstz", "c_string", "c_binary");

  @Test
  void everyTypeRoundTripsWithItsJdbcClass() throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", COLUMNS) + " FROM all_types ORDER BY id")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getObject("id"));
      assertEquals(Boolean.TRUE, rs.getObject("c_bool"));
      assertEquals(42, rs.getObject("c_int"));
      assertEquals(1_234_567_890_123L, rs.getObject("c_long"));
      assertEquals(1.5f, rs.getObject("c_float"));
      assertEquals(2.25, rs.getObject("c_double"));
      assertEquals(JdbcTestWarehouse.DECIMAL, rs.getObject("c_decimal"));
      assertEquals(Date.valueOf(JdbcTestWarehouse.DATE), rs.getObject("c_date"));
      assertEquals(Time.valueOf(LocalTime.of(10, 15, 30)).getTime() + 123, ((Time) rs.getObject("c_time")).getTime(),
          "milliseconds of the TIME");
      assertEquals(Timestamp.valueOf(JdbcTestWarehouse.TIMESTAMP), rs.getObject("c_ts"));
      assertEquals(JdbcTestWarehouse.TIMESTAMPTZ, rs.getObject("c_tstz"));
      assertEquals(JdbcTestWarehouse.TEXT, rs.getObject("c_string"));
      assertArrayEquals(JdbcTestWarehouse.BYTES, (byte[]) rs.getObject("c_binary"));
      for (int c = 1; c <= COLUMNS.size(); c++) {
        assertEquals(rs.getMetaData().getColumnClassName(c), rs.getObject(c).getClass().getName(), COLUMNS.get(c - 1));
      }

      assertTrue(rs.getBoolean("c_bool"));
      assertEquals(42, rs.getInt("c_int"));
      assertEquals(42L, rs.getLong("c_int"));
      assertEquals((short) 42, rs.getShort("c_int"));
      assertEquals("42", rs.getString("c_int"));
      assertEquals(1_234_567_890_123L, rs.getLong("c_long"));
      assertEquals(1.5f, rs.getFloat("c_float"));
      assertEquals(2.25, rs.getDouble("c_double"));
      assertEquals(new BigDecimal("12345.67"), rs.getBigDecimal("c_decimal"));
      assertEquals("12345.67", rs.getString("c_decimal"));
      assertEquals(12345.67, rs.getDouble("c_decimal"));
      assertEquals(Date.valueOf("2024-02-29"), rs.getDate("c_date"));
      assertEquals("2024-02-29", rs.getString("c_date"));
      assertEquals(JdbcTestWarehouse.TIME, rs.getObject("c_time", LocalTime.class));
      assertEquals("10:15:30.123456", rs.getString("c_time"));
      assertEquals(JdbcTestWarehouse.TIMESTAMP, rs.getObject("c_ts", LocalDateTime.class));
      assertEquals(JdbcTestWarehouse.TIMESTAMP, rs.getTimestamp("c_ts").toLocalDateTime());
      assertEquals("2024-03-01 12:34:56.789012", rs.getString("c_ts"));
      assertEquals(LocalDate.of(2024, 3, 1), rs.getObject("c_ts", LocalDate.class));
      assertEquals(JdbcTestWarehouse.TIMESTAMPTZ.toInstant(), rs.getTimestamp("c_tstz").toInstant());
      assertEquals(JdbcTestWarehouse.TIMESTAMPTZ, rs.getObject("c_tstz", OffsetDateTime.class));
      assertEquals(JdbcTestWarehouse.TEXT, rs.getString("c_string"));
      assertArrayEquals(JdbcTestWarehouse.BYTES, rs.getBytes("c_binary"));
      assertEquals("0102ff", rs.getString("c_binary"));
      assertFalse(rs.wasNull());

      assertTrue(rs.next());
      assertEquals(2, rs.getInt("id"));
      for (int c = 2; c <= COLUMNS.size(); c++) {
        assertNull(rs.getObject(c), COLUMNS.get(c - 1));
        assertTrue(rs.wasNull());
      }
      assertEquals(0, rs.getInt("c_int"));
      assertTrue(rs.wasNull());
      assertFalse(rs.getBoolean("c_bool"));
      assertNull(rs.getString("c_string"));
      assertNull(rs.getBigDecimal("c_decimal"));
      assertFalse(rs.next());
      assertFalse(rs.next());
    }
  }

  /** The optimizer removes a projection that only renames (here above an aggregate): the aliases stay. */
  @Test
  void columnLabelsAreTheAliasesTheQueryGives() throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT c_int AS k, count(*) AS n FROM all_types GROUP BY c_int")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(List.of("k", "n"), List.of(md.getColumnLabel(1), md.getColumnLabel(2)));
      assertTrue(rs.next());
      assertEquals(rs.getLong(2), rs.getLong("n"));
    }
  }

  @Test
  void resultMetadataGivesJdbcTypesPrecisionAndScale() throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", COLUMNS)
             + ", c_int + 1 AS next_int FROM all_types")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(COLUMNS.size() + 1, md.getColumnCount());
      int[] expected = {Types.INTEGER, Types.BOOLEAN, Types.INTEGER, Types.BIGINT, Types.REAL, Types.DOUBLE,
          Types.DECIMAL, Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR,
          Types.VARBINARY, Types.INTEGER};
      for (int c = 1; c <= expected.length; c++) {
        assertEquals(expected[c - 1], md.getColumnType(c), md.getColumnName(c));
      }
      assertEquals("c_decimal", md.getColumnLabel(7));
      assertEquals("DECIMAL", md.getColumnTypeName(7));
      assertEquals(10, md.getPrecision(7));
      assertEquals(2, md.getScale(7));
      assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
      assertEquals(ResultSetMetaData.columnNullable, md.isNullable(2));
      assertEquals("next_int", md.getColumnLabel(14));
      assertEquals(BigDecimal.class.getName(), md.getColumnClassName(7));
      assertTrue(md.isSigned(7));
      assertFalse(md.isSigned(12));
      SQLException outOfRange = assertThrows(SQLException.class, () -> md.getColumnType(99));
      assertEquals("07009", outOfRange.getSQLState());
    }
  }

  @Test
  void streamsManyBatchesAndHonoursMaxRows() throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT id FROM numbers")) {
      long count = 0;
      long sum = 0;
      while (rs.next()) {
        count++;
        sum += rs.getLong(1);
      }
      assertEquals(JdbcTestWarehouse.NUMBER_ROWS, count);
      long n = JdbcTestWarehouse.NUMBER_ROWS;
      assertEquals(n * (n - 1) / 2, sum);
      assertTrue(rs.isAfterLast());
    }
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(7);
      try (ResultSet rs = statement.executeQuery("SELECT id FROM numbers")) {
        int count = 0;
        while (rs.next()) {
          count++;
        }
        assertEquals(7, count);
      }
    }
  }

  @Test
  void getterErrorsHaveSqlStates() throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT c_string, c_long FROM all_types WHERE id = 1")) {
      SQLException beforeFirst = assertThrows(SQLException.class, () -> rs.getString(1));
      assertEquals("24000", beforeFirst.getSQLState());
      assertTrue(rs.next());
      SQLException notANumber = assertThrows(SQLException.class, () -> rs.getInt(1));
      assertEquals("22018", notANumber.getSQLState());
      SQLException tooBig = assertThrows(SQLException.class, () -> rs.getInt(2));
      assertEquals("22003", tooBig.getSQLState());
      SQLException noColumn = assertThrows(SQLException.class, () -> rs.getString("nope"));
      assertEquals("42S22", noColumn.getSQLState());
      assertTrue(noColumn.getMessage().contains("nope"), noColumn.getMessage());
      SQLException scroll = assertThrows(SQLException.class, rs::previous);
      assertEquals("0A000", scroll.getSQLState());
      rs.close();
      SQLException closed = assertThrows(SQLException.class, rs::next);
      assertEquals("08003", closed.getSQLState());
    }
  }
}
