package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.ResultRows;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WITH RECURSIVE over the TPC-H tables on two workers (steps that join base tables run through exchanges in every
 * round), compared with DuckDB; UNION ends a recursion over a cycle, an endless one fails with SQLState 54000.
 */
@Timeout(120)
class RecursiveQueryTest {
  @RegisterExtension
  static final TpchOracleExtension ORACLE = new TpchOracleExtension(2);

  static Stream<String> statements() {
    return Stream.of(
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 100) SELECT count(*), sum(n) FROM r",
        // a walk over nations by region key: UNION drops rows already reached
        "WITH RECURSIVE r(k, d) AS (SELECT n_nationkey, 0 FROM nation WHERE n_nationkey = 0 "
            + "UNION SELECT n.n_nationkey, r.d + 1 FROM r JOIN nation n ON n.n_regionkey = r.k WHERE r.d < 3) "
            + "SELECT * FROM r ORDER BY 1, 2",
        // a calendar joined with the orders of each day
        "WITH RECURSIVE d(dy) AS (SELECT DATE '1995-01-01' UNION ALL "
            + "SELECT CAST(dy + INTERVAL '1' DAY AS DATE) FROM d WHERE dy < DATE '1995-02-15') "
            + "SELECT d.dy, count(o_orderkey) FROM d LEFT JOIN orders ON o_orderdate = d.dy GROUP BY d.dy ORDER BY 1",
        // a cycle through 25 values: UNION ends it once every value is reached
        "WITH RECURSIVE r(k) AS (SELECT 0 UNION SELECT MOD(k + 7, 25) FROM r) SELECT k FROM r ORDER BY k",
        // each round aggregates the previous one
        "WITH RECURSIVE r(lvl, total) AS (SELECT 0, CAST(count(*) AS BIGINT) FROM customer "
            + "UNION ALL SELECT lvl + 1, total - 140 FROM r WHERE total > 140) SELECT * FROM r ORDER BY lvl");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDb(String sql) throws SQLException {
    ORACLE.get().assertSameRows(sql);
  }

  @Test
  void endlessRecursionFailsAndTheNextQueryRuns() throws SQLException {
    SQLException e = assertThrows(SQLException.class, () -> ORACLE.get().actual(
        "WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n FROM forever) SELECT count(*) FROM forever"));
    assertEquals("54000", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("forever"), e.getMessage());
    assertEquals(List.of(List.of(25L)), ResultRows.query(ORACLE.get().session(), "SELECT count(*) FROM nation"));
  }

  @Test
  void explainAnalyzeCountsEveryRoundOfTheRecursion() throws SQLException {
    List<String> plan = ResultRows.query(ORACLE.get().session(), "EXPLAIN ANALYZE WITH RECURSIVE r(n) AS "
        + "(SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r").stream()
        .map(row -> (String) row.get(0)).toList();
    String text = String.join("\n", plan);
    assertTrue(text.contains("RecursiveUnion all=true  [rows=3 "), text);
    // rounds 1, 2 and 3 read one row each from the working table; the third round's filter keeps none
    assertTrue(text.contains("WorkTable scan r  [rows=3 "), text);
    assertTrue(text.contains("Filter") && text.matches("(?s).*Filter[^\\n]*\\[rows=2 .*"), text);
  }
}
