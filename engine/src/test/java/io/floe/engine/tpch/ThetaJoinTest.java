package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Joins without equi keys (ranges, comparisons with a scalar subquery, cross joins, NOT EXISTS over an inequality)
 * run on N tasks by broadcasting their small right side, the other side staying split, and return DuckDB's rows
 * serially and on 4 workers; a comparison with a scalar subquery runs before a SEMI or ANTI join beside it.
 */
@Timeout(120)
class ThetaJoinTest extends DuckDbComparedStatements {

  /** Orders per price band: a range join of lineitem's 60,175 rows with 25 bands. */
  private static final String PRICE_BANDS = "SELECT r.lo, count(*), sum(l_quantity) FROM lineitem JOIN "
      + "(SELECT n_nationkey * 4000 AS lo, n_nationkey * 4000 + 4000 AS hi FROM nation) r "
      + "ON l_extendedprice >= r.lo AND l_extendedprice < r.hi GROUP BY r.lo ORDER BY r.lo";

  /** TPC-H q22's shape: customers above the average balance without orders. */
  private static final String CHEAP_CUSTOMERS_WITHOUT_ORDERS = "SELECT count(*), sum(c_acctbal) FROM customer "
      + "WHERE c_acctbal > (SELECT avg(c_acctbal) FROM customer WHERE c_acctbal > 0) "
      + "AND NOT EXISTS (SELECT 1 FROM orders WHERE o_custkey = c_custkey)";

  static Stream<String> statements() {
    return Stream.of(
        PRICE_BANDS,
        // a comparison with a scalar subquery (TPC-H q22's shape)
        "SELECT count(*), sum(c_acctbal) FROM customer WHERE c_acctbal > (SELECT avg(c_acctbal) FROM customer)",
        // LEFT: each left row is on one task and meets every right row there, so its unmatched rows come out once
        "SELECT n_name, count(r_regionkey) FROM nation LEFT JOIN region ON n_regionkey < r_regionkey "
            + "GROUP BY n_name ORDER BY n_name",
        "SELECT o_orderpriority, count(r_name) FROM orders LEFT JOIN region "
            + "ON o_totalprice > 400000 + 10000 * r_regionkey GROUP BY 1 ORDER BY 1",
        // NOT EXISTS and EXISTS over an inequality: ANTI and SEMI joins without keys
        "SELECT count(*) FROM part WHERE NOT EXISTS (SELECT 1 FROM region WHERE p_size < r_regionkey)",
        "SELECT count(*) FROM part WHERE EXISTS (SELECT 1 FROM region WHERE p_size * 10 < r_regionkey + 5)",
        // a comparison with a scalar subquery beside NOT EXISTS (q22) and IN: it runs below the ANTI or SEMI join
        CHEAP_CUSTOMERS_WITHOUT_ORDERS,
        "SELECT count(*), sum(c_acctbal) FROM customer WHERE c_acctbal < (SELECT avg(c_acctbal) FROM customer) "
            + "AND c_custkey IN (SELECT o_custkey FROM orders WHERE o_totalprice > 200000)",
        // the one row on the left, the ANTI join under a projection: left as it is
        "SELECT count(*), sum(c_acctbal - m) FROM (SELECT max(s_acctbal) - 9000 AS m FROM supplier) s, "
            + "(SELECT * FROM customer WHERE NOT EXISTS (SELECT 1 FROM orders WHERE o_custkey = c_custkey)) c "
            + "WHERE c_acctbal < m",
        // the same with a side of several rows, which stays above
        "SELECT n_name, count(*) FROM customer, nation WHERE c_nationkey = n_nationkey + 1 AND n_regionkey = 2 "
            + "AND NOT EXISTS (SELECT 1 FROM orders WHERE o_custkey = c_custkey) GROUP BY n_name ORDER BY n_name",
        // a cross join
        "SELECT count(*), sum(n_nationkey * r_regionkey) FROM nation, region",
        "SELECT count(*), sum(s_acctbal) FROM supplier, region WHERE s_nationkey + r_regionkey > 20");
  }

  @Test
  void aComparisonWithAScalarSubqueryFiltersTheRowsOfTheAntiJoinItIsBesideBeforeIt() throws Exception {
    String plan = PARALLEL.get().explain(CHEAP_CUSTOMERS_WITHOUT_ORDERS);
    int anti = plan.indexOf("joinType=anti");
    int comparison = plan.indexOf("HashJoin condition=>(");
    // above in the plan's text is later in the pipeline: the ANTI join reads the comparison's rows
    assertTrue(anti >= 0 && comparison > anti, plan);
  }

  @Test
  void aRangeJoinBroadcastsItsSmallSideAndStaysInTheScansTasks() throws Exception {
    String plan = PARALLEL.get().explain(PRICE_BANDS);
    assertTrue(plan.contains("broadcast join (estimated rows left"), plan);
    assertFalse(plan.contains("Exchange gather from fragment"), "no input is gathered to one task:\n" + plan);
  }
}
