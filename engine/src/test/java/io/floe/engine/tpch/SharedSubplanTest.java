package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.QueryResult;
import java.sql.SQLException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A WITH query referenced twice (Calcite plans it as one shared node) is computed once and its rows replayed to both
 * uses; the rows equal DuckDB's on 1, 2 and 4 workers, also when a join's key filter could have dropped rows of the
 * shared node that its other use reads.
 */
@Timeout(120)
class SharedSubplanTest {
  @RegisterExtension
  static final TpchOracleExtension ORACLE = new TpchOracleExtension(2);

  /** TPC-H q15's shape: the view joined with supplier and its maximum in a scalar subquery. */
  private static final String TOP_SUPPLIER = "WITH revenue AS (SELECT l_suppkey AS supplier_no, "
      + "sum(l_extendedprice * (1 - l_discount)) AS total_revenue FROM lineitem "
      + "WHERE l_shipdate >= DATE '1996-01-01' AND l_shipdate < DATE '1996-04-01' GROUP BY l_suppkey) "
      + "SELECT s_suppkey, s_name, total_revenue FROM supplier JOIN revenue ON s_suppkey = supplier_no "
      + "WHERE total_revenue = (SELECT max(total_revenue) FROM revenue) ORDER BY s_suppkey";

  private static final String ORDERS_PER_CUSTOMER = "WITH c AS (SELECT o_custkey, count(*) AS n, "
      + "sum(o_totalprice) AS spent FROM orders GROUP BY o_custkey) ";

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void aViewReferencedTwiceGivesDuckDbsRows(int workers) throws SQLException {
    ORACLE.get().session().workers(workers);
    ORACLE.get().assertSameRows(TOP_SUPPLIER);
    // a self-join of an aggregate
    ORACLE.get().assertSameRows(ORDERS_PER_CUSTOMER + "SELECT a.n, count(*) FROM c a JOIN c b ON a.n = b.n + 1 "
        + "GROUP BY a.n ORDER BY a.n");
    // both uses in one UNION ALL, each with its own filter
    ORACLE.get().assertSameRows(ORDERS_PER_CUSTOMER + "SELECT o_custkey, n FROM c WHERE n > 25 UNION ALL "
        + "SELECT o_custkey, n FROM c WHERE n < 3 ORDER BY o_custkey, n");
    // one use is a join's probe side filtered by the build side's keys (customers of one nation): the other use,
    // a count of all rows, must still see every customer
    ORACLE.get().assertSameRows(ORDERS_PER_CUSTOMER + "SELECT (SELECT count(*) FROM c) AS all_customers, "
        + "count(*) AS of_nation, sum(spent) FROM c JOIN customer ON c.o_custkey = c_custkey WHERE c_nationkey = 3");
    // IN subqueries over the same view
    ORACLE.get().assertSameRows(ORDERS_PER_CUSTOMER + "SELECT c_nationkey, count(*) FROM customer "
        + "WHERE c_custkey IN (SELECT o_custkey FROM c WHERE n > 20) "
        + "OR c_custkey IN (SELECT o_custkey FROM c WHERE spent < 100000) GROUP BY c_nationkey ORDER BY 1");
    assertEquals(0, ORACLE.get().session().allocatedBytes());
  }

  @Test
  void explainShowsTheViewComputedOnceAndItsSecondUse() throws SQLException {
    ORACLE.get().session().workers(2);
    String plan = ORACLE.get().explain(TOP_SUPPLIER);
    assertTrue(plan.contains("computed once for its 2 uses, its rows held in memory"), plan);
    assertTrue(plan.contains("SharedResult of HashAggregate"), plan);
    assertEquals(1, plan.split("Scan tpch.lineitem", -1).length - 1, "lineitem is scanned once:\n" + plan);
  }

  @Test
  void aSharedResultOverItsShareOfMemorySpillsToOneFile() throws SQLException {
    String sql = "WITH l AS (SELECT l_orderkey, l_linenumber, sum(l_quantity) AS q, max(l_comment) AS c "
        + "FROM lineitem GROUP BY l_orderkey, l_linenumber) SELECT count(*), sum(a.q + b.q), max(a.c), min(b.c) "
        + "FROM l a JOIN l b ON a.l_orderkey = b.l_orderkey AND a.l_linenumber = b.l_linenumber";
    try {
      ORACLE.get().session().workers(1).memoryLimit(8L << 20);
      ORACLE.get().assertSameRows(sql);
      String plan = String.join("\n", ORACLE.get().actual("EXPLAIN ANALYZE " + sql).stream()
          .map(row -> (String) row.get(0)).toList());
      assertTrue(plan.contains("computed once for its 2 uses"), plan);
      assertTrue(plan.contains("spilled files=1 rows="), "the shared rows went to one spill file:\n" + plan);
      assertEquals(0, ORACLE.get().session().allocatedBytes());
    } finally {
      ORACLE.get().session().memoryLimit(io.floe.engine.FloeSession.DEFAULT_MEMORY_LIMIT);
    }
  }

  @Test
  void aSelfJoinOfATableIsReadTwiceNotHeld() throws SQLException {
    ORACLE.get().session().workers(2);
    String sql = "SELECT count(*) FROM nation a JOIN nation b ON a.n_regionkey = b.n_regionkey";
    assertFalse(ORACLE.get().explain(sql).contains("SharedResult"));
    ORACLE.get().assertSameRows(sql);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void closingEarlyOrFailingReleasesTheSharedRows(int workers) throws SQLException {
    ORACLE.get().session().workers(workers);
    String selfJoin = ORDERS_PER_CUSTOMER + "SELECT a.o_custkey, b.n FROM c a JOIN c b ON a.n = b.n";
    try (QueryResult result = ORACLE.get().session().execute(selfJoin); VectorSchemaRoot first = result.nextBatch()) {
      assertNotNull(first);
    }
    assertEquals(0, ORACLE.get().session().allocatedBytes());
    assertEquals(3, ORACLE.get().actual(selfJoin + " LIMIT 3").size());
    assertEquals(0, ORACLE.get().session().allocatedBytes());
    String failing = "WITH c AS (SELECT o_custkey, sum(o_totalprice / (o_shippriority - o_shippriority)) AS s "
        + "FROM orders GROUP BY o_custkey) "
        + "SELECT count(*), sum(a.s + b.s) FROM c a JOIN c b ON a.o_custkey = b.o_custkey";
    ORACLE.get().assertDivisionByZeroReleasesMemory(failing);
    ORACLE.get().assertSameRows(TOP_SUPPLIER);
  }
}
