package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EXISTS, NOT EXISTS, IN and NOT IN — with NULL keys on either side, duplicate keys on both sides and q21-style
 * residual conditions — as SEMI and ANTI joins, most building on their smaller left input; each compared with DuckDB
 * serially and on 4 workers.
 */
@Timeout(120)
class SemiAntiJoinTest {
  @RegisterExtension
  static final TpchOracleExtension SERIAL = new TpchOracleExtension(1);
  @RegisterExtension
  static final TpchOracleExtension PARALLEL = new TpchOracleExtension(4);

  /** nation's keys with every fourth one NULL. */
  private static final String NULLABLE_NATIONS =
      "(SELECT n_name, CASE WHEN n_nationkey % 4 = 0 THEN NULL ELSE n_nationkey END AS k FROM nation) t";
  /** customers' nation keys (about 60 per nation), every third one NULL. */
  private static final String NULLABLE_CUSTOMERS =
      "(SELECT c_custkey, c_acctbal, CASE WHEN c_custkey % 3 = 0 THEN NULL ELSE c_nationkey END AS ck FROM customer) c";

  static Stream<String> statements() {
    return Stream.of(
        "SELECT n_name FROM nation WHERE EXISTS (SELECT 1 FROM customer WHERE c_nationkey = n_nationkey "
            + "AND c_acctbal > 9000) ORDER BY n_name",
        "SELECT n_name FROM nation WHERE NOT EXISTS (SELECT 1 FROM customer WHERE c_nationkey = n_nationkey "
            + "AND c_acctbal > 9000) ORDER BY n_name",
        "SELECT n_name FROM nation WHERE n_nationkey IN (SELECT c_nationkey FROM customer WHERE c_acctbal > 9500) "
            + "ORDER BY n_name",
        "SELECT n_name FROM nation WHERE n_nationkey NOT IN (SELECT c_nationkey FROM customer "
            + "WHERE c_acctbal > 9500) ORDER BY n_name",
        // a NULL in the subquery: NOT IN is never true
        "SELECT n_name FROM nation WHERE n_nationkey NOT IN (SELECT ck FROM " + NULLABLE_CUSTOMERS
            + " WHERE c_acctbal > 9500) ORDER BY n_name",
        // NULL keys on the left: IN and NOT IN drop them, NOT EXISTS keeps them
        "SELECT n_name, k FROM " + NULLABLE_NATIONS + " WHERE k IN (SELECT c_nationkey FROM customer) ORDER BY 1",
        "SELECT n_name, k FROM " + NULLABLE_NATIONS + " WHERE k NOT IN (SELECT c_nationkey FROM customer "
            + "WHERE c_acctbal > 9500) ORDER BY 1",
        "SELECT n_name, k FROM " + NULLABLE_NATIONS + " WHERE NOT EXISTS (SELECT 1 FROM customer "
            + "WHERE c_nationkey = t.k AND c_acctbal > 9500) ORDER BY 1",
        // NULL keys on both sides
        "SELECT n_name, k FROM " + NULLABLE_NATIONS + " WHERE EXISTS (SELECT 1 FROM " + NULLABLE_CUSTOMERS
            + " WHERE c.ck = t.k AND c.c_acctbal > 9000) ORDER BY 1",
        "SELECT n_name, k FROM " + NULLABLE_NATIONS + " WHERE NOT EXISTS (SELECT 1 FROM " + NULLABLE_CUSTOMERS
            + " WHERE c.ck = t.k AND c.c_acctbal > 9000) ORDER BY 1",
        // duplicate keys on both sides and a residual condition (TPC-H q21's shape)
        "SELECT l1.l_orderkey, l1.l_linenumber, l1.l_suppkey FROM lineitem l1 WHERE l1.l_orderkey < 600 "
            + "AND EXISTS (SELECT * FROM lineitem l2 WHERE l2.l_orderkey = l1.l_orderkey "
            + "AND l2.l_suppkey <> l1.l_suppkey) AND NOT EXISTS (SELECT * FROM lineitem l3 "
            + "WHERE l3.l_orderkey = l1.l_orderkey AND l3.l_suppkey <> l1.l_suppkey "
            + "AND l3.l_receiptdate > l3.l_commitdate) ORDER BY 1, 2",
        "SELECT o_orderpriority, count(*) FROM orders WHERE o_orderdate >= DATE '1993-07-01' "
            + "AND o_orderdate < DATE '1993-10-01' AND EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey "
            + "AND l_commitdate < l_receiptdate) GROUP BY o_orderpriority ORDER BY o_orderpriority",
        "SELECT c_custkey FROM customer WHERE c_acctbal > 9000 AND NOT EXISTS (SELECT * FROM orders "
            + "WHERE o_custkey = c_custkey) ORDER BY c_custkey");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDbSeriallyAndOnFourWorkers(String sql) throws Exception {
    List<List<Object>> rows = SERIAL.get().assertSameRows(sql);
    PARALLEL.get().assertSameRows(sql);
    if (sql.contains("NOT IN (SELECT ck")) {
      assertTrue(rows.isEmpty(), "NOT IN with a NULL in the subquery keeps no row");
    }
  }

  @Test
  void smallLeftSideIsBuiltWithPartitionedInputsOnFourWorkers() throws Exception {
    String sql = "SELECT o_orderpriority, count(*) FROM orders WHERE o_orderdate >= DATE '1993-07-01' "
        + "AND o_orderdate < DATE '1993-10-01' AND EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey) "
        + "GROUP BY o_orderpriority";
    String serial = SERIAL.get().explain(sql);
    assertTrue(serial.contains("joinType=semi"), serial);
    assertTrue(serial.contains("builds on the left (smaller) side: right SEMI join, the right input probes and "
        + "marks the left rows (estimated rows left "), serial);
    String parallel = PARALLEL.get().explain("SELECT c_custkey FROM customer WHERE c_acctbal > 9000 "
        + "AND NOT EXISTS (SELECT * FROM orders WHERE o_custkey = c_custkey)");
    assertTrue(parallel.contains("builds on the left (smaller) side: right ANTI join"), parallel);
    assertTrue(parallel.contains("partitioned join (estimated rows left "), parallel);
    assertTrue(parallel.contains("ANTI join building on the left marks its rows per partition"), parallel);
    assertFalse(parallel.contains("salted"), parallel);
  }

  @Test
  void largeLeftSideProbes() throws Exception {
    String plan = SERIAL.get().explain("SELECT l_orderkey FROM lineitem WHERE EXISTS "
        + "(SELECT * FROM nation WHERE n_nationkey = l_suppkey)");
    assertTrue(plan.contains("joinType=semi"), plan);
    assertFalse(plan.contains("builds on the left"), plan);
  }
}
