package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import java.sql.SQLException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Joins whose tasks continue in their consumers' tasks, on 4 workers: a query closed early, a join whose probe side
 * (itself a join) is never read, and a failure in a join's build side or residual leave no memory allocated.
 */
@Timeout(120)
class InlineJoinLifecycleTest {
  @RegisterExtension
  static final TpchOracleExtension ORACLE = new TpchOracleExtension(4);

  @Test
  void closingAChainOfJoinsAfterItsFirstBatchReleasesItsMemory() throws SQLException {
    String sql = "SELECT l_orderkey, o_orderdate, c_name, n_name FROM lineitem "
        + "JOIN orders ON l_orderkey = o_orderkey JOIN customer ON o_custkey = c_custkey "
        + "JOIN nation ON c_nationkey = n_nationkey";
    for (int i = 0; i < 5; i++) {
      try (QueryResult result = ORACLE.get().session().execute(sql); VectorSchemaRoot first = result.nextBatch()) {
        assertNotNull(first);
      }
      assertEquals(0, ORACLE.get().session().allocatedBytes());
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(7, ORACLE.get().actual(sql + " LIMIT 7").size());
      assertEquals(0, ORACLE.get().session().allocatedBytes());
    }
  }

  @Test
  void aJoinWithAnEmptyBuildSideOverAJoinReleasesItsMemory() throws SQLException {
    String sql = "SELECT n_name, count(*) FROM nation JOIN (SELECT c_nationkey, o_totalprice FROM customer "
        + "JOIN orders ON c_custkey = o_custkey) co ON n_nationkey = co.c_nationkey "
        + "WHERE n_name = 'NOWHERE' GROUP BY n_name";
    for (int i = 0; i < 3; i++) {
      assertNull(ResultRows.difference(ORACLE.get().expected(sql), ORACLE.get().actual(sql)));
      assertEquals(0, ORACLE.get().session().allocatedBytes());
    }
  }

  @Test
  void aFailureInABuildSideWhoseProbeSideIsAJoinReleasesItsMemory() {
    ORACLE.get().assertDivisionByZeroReleasesMemory(
        "SELECT count(*) FROM (SELECT o_custkey FROM orders JOIN lineitem "
        + "ON o_orderkey = l_orderkey) ol JOIN (SELECT c_custkey FROM customer "
        + "WHERE c_acctbal / (c_nationkey - c_nationkey) > 0) c ON ol.o_custkey = c.c_custkey");
  }

  @Test
  void aFailureInAJoinsResidualReachesTheCallerAndReleasesItsMemory() {
    ORACLE.get().assertDivisionByZeroReleasesMemory(
        "SELECT c_nationkey, sum(o_totalprice) FROM orders JOIN customer "
        + "ON o_custkey = c_custkey AND o_totalprice / (c_acctbal - c_acctbal) > 0 GROUP BY c_nationkey");
  }
}
