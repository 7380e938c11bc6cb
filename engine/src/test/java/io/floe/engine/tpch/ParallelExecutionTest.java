package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import io.floe.engine.TableScanStats;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exchanges between local workers (results as DuckDB's, failures in workers, early close) and pruning. */
@Timeout(120)
class ParallelExecutionTest {
  private static TpchOracle oracle;

  @BeforeAll
  static void setUp() throws Exception {
    oracle = TpchOracle.open(4);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (oracle != null) {
      oracle.close();
    }
  }

  @Test
  void parallelJoinAndAggregateMatchDuckDb() throws SQLException {
    String sql = "SELECT c_nationkey, count(DISTINCT o_orderstatus), sum(o_totalprice), count(*) FROM customer "
        + "LEFT JOIN orders ON c_custkey = o_custkey GROUP BY c_nationkey ORDER BY c_nationkey";
    List<List<Object>> expected = oracle.expected(sql);
    assertEquals(25, expected.size());
    assertNull(ResultRows.difference(expected, oracle.actual(sql)));
  }

  @Test
  void aDateRangeReadsOnlyItsYearsPartition() throws SQLException {
    String sql = "SELECT count(*), sum(l_quantity) FROM lineitem WHERE l_shipdate >= DATE '1994-01-01' "
        + "AND l_shipdate < DATE '1995-01-01' AND l_discount > 0.05";
    try (QueryResult result = oracle.session().execute(sql)) {
      assertNull(ResultRows.difference(oracle.expected(sql), ResultRows.of(result)));
      TableScanStats scan = result.scans().get(0);
      assertEquals(7, scan.metrics().filesTotal(), "lineitem has one file per ship year");
      assertEquals(1, scan.metrics().filesOpened(), "only 1994's file is read");
    }
  }

  @Test
  void aFailureInAWorkerReachesTheCaller() {
    SQLException e = assertThrows(SQLException.class, () -> oracle.actual(
        "SELECT o_custkey, sum(o_totalprice / (o_orderkey - o_orderkey)) FROM orders GROUP BY o_custkey"));
    assertEquals("22012", e.getSQLState());
  }

  @Test
  void aLimitStopsTheWorkers() throws SQLException {
    for (int i = 0; i < 5; i++) {
      List<List<Object>> rows = oracle.actual("SELECT l_orderkey, count(*) FROM lineitem GROUP BY l_orderkey LIMIT 3");
      assertEquals(3, rows.size());
    }
  }
}
