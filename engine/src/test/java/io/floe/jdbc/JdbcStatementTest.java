package io.floe.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's statements: URLs, parameters, batches, errors with SQLStates, cancel and timeout, autocommit. */
class JdbcStatementTest extends WarehouseConnectionBase {

  private static List<Object> firstRow(ResultSet rs) throws SQLException {
    try (rs) {
      assertTrue(rs.next(), "a row");
      Object[] row = new Object[rs.getMetaData().getColumnCount()];
      for (int c = 0; c < row.length; c++) {
        row[c] = rs.getObject(c + 1);
      }
      return java.util.Arrays.asList(row);
    }
  }

  @Test
  void theDriverIsRegisteredAsAService() throws SQLException {
    boolean found = false;
    for (Driver driver : ServiceLoader.load(Driver.class)) {
      found |= driver instanceof FloeDriver;
    }
    assertTrue(found, "META-INF/services/java.sql.Driver names FloeDriver");
    assertInstanceOf(FloeDriver.class, DriverManager.getDriver("jdbc:floe:"));
    assertNull(new FloeDriver().connect("jdbc:other:x", new Properties()));
  }

  @Test
  void urlsNameTheWarehouseAndProperties() throws SQLException {
    ConnectionUrl local = ConnectionUrl.parse("jdbc:floe:", new Properties());
    assertEquals(Path.of("warehouse").toAbsolutePath().toString(), local.properties().get("warehouse"));
    assertEquals("default", local.schema());
    ConnectionUrl path = ConnectionUrl.parse("jdbc:floe:/data/wh?schema=sales&workers=2", new Properties());
    assertEquals("/data/wh", path.properties().get("warehouse"));
    assertEquals("sales", path.schema());
    assertEquals(2, path.workers());
    Properties s3 = new Properties();
    s3.setProperty("s3.endpoint", "http://localhost:9000");
    ConnectionUrl bucket = ConnectionUrl.parse("jdbc:floe:s3://bucket/warehouse?s3.path-style-access=true", s3);
    assertEquals(Map.of("warehouse", "s3://bucket/warehouse", "s3.endpoint", "http://localhost:9000",
        "s3.path-style-access", "true"), bucket.properties());
    SQLException malformed = assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:floe:/x?oops", null));
    assertEquals("08001", malformed.getSQLState());
    assertTrue(malformed.getMessage().contains("oops"), malformed.getMessage());
  }

  @Test
  void aJdbcCatalogThroughConnectionProperties(@TempDir Path other) throws SQLException {
    Map<String, String> catalog = Map.of("catalog.type", "jdbc", "uri", "jdbc:sqlite:" + other.resolve("catalog.db"),
        "warehouse", other.resolve("wh").toString());
    JdbcTestWarehouse.create(catalog);
    Properties properties = new Properties();
    properties.putAll(catalog);
    properties.setProperty("schema", "shop");
    try (Connection jdbcCatalog = DriverManager.getConnection("jdbc:floe:", properties);
         Statement statement = jdbcCatalog.createStatement()) {
      assertEquals(List.of((long) JdbcTestWarehouse.NUMBER_ROWS),
          firstRow(statement.executeQuery("SELECT count(*) FROM numbers")));
    }
  }

  @Test
  void preparedParametersOfEveryType() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT id FROM all_types WHERE c_bool = ? AND c_int = ? AND c_long = ? AND c_double = ? AND c_decimal = ? "
            + "AND c_date = ? AND c_ts = ? AND c_string = ? AND c_float = ? -- a comment with ?\n"
            + "AND c_string <> '?'")) {
      assertEquals(9, ps.getParameterMetaData().getParameterCount());
      ps.setBoolean(1, true);
      ps.setInt(2, 42);
      ps.setLong(3, 1_234_567_890_123L);
      ps.setDouble(4, 2.25);
      ps.setBigDecimal(5, new BigDecimal("12345.67"));
      ps.setDate(6, Date.valueOf(JdbcTestWarehouse.DATE));
      ps.setTimestamp(7, Timestamp.valueOf(JdbcTestWarehouse.TIMESTAMP));
      ps.setString(8, JdbcTestWarehouse.TEXT);
      ps.setFloat(9, 1.5f);
      assertEquals(List.of(1), firstRow(ps.executeQuery()));
      ps.setObject(2, 43);
      try (ResultSet none = ps.executeQuery()) {
        assertFalse(none.next());
      }
      ps.clearParameters();
      SQLException unset = assertThrows(SQLException.class, ps::executeQuery);
      assertEquals("07001", unset.getSQLState());
      SQLException outOfRange = assertThrows(SQLException.class, () -> ps.setInt(10, 1));
      assertEquals("07009", outOfRange.getSQLState());
    }
  }

  @Test
  void timestampWithTimeZoneParameters() throws SQLException {
    OffsetDateTime stored = JdbcTestWarehouse.TIMESTAMPTZ;
    try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM all_types WHERE c_tstz = ?")) {
      for (Object sameInstant : List.of(stored, stored.toInstant(),
          stored.atZoneSameInstant(ZoneId.of("Asia/Tokyo")), stored.withOffsetSameInstant(ZoneOffset.ofHours(-5)))) {
        ps.setObject(1, sameInstant);
        assertEquals(List.of(1), firstRow(ps.executeQuery()), sameInstant.toString());
      }
      ps.setObject(1, Timestamp.from(stored.toInstant()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
      assertEquals(List.of(1), firstRow(ps.executeQuery()));
      ps.setObject(1, stored.plusNanos(1000));
      try (ResultSet none = ps.executeQuery()) {
        assertFalse(none.next(), "a microsecond later is another instant");
      }
      ps.setNull(1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
      try (ResultSet none = ps.executeQuery()) {
        assertFalse(none.next(), "NULL matches no row");
      }
    }
    try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM all_types WHERE c_tstz < ?")) {
      ps.setObject(1, stored.plusSeconds(1));
      assertEquals(List.of(1L), firstRow(ps.executeQuery()));
    }
  }

  @Test
  void parameterValuesComeBackUnchanged() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM all_types WHERE id = 1")) {
      ps.setString(1, "it's");
      ps.setBigDecimal(2, new BigDecimal("-0.001"));
      ps.setObject(3, LocalDateTime.of(2020, 1, 2, 3, 4, 5, 600_000_000));
      ps.setBytes(4, new byte[] {0, 127, -1});
      ps.setNull(5, java.sql.Types.VARCHAR);
      ps.setDouble(6, 1e-7);
      ps.setLong(7, Long.MIN_VALUE);
      ps.setObject(8, "7", java.sql.Types.INTEGER);
      List<Object> row = firstRow(ps.executeQuery());
      assertEquals("it's", row.get(0));
      assertEquals(new BigDecimal("-0.001"), row.get(1));
      assertEquals(Timestamp.valueOf(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 600_000_000)), row.get(2));
      assertArrayEquals(new byte[] {0, 127, -1}, (byte[]) row.get(3));
      assertNull(row.get(4));
      assertEquals(1e-7, ((Number) row.get(5)).doubleValue());
      assertEquals(Long.MIN_VALUE, ((Number) row.get(6)).longValue());
      assertEquals(7, ((Number) row.get(7)).intValue());
    }
  }

  @Test
  void aPreparedStatementDescribesItsParametersAndColumnsBeforeItRuns() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT id, c_decimal * 2 AS twice FROM all_types WHERE c_bool = ? AND c_int = ? AND c_decimal > ? "
            + "AND c_ts < ? AND c_string LIKE ?")) {
      java.sql.ParameterMetaData parameters = ps.getParameterMetaData();
      assertEquals(List.of(java.sql.Types.BOOLEAN, java.sql.Types.INTEGER, java.sql.Types.DECIMAL,
              java.sql.Types.TIMESTAMP, java.sql.Types.VARCHAR),
          List.of(parameters.getParameterType(1), parameters.getParameterType(2), parameters.getParameterType(3),
              parameters.getParameterType(4), parameters.getParameterType(5)));
      assertEquals(List.of(10, 2, "java.math.BigDecimal"),
          List.of(parameters.getPrecision(3), parameters.getScale(3), parameters.getParameterClassName(3)));
      java.sql.ResultSetMetaData columns = ps.getMetaData();
      assertEquals(2, columns.getColumnCount());
      assertEquals(List.of("id", java.sql.Types.INTEGER, "twice", java.sql.Types.DECIMAL),
          List.of(columns.getColumnLabel(1).toLowerCase(java.util.Locale.ROOT), columns.getColumnType(1),
              columns.getColumnLabel(2).toLowerCase(java.util.Locale.ROOT), columns.getColumnType(2)));
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO all_types (id, c_date, c_tstz) VALUES (?, ?, ?)")) {
      java.sql.ParameterMetaData parameters = insert.getParameterMetaData();
      assertEquals(List.of(java.sql.Types.INTEGER, java.sql.Types.DATE, java.sql.Types.TIMESTAMP_WITH_TIMEZONE),
          List.of(parameters.getParameterType(1), parameters.getParameterType(2), parameters.getParameterType(3)));
      assertNull(insert.getMetaData(), "an INSERT returns no result set");
    }
    try (PreparedStatement ddl = connection.prepareStatement("CREATE TABLE never_created (id INT)")) {
      assertEquals(0, ddl.getParameterMetaData().getParameterCount());
      assertNull(ddl.getMetaData());
    }
    try (PreparedStatement bad = connection.prepareStatement("SELECT nope FROM all_types WHERE id = ?")) {
      assertEquals("42S22", assertThrows(SQLException.class, bad::getParameterMetaData).getSQLState());
    }
  }

  @Test
  void aBatchOfInsertsBecomesOneStatement() throws SQLException {
    ParameterizedSql insert = ParameterizedSql.parse("INSERT INTO t (a, b) VALUES (?, '?' || ?) ;");
    assertEquals(2, insert.parameterCount());
    assertEquals("INSERT INTO t (a, b) VALUES (1, '?' || 'x'), (2, '?' || NULL)",
        insert.bindRows(List.of(List.of("1", "'x'"), List.of("2", "NULL"))));
    assertNull(ParameterizedSql.parse("UPDATE t SET a = ? WHERE b = ?").bindRows(List.of(List.of("1", "2"))));
    assertNull(ParameterizedSql.parse("INSERT INTO t SELECT * FROM u WHERE a = ?").bindRows(List.of(List.of("1"))));
    assertNull(ParameterizedSql.parse("INSERT INTO t VALUES (?), (?)").bindRows(List.of(List.of("1", "2"))));
  }

  @Test
  void aFailedBatchIsABatchUpdateException() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO no_such_table VALUES (?, ?)")) {
      ps.setInt(1, 1);
      ps.setString(2, "a");
      ps.addBatch();
      ps.setInt(1, 2);
      ps.setString(2, "b");
      ps.addBatch();
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals(0, e.getUpdateCounts().length);
      assertTrue(e.getSQLState() != null && !e.getSQLState().isEmpty(), e.getMessage());
      assertEquals(0, ps.executeBatch().length, "the failed batch was cleared");
    }
    try (Statement statement = connection.createStatement()) {
      statement.addBatch("SELECT 1 FROM all_types");
      BatchUpdateException e = assertThrows(BatchUpdateException.class, statement::executeBatch);
      assertTrue(e.getMessage().contains("result set"), e.getMessage());
    }
  }

  @Test
  void errorsAreSqlExceptionsWithStates() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      SQLSyntaxErrorException syntax = assertThrows(SQLSyntaxErrorException.class,
          () -> statement.executeQuery("SELECT FROM WHERE"));
      assertEquals("42000", syntax.getSQLState());
      assertTrue(syntax.getMessage().contains("line 1, column"), syntax.getMessage());
      SQLException table = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT * FROM missing"));
      assertEquals("42S02", table.getSQLState());
      SQLException column = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT nope FROM numbers"));
      assertEquals("42S22", column.getSQLState());
      SQLException zero = assertThrows(SQLException.class, () -> {
        try (ResultSet rs = statement.executeQuery("SELECT id / (id - id) FROM numbers")) {
          while (rs.next()) {
            rs.getLong(1);
          }
        }
      });
      assertEquals("22012", zero.getSQLState());
      SQLException update = assertThrows(SQLException.class, () -> statement.executeUpdate("SELECT 1 FROM numbers"));
      assertTrue(update.getMessage().contains("executeQuery"), update.getMessage());
    }
    SQLFeatureNotSupportedException call = assertThrows(SQLFeatureNotSupportedException.class,
        () -> connection.prepareCall("CALL x()"));
    assertEquals("0A000", call.getSQLState());
    assertTrue(call.getMessage().startsWith("not supported: "), call.getMessage());
    Statement closed = connection.createStatement();
    closed.close();
    assertEquals("08003", assertThrows(SQLException.class, () -> closed.executeQuery("SELECT 1")).getSQLState());
  }

  @Test
  void cancelFromAnotherThreadStopsTheRunningQuery() throws Exception {
    try (Statement statement = connection.createStatement()) {
      ResultSet rs = statement.executeQuery("SELECT id FROM numbers");
      assertTrue(rs.next());
      Thread canceller = new Thread(() -> {
        try {
          statement.cancel();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      canceller.start();
      canceller.join();
      long read = 1;
      SQLException cancelled = assertThrows(SQLException.class, () -> {
        while (rs.next()) {
          rs.getLong(1);
        }
      });
      assertEquals("57014", cancelled.getSQLState());
      assertTrue(rs.isClosed(), "a cancelled result set is closed");
      // the statement runs again after a cancel
      assertEquals(List.of((long) JdbcTestWarehouse.NUMBER_ROWS),
          firstRow(statement.executeQuery("SELECT count(*) FROM numbers")));
      assertTrue(read > 0);
    }
  }

  @Test
  void cancelInterruptsWorkThatBlocks() throws Exception {
    Cancellation cancellation = new Cancellation();
    CountDownLatch started = new CountDownLatch(1);
    Thread canceller = new Thread(() -> {
      try {
        started.await();
        cancellation.cancel(false);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    canceller.start();
    SQLException e = assertThrows(SQLException.class, () -> cancellation.run(() -> {
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException interrupted) {
        throw new IllegalStateException("interrupted", interrupted);
      }
      return null;
    }));
    canceller.join();
    assertEquals("57014", e.getSQLState());
    assertFalse(Thread.currentThread().isInterrupted(), "the cancel's interrupt does not leak");
  }

  @Test
  void theQueryTimeoutCancelsTheStatement() throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      ResultSet rs = statement.executeQuery("SELECT id FROM numbers");
      assertTrue(rs.next());
      FloeStatement floe = statement.unwrap(FloeStatement.class);
      for (int waited = 0; !floe.cancelRequested() && waited < 600; waited++) {
        Thread.sleep(100);
      }
      SQLTimeoutException timeout = assertThrows(SQLTimeoutException.class, () -> {
        while (rs.next()) {
          rs.getLong(1);
        }
      });
      assertEquals("HYT00", timeout.getSQLState());
    }
  }

  @Test
  void autocommitAndTransactionControl() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:floe:" + warehouse + "?schema=shop")) {
      assertTrue(c.getAutoCommit());
      assertEquals("25000", assertThrows(SQLException.class, c::commit).getSQLState());
      assertEquals("25000", assertThrows(SQLException.class, c::rollback).getSQLState());
      c.setAutoCommit(false);
      assertFalse(c.getAutoCommit());
      c.commit();
      c.rollback();
      c.setAutoCommit(true);
      assertTrue(c.getAutoCommit());
    }
  }

  @Test
  void closingTheConnectionClosesItsStatements() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:floe:" + warehouse + "?schema=shop");
    Statement statement = c.createStatement();
    ResultSet rs = statement.executeQuery("SELECT id FROM numbers");
    c.close();
    assertTrue(statement.isClosed());
    assertTrue(rs.isClosed());
    assertTrue(c.isClosed());
    assertFalse(c.isValid(0));
    assertEquals("08003", assertThrows(SQLException.class, c::createStatement).getSQLState());
  }
}
