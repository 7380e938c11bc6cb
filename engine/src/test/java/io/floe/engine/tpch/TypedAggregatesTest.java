package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.engine.ResultRows;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The typed aggregates (MIN, MAX, ANY_VALUE, SINGLE_VALUE, DISTINCT, FILTER) over integers, decimals, dates, doubles
 * and strings with NULLs and all-NULL groups, compared with DuckDB on the TPC-H files, serially and on 4 workers
 * (partial and final aggregates). NULLs and odd values come from CASE expressions over the tables' columns.
 */
class TypedAggregatesTest {
  @RegisterExtension
  static final TpchOracleExtension SERIAL = new TpchOracleExtension(1);
  @RegisterExtension
  static final TpchOracleExtension PARALLEL = new TpchOracleExtension(4);

  private static final String NAN_QUERY =
      "SELECT l_returnflag, max(CASE WHEN l_linenumber = 1 THEN CAST('NaN' AS DOUBLE) ELSE CAST(l_tax AS DOUBLE) END), "
          + "min(CASE WHEN l_linenumber = 1 THEN CAST('NaN' AS DOUBLE) ELSE CAST(l_tax AS DOUBLE) END), "
          + "count(DISTINCT CASE WHEN l_linenumber < 3 THEN CAST('NaN' AS DOUBLE) ELSE CAST(l_tax AS DOUBLE) END) "
          + "FROM lineitem GROUP BY 1 ORDER BY 1";

  private static final List<String> STATEMENTS = List.of(
      "SELECT l_returnflag, min(CASE WHEN l_linenumber > 3 THEN l_partkey - 100000 END), "
          + "max(CASE WHEN l_linenumber > 3 THEN -l_partkey END), min(CASE WHEN l_returnflag = 'R' THEN l_suppkey END), "
          + "max(CASE WHEN l_returnflag = 'R' THEN l_suppkey END) FROM lineitem GROUP BY l_returnflag ORDER BY 1",
      "SELECT l_linestatus, min(l_extendedprice), max(l_discount - 0.05), min(l_discount - 0.05), "
          + "min(CASE WHEN l_tax > 0.07 THEN l_extendedprice END), "
          + "max(CASE WHEN l_linestatus = 'F' THEN l_extendedprice END) FROM lineitem GROUP BY 1 ORDER BY 1",
      "SELECT o_orderpriority, min(o_orderdate), max(CASE WHEN o_orderstatus = 'F' THEN o_orderdate END), "
          + "min(CASE WHEN o_orderstatus = 'X' THEN o_orderdate END) FROM orders GROUP BY 1 ORDER BY 1",
      "SELECT n_regionkey, min(n_name), max(n_comment), min(CASE WHEN n_nationkey > 100 THEN n_name END), "
          + "min(CASE WHEN n_nationkey % 3 = 0 THEN n_name || 'é' WHEN n_nationkey % 3 = 1 THEN '' "
          + "ELSE 'ÿÆ' || n_name END), "
          + "max(CASE WHEN n_nationkey % 3 = 0 THEN n_name || 'é' WHEN n_nationkey % 3 = 1 THEN 'Zürich' "
          + "ELSE 'ÿÆ' || n_name END) FROM nation GROUP BY 1 ORDER BY 1",
      "SELECT o_custkey, min(o_clerk), max(o_comment), min(o_orderdate), max(o_totalprice), "
          + "min(CASE WHEN o_orderstatus = 'O' THEN o_totalprice END) FROM orders GROUP BY 1 ORDER BY 1",
      "SELECT l_returnflag, min(CAST(l_discount AS DOUBLE) - 0.05), max(CAST(l_extendedprice AS DOUBLE) * -1), "
          + "min(CASE WHEN l_returnflag = 'R' THEN CAST(l_tax AS DOUBLE) END), "
          + "max(CASE WHEN l_quantity > 100 THEN CAST(l_tax AS DOUBLE) END) FROM lineitem GROUP BY 1 ORDER BY 1",
      "SELECT min(l_shipdate), max(l_comment), min(CASE WHEN l_quantity > 100 THEN l_quantity END), "
          + "max(CAST(l_quantity AS DOUBLE)) FROM lineitem",
      "SELECT min(l_shipdate), count(DISTINCT l_suppkey) FROM lineitem WHERE l_quantity > 100",
      "SELECT n_nationkey, any_value(n_name), any_value(CASE WHEN n_nationkey > 5 THEN n_regionkey END) FROM nation "
          + "GROUP BY 1 ORDER BY 1",
      "SELECT n_name, (SELECT r_name FROM region WHERE r_regionkey = n_regionkey) FROM nation ORDER BY 1",
      "SELECT l_returnflag, count(*) FILTER (WHERE l_quantity > 30), sum(l_quantity) FILTER (WHERE l_discount > 0.05), "
          + "min(l_shipdate) FILTER (WHERE l_linenumber = 2), max(l_comment) FILTER (WHERE l_tax < 0.02), "
          + "max(l_extendedprice) FILTER (WHERE l_returnflag = 'Z'), "
          + "count(DISTINCT l_suppkey) FILTER (WHERE l_quantity < 5) FROM lineitem GROUP BY 1 ORDER BY 1",
      "SELECT l_returnflag, count(DISTINCT l_suppkey), sum(DISTINCT l_quantity), avg(DISTINCT l_discount), "
          + "count(DISTINCT l_shipmode), count(DISTINCT CAST(l_tax AS DOUBLE)), "
          + "sum(DISTINCT CAST(l_tax AS DOUBLE) - 0.04), count(DISTINCT l_shipdate) FROM lineitem GROUP BY 1 ORDER BY 1",
      "SELECT o_custkey, count(DISTINCT o_orderstatus), count(DISTINCT o_orderdate), sum(DISTINCT o_shippriority), "
          + "count(DISTINCT CASE WHEN o_totalprice > 100000 THEN o_orderpriority END) FROM orders GROUP BY 1 "
          + "ORDER BY 1",
      "SELECT count(DISTINCT l_orderkey), count(DISTINCT l_partkey - 100000), sum(DISTINCT l_partkey - 100000) "
          + "FROM lineitem");

  static Stream<Arguments> statements() {
    return STATEMENTS.stream().flatMap(sql -> Stream.of(Arguments.of(1, sql), Arguments.of(4, sql)));
  }

  @ParameterizedTest(name = "[{index}] workers {0}: {1}")
  @MethodSource("statements")
  void matchesDuckDb(int workers, String sql) throws Exception {
    TpchOracle oracle = (workers == 1 ? SERIAL : PARALLEL).get();
    List<List<Object>> expected = oracle.expected(sql);
    List<List<Object>> actual = oracle.actual(sql);
    assertNull(ResultRows.difference(expected, actual), () -> "differs from DuckDB: " + sql);
  }

  /** NaN is the largest double (as in DuckDB) and one DISTINCT value; compared as doubles since NaN != NaN. */
  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void nanOrdersLastAndIsOneDistinctValue(int workers) throws Exception {
    TpchOracle oracle = (workers == 1 ? SERIAL : PARALLEL).get();
    String sql = NAN_QUERY;
    List<List<Object>> actual = asDoubles(oracle.actual(sql));
    assertEquals(asDoubles(oracle.expected(sql)), actual);
    assertEquals(Double.NaN, actual.get(0).get(1));
  }

  private static List<List<Object>> asDoubles(List<List<Object>> rows) {
    return rows.stream().map(row -> row.stream()
        .map(v -> v instanceof Number n ? (Object) n.doubleValue() : v).toList()).toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void scalarSubqueryWithTwoRowsFails(int workers) {
    TpchOracle oracle = (workers == 1 ? SERIAL : PARALLEL).get();
    SQLException e = assertThrows(SQLException.class, () -> oracle.actual(
        "SELECT n_name, (SELECT r_name FROM region WHERE r_regionkey >= n_regionkey) FROM nation"));
    assertEquals("21000", e.getSQLState());
  }
}
