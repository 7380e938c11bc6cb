package io.floe.engine.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import io.floe.engine.exchange.ExchangeStats;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partitioned join where one key holds half the rows of the large side, on 4 workers: salted and unsalted give
 * DuckDB's rows; with salting the largest task input is within 2x of the mean task input, without it far above.
 */
@Timeout(300)
class SkewedJoinTest {
  private static final int WORKERS = 4;
  private static final int FACT_ROWS = 120_000;

  @TempDir
  static Path warehouse;

  private static Connection duckdb;

  @BeforeAll
  static void setUp() throws SQLException {
    SkewedTables.create(warehouse, FACT_ROWS);
    duckdb = SkewedTables.duckdb(warehouse);
  }

  @AfterAll
  static void tearDown() throws SQLException {
    duckdb.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT f.id, f.k, d.name FROM facts f JOIN dims d ON f.k = d.k ORDER BY f.id",
      "SELECT f.id, f.v, d.name FROM facts f LEFT JOIN dims d ON f.k = d.k ORDER BY f.id",
      "SELECT f.id, d.name FROM dims d RIGHT JOIN facts f ON d.k = f.k ORDER BY f.id",
      "SELECT f.id, d.name FROM facts f LEFT JOIN (SELECT * FROM dims WHERE k <> 7) d ON f.k = d.k ORDER BY f.id"})
  void saltingBalancesTasksAndKeepsTheResult(String sql) throws SQLException {
    List<List<Object>> expected;
    try (Statement st = duckdb.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      expected = ResultRows.of(rs);
    }
    assertTrue(expected.size() > FACT_ROWS * 9 / 10, "rows: " + expected.size());
    double salted = runAndMeasure(sql, true, expected);
    double unsalted = runAndMeasure(sql, false, expected);
    System.out.printf("skewed join, %d workers: largest task input / mean task input = %.2f salted, %.2f unsalted"
        + " (%s)%n", WORKERS, salted, unsalted, sql);
    assertTrue(salted <= 2.0, "salted max/mean task input " + salted);
    assertTrue(unsalted > 2.0, "unsalted max/mean task input " + unsalted);
  }

  @Test
  void fullJoinsAreNotSalted() throws SQLException {
    String sql = "SELECT f.id, d.k FROM facts f FULL JOIN dims d ON f.k = d.k ORDER BY f.id, d.k";
    List<List<Object>> expected;
    try (Statement st = duckdb.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      expected = ResultRows.of(rs);
    }
    try (FloeSession session = FloeSession.open(warehouse, SkewedTables.SCHEMA).workers(WORKERS)
        .broadcastJoinRowLimit(0).skewSalting(true);
         QueryResult result = session.execute(sql)) {
      assertNull(ResultRows.difference(expected, ResultRows.of(result)));
      assertTrue(result.exchanges().stream().noneMatch(e -> e.description().contains("salted")),
          result.exchanges().toString());
    }
  }

  /** Runs {@code sql}, checks its rows and returns the join exchange's largest over mean task input. */
  private static double runAndMeasure(String sql, boolean salting, List<List<Object>> expected) throws SQLException {
    try (FloeSession session = FloeSession.open(warehouse, SkewedTables.SCHEMA).workers(WORKERS)
        .broadcastJoinRowLimit(0).skewSalting(salting);
         QueryResult result = session.execute(sql)) {
      assertNull(ResultRows.difference(expected, ResultRows.of(result)));
      List<ExchangeStats> joins = result.exchanges().stream().filter(e -> e.description().startsWith("join"))
          .toList();
      assertEquals(1, joins.size(), "one join exchange: " + result.exchanges());
      ExchangeStats join = joins.get(0);
      assertEquals(salting, join.description().contains("salted"), join.description());
      System.out.println((salting ? "salted:   " : "unsalted: ") + join + " " + join.description());
      return join.skew();
    }
  }
}
