package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Joins without equi keys (ranges, comparisons with a scalar subquery, cross joins, NOT EXISTS over an inequality)
 * run on N tasks by broadcasting their small right side, the other side staying split, and return DuckDB's rows
 * serially and on 4 workers.
 */
@Timeout(120)
class ThetaJoinTest {
  @RegisterExtension
  static final TpchOracleExtension SERIAL = new TpchOracleExtension(1);
  @RegisterExtension
  static final TpchOracleExtension PARALLEL = new TpchOracleExtension(4);

  /** Orders per price band: a range join of lineitem's 60,175 rows with 25 bands. */
  private static final String PRICE_BANDS = "SELECT r.lo, count(*), sum(l_quantity) FROM lineitem JOIN "
      + "(SELECT n_nationkey * 4000 AS lo, n_nationkey * 4000 + 4000 AS hi FROM nation) r "
      + "ON l_extendedprice >= r.lo AND l_extendedprice < r.hi GROUP BY r.lo ORDER BY r.lo";

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
        // a cross join
        "SELECT count(*), sum(n_nationkey * r_regionkey) FROM nation, region",
        "SELECT count(*), sum(s_acctbal) FROM supplier, region WHERE s_nationkey + r_regionkey > 20");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDbSerially(String sql) throws Exception {
    assertFalse(SERIAL.get().assertSameRows(sql).isEmpty(), sql);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDbOnFourWorkers(String sql) throws Exception {
    PARALLEL.get().assertSameRows(sql);
  }

  @Test
  void aRangeJoinBroadcastsItsSmallSideAndStaysInTheScansTasks() throws Exception {
    String plan = PARALLEL.get().explain(PRICE_BANDS);
    assertTrue(plan.contains("broadcast join (estimated rows left"), plan);
    assertFalse(plan.contains("Exchange gather from fragment"), "no input is gathered to one task:\n" + plan);
  }
}
