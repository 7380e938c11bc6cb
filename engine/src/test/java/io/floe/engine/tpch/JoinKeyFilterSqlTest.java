package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import io.floe.engine.planner.DistributionSettings;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Joins whose probe rows are filtered by their build keys before the exchange: the same rows as DuckDB on 2 and 4
 * workers, with partitioned and broadcast joins, and the filter planned exactly for the joins where a probe row
 * without a match yields nothing.
 */
@Timeout(180)
class JoinKeyFilterSqlTest {
  @RegisterExtension
  static final TpchOracleExtension TWO = new TpchOracleExtension(2);
  @RegisterExtension
  static final TpchOracleExtension FOUR = new TpchOracleExtension(4);

  private static final String FILTER_LINE = "probe rows filtered by the build keys before the exchange";
  private static final String NARROWED_LINE =
      "probe rows filtered by 1 of the 2 build keys before the exchange, in the scan of tpch.";
  /** A quarter of the orders keys NULL. */
  private static final String NULLABLE_ORDERS = "(SELECT CASE WHEN o_orderkey % 4 = 0 THEN NULL ELSE o_orderkey END "
      + "AS ok, o_orderdate, o_totalprice FROM orders WHERE o_orderdate < DATE '1993-01-01') o";

  /** q02's shape: the probe side groups by one of the two keys, the other is its MIN. */
  private static final String GROUPED_BY_ONE_KEY = "SELECT count(*), sum(m) FROM (SELECT ps_partkey AS k, "
      + "min(ps_supplycost) AS m FROM partsupp GROUP BY ps_partkey) a JOIN (SELECT ps_partkey, ps_supplycost "
      + "FROM partsupp WHERE ps_availqty < 100) b ON a.k = b.ps_partkey AND a.m = b.ps_supplycost";
  /** A projection in the probe's leaf fragment computes one of the two keys. */
  private static final String ONE_KEY_COMPUTED = "SELECT count(*), sum(q) FROM (SELECT l_orderkey, "
      + "l_linenumber + 1 AS q FROM lineitem) l JOIN (SELECT o_orderkey, mod(o_custkey, 7) AS c FROM orders "
      + "WHERE o_totalprice > 300000) o ON l_orderkey = o_orderkey AND q = c";
  /** The probe side groups a join by both keys, one from each of the join's inputs. */
  private static final String GROUPED_JOIN_WITH_A_KEY_FROM_EACH_INPUT = "SELECT count(*), sum(n) FROM (SELECT "
      + "l_suppkey, o_custkey, count(*) AS n FROM lineitem JOIN orders ON l_orderkey = o_orderkey "
      + "GROUP BY l_suppkey, o_custkey) x JOIN (SELECT c_custkey, c_nationkey FROM customer WHERE c_acctbal > 9000) c "
      + "ON l_suppkey = c_nationkey AND o_custkey = c_custkey";

  static Stream<Arguments> joins() {
    return Stream.of(
        // inner, q05's shape: lineitem probes a year of orders
        Arguments.of(true, "SELECT o_orderpriority, count(*), sum(l_extendedprice) FROM lineitem JOIN orders "
            + "ON l_orderkey = o_orderkey WHERE o_orderdate >= DATE '1994-01-01' AND o_orderdate < DATE '1995-01-01' "
            + "GROUP BY o_orderpriority ORDER BY 1"),
        // two keys, partsupp's selective side built
        Arguments.of(true, "SELECT count(*), sum(l_quantity) FROM lineitem JOIN partsupp ON l_partkey = ps_partkey "
            + "AND l_suppkey = ps_suppkey WHERE ps_availqty < 500"),
        // NULL keys on the build side and on the probe side
        Arguments.of(true, "SELECT count(*), sum(l_quantity) FROM (SELECT CASE WHEN l_linenumber = 1 THEN NULL "
            + "ELSE l_orderkey END AS lk, l_quantity FROM lineitem) l JOIN " + NULLABLE_ORDERS + " ON lk = o.ok"),
        // a date key and a decimal key (each filtered by a bitmap of the build values: days, unscaled cents)
        Arguments.of(true, "SELECT count(*), sum(o_totalprice) FROM orders JOIN (SELECT DISTINCT l_shipdate "
            + "FROM lineitem WHERE l_shipmode = 'AIR' AND l_quantity = 50) l ON o_orderdate = l.l_shipdate"),
        Arguments.of(true, "SELECT count(*), sum(l_quantity) FROM lineitem JOIN (SELECT DISTINCT l_discount AS d "
            + "FROM lineitem WHERE l_discount < 0.03) t ON l_tax = t.d"),
        // decimal keys of two scales (the join compares them as decimals: a bitmap never tests one scale's values
        // against the other's)
        Arguments.of(true, "SELECT count(*), sum(l_quantity) FROM lineitem JOIN (SELECT DISTINCT "
            + "CAST(l_discount AS DECIMAL(10, 3)) AS d FROM lineitem WHERE l_discount < 0.03) t ON l_tax = t.d"),
        // a text key
        Arguments.of(true, "SELECT c1.c_custkey, c2.c_acctbal FROM customer c1 JOIN (SELECT c_name, c_acctbal "
            + "FROM customer WHERE c_acctbal > 9900) c2 ON c1.c_name = c2.c_name ORDER BY 1"),
        // RIGHT: the left input probes and its unmatched rows are dropped anyway
        Arguments.of(true, "SELECT o.ok, count(l_orderkey) FROM lineitem RIGHT JOIN " + NULLABLE_ORDERS
            + " ON l_orderkey = o.ok GROUP BY o.ok ORDER BY 1 NULLS FIRST"),
        // SEMI and ANTI
        Arguments.of(true, "SELECT count(*) FROM lineitem WHERE l_orderkey IN (SELECT ok FROM " + NULLABLE_ORDERS
            + ")"),
        Arguments.of(null, "SELECT count(*), sum(o_totalprice) FROM " + NULLABLE_ORDERS + " WHERE NOT EXISTS "
            + "(SELECT 1 FROM lineitem WHERE l_orderkey = o.ok AND l_quantity > 45)"),
        // the probe side groups by the join key (q17's decorrelated average): the filter goes below the grouping
        Arguments.of(true, "SELECT sum(l_extendedprice) / 7.0 FROM lineitem, part WHERE p_partkey = l_partkey "
            + "AND p_brand = 'Brand#23' AND p_container = 'MED BOX' AND l_quantity < (SELECT 0.2 * avg(l_quantity) "
            + "FROM lineitem WHERE l_partkey = p_partkey)"),
        Arguments.of(true, "SELECT o_orderkey, n FROM (SELECT l_orderkey, count(*) AS n FROM lineitem "
            + "WHERE l_quantity > 10 GROUP BY l_orderkey) l JOIN orders ON l_orderkey = o_orderkey "
            + "WHERE o_totalprice > 400000 ORDER BY 1"),
        // q05's shape: the suppliers' keys pass through the lineitem-orders join to the lineitem scan; through a
        // SEMI join's left side; not through a LEFT join (its own filter is not planned)
        Arguments.of(true, "SELECT s_nationkey, count(*), sum(l_extendedprice) FROM lineitem JOIN orders "
            + "ON l_orderkey = o_orderkey JOIN supplier ON l_suppkey = s_suppkey WHERE o_orderdate < DATE '1993-06-01' "
            + "AND s_nationkey IN (3, 7) GROUP BY s_nationkey ORDER BY 1"),
        Arguments.of(true, "SELECT count(*), sum(l_quantity) FROM (SELECT * FROM lineitem WHERE l_orderkey IN "
            + "(SELECT o_orderkey FROM orders WHERE o_totalprice > 200000)) l JOIN supplier ON l_suppkey = s_suppkey "
            + "WHERE s_acctbal > 9000"),
        Arguments.of(true, "SELECT count(*), count(o.ok), sum(l_quantity) FROM lineitem LEFT JOIN " + NULLABLE_ORDERS
            + " ON l_orderkey = o.ok JOIN supplier ON l_suppkey = s_suppkey WHERE s_acctbal > 9000"),
        // only some of the keys pass below the probe side's top
        Arguments.of(true, GROUPED_BY_ONE_KEY), Arguments.of(true, ONE_KEY_COMPUTED),
        Arguments.of(true, GROUPED_JOIN_WITH_A_KEY_FROM_EACH_INPUT),
        // q02's shape with NULL keys on both sides, the group key computed below the grouping
        Arguments.of(true, "SELECT count(*), sum(m) FROM (SELECT CASE WHEN ps_partkey % 5 = 0 THEN NULL "
            + "ELSE ps_partkey END AS k, min(ps_supplycost) AS m FROM partsupp GROUP BY 1) a JOIN (SELECT CASE "
            + "WHEN ps_suppkey % 3 = 0 THEN NULL ELSE ps_partkey END AS k2, ps_supplycost FROM partsupp "
            + "WHERE ps_availqty < 300) b ON a.k = b.k2 AND a.m = b.ps_supplycost"),
        // a self-join whose two sides read one shared scan node: the suppliers' filter, meant for y's rows, must not
        // go to x's scan (built first)
        Arguments.of(true, "SELECT count(*), sum(n) FROM (SELECT y.l_orderkey AS yk, sum(x.l_suppkey + x.l_linenumber) "
            + "AS n FROM lineitem x JOIN (SELECT * FROM lineitem WHERE l_linenumber * 13 < l_suppkey) y "
            + "ON x.l_orderkey = y.l_suppkey GROUP BY y.l_orderkey) b JOIN supplier ON yk = s_suppkey "
            + "WHERE s_acctbal > 5000"),
        // LEFT and FULL keep probe rows without a match: no filter
        Arguments.of(false, "SELECT count(*), count(o.ok), sum(l_quantity) FROM lineitem LEFT JOIN "
            + NULLABLE_ORDERS + " ON l_orderkey = o.ok"),
        Arguments.of(false, "SELECT count(*), count(o.ok), count(l_orderkey) FROM lineitem FULL JOIN "
            + NULLABLE_ORDERS + " ON l_orderkey = o.ok"));
  }

  /**
   * @param filtered whether the join is planned with the filter (null: either, as the planner orients the join)
   */
  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("joins")
  void sameRowsAsDuckDbPartitionedAndBroadcast(Boolean filtered, String sql) throws Exception {
    for (TpchOracle oracle : new TpchOracle[] {TWO.get(), FOUR.get()}) {
      FloeSession session = oracle.session();
      try {
        for (long broadcastLimit : new long[] {0, 1_000_000}) {
          session.broadcastJoinRowLimit(broadcastLimit);
          oracle.assertSameRows(sql);
          if (filtered != null) {
            String plan = oracle.explain(sql);
            assertEquals(filtered, plan.contains(FILTER_LINE), plan);
          }
        }
      } finally {
        session.broadcastJoinRowLimit(DistributionSettings.DEFAULT_BROADCAST_ROW_LIMIT);
      }
    }
  }

  @Test
  void aProbeSideGroupedByTheJoinKeyIsFilteredBelowTheGrouping() throws Exception {
    TpchOracle oracle = TWO.get();
    long lineitems = (Long) oracle.actual("SELECT count(*) FROM lineitem").get(0).get(0);
    String plan = analyze(oracle, "SELECT o_orderkey, n FROM (SELECT l_orderkey, "
        + "count(*) AS n FROM lineitem GROUP BY l_orderkey) l JOIN orders ON l_orderkey = o_orderkey "
        + "WHERE o_totalprice > 400000");
    // every lineitem row passes the filter's operator (checked or not): it runs on the grouping's input
    assertTrue(plan.contains(" of " + lineitems + " probe rows"), plan);
  }

  @Test
  void aFilterPassesThroughAnInnerJoinToTheScanOfTheInputWithItsKey() throws Exception {
    TpchOracle oracle = TWO.get();
    String plan = oracle.explain("SELECT count(*) FROM lineitem JOIN orders ON l_orderkey = o_orderkey "
        + "JOIN supplier ON l_suppkey = s_suppkey WHERE o_orderdate < DATE '1993-06-01' AND s_nationkey = 3");
    assertEquals(2, plan.split(FILTER_LINE + ", in the scan of tpch.lineitem", -1).length - 1, plan);
  }

  @Test
  void aFilterOnSomeOfTheKeysGoesWhereOnlyThoseArePassedOn() throws Exception {
    TpchOracle oracle = TWO.get();
    long partsupps = (Long) oracle.actual("SELECT count(*) FROM partsupp").get(0).get(0);
    String plan = analyze(oracle, GROUPED_BY_ONE_KEY);
    assertTrue(plan.contains(NARROWED_LINE + "partsupp"), plan);
    // the filter on both keys stays on the grouping's output
    assertTrue(plan.lines().anyMatch(l -> l.strip().equals(FILTER_LINE)), plan);
    // the part keys of the build side's rows, tested in the scan below the grouping: it keeps their rows only
    String line = plan.lines().filter(l -> l.contains("join key filter on 1 of the 2 keys (a bitmap"))
        .findFirst().orElseThrow(() -> new AssertionError(plan));
    long kept = (Long) oracle.actual("SELECT count(*) FROM partsupp WHERE ps_partkey IN (SELECT ps_partkey "
        + "FROM partsupp WHERE ps_availqty < 100)").get(0).get(0);
    assertTrue(line.contains("dropped " + (partsupps - kept) + " of " + partsupps + " probe rows (0 passed"), line);
    for (String sql : new String[] {ONE_KEY_COMPUTED, GROUPED_JOIN_WITH_A_KEY_FROM_EACH_INPUT}) {
      String lineitemPlan = oracle.explain(sql);
      assertTrue(lineitemPlan.contains(NARROWED_LINE + "lineitem"), lineitemPlan);
    }
  }

  @Test
  void anIntegerKeyIsTestedExactlyByABitmapOfTheBuildValuesAndATextKeyByABloomFilter() throws Exception {
    TpchOracle oracle = TWO.get();
    String sql = "SELECT count(*) FROM lineitem JOIN orders ON l_orderkey = o_orderkey "
        + "WHERE o_orderdate >= DATE '1994-01-01' AND o_orderdate < DATE '1995-01-01'";
    long matches = (Long) oracle.actual(sql).get(0).get(0);
    try {
      oracle.session().broadcastJoinRowLimit(1_000_000);
      String line = analyze(oracle, sql).lines().filter(l -> l.contains("join key filter (")).findFirst()
          .orElseThrow();
      assertTrue(line.contains("join key filter (a bitmap of the build keys' values "), line);
      // exact: the rows it keeps are the rows with a match (every row is checked: the broadcast build is awaited)
      long dropped = Long.parseLong(line.replaceAll(".*dropped (\\d+) of (\\d+) probe rows \\(0 passed.*", "$1"));
      long probed = Long.parseLong(line.replaceAll(".*dropped (\\d+) of (\\d+) probe rows \\(0 passed.*", "$2"));
      assertEquals(matches, probed - dropped, line);
      String text = analyze(oracle, "SELECT count(*) FROM customer c1 JOIN (SELECT c_name FROM customer "
          + "WHERE c_acctbal > 9900) c2 ON c1.c_name = c2.c_name");
      assertTrue(text.contains("join key filter (a Bloom filter of the build keys' hashes)"), text);
    } finally {
      oracle.session().broadcastJoinRowLimit(DistributionSettings.DEFAULT_BROADCAST_ROW_LIMIT);
    }
  }

  @Test
  void aBroadcastOrUnsaltedPartitionedJoinsProbeSideWaitsForTheBuildSoEveryRowIsChecked() throws Exception {
    TpchOracle oracle = FOUR.get();
    String sql = "SELECT count(*) FROM lineitem JOIN orders ON l_orderkey = o_orderkey "
        + "WHERE o_orderdate >= DATE '1994-01-01' AND o_orderdate < DATE '1995-01-01'";
    try {
      oracle.session().broadcastJoinRowLimit(1_000_000);
      String broadcast = analyze(oracle, sql);
      assertTrue(broadcast.contains("broadcast join") && broadcast.contains("probe rows (0 passed unchecked"),
          broadcast);
      oracle.session().broadcastJoinRowLimit(0).skewSalting(false);
      String partitioned = analyze(oracle, sql);
      assertTrue(partitioned.contains("partitioned join (estimated")
          && partitioned.contains("probe rows (0 passed unchecked"), partitioned);
      // two build keys for four tasks: tasks that build from no rows leave the others' keys a bitmap
      String twoKeys = "SELECT count(*), sum(l_quantity) FROM lineitem JOIN (SELECT o_orderkey FROM orders "
          + "WHERE o_orderkey IN (7, 32)) o ON l_orderkey = o_orderkey";
      String twoKeysPlan = analyze(oracle, twoKeys);
      assertTrue(twoKeysPlan.contains("partitioned join (estimated")
          && twoKeysPlan.contains("join key filter (a bitmap of the build keys' values 7..32)"), twoKeysPlan);
      oracle.assertSameRows(twoKeys);
    } finally {
      oracle.session().broadcastJoinRowLimit(DistributionSettings.DEFAULT_BROADCAST_ROW_LIMIT).skewSalting(true);
    }
  }

  @Test
  void aProbeScanTestsTheKeysBeforeReadingItsOtherColumnsUnlessAProjectionComputesTheKey() throws Exception {
    TpchOracle oracle = TWO.get();
    long lineitems = (Long) oracle.actual("SELECT count(*) FROM lineitem").get(0).get(0);
    String sql = "SELECT count(*), sum(l_extendedprice) FROM lineitem JOIN orders ON l_orderkey = o_orderkey "
        + "WHERE o_orderdate >= DATE '1994-01-01' AND o_orderdate < DATE '1994-02-01' AND l_commitdate < l_receiptdate";
    String plan = analyze(oracle, sql);
    assertTrue(plan.contains(FILTER_LINE + ", in the scan of tpch.lineitem"), plan);
    assertTrue(plan.contains("evaluated in the scan below"), plan);
    // the scan hands on only the rows the key filter and the date comparison keep
    String scanLine = plan.lines().filter(line -> line.contains("Scan tpch.lineitem")).findFirst().orElseThrow();
    long scanRows = Long.parseLong(scanLine.replaceAll(".*\\[rows=(\\d+) .*", "$1"));
    assertTrue(scanRows < lineitems / 10, scanLine);
    oracle.assertSameRows(sql);
    String computedKey = "SELECT count(*) FROM (SELECT abs(l_orderkey) AS lk FROM lineitem) l JOIN orders "
        + "ON lk = o_orderkey WHERE o_orderdate < DATE '1992-03-01'";
    String computedPlan = oracle.explain(computedKey);
    assertTrue(computedPlan.contains(FILTER_LINE) && !computedPlan.contains("in the scan of"), computedPlan);
    oracle.assertSameRows(computedKey);
  }

  @Test
  void aProbeSideGroupedByTheJoinKeyIsNotSaltedSoItWaitsForTheFilter() throws Exception {
    TpchOracle oracle = FOUR.get();
    oracle.session().broadcastJoinRowLimit(0);
    try {
      String sql = "SELECT count(*), sum(n) FROM (SELECT l_orderkey, count(*) AS n FROM lineitem GROUP BY l_orderkey) "
          + "l JOIN orders ON l_orderkey = o_orderkey WHERE o_orderdate < DATE '1992-06-01'";
      String plan = analyze(oracle, sql);
      assertTrue(plan.contains("no skew salting: the left side's keys are unique"), plan);
      assertTrue(plan.contains("probe rows (0 passed unchecked"), plan);
      oracle.assertSameRows(sql);
    } finally {
      oracle.session().broadcastJoinRowLimit(DistributionSettings.DEFAULT_BROADCAST_ROW_LIMIT);
    }
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("joins")
  void turnedOffTheSameRowsAndNoFilter(Boolean filtered, String sql) throws Exception {
    TpchOracle oracle = TWO.get();
    oracle.session().joinKeyFilters(false);
    try {
      oracle.assertSameRows(sql);
      assertTrue(!oracle.explain(sql).contains(FILTER_LINE));
    } finally {
      oracle.session().joinKeyFilters(true);
    }
  }

  /** EXPLAIN ANALYZE of {@code sql}, one line per row. */
  private static String analyze(TpchOracle oracle, String sql) throws Exception {
    return ResultRows.query(oracle.session(), "EXPLAIN ANALYZE " + sql).stream().map(row -> (String) row.get(0))
        .collect(java.util.stream.Collectors.joining("\n"));
  }
}
