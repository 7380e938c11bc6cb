package io.floe.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prepared batch of {@code INSERT ... VALUES (?, ...)}: its rows land as one snapshot and read back exactly as the
 * same parameters inserted one statement at a time (SQL with literals), whether the values go straight to the
 * columns or need SQL's casts; a bad value fails the whole batch with the SQL error and commits nothing.
 */
class JdbcBatchInsertTest {
  private static final String COLUMNS = "id BIGINT NOT NULL, n INT, small_dec DECIMAL(7, 2), wide_dec DECIMAL(30, 6), "
      + "x DOUBLE, f REAL, s VARCHAR, ok BOOLEAN, d DATE, t TIME, ts TIMESTAMP, tstz TIMESTAMP WITH LOCAL TIME ZONE, "
      + "b VARBINARY";
  private static final String INSERT = "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @TempDir
  Path dir;
  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:floe:" + dir);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS app");
      connection.setSchema("app");
      for (String table : List.of("batched", "one_by_one")) {
        statement.execute("CREATE TABLE " + table + " (" + COLUMNS + ")");
      }
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  /** Row {@code i}'s parameters: every Java type JDBC applications pass, with nulls, extremes and fractions. */
  private static void bindRow(PreparedStatement ps, int i) throws SQLException {
    ps.setLong(1, i);
    if (i % 5 == 0) {
      ps.setNull(2, Types.INTEGER);
    } else {
      ps.setInt(2, i % 2 == 0 ? Integer.MIN_VALUE + i : i * 1000);
    }
    ps.setBigDecimal(3, i % 3 == 0 ? BigDecimal.valueOf(-i, 1) : new BigDecimal("12345.67"));
    ps.setObject(4, new BigDecimal("123456789012345678901234.123456").subtract(BigDecimal.valueOf(i)));
    ps.setDouble(5, i == 3 ? Double.NaN : i / 7.0);
    ps.setFloat(6, i * 0.1f);
    ps.setString(7, i % 4 == 0 ? null : "text 'quoted' ? " + i + " \u00e9\u4e2d");
    ps.setBoolean(8, i % 2 == 0);
    ps.setDate(9, Date.valueOf(LocalDate.of(1969, 12, 31).plusDays(i * 40L)));
    ps.setTime(10, Time.valueOf("10:15:" + (10 + i % 40)));
    ps.setTimestamp(11, Timestamp.valueOf(LocalDateTime.of(2024, 2, 29, 23, 59, 58).plusNanos(i * 1000L)));
    ps.setObject(12, OffsetDateTime.of(2024, 1, 1, 12, 0, 0, i * 1000, ZoneOffset.ofHours(i % 3 - 1)));
    ps.setBytes(13, new byte[] {(byte) i, 0, (byte) 0xff});
  }

  private List<List<Object>> rows(String table) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= width; c++) {
          Object value = rs.getObject(c);
          row.add(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private long count(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  private long snapshots(String table) throws SQLException {
    return count("SELECT count(*) FROM \"" + table + "$snapshots\"");
  }

  @Test
  void aBatchOfEveryTypeReadsBackAsTheSameInsertsOneByOne() throws SQLException {
    int n = 60;
    try (PreparedStatement batched = connection.prepareStatement("INSERT INTO batched " + INSERT);
         PreparedStatement single = connection.prepareStatement("INSERT INTO one_by_one " + INSERT)) {
      for (int i = 1; i <= n; i++) {
        bindRow(batched, i);
        batched.addBatch();
        bindRow(single, i);
        assertEquals(1, single.executeUpdate());
      }
      int[] counts = batched.executeBatch();
      assertEquals(n, counts.length);
      assertTrue(java.util.Arrays.stream(counts).allMatch(c -> c == 1));
    }
    assertEquals(1, snapshots("batched"), "the whole batch is one snapshot");
    List<List<Object>> expected = rows("one_by_one");
    assertEquals(n, expected.size());
    assertEquals(expected, rows("batched"));
  }

  @Test
  void valuesThatNeedSqlCastsAreCastAsSqlDoes() throws SQLException {
    String insert = "INSERT INTO %s (id, n, d, ts, tstz, s, small_dec) VALUES (?, ?, ?, ?, ?, ?, ?)";
    Object[][] rows = {
        {1L, "42", "2024-03-01", "2024-03-01 10:00:00", Timestamp.valueOf("2024-03-01 10:00:00"), 7, 1.5},
        {2L, " 7 ", "2024-03-02", "2024-03-02 01:02:03.456789", Timestamp.valueOf("2024-03-02 00:00:00.000001"),
            8, 2.255},
    };
    try (PreparedStatement batched = connection.prepareStatement(insert.formatted("batched"));
         PreparedStatement single = connection.prepareStatement(insert.formatted("one_by_one"))) {
      for (Object[] row : rows) {
        for (int p = 0; p < row.length; p++) {
          batched.setObject(p + 1, row[p]);
          single.setObject(p + 1, row[p]);
        }
        batched.addBatch();
        single.executeUpdate();
      }
      assertArrayEquals(new int[] {1, 1}, batched.executeBatch());
    }
    assertEquals(rows("one_by_one"), rows("batched"));
    assertEquals(1, snapshots("batched"));
  }

  @Test
  void aParameterObjectChangedAndBoundAgainKeepsEachRowsValue() throws SQLException {
    Timestamp ts = Timestamp.valueOf("2024-05-01 00:00:00");
    byte[] bytes = new byte[1];
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO batched (id, ts, b) VALUES (?, ?, ?)")) {
      for (int i = 1; i <= 3; i++) {
        ts.setTime(ts.getTime() + 3_600_000L);
        bytes[0] = (byte) i;
        ps.setLong(1, i);
        ps.setTimestamp(2, ts);
        ps.setBytes(3, bytes);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    assertEquals(List.of(List.of(1L, "2024-05-01 01:00:00", "01"), List.of(2L, "2024-05-01 02:00:00", "02"),
            List.of(3L, "2024-05-01 03:00:00", "03")),
        rows("(SELECT id, CAST(ts AS VARCHAR), b FROM batched)"));
  }

  @Test
  void aBadValueFailsTheWholeBatchWithTheSqlErrorAndCommitsNothing() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO batched (id, n) VALUES (?, ?)")) {
      ps.setLong(1, 1);
      ps.setInt(2, 1);
      ps.addBatch();
      ps.executeBatch();
      ps.setLong(1, 2);
      ps.setInt(2, 2);
      ps.addBatch();
      ps.setNull(1, Types.BIGINT);
      ps.setInt(2, 3);
      ps.addBatch();
      BatchUpdateException nullId = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals("23502", nullId.getSQLState(), nullId.getMessage());
      assertTrue(nullId.getMessage().contains("id"), nullId.getMessage());

      ps.setLong(1, 4);
      ps.setLong(2, 1L << 40);
      ps.addBatch();
      BatchUpdateException overflow = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals("22003", overflow.getSQLState(), overflow.getMessage());

      ps.setLong(1, 5);
      ps.setString(2, "five");
      ps.addBatch();
      BatchUpdateException text = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertTrue(text.getSQLState().startsWith("22"), text.getSQLState() + " " + text.getMessage());
    }
    assertEquals(1, snapshots("batched"), "the failed batches committed nothing");
    assertEquals(1, count("SELECT count(*) FROM batched"));
  }

  @Test
  void batchesFromThreadsAndAnotherProcessAllLand() throws Exception {
    int batches = 5;
    int rows = 200;
    Path log = dir.resolve("worker.log");
    Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        JdbcBatchWorker.class.getName(), dir.toString(), "0", Integer.toString(batches), Integer.toString(rows))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 1; t <= 2; t++) {
        long first = t * 100_000L;
        done.add(threads.submit(() -> {
          try (Connection own = DriverManager.getConnection("jdbc:floe:" + dir)) {
            own.setSchema("app");
            JdbcBatchWorker.insert(own, first, batches, rows);
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get(5, java.util.concurrent.TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
    assertTrue(worker.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "the worker process ends");
    assertEquals(0, worker.exitValue(), java.nio.file.Files.readString(log));
    assertEquals(3L * batches * rows, count("SELECT count(DISTINCT id) FROM batched"));
    assertEquals(3L * batches, snapshots("batched"), "one snapshot per batch, none lost to a concurrent commit");
  }

  @Test
  void aLargeBatchIsOneSnapshotAndTheTableMayChangeBetweenBatches() throws SQLException {
    int n = 20_000;
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO batched (id, n, s) VALUES (?, ?, ?)")) {
      for (int i = 1; i <= n; i++) {
        ps.setLong(1, i);
        ps.setInt(2, i % 100);
        ps.setString(3, "row " + i);
        ps.addBatch();
      }
      assertEquals(n, ps.executeBatch().length);
      assertEquals(1, snapshots("batched"));
      assertEquals(n, count("SELECT count(*) FROM batched"));
      assertEquals((long) n * (n + 1) / 2, count("SELECT sum(id) FROM batched"));
      assertEquals(n, count("SELECT count(DISTINCT s) FROM batched"));

      try (Statement statement = connection.createStatement()) {
        statement.execute("ALTER TABLE batched ADD COLUMN extra INT");
      }
      ps.setLong(1, n + 1);
      ps.setInt(2, 1);
      ps.setString(3, "after the new column");
      ps.addBatch();
      assertArrayEquals(new int[] {1}, ps.executeBatch());
      ps.setLong(1, n + 2);
      ps.addBatch();
      assertArrayEquals(new int[] {1}, ps.executeBatch());
    }
    assertEquals(2, count("SELECT count(*) FROM batched WHERE id > " + n + " AND extra IS NULL AND n = 1"));
  }
}
