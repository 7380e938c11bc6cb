package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The aggregates analysts bring from DuckDB and Trino (STRING_AGG / LISTAGG with ORDER BY, WITHIN GROUP, DISTINCT
 * and FILTER; COUNT of a row value; BOOL_AND / BOOL_OR; ARG_MIN / ARG_MAX / MIN_BY / MAX_BY; PERCENTILE_CONT,
 * PERCENTILE_DISC, MEDIAN, MODE; ARRAY_AGG) compared with DuckDB on the TPC-H files, serially and on 4 workers.
 * Without an ORDER BY the order of a STRING_AGG's parts is the rows' arrival order, so those results are compared as
 * sorted parts.
 */
class AggregateFunctionsTest {
  @RegisterExtension
  static final TpchOracleExtension SERIAL = new TpchOracleExtension(1);
  @RegisterExtension
  static final TpchOracleExtension PARALLEL = new TpchOracleExtension(4);

  /** Statements whose results DuckDB gives exactly (each ORDER BY inside a call orders its group totally). */
  private static final List<String> ORDERED = List.of(
      "SELECT n_regionkey, string_agg(n_name, ', ' ORDER BY n_name), string_agg(n_name, '|' ORDER BY n_nationkey DESC) "
          + "FROM nation GROUP BY 1 ORDER BY 1",
      "SELECT string_agg(CAST(l_orderkey AS VARCHAR) || '-' || CAST(l_linenumber AS VARCHAR), ',' "
          + "ORDER BY l_orderkey DESC, l_linenumber) FROM lineitem WHERE l_orderkey < 3000",
      // more groups than one output batch; NULL values skipped, all-NULL groups NULL, DISTINCT, FILTER
      "SELECT l_orderkey, string_agg(CASE WHEN l_linenumber % 2 = 0 THEN l_shipmode END, ',' ORDER BY l_linenumber), "
          + "string_agg(DISTINCT l_shipmode, ',' ORDER BY l_shipmode), "
          + "string_agg(l_returnflag, '' ORDER BY l_linenumber DESC), count(*) FILTER (WHERE l_quantity > 20) "
          + "FROM lineitem GROUP BY 1 ORDER BY 1",
      // NULL order keys placed as NULLS FIRST / LAST say; multi-byte text and separators
      "SELECT n_regionkey, string_agg(n_name || 'é', 'ü' ORDER BY CASE WHEN n_nationkey % 3 = 0 THEN n_nationkey END "
          + "NULLS FIRST, n_name), string_agg(n_name, ';' ORDER BY CASE WHEN n_nationkey % 2 = 0 THEN n_comment END "
          + "DESC NULLS LAST, n_nationkey) FROM nation GROUP BY 1 ORDER BY 1",
      "SELECT string_agg(n_name, ',' ORDER BY n_name), count(*) FROM nation WHERE n_nationkey < 0",
      "SELECT o_orderpriority, string_agg(o_clerk, ',' ORDER BY o_clerk DESC, o_orderkey) FROM orders "
          + "WHERE o_orderkey < 2000 GROUP BY 1 ORDER BY 1",
      // COUNT of a row value: a row with NULL fields counts, and NULL fields are equal in DISTINCT
      "SELECT count(DISTINCT (n_name, n_regionkey)), count(DISTINCT (n_regionkey, n_regionkey)) FROM nation",
      "SELECT count(DISTINCT (a, b)), count((a, b)), count(DISTINCT (a, b)) FILTER (WHERE a > 1) "
          + "FROM (VALUES (1, NULL), (1, NULL), (NULL, NULL), (NULL, NULL), (2, 3), (2, 3)) t(a, b)",
      "SELECT l_returnflag, count(DISTINCT (l_shipmode, CASE WHEN l_linenumber > 2 THEN l_linestatus END, "
          + "l_shipdate)), count((l_orderkey, CASE WHEN l_tax > 0.05 THEN l_tax END)) FROM lineitem GROUP BY 1 ORDER BY 1",
      // bool_and / bool_or: NULLs skipped, NULL for a group without a value
      "SELECT n_regionkey, bool_and(n_nationkey > 3), bool_or(n_nationkey > 20), "
          + "bool_and(CASE WHEN n_nationkey > 100 THEN true END), "
          + "bool_or(CASE WHEN n_nationkey % 2 = 0 THEN n_nationkey > 10 END) FROM nation GROUP BY 1 ORDER BY 1",
      "SELECT l_returnflag, bool_or(l_quantity > 49), bool_and(l_discount < 0.11) FROM lineitem GROUP BY 1 ORDER BY 1",
      // bit_and / bit_or / bit_xor over integers: NULLs skipped, NULL for a group without a value, DISTINCT
      "SELECT n_regionkey, bit_and(n_nationkey + 16), bit_or(n_nationkey), bit_xor(n_nationkey), "
          + "bit_or(CASE WHEN n_nationkey > 100 THEN n_nationkey END), bit_xor(DISTINCT n_regionkey) "
          + "FROM nation GROUP BY 1 ORDER BY 1",
      "SELECT l_returnflag, bit_xor(l_orderkey), bit_or(l_linenumber), bit_and(l_orderkey * 2 + 1), "
          + "bit_and(CAST(l_quantity AS BIGINT)) FILTER (WHERE l_quantity > 30) FROM lineitem GROUP BY 1 ORDER BY 1",
      "SELECT bit_xor(l_orderkey * 31 + l_linenumber), bit_or(l_partkey), bit_and(l_suppkey + 1023) FROM lineitem",
      // arg_min / arg_max / min_by / max_by: rows with a NULL value or key skipped (DuckDB)
      "SELECT o_custkey, arg_min(o_totalprice, o_orderkey * 7 % 100003), max_by(o_orderdate, o_orderkey), "
          + "min_by(o_clerk, CASE WHEN o_orderstatus = 'F' THEN o_orderkey END), "
          + "arg_max(CASE WHEN o_orderkey % 3 = 0 THEN o_orderpriority END, o_orderkey) FROM orders GROUP BY 1 ORDER BY 1",
      "SELECT arg_max(l_comment, l_orderkey * 10 + l_linenumber), arg_min(l_extendedprice, l_orderkey * 10 + l_linenumber), "
          + "max_by(l_shipdate, CASE WHEN l_quantity > 100 THEN l_orderkey END) FROM lineitem",
      // order statistics: percentile_disc keeps the key's type, percentile_cont and median are DOUBLE
      "SELECT l_returnflag, percentile_disc(0.5) WITHIN GROUP (ORDER BY l_extendedprice), "
          + "percentile_disc(0.9) WITHIN GROUP (ORDER BY l_quantity DESC), "
          + "percentile_cont(0.25) WITHIN GROUP (ORDER BY CAST(l_extendedprice AS DOUBLE)), "
          + "percentile_cont(0.75) WITHIN GROUP (ORDER BY l_linenumber), median(l_linenumber), "
          + "median(CAST(l_discount AS DOUBLE)), median(CASE WHEN l_linenumber > 8 THEN l_orderkey END), "
          + "mode(l_linenumber), mode(l_shipmode) FROM lineitem GROUP BY 1 ORDER BY 1",
      "SELECT l_orderkey, median(l_linenumber), percentile_disc(0.5) WITHIN GROUP (ORDER BY l_quantity), "
          + "percentile_cont(0.1) WITHIN GROUP (ORDER BY l_partkey DESC), "
          + "median(DISTINCT l_linenumber % 3) FILTER (WHERE l_quantity > 10) FROM lineitem GROUP BY 1 ORDER BY 1",
      "SELECT median(o_orderkey), percentile_cont(1) WITHIN GROUP (ORDER BY o_orderkey), "
          + "percentile_disc(0) WITHIN GROUP (ORDER BY o_totalprice), mode(o_orderpriority) FROM orders",
      "SELECT median(o_orderkey), mode(o_orderpriority), percentile_disc(0.5) WITHIN GROUP (ORDER BY o_totalprice) "
          + "FROM orders WHERE o_orderkey < 0",
      // array_agg: NULLs kept, ORDER BY inside the call (NULL keys placed as said), DISTINCT, FILTER, no rows: NULL
      "SELECT n_regionkey, array_agg(n_name ORDER BY n_name), array_agg(CASE WHEN n_nationkey % 2 = 0 THEN n_nationkey "
          + "END ORDER BY n_nationkey DESC), array_agg(DISTINCT n_nationkey % 3 ORDER BY n_nationkey % 3) "
          + "FROM nation GROUP BY 1 ORDER BY 1",
      "SELECT l_orderkey, array_agg(l_shipdate ORDER BY l_linenumber), array_agg(l_extendedprice ORDER BY "
          + "l_linenumber DESC) FILTER (WHERE l_quantity > 20), "
          + "cardinality(array_agg(l_linenumber ORDER BY l_linenumber)) "
          + "FROM lineitem WHERE l_orderkey < 5000 GROUP BY 1 ORDER BY 1",
      "SELECT array_agg(o_orderkey ORDER BY o_orderkey), array_agg(o_clerk ORDER BY o_orderkey) FROM orders "
          + "WHERE o_orderkey < 0");

  /** Statements without an order inside the calls: compared as sorted parts of the ','-separated strings. */
  private static final List<String> UNORDERED = List.of(
      "SELECT l_returnflag, string_agg(l_shipmode, ','), listagg(l_shipinstruct, ',') FROM lineitem "
          + "WHERE l_orderkey < 1000 GROUP BY 1 ORDER BY 1",
      "SELECT string_agg(DISTINCT l_shipmode, ','), string_agg(r_name, ',') FROM lineitem, region "
          + "WHERE l_orderkey < 50 AND r_regionkey = l_linenumber % 5",
      "SELECT o_orderstatus, string_agg(DISTINCT o_orderpriority, ',') FROM orders GROUP BY 1 ORDER BY 1");

  static Stream<Arguments> ordered() {
    return ORDERED.stream().flatMap(sql -> Stream.of(Arguments.of(1, sql), Arguments.of(4, sql)));
  }

  static Stream<Arguments> unordered() {
    return UNORDERED.stream().flatMap(sql -> Stream.of(Arguments.of(1, sql), Arguments.of(4, sql)));
  }

  private static TpchOracle oracle(int workers) {
    return (workers == 1 ? SERIAL : PARALLEL).get();
  }

  @ParameterizedTest(name = "[{index}] workers {0}: {1}")
  @MethodSource("ordered")
  void orderedAggregatesMatchDuckDb(int workers, String sql) throws Exception {
    List<List<Object>> expected = oracle(workers).assertSameRows(sql);
    assertTrue(!expected.isEmpty());
  }

  @ParameterizedTest(name = "[{index}] workers {0}: {1}")
  @MethodSource("unordered")
  void unorderedStringAggregatesHaveDuckDbsParts(int workers, String sql) throws Exception {
    TpchOracle oracle = oracle(workers);
    List<List<Object>> expected = sortedParts(oracle.expected(sql));
    List<List<Object>> actual = sortedParts(oracle.actual(sql));
    assertNull(ResultRows.difference(expected, actual), () -> "differs from DuckDB: " + sql);
  }

  private static List<List<Object>> sortedParts(List<List<Object>> rows) {
    return rows.stream().map(row -> row.stream().map(v -> v instanceof String s && s.contains(",")
        ? (Object) String.join(",", Arrays.stream(s.split(",")).sorted().toList()) : v).toList()).toList();
  }

  /** LISTAGG's WITHIN GROUP is DuckDB's ORDER BY inside the call. */
  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void listaggWithinGroupOrdersLikeOrderByInTheCall(int workers) throws Exception {
    oracle(workers).assertSameRows("SELECT n_regionkey, listagg(n_name, '|') WITHIN GROUP (ORDER BY n_nationkey DESC), "
        + "listagg(n_name) WITHIN GROUP (ORDER BY n_name) FROM nation GROUP BY 1 ORDER BY 1",
        "SELECT n_regionkey, string_agg(n_name, '|' ORDER BY n_nationkey DESC), string_agg(n_name, ',' ORDER BY n_name) "
            + "FROM nation GROUP BY 1 ORDER BY 1");
  }

  /** FILTER with an order: LISTAGG's WITHIN GROUP, or STRING_AGG's ORDER BY in the call (rewritten to the former). */
  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void filteredOrderedStringAggregatesKeepTheFilteredRowsInOrder(int workers) throws Exception {
    String duckDb = "SELECT l_orderkey, string_agg(l_returnflag, '' ORDER BY l_linenumber DESC) "
        + "FILTER (WHERE l_quantity > 20), string_agg(DISTINCT l_shipmode, ',' ORDER BY l_shipmode) "
        + "FILTER (WHERE l_linenumber > 1), string_agg(l_shipmode, ',') FILTER (WHERE l_orderkey < 0) FROM lineitem "
        + "GROUP BY 1 ORDER BY 1";
    oracle(workers).assertSameRows(duckDb);
    oracle(workers).assertSameRows("SELECT l_orderkey, listagg(l_returnflag, '') WITHIN GROUP (ORDER BY l_linenumber "
        + "DESC) FILTER (WHERE l_quantity > 20), listagg(DISTINCT l_shipmode, ',') WITHIN GROUP (ORDER BY l_shipmode) "
        + "FILTER (WHERE l_linenumber > 1), listagg(l_shipmode, ',') FILTER (WHERE l_orderkey < 0) FROM lineitem "
        + "GROUP BY 1 ORDER BY 1", duckDb);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void unsupportedAggregatesFailWithNotSupported(int workers) {
    SQLException e = assertThrows(SQLException.class, () -> oracle(workers).actual(
        "SELECT n_regionkey, array_agg(n_name) OVER (PARTITION BY n_regionkey) FROM nation"));
    assertEquals("0A000", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("ARRAY_AGG"), e.getMessage());
    SQLException bits = assertThrows(SQLException.class, () -> oracle(workers).actual(
        "SELECT bit_or(CAST(n_name AS VARBINARY)) FROM nation"));
    assertEquals("0A000", bits.getSQLState(), bits.getMessage());
    assertTrue(bits.getMessage().contains("not supported: BIT_OR of VARBINARY (integers only)"), bits.getMessage());
    SQLException row = assertThrows(SQLException.class, () -> oracle(workers).actual(
        "SELECT count(DISTINCT (n_name, n_regionkey)), max((n_name, n_regionkey)) FROM nation"));
    assertEquals("0A000", row.getSQLState(), row.getMessage());
    assertTrue(row.getMessage().contains("not supported: MAX on a value of type ROW("), row.getMessage());
    // under grouping sets a DISTINCT variance would be reduced to sums of distinct values and of distinct squares
    SQLException variance = assertThrows(SQLException.class, () -> oracle(workers).actual(
        "SELECT n_regionkey, stddev_pop(DISTINCT n_nationkey - 12) FROM nation GROUP BY ROLLUP(n_regionkey)"));
    assertEquals("0A000", variance.getSQLState(), variance.getMessage());
    assertTrue(variance.getMessage().contains("not supported: aggregate function STDDEV_POP DISTINCT"),
        variance.getMessage());
  }

  /** The values a STRING_AGG keeps count against the query's memory limit. */
  @org.junit.jupiter.api.Test
  void keptValuesCountAgainstTheMemoryLimit() throws Exception {
    TpchWarehouse warehouse = TpchWarehouse.at(java.nio.file.Path.of("target").resolve("tpch-sf0.01"), 0.01);
    try (FloeSession session = FloeSession.open(warehouse.root(), TpchWarehouse.SCHEMA).workers(1)
        .memoryLimit(1L << 20)) {
      SQLException e = assertThrows(SQLException.class, () -> ResultRows.query(session,
          "SELECT string_agg(l_comment, ',' ORDER BY l_orderkey) FROM lineitem"));
      assertEquals("53200", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("HashAggregate"), e.getMessage());
      assertEquals(0, session.allocatedBytes(), "the failed query released its memory");
    }
  }
}
