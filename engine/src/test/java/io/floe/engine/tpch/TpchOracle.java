package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The TPC-H warehouse (SF 0.01, or {@code -Dtpch.sf}) opened twice: by a Floe session and by DuckDB reading the same Parquet data files.
 * {@link #assertSameRows(String)} runs a statement on both and compares the rows in order.
 */
final class TpchOracle implements AutoCloseable {
  private final FloeSession session;
  private final Connection duckdb;

  private TpchOracle(FloeSession session, Connection duckdb) {
    this.session = session;
    this.duckdb = duckdb;
  }

  /** The oracle with a Floe session running on {@code workers} local workers. */
  static TpchOracle open(int workers) throws Exception {
    double scaleFactor = TpchWarehouse.scaleFactorFromSystem();
    Path target = Path.of("target");
    TpchWarehouse warehouse = TpchWarehouse.at(target.resolve("tpch-sf" + scaleFactor), scaleFactor);
    Connection duckdb = warehouse.openDuckDb(target.resolve("duckdb-extensions"));
    return new TpchOracle(FloeSession.open(warehouse.root(), TpchWarehouse.SCHEMA).workers(workers), duckdb);
  }

  /** The Floe session. */
  FloeSession session() {
    return session;
  }

  /** The rows DuckDB returns for {@code sql}. */
  List<List<Object>> expected(String sql) throws SQLException {
    try (Statement st = duckdb.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return ResultRows.of(rs);
    }
  }

  /** The rows Floe returns for {@code sql}. */
  List<List<Object>> actual(String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }

  /** Floe's EXPLAIN of {@code sql}, one line per plan line. */
  String explain(String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    for (List<Object> row : ResultRows.query(session, "EXPLAIN " + sql)) {
      plan.append(row.get(0)).append('\n');
    }
    return plan.toString();
  }

  /** Asserts that Floe returns DuckDB's rows for {@code sql}, in order; returns those rows. */
  List<List<Object>> assertSameRows(String sql) throws SQLException {
    return assertSameRows(sql, sql);
  }

  /** Asserts that Floe returns for {@code sql} the rows DuckDB returns for {@code duckDbSql} (its spelling of it). */
  List<List<Object>> assertSameRows(String sql, String duckDbSql) throws SQLException {
    List<List<Object>> expected = expected(duckDbSql);
    List<List<Object>> actual = actual(sql);
    assertNull(ResultRows.difference(expected, actual), () -> "differs from DuckDB: " + sql);
    return expected;
  }

  /**
   * Asserts that Floe returns DuckDB's rows for {@code sql}, at least one, with every expression on typed kernels
   * (no batch counted by {@link io.floe.engine.expr.BoxedFallback}).
   */
  void assertSameRowsOnTypedKernels(String sql) throws SQLException {
    java.util.Map<String, Long> boxedBefore = io.floe.engine.expr.BoxedFallback.counts();
    List<List<Object>> expected = assertSameRows(sql);
    org.junit.jupiter.api.Assertions.assertFalse(expected.isEmpty(), "the query returns rows");
    org.junit.jupiter.api.Assertions.assertEquals(boxedBefore, io.floe.engine.expr.BoxedFallback.counts(),
        "no boxed evaluation: " + sql);
  }

  /** Runs {@code sql} three times: each fails with a division by zero (22012) and leaves no memory allocated. */
  void assertDivisionByZeroReleasesMemory(String sql) {
    for (int i = 0; i < 3; i++) {
      SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> actual(sql));
      org.junit.jupiter.api.Assertions.assertEquals("22012", e.getSQLState(), e.getMessage());
      org.junit.jupiter.api.Assertions.assertEquals(0, session.allocatedBytes());
    }
  }

  @Override
  public void close() throws SQLException {
    session.close();
    duckdb.close();
  }
}
