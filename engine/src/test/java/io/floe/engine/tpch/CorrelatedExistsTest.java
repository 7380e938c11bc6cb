package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Correlated [NOT] EXISTS planned as SEMI and ANTI joins of the outer rows ({@code planner/CorrelatedExistsToJoinRule}),
 * and the shapes left to the decorrelator: the same rows as DuckDB serially and on 4 workers, and q21's outer join of
 * four tables planned once instead of once per subquery.
 */
@Timeout(180)
class CorrelatedExistsTest {
  @RegisterExtension
  static final TpchOracleExtension SERIAL = new TpchOracleExtension(1);
  @RegisterExtension
  static final TpchOracleExtension PARALLEL = new TpchOracleExtension(4);

  static Stream<String> statements() {
    return Stream.of(
        // equi and non-equi correlation, a local condition of the subquery, EXISTS and NOT EXISTS together
        "SELECT s_name, count(*) FROM supplier, lineitem l1, orders WHERE s_suppkey = l1.l_suppkey "
            + "AND o_orderkey = l1.l_orderkey AND o_orderstatus = 'F' AND l1.l_receiptdate > l1.l_commitdate "
            + "AND EXISTS (SELECT * FROM lineitem l2 WHERE l2.l_orderkey = l1.l_orderkey "
            + "AND l2.l_suppkey <> l1.l_suppkey) AND NOT EXISTS (SELECT * FROM lineitem l3 "
            + "WHERE l3.l_orderkey = l1.l_orderkey AND l3.l_suppkey <> l1.l_suppkey "
            + "AND l3.l_receiptdate > l3.l_commitdate) GROUP BY s_name ORDER BY 2 DESC, 1 LIMIT 20",
        // two correlated columns, the subquery under a projection of a constant
        "SELECT o_orderpriority, count(*) FROM orders WHERE o_orderdate < DATE '1994-01-01' AND EXISTS (SELECT 1 "
            + "FROM lineitem WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate AND l_quantity > 40) "
            + "GROUP BY 1 ORDER BY 1",
        // NOT EXISTS over a nullable outer key: a NULL key has no match, so the row stays
        "SELECT count(*), count(k) FROM (SELECT CASE WHEN c_custkey % 5 = 0 THEN NULL ELSE c_custkey END AS k "
            + "FROM customer) c WHERE NOT EXISTS (SELECT * FROM orders WHERE o_custkey = c.k)",
        "SELECT count(*) FROM (SELECT CASE WHEN c_custkey % 5 = 0 THEN NULL ELSE c_custkey END AS k "
            + "FROM customer) c WHERE EXISTS (SELECT * FROM orders WHERE o_custkey = c.k AND o_totalprice > 300000)",
        // shapes left to the decorrelator: correlation below a grouping, under OR, beside a correlated scalar
        "SELECT count(*) FROM orders WHERE EXISTS (SELECT l_orderkey FROM lineitem WHERE l_orderkey = o_orderkey "
            + "GROUP BY l_orderkey HAVING count(*) > 5)",
        "SELECT count(*) FROM orders WHERE o_totalprice > 400000 OR EXISTS (SELECT * FROM lineitem "
            + "WHERE l_orderkey = o_orderkey AND l_quantity > 49)",
        "SELECT count(*) FROM orders WHERE EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey "
            + "AND l_quantity > 45) AND o_totalprice > (SELECT avg(l_extendedprice) * 3 FROM lineitem "
            + "WHERE l_orderkey = o_orderkey)");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDbSeriallyAndOnFourWorkers(String sql) throws Exception {
    SERIAL.get().assertSameRows(sql);
    PARALLEL.get().assertSameRows(sql);
  }

  @Test
  void q21PlansItsOuterJoinOnceWithASemiAndAnAntiJoin() throws Exception {
    String plan = SERIAL.get().explain(TpchWarehouse.query("q21"));
    assertEquals(1, plan.split("Scan tpch.orders", -1).length - 1, plan);
    assertEquals(3, plan.split("Scan tpch.lineitem", -1).length - 1, plan);
    assertTrue(plan.contains("joinType=semi") && plan.contains("joinType=anti"), plan);
  }
}
