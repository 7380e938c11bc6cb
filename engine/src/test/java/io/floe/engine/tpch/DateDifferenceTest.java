package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.ResultRows;
import io.floe.engine.expr.BoxedFallback;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differences of dates and timestamps over the TPC-H tables ({@code (a - b) DAY}, {@code (a - b) MONTH},
 * {@code TIMESTAMPDIFF}, casts and comparisons of such intervals, a date plus a difference), each compared with
 * DuckDB's {@code date_sub} (complete units between two datetimes) on the same files, and run on typed kernels.
 */
class DateDifferenceTest {
  /** Timestamps with hours and minutes that vary per row, on both engines. */
  private static final String TIMES = "WITH t AS (SELECT l_orderkey AS k, l_linenumber AS n, "
      + "CAST(l_shipdate AS TIMESTAMP) + INTERVAL '7' HOUR * l_linenumber AS a, "
      + "CAST(l_receiptdate AS TIMESTAMP) + INTERVAL '13' MINUTE * (l_orderkey % 97) "
      + "- INTERVAL '17' SECOND * (l_orderkey % 5) AS b, "
      + "CAST(o_orderdate AS TIMESTAMP) + INTERVAL '5' HOUR * (l_orderkey % 11) AS o "
      + "FROM lineitem JOIN orders ON l_orderkey = o_orderkey WHERE l_orderkey < 3000) ";
  private static TpchOracle oracle;

  @BeforeAll
  static void setUp() throws Exception {
    oracle = TpchOracle.open(2);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (oracle != null) {
      oracle.close();
    }
  }

  static Stream<Arguments> statements() {
    return Stream.of(
        Arguments.of("SELECT l_orderkey, l_linenumber, CAST((l_receiptdate - l_shipdate) DAY AS INTEGER), "
                + "CAST((l_commitdate - l_receiptdate) DAY AS INTEGER), TIMESTAMPDIFF(DAY, l_receiptdate, l_shipdate), "
                + "TIMESTAMPDIFF(DAY, o_orderdate, l_shipdate), TIMESTAMPDIFF(HOUR, o_orderdate, l_commitdate), "
                + "TIMESTAMPDIFF(WEEK, o_orderdate, l_receiptdate), "
                + "TIMESTAMPDIFF(HOUR, o_orderdate, CAST(l_commitdate AS TIMESTAMP) + INTERVAL '5' HOUR) "
                + "FROM lineitem JOIN orders ON l_orderkey = o_orderkey WHERE l_orderkey < 2000 ORDER BY 1, 2",
            "SELECT l_orderkey, l_linenumber, date_sub('day', l_shipdate, l_receiptdate), "
                + "date_sub('day', l_receiptdate, l_commitdate), date_sub('day', l_receiptdate, l_shipdate), "
                + "date_sub('day', o_orderdate, l_shipdate), date_sub('hour', o_orderdate, l_commitdate), "
                + "date_sub('week', o_orderdate, l_receiptdate), "
                + "date_sub('hour', CAST(o_orderdate AS TIMESTAMP), CAST(l_commitdate AS TIMESTAMP) + INTERVAL '5' HOUR) "
                + "FROM lineitem JOIN orders ON l_orderkey = o_orderkey WHERE l_orderkey < 2000 ORDER BY 1, 2"),
        // months and years between dates: complete months, the day clamped at month ends, negative differences
        Arguments.of("SELECT l_orderkey, l_linenumber, CAST((l_shipdate - o_orderdate) MONTH AS INTEGER), "
                + "TIMESTAMPDIFF(MONTH, l_receiptdate, o_orderdate), TIMESTAMPDIFF(MONTH, o_orderdate, l_receiptdate), "
                + "TIMESTAMPDIFF(YEAR, DATE '1993-02-28', l_shipdate), CAST((o_orderdate - l_commitdate) YEAR AS INTEGER), "
                + "TIMESTAMPDIFF(QUARTER, DATE '1994-01-31', o_orderdate) "
                + "FROM lineitem JOIN orders ON l_orderkey = o_orderkey ORDER BY 1, 2",
            "SELECT l_orderkey, l_linenumber, date_sub('month', o_orderdate, l_shipdate), "
                + "date_sub('month', l_receiptdate, o_orderdate), date_sub('month', o_orderdate, l_receiptdate), "
                + "date_sub('year', DATE '1993-02-28', l_shipdate), date_sub('year', l_commitdate, o_orderdate), "
                + "date_sub('quarter', DATE '1994-01-31', o_orderdate) "
                + "FROM lineitem JOIN orders ON l_orderkey = o_orderkey ORDER BY 1, 2"),
        // timestamps with times of day: whole hours, minutes, seconds, days and months, both directions
        Arguments.of(TIMES + "SELECT k, n, TIMESTAMPDIFF(HOUR, a, b), TIMESTAMPDIFF(SECOND, b, a), "
                + "CAST((b - a) HOUR AS INTEGER), CAST((a - b) MINUTE AS INTEGER), TIMESTAMPDIFF(DAY, b, o), "
                + "TIMESTAMPDIFF(MONTH, o, a), TIMESTAMPDIFF(MONTH, b, o), CAST((b - o) DAY AS BIGINT), "
                + "TIMESTAMPDIFF(MINUTE, CAST(CAST(a AS DATE) AS TIMESTAMP), b) FROM t ORDER BY k, n",
            TIMES + "SELECT k, n, date_sub('hour', a, b), date_sub('second', b, a), date_sub('hour', a, b), "
                + "date_sub('minute', b, a), date_sub('day', b, o), date_sub('month', o, a), date_sub('month', b, o), "
                + "date_sub('day', o, b), date_sub('minute', CAST(CAST(a AS DATE) AS TIMESTAMP), b) FROM t "
                + "ORDER BY k, n"),
        // comparisons of differences with interval literals, grouping by a difference, a date plus a difference
        Arguments.of("SELECT count(*) FROM lineitem WHERE (l_receiptdate - l_shipdate) DAY > INTERVAL '20' DAY "
                + "AND (l_commitdate - l_shipdate) DAY <= INTERVAL '15' DAY",
            "SELECT count(*) FROM lineitem WHERE l_receiptdate - l_shipdate > 20 AND l_commitdate - l_shipdate <= 15"),
        Arguments.of(TIMES + "SELECT count(*), sum(n) FROM t WHERE (b - a) HOUR >= INTERVAL '300' HOUR "
                + "AND (b - o) MONTH < INTERVAL '3' MONTH",
            TIMES + "SELECT count(*), sum(n) FROM t WHERE date_sub('hour', a, b) >= 300 AND date_sub('month', o, b) < 3"),
        Arguments.of("SELECT CAST((l_receiptdate - l_shipdate) DAY AS INTEGER) AS d, count(*) FROM lineitem "
                + "GROUP BY 1 ORDER BY 1",
            "SELECT l_receiptdate - l_shipdate AS d, count(*) FROM lineitem GROUP BY 1 ORDER BY 1"),
        Arguments.of("SELECT l_orderkey, l_linenumber, l_commitdate + (l_receiptdate - l_shipdate) DAY, "
                + "CAST(l_commitdate + (l_shipdate - o_orderdate) MONTH AS DATE) "
                + "FROM lineitem JOIN orders ON l_orderkey = o_orderkey WHERE l_orderkey < 1000 ORDER BY 1, 2",
            "SELECT l_orderkey, l_linenumber, l_commitdate + CAST(l_receiptdate - l_shipdate AS INTEGER), "
                + "CAST(l_commitdate + to_months(date_sub('month', o_orderdate, l_shipdate)) AS DATE) "
                + "FROM lineitem JOIN orders ON l_orderkey = o_orderkey WHERE l_orderkey < 1000 ORDER BY 1, 2"),
        // NULL operands give NULL differences
        Arguments.of("SELECT l_orderkey, l_linenumber, TIMESTAMPDIFF(DAY, CASE WHEN l_linenumber = 2 THEN NULL "
                + "ELSE l_shipdate END, l_receiptdate), TIMESTAMPDIFF(MONTH, o_orderdate, CASE WHEN l_linenumber = 3 "
                + "THEN NULL ELSE l_receiptdate END) "
                + "FROM lineitem JOIN orders ON l_orderkey = o_orderkey WHERE l_orderkey < 500 ORDER BY 1, 2",
            "SELECT l_orderkey, l_linenumber, date_sub('day', CASE WHEN l_linenumber = 2 THEN NULL "
                + "ELSE l_shipdate END, l_receiptdate), date_sub('month', o_orderdate, CASE WHEN l_linenumber = 3 "
                + "THEN NULL ELSE l_receiptdate END) "
                + "FROM lineitem JOIN orders ON l_orderkey = o_orderkey WHERE l_orderkey < 500 ORDER BY 1, 2"));
  }

  @Timeout(60)
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDbDateSub(String floeSql, String duckDbSql) throws Exception {
    List<List<Object>> expected = oracle.expected(duckDbSql);
    Map<String, Long> boxedBefore = BoxedFallback.counts();
    List<List<Object>> actual = oracle.actual(floeSql);
    assertFalse(expected.isEmpty(), "the query returns rows");
    assertNull(ResultRows.difference(expected, actual), () -> "differs from DuckDB: " + floeSql);
    assertEquals(boxedBefore, BoxedFallback.counts(), "no boxed evaluation: " + floeSql);
  }

  @Test
  void differencesWithoutADefinitionFailAtPlanTime() {
    for (String sql : List.of(
        "SELECT TIMESTAMPDIFF(MICROSECOND, o_orderdate, CAST(o_orderdate AS TIMESTAMP)) FROM orders",
        "SELECT count(*) FROM orders WHERE TIMESTAMPDIFF(MILLISECOND, o_orderdate, o_orderdate) = 0",
        "SELECT CAST((l_receiptdate - l_shipdate) DAY AS VARCHAR) FROM lineitem",
        "SELECT count(*) FROM lineitem WHERE CAST((l_receiptdate - l_shipdate) HOUR AS VARCHAR) = '1'")) {
      SQLException e = assertThrows(SQLException.class, () -> oracle.actual(sql));
      assertEquals("0A000", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }
  }
}
