package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.ResultRows;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ORDER BY on 4 workers (each task sorts its share, a merging gather merges the sorted streams): rows identical,
 * order included, to the serial plan and to DuckDB; NULLS FIRST/LAST, DESC, strings, top-N with OFFSET, a sort over
 * a join and over an aggregate; ties under a LIMIT compared as sets of the tied rows; EXPLAIN.
 */
@Timeout(120)
class ParallelSortTest {
  @RegisterExtension
  static final TpchOracleExtension PARALLEL = new TpchOracleExtension(4);
  @RegisterExtension
  static final TpchOracleExtension SERIAL = new TpchOracleExtension(1);

  static Stream<String> totalOrders() {
    return Stream.of(
        "SELECT l_orderkey, l_linenumber, l_shipdate, l_extendedprice FROM lineitem WHERE l_quantity < 10 "
            + "ORDER BY l_shipdate DESC, l_orderkey, l_linenumber",
        "SELECT o_orderkey, CASE WHEN MOD(o_orderkey, 7) = 0 THEN NULL ELSE o_totalprice END AS p FROM orders "
            + "ORDER BY p NULLS FIRST, o_orderkey",
        "SELECT o_orderkey, CASE WHEN MOD(o_orderkey, 5) = 0 THEN NULL ELSE o_orderpriority END AS p FROM orders "
            + "ORDER BY p DESC NULLS LAST, o_orderkey DESC",
        "SELECT c_name, c_acctbal FROM customer ORDER BY c_name DESC",
        "SELECT l_orderkey, l_linenumber, l_extendedprice FROM lineitem "
            + "ORDER BY l_extendedprice DESC, l_orderkey, l_linenumber LIMIT 50 OFFSET 20",
        "SELECT l_orderkey, l_linenumber, l_discount FROM lineitem ORDER BY l_discount, l_orderkey DESC, "
            + "l_linenumber LIMIT 7000",
        "SELECT o_orderkey, c_name, o_totalprice FROM orders JOIN customer ON o_custkey = c_custkey "
            + "WHERE o_totalprice > 250000 ORDER BY c_name, o_orderkey",
        "SELECT l_suppkey, sum(l_quantity) AS q FROM lineitem GROUP BY l_suppkey ORDER BY q DESC, l_suppkey "
            + "LIMIT 15 OFFSET 3",
        "SELECT n_name, n_nationkey FROM nation ORDER BY n_name OFFSET 5",
        "SELECT o_orderkey FROM orders WHERE o_orderkey < 0 ORDER BY o_orderkey");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("totalOrders")
  void sortsLikeSerialAndDuckDb(String sql) throws Exception {
    TpchOracle parallel = PARALLEL.get();
    TpchOracle serial = SERIAL.get();
    List<List<Object>> actual = parallel.actual(sql);
    assertNull(ResultRows.difference(parallel.expected(sql), actual), () -> "differs from DuckDB: " + sql);
    assertEquals(serial.actual(sql), actual, "4 workers equal the serial plan: " + sql);
  }

  @Test
  void tiesUnderALimitAreTheTiedRows() throws Exception {
    TpchOracle parallel = PARALLEL.get();
    TpchOracle serial = SERIAL.get();
    String sql = "SELECT l_shipmode, l_orderkey, l_linenumber FROM lineitem ORDER BY l_shipmode DESC LIMIT 10000";
    List<List<Object>> expected = parallel.expected(sql);
    for (TpchOracle oracle : List.of(parallel, serial)) {
      List<List<Object>> actual = oracle.actual(sql);
      assertEquals(expected.size(), actual.size());
      assertEquals(expected.stream().map(r -> r.get(0)).toList(), actual.stream().map(r -> r.get(0)).toList(),
          "the sort keys in order");
      Object last = expected.get(expected.size() - 1).get(0);
      assertEquals(rowsWithKey(expected, last, false), rowsWithKey(actual, last, false), "rows before the tie");
      Set<List<Object>> tied = rowsWithKey(actual, last, true);
      assertEquals(actual.stream().filter(r -> r.get(0).equals(last)).count(), tied.size(), "no duplicates");
      Set<List<Object>> all = new HashSet<>(parallel.expected(
          "SELECT l_shipmode, l_orderkey, l_linenumber FROM lineitem WHERE l_shipmode = '" + last + "'"));
      assertTrue(all.containsAll(tied), "the tied rows are rows of the table with that key");
    }
  }

  private static Set<List<Object>> rowsWithKey(List<List<Object>> rows, Object key, boolean equal) {
    Set<List<Object>> out = new HashSet<>();
    rows.stream().filter(r -> r.get(0).equals(key) == equal).forEach(out::add);
    return out;
  }

  @Test
  void explainShowsTheSortInTheTasksAndAMergingGather() throws Exception {
    TpchOracle parallel = PARALLEL.get();
    List<String> plan = parallel.actual("EXPLAIN SELECT l_orderkey, l_linenumber FROM lineitem "
        + "WHERE l_quantity < 10 ORDER BY l_orderkey DESC LIMIT 10").stream().map(r -> (String) r.get(0)).toList();
    int merge = indexOf(plan, "merging gather");
    int sort = indexOf(plan, "top 10 in each task");
    int scan = indexOf(plan, "split over 4 tasks");
    assertTrue(merge >= 0 && merge < sort && sort < scan, "merging gather above the sort above the scan: " + plan);
    assertFalse(plan.subList(sort, scan).stream().anyMatch(l -> l.contains("Exchange gather")),
        "the sort runs in the scan's tasks: " + plan);
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }
}
