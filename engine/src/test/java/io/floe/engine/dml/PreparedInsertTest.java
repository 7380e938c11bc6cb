package io.floe.engine.dml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import io.floe.types.NestedField;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which inserts are prepared for parameter rows, and which values go straight to their columns: the rest is left
 * to SQL (empty result, nothing written).
 */
class PreparedInsertTest {
  @TempDir
  Path dir;
  private FloeSession session;

  @BeforeEach
  void open() throws SQLException {
    session = FloeSession.open(dir);
    run("CREATE SCHEMA IF NOT EXISTS \"default\"");
    run("CREATE TABLE t (id BIGINT NOT NULL, n INT, price DECIMAL(7, 2), d DATE, ts TIMESTAMP, "
        + "tstz TIMESTAMP WITH LOCAL TIME ZONE, s VARCHAR)");
    run("CREATE TABLE u (id BIGINT NOT NULL)");
  }

  @AfterEach
  void close() {
    session.close();
  }

  private void run(String sql) throws SQLException {
    session.execute(sql).close();
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    try (QueryResult result = session.execute(sql)) {
      return ResultRows.of(result);
    }
  }

  private boolean prepared(String sql, int parameters) {
    return PreparedInsert.prepare(session, sql, parameters).isPresent();
  }

  @Test
  void onlyOneRowOfPlainMarkersIsPrepared() {
    assertTrue(prepared("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)", 7));
    assertTrue(prepared("INSERT INTO t (s, id) VALUES (?, ?)", 2));
    assertEquals(List.of(false, false, false, false, false, false, false, false, false), List.of(
        prepared("INSERT INTO t (id, n) VALUES (?, ?), (?, ?)", 4),
        prepared("INSERT INTO t (id, s) VALUES (?, CAST(? AS VARCHAR(3)))", 2),
        prepared("INSERT INTO t (id, n) VALUES (?, CAST(? AS INTEGER))", 2),
        prepared("INSERT INTO t (id, n) VALUES (?, ? + 1)", 2),
        prepared("INSERT INTO t (id, s) VALUES (?, 'fixed')", 1),
        prepared("INSERT INTO t (id) SELECT id FROM u WHERE id > ?", 1),
        prepared("INSERT INTO missing VALUES (?)", 1),
        prepared("INSERT INTO t (id) VALUES (?", 1),
        prepared("DELETE FROM t WHERE id = ?", 1)));
  }

  @Test
  void rowsGoStraightToTheColumnsAsOneSnapshot() throws SQLException {
    PreparedInsert insert = PreparedInsert.prepare(session, "INSERT INTO t (s, id, price, d, ts, tstz) "
        + "VALUES (?, ?, ?, ?, ?, ?)", 6).orElseThrow();
    OptionalLong inserted = insert.insert(List.of(
        new Object[] {"a", 1L, new BigDecimal("1.5"), LocalDate.of(2024, 1, 31),
            Timestamp.valueOf("2024-01-31 10:00:00.000001"), Instant.parse("2024-01-31T10:00:00Z")},
        new Object[] {null, 2, 7, null, null, null}));
    assertEquals(OptionalLong.of(2), inserted);
    assertEquals(List.of(
            List.of("1", "null", "1.50", "2024-01-31", "2024-01-31 10:00:00.000001", "a"),
            List.of("2", "null", "7.00", "null", "null", "null")),
        rows("SELECT CAST(id AS VARCHAR), COALESCE(CAST(n AS VARCHAR), 'null'), CAST(price AS VARCHAR), "
            + "COALESCE(CAST(d AS VARCHAR), 'null'), COALESCE(CAST(ts AS VARCHAR), 'null'), COALESCE(s, 'null') "
            + "FROM t ORDER BY id"));
    assertEquals(List.of(List.of(1L)), rows("SELECT count(*) FROM \"t$snapshots\""));
  }

  @Test
  void aValueThatNeedsACastWritesNothing() throws SQLException {
    PreparedInsert insert = PreparedInsert.prepare(session, "INSERT INTO t (id, n, price, d, tstz) "
        + "VALUES (?, ?, ?, ?, ?)", 5).orElseThrow();
    Object[] good = {1L, 1, BigDecimal.ONE, LocalDate.of(2024, 1, 1), Instant.EPOCH};
    Object[][] needCasts = {
        {null, 1, null, null, null},                       // NULL for NOT NULL id: SQL's 23502
        {1L, 1L << 40, null, null, null},                  // beyond INT: SQL's 22003
        {1L, "1", null, null, null},                       // text for a number
        {1L, 1, new BigDecimal("1.005"), null, null},      // rounds to the scale
        {1L, 1, new BigDecimal("123456.7"), null, null},   // beyond DECIMAL(7, 2)
        {1L, 1, 1.5, null, null},                          // a double for a decimal
        {1L, 1, null, "2024-01-01", null},                 // text for a date
        {1L, 1, null, LocalDateTime.of(2024, 1, 1, 0, 0), null},  // a timestamp for a date
        {1L, 1, null, null, Timestamp.valueOf("2024-01-01 00:00:00")},  // local time for a timestamptz
        {1L, 1, null, null, Instant.parse("2024-01-01T00:00:00.000000001Z")},  // beyond microseconds
    };
    for (Object[] row : needCasts) {
      assertEquals(OptionalLong.empty(), insert.insert(List.of(good, row)), java.util.Arrays.toString(row));
    }
    assertEquals(List.of(List.of(0L)), rows("SELECT count(*) FROM \"t$snapshots\""));

    run("ALTER TABLE t ADD COLUMN extra INT");
    assertEquals(OptionalLong.empty(), insert.insert(List.<Object[]>of(good)), "the table's columns changed");
  }

  @Test
  void exactAssignmentsKeepTheValue() {
    NestedField f = NestedField.optional(1, "f", Types.FLOAT);
    NestedField x = NestedField.optional(2, "x", Types.DOUBLE);
    NestedField fixed = NestedField.optional(3, "b", Types.fixed(2));
    assertEquals(0.1f, ParameterAssignment.exact(0.1f, f));
    assertEquals((double) 0.1f, ParameterAssignment.exact(0.1f, x));
    assertEquals(16_777_216f, ParameterAssignment.exact(1 << 24, f));
    assertSame(ParameterAssignment.NOT_EXACT, ParameterAssignment.exact((1 << 24) + 1, f));
    assertSame(ParameterAssignment.NOT_EXACT, ParameterAssignment.exact(Long.MIN_VALUE, x));
    assertSame(ParameterAssignment.NOT_EXACT, ParameterAssignment.exact(new BigDecimal("0.1"), x));
    assertEquals(java.nio.ByteBuffer.wrap(new byte[] {1, 2}), ParameterAssignment.exact(new byte[] {1, 2}, fixed));
    assertSame(ParameterAssignment.NOT_EXACT, ParameterAssignment.exact(new byte[] {1}, fixed));
  }
}
