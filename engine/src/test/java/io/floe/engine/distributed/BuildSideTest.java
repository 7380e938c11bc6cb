package io.floe.engine.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Joins whose left input (1000 rows by file pruning and column bounds) is estimated smaller than the right (5000):
 * the planner swaps the inputs so the hash join builds on dims (LEFT and RIGHT joins swap types), EXPLAIN says so
 * with the estimates, and the rows equal DuckDB's, serially and on 4 workers.
 */
@Timeout(300)
class BuildSideTest {
  private static final int FACT_ROWS = 20_000;
  /**
   * The first 1000 facts: Calcite guesses half of facts (10000 rows), but the scan keeps one file of 2500 rows whose
   * ids span 0..2499, so the planner's estimate is 1000 (2/5 of the file, from its column bounds).
   */
  private static final String FEW = "(SELECT id, k, v, CASE WHEN id % 10 = 3 THEN NULL ELSE id END AS nk "
      + "FROM facts WHERE id < 1000)";
  /** A quarter of facts by Calcite's guess (5000 rows), more than 1.5 x the 1000 of {@link #FEW}. */
  private static final String MANY = "(SELECT id, k, v, CASE WHEN id % 7 = 0 THEN NULL ELSE id END AS nk "
      + "FROM facts WHERE v < 50 AND k < 500)";

  @TempDir
  static Path warehouse;

  @BeforeAll
  static void createTables() {
    SkewedTables.create(warehouse, FACT_ROWS);
  }

  /** DuckDB's rows of {@code sql} over the same files, sorted. */
  private static List<List<Object>> duckDbRows(String sql) throws SQLException {
    try (Connection duckdb = SkewedTables.duckdb(warehouse); Statement st = duckdb.createStatement();
         ResultSet rs = st.executeQuery(sql)) {
      return sorted(ResultRows.of(rs));
    }
  }

  static Stream<Arguments> joins() {
    String from = " FROM " + FEW + " a ";
    String join = " JOIN " + MANY + " b ";
    return Stream.of(
        Arguments.of("SELECT a.id, a.v, b.k" + from + join + "ON a.id = b.id", "INNER join became INNER"),
        Arguments.of("SELECT a.id, b.id, b.v" + from + "LEFT" + join + "ON a.id = b.id", "LEFT join became RIGHT"),
        Arguments.of("SELECT a.k, b.id" + from + "RIGHT" + join + "ON a.id = b.id", "RIGHT join became LEFT"),
        Arguments.of("SELECT a.id, b.id" + from + "FULL" + join + "ON a.id = b.id", "FULL join became FULL"),
        Arguments.of("SELECT a.id, b.id" + from + "LEFT" + join + "ON a.id = b.id AND a.v + b.k > 60",
            "LEFT join became RIGHT"),
        Arguments.of("SELECT a.id, b.id, a.v" + from + join + "ON a.id = b.id AND a.v <> b.k % 3",
            "INNER join became INNER"),
        Arguments.of("SELECT a.id, a.nk, b.id, b.nk" + from + "FULL" + join + "ON a.nk = b.nk",
            "FULL join became FULL"),
        Arguments.of("SELECT a.id, b.nk" + from + "LEFT" + join + "ON a.nk = b.nk", "LEFT join became RIGHT"),
        Arguments.of("SELECT a.nk, b.id" + from + join + "ON a.nk = b.nk", "INNER join became INNER"),
        Arguments.of("SELECT a.id, b.id" + from + "LEFT" + join + "ON a.id > b.id + 990", "LEFT join became RIGHT"),
        Arguments.of("SELECT a.id, b.id" + from + "FULL" + join + "ON a.id > b.id + 990", "FULL join became FULL"));
  }

  @ParameterizedTest
  @MethodSource("joins")
  void smallLeftSideIsBuiltAndRowsMatchDuckDb(String sql, String swap) throws SQLException {
    List<List<Object>> expected = duckDbRows(sql);
    assertFalse(expected.isEmpty(), sql);
    for (int workers : new int[] {1, 4}) {
      try (FloeSession session = FloeSession.open(warehouse, SkewedTables.SCHEMA).workers(workers)) {
        String plan = explain(session, sql);
        assertTrue(plan.contains("inputs swapped to build on the smaller side: " + swap
            + " (estimated rows left 1000, right "), plan);
        if (workers > 1 && swap.startsWith("INNER")) {
          assertTrue(plan.contains("broadcast join (estimated rows left "), "small side broadcast:\n" + plan);
        }
        assertNull(ResultRows.difference(expected, sorted(ResultRows.query(session, sql))),
            workers + " workers: " + sql);
      }
    }
  }

  @Test
  void largeLeftSideKeepsItsInputs() throws SQLException {
    String sql = "SELECT d.name, f.id FROM facts f JOIN dims d ON d.k = f.k";
    try (FloeSession session = FloeSession.open(warehouse, SkewedTables.SCHEMA).workers(4)) {
      String plan = explain(session, sql);
      assertFalse(plan.contains("inputs swapped"), plan);
      assertTrue(plan.contains("broadcast join (estimated rows left 20000, right 900"), plan);
    }
  }

  @Test
  void semiJoinsAreNotSwappedButBuildOnTheSmallerLeftSide() throws SQLException {
    String sql = "SELECT d.name FROM dims d WHERE d.k IN (SELECT k FROM facts) ORDER BY d.name";
    List<List<Object>> expected = duckDbRows(sql);
    try (FloeSession session = FloeSession.open(warehouse, SkewedTables.SCHEMA).workers(4)) {
      String plan = explain(session, sql);
      assertFalse(plan.contains("inputs swapped"), plan);
      assertTrue(plan.contains("builds on the left (smaller) side"), plan);
      assertNull(ResultRows.difference(expected, sorted(ResultRows.query(session, sql))), sql);
    }
  }

  /** The rows in one order whatever order the join produced them in. */
  private static List<List<Object>> sorted(List<List<Object>> rows) {
    return rows.stream().sorted(Comparator.comparing(List::toString)).toList();
  }

  private static String explain(FloeSession session, String sql) throws SQLException {
    try (QueryResult result = session.execute("EXPLAIN " + sql)) {
      List<List<Object>> rows = ResultRows.of(result);
      assertEquals(1, rows.get(0).size());
      StringBuilder plan = new StringBuilder();
      for (List<Object> row : rows) {
        plan.append(row.get(0)).append('\n');
      }
      return plan.toString();
    }
  }
}
