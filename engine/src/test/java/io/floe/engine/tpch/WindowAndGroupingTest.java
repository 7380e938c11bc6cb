package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.ResultRows;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Window frames and functions, grouping sets and sorts on the TPC-H tables, each compared with DuckDB on the same
 * files, serially and on 4 workers. NULLs come from CASE expressions over the tables' columns.
 */
class WindowAndGroupingTest {
  /** Orders of 40 customers: key k, 5 partitions g, price v (NULL for every 7th order), date d (NULL every 11th). */
  private static final String ORDERS = "WITH t AS (SELECT o_orderkey AS k, o_custkey % 5 AS g, CASE WHEN "
      + "o_orderkey % 7 = 0 THEN NULL ELSE o_totalprice END AS v, CASE WHEN o_orderkey % 11 = 0 THEN NULL ELSE "
      + "o_orderdate END AS d, o_custkey AS c FROM orders WHERE o_custkey < 40) ";
  /** Lines of 300 orders: key k, 4 partitions g, quantity q with ties (NULL on line 3), price v (NULL on line 2). */
  private static final String LINES = "WITH l AS (SELECT l_orderkey * 10 + l_linenumber AS k, l_orderkey % 4 AS g, "
      + "CASE WHEN l_linenumber = 3 THEN NULL ELSE l_quantity END AS q, CASE WHEN l_linenumber = 2 THEN NULL ELSE "
      + "l_extendedprice END AS v, l_shipdate AS d FROM lineitem WHERE l_orderkey < 300) ";

  @RegisterExtension
  static final TpchOracleExtension SERIAL = new TpchOracleExtension(1);
  @RegisterExtension
  static final TpchOracleExtension PARALLEL = new TpchOracleExtension(4);

  private static String aggregates(String over) {
    return "sum(v) OVER " + over + ", count(v) OVER " + over + ", count(*) OVER " + over + ", min(v) OVER " + over
        + ", max(v) OVER " + over + ", avg(v) OVER " + over;
  }

  static Stream<String> statements() {
    List<String> out = new ArrayList<>();
    for (String frame : List.of("UNBOUNDED PRECEDING AND CURRENT ROW", "UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING",
        "2 PRECEDING AND 2 FOLLOWING", "3 PRECEDING AND 1 PRECEDING", "1 FOLLOWING AND 4 FOLLOWING",
        "CURRENT ROW AND UNBOUNDED FOLLOWING", "0 PRECEDING AND 0 FOLLOWING", "5 PRECEDING AND UNBOUNDED FOLLOWING",
        "UNBOUNDED PRECEDING AND 2 PRECEDING", "1000 PRECEDING AND 1000 FOLLOWING", "CURRENT ROW AND 3 FOLLOWING",
        "2 FOLLOWING AND UNBOUNDED FOLLOWING")) {
      String over = "(PARTITION BY g ORDER BY k ROWS BETWEEN " + frame + ")";
      out.add(ORDERS + "SELECT k, g, " + aggregates(over) + ", first_value(v) OVER " + over + ", last_value(d) OVER "
          + over + ", min(d) OVER " + over + " FROM t ORDER BY k");
    }
    for (String order : List.of("q ASC NULLS FIRST", "q DESC NULLS LAST", "q DESC NULLS FIRST", "q ASC NULLS LAST")) {
      for (String frame : List.of("UNBOUNDED PRECEDING AND CURRENT ROW", "CURRENT ROW AND UNBOUNDED FOLLOWING",
          "CURRENT ROW AND CURRENT ROW", "5 PRECEDING AND 5 FOLLOWING", "2.5 PRECEDING AND CURRENT ROW",
          "10 FOLLOWING AND 20 FOLLOWING", "3 PRECEDING AND 1 PRECEDING", "UNBOUNDED PRECEDING AND 0 FOLLOWING",
          "0 PRECEDING AND UNBOUNDED FOLLOWING")) {
        String over = "(PARTITION BY g ORDER BY " + order + " RANGE BETWEEN " + frame + ")";
        out.add(LINES + "SELECT k, " + aggregates(over) + ", sum(q) OVER " + over + " FROM l ORDER BY k");
      }
    }
    out.add(ORDERS + "SELECT k, " + aggregates("(ORDER BY d RANGE BETWEEN INTERVAL '30' DAY PRECEDING AND "
        + "INTERVAL '10' DAY FOLLOWING)") + " FROM t ORDER BY k");
    out.add(ORDERS + "SELECT k, " + aggregates("(PARTITION BY g ORDER BY d DESC NULLS FIRST RANGE BETWEEN "
        + "INTERVAL '2' MONTH PRECEDING AND CURRENT ROW)") + " FROM t ORDER BY k");
    out.add(ORDERS + "SELECT k, " + aggregates("(ORDER BY CAST(d AS TIMESTAMP) RANGE BETWEEN INTERVAL '36' HOUR "
        + "PRECEDING AND INTERVAL '1' DAY FOLLOWING)") + " FROM t ORDER BY k");
    out.add(ORDERS + "SELECT k, " + aggregates("(ORDER BY c RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING)")
        + " FROM t ORDER BY k");
    out.add(ORDERS + "SELECT k, " + aggregates("(ORDER BY c DESC RANGE BETWEEN 1.5 PRECEDING AND 0.5 FOLLOWING)")
        + ", count(*) OVER (ORDER BY c RANGE BETWEEN 0.5 FOLLOWING AND 2.5 FOLLOWING) FROM t ORDER BY k");
    out.add(ORDERS + "SELECT k, " + aggregates("(ORDER BY d RANGE BETWEEN INTERVAL '36' HOUR PRECEDING AND "
        + "INTERVAL '12' HOUR FOLLOWING)") + " FROM t ORDER BY k");
    out.add(LINES + "SELECT k, " + aggregates("(ORDER BY CAST(q AS DOUBLE) DESC NULLS LAST RANGE BETWEEN 1.5 "
        + "PRECEDING AND 0.5 FOLLOWING)") + " FROM l ORDER BY k");
    String byKey = "(PARTITION BY g ORDER BY k)";
    String byQuantity = "(PARTITION BY g ORDER BY q)";
    out.add(LINES + "SELECT k, g, row_number() OVER " + byKey + ", rank() OVER " + byQuantity + ", dense_rank() OVER "
        + byQuantity + ", percent_rank() OVER " + byQuantity + ", cume_dist() OVER " + byQuantity
        + ", ntile(4) OVER " + byKey + ", ntile(1000) OVER (ORDER BY k), ntile(7) OVER (ORDER BY k), lag(v) OVER "
        + byKey + ", lead(v, 2) OVER " + byKey + ", lag(q, 3, 0) OVER " + byKey + ", lead(q, 1, q) OVER " + byKey
        + ", lag(d, 0) OVER " + byKey + ", first_value(v) OVER " + byKey + ", last_value(v) OVER " + byKey
        + ", last_value(v) OVER (PARTITION BY g ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
        + ", sum(q) OVER " + byQuantity + ", count(*) OVER () FROM l ORDER BY k");
    out.add(LINES + "SELECT k, sum(v) OVER (PARTITION BY k ORDER BY k ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), "
        + "count(*) OVER (PARTITION BY k), rank() OVER (PARTITION BY k ORDER BY q), percent_rank() OVER (PARTITION "
        + "BY k ORDER BY k), cume_dist() OVER (PARTITION BY k ORDER BY k), lag(v) OVER (PARTITION BY k ORDER BY k), "
        + "ntile(3) OVER (PARTITION BY k ORDER BY k), max(q) OVER (PARTITION BY k ORDER BY q RANGE BETWEEN 1 "
        + "PRECEDING AND 1 FOLLOWING) FROM l ORDER BY k");
    out.add("SELECT n_name, min(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey ROWS BETWEEN 1 PRECEDING"
        + " AND 1 FOLLOWING), max(n_name) OVER (ORDER BY n_nationkey ROWS 2 PRECEDING), first_value(n_name) OVER "
        + "(PARTITION BY n_regionkey ORDER BY n_name DESC) FROM nation ORDER BY n_name");
    out.add("SELECT o_orderkey, sum(o_totalprice) OVER (ORDER BY o_orderkey ROWS 3 PRECEDING) FROM orders WHERE "
        + "o_orderkey < 0 ORDER BY 1");
    String sliding = "(PARTITION BY g ORDER BY k ROWS BETWEEN 3 PRECEDING AND 2 FOLLOWING)";
    out.add(LINES + "SELECT k, sum(CAST(v AS DOUBLE)) OVER " + sliding + ", min(CAST(v AS DOUBLE)) OVER " + sliding
        + ", avg(CAST(q AS DOUBLE)) OVER " + sliding + ", sum(k) OVER (ORDER BY k ROWS BETWEEN 10 PRECEDING AND 10 "
        + "FOLLOWING), max(k) OVER (PARTITION BY g ORDER BY k DESC ROWS BETWEEN 2 FOLLOWING AND 5 FOLLOWING) "
        + "FROM l ORDER BY k");
    out.add("SELECT c_custkey, lag(c_name, 1, 'none') OVER (PARTITION BY c_mktsegment ORDER BY c_custkey), "
        + "lead(c_acctbal, 2, c_acctbal) OVER (PARTITION BY c_mktsegment ORDER BY c_custkey), count(*) OVER (ORDER BY "
        + "c_mktsegment), min(c_phone) OVER (PARTITION BY c_nationkey ORDER BY c_mktsegment DESC) FROM customer "
        + "WHERE c_custkey < 300 ORDER BY c_custkey");
    // grouping sets
    out.add("SELECT n_regionkey, count(*), grouping(n_regionkey) FROM nation GROUP BY n_regionkey ORDER BY 1");
    out.add("SELECT n_regionkey, count(*) FROM nation GROUP BY GROUPING SETS ((n_regionkey), (n_regionkey), ()) "
        + "ORDER BY 1, 2");
    out.add("SELECT n_regionkey, n_name, count(*), sum(n_nationkey), grouping(n_regionkey), grouping(n_regionkey, "
        + "n_name) FROM nation GROUP BY ROLLUP(n_regionkey, n_name) ORDER BY 5, 6, 1, 2");
    out.add("SELECT l_returnflag, l_linestatus, sum(l_quantity), avg(l_extendedprice), count(DISTINCT l_suppkey), "
        + "min(l_shipdate), max(l_discount), grouping(l_returnflag, l_linestatus) AS gid FROM lineitem GROUP BY "
        + "CUBE(l_returnflag, l_linestatus) ORDER BY gid, 1, 2");
    out.add("SELECT l_returnflag, l_linestatus, l_shipmode, count(*), sum(l_tax), grouping(l_shipmode) FROM lineitem "
        + "GROUP BY GROUPING SETS ((l_returnflag), (l_linestatus, l_shipmode), ()) ORDER BY 6, 1, 2, 3");
    out.add("SELECT o_orderpriority, extract(year FROM o_orderdate) AS y, count(*), sum(o_totalprice) FROM orders "
        + "GROUP BY ROLLUP(o_orderpriority, extract(year FROM o_orderdate)) HAVING count(*) > 100 OR "
        + "grouping(o_orderpriority) = 1 ORDER BY grouping(o_orderpriority), "
        + "grouping(extract(year FROM o_orderdate)), 1, 2");
    out.add("SELECT n_regionkey, count(*), sum(n_nationkey) FROM nation WHERE n_nationkey < 0 "
        + "GROUP BY ROLLUP(n_regionkey) ORDER BY 1");
    // GROUP BY ALL (DuckDB's): the select items without aggregates
    out.add("SELECT l_returnflag, upper(l_linestatus) AS s, l_tax > 0.04, sum(l_quantity), count(*) + 1, "
        + "max(l_shipdate) FROM lineitem GROUP BY ALL ORDER BY 1, 2, 3");
    out.add("SELECT o_orderpriority, count(*) FILTER (WHERE o_totalprice > 100000), "
        + "rank() OVER (ORDER BY count(*) DESC) FROM orders GROUP BY ALL ORDER BY 1");
    out.add("SELECT count(*), sum(c_acctbal) FROM customer GROUP BY ALL");
    // ORDER BY ALL (DuckDB's): every column, left to right
    out.add("SELECT l_returnflag, l_linestatus, count(*) FROM lineitem GROUP BY ALL ORDER BY ALL");
    out.add("SELECT n_regionkey, n_name FROM nation ORDER BY ALL DESC LIMIT 7");
    out.add("SELECT n_regionkey FROM nation UNION SELECT r_regionkey + 10 FROM region ORDER BY ALL");
    // sorts
    out.add(LINES + "SELECT k, q, v FROM l ORDER BY q DESC NULLS FIRST, v ASC NULLS LAST, k");
    out.add(LINES + "SELECT k, q, v FROM l ORDER BY q ASC NULLS FIRST, v DESC NULLS FIRST, k DESC LIMIT 30 OFFSET 5");
    out.add("SELECT c_name, c_mktsegment, c_acctbal FROM customer ORDER BY c_mktsegment DESC, c_name LIMIT 20");
    out.add("SELECT c_phone, c_custkey FROM customer ORDER BY c_phone");
    out.add("SELECT CASE WHEN c_custkey % 3 = 0 THEN NULL ELSE c_name END AS n, c_custkey FROM customer "
        + "ORDER BY n DESC NULLS LAST, c_custkey LIMIT 50");
    out.add("SELECT l_orderkey, l_linenumber, l_extendedprice FROM lineitem ORDER BY l_extendedprice DESC, "
        + "l_orderkey, l_linenumber LIMIT 15 OFFSET 10");
    out.add("SELECT l_orderkey, l_linenumber, CAST(l_discount AS DOUBLE) * l_quantity AS x FROM lineitem "
        + "ORDER BY x, l_orderkey DESC, l_linenumber LIMIT 5000");
    out.add("SELECT c_acctbal > 0, c_custkey FROM customer ORDER BY 1 DESC, 2 LIMIT 10 OFFSET 700");
    return out.stream();
  }

  static Stream<Arguments> cases() {
    return statements().flatMap(sql -> Stream.of(Arguments.of(1, sql), Arguments.of(4, sql)));
  }

  @Timeout(120)
  @ParameterizedTest(name = "[{index}] workers {0}: {1}")
  @MethodSource("cases")
  void matchesDuckDb(int workers, String sql) throws Exception {
    TpchOracle oracle = (workers == 1 ? SERIAL : PARALLEL).get();
    List<List<Object>> expected = oracle.expected(sql);
    List<List<Object>> actual = oracle.actual(sql);
    assertNull(ResultRows.difference(expected, actual), () -> "differs from DuckDB: " + sql);
  }

  @Test
  void windowsPartitionedByKeysRunOnTheWorkers() throws Exception {
    String plan = ResultRows.query(PARALLEL.get().session(), "EXPLAIN SELECT n_name, rank() OVER (PARTITION BY "
        + "n_regionkey ORDER BY n_name), count(*) OVER (PARTITION BY n_regionkey, n_nationkey) FROM nation").toString();
    assertTrue(plan.contains("partitioned by [2]") && plan.contains("repartition by [2]") && plan.contains("(4 tasks)"),
        plan);
    String serialPlan = ResultRows.query(PARALLEL.get().session(), "EXPLAIN SELECT n_name, rank() OVER (ORDER BY n_name) "
        + "FROM nation").toString();
    assertTrue(!serialPlan.contains("partitioned by"), serialPlan);
  }

  @Test
  void groupByAllBeforeAListIsTheStandardQuantifierAndGroupOrOrderByAllRefuseAStar() throws Exception {
    TpchOracle oracle = SERIAL.get();
    assertEquals(oracle.expected("SELECT n_regionkey, count(*) FROM nation GROUP BY n_regionkey ORDER BY 1"),
        oracle.actual("SELECT n_regionkey, count(*) FROM nation GROUP BY ALL n_regionkey ORDER BY 1"));
    SQLException star = assertThrows(SQLException.class,
        () -> oracle.actual("SELECT *, count(*) FROM region GROUP BY ALL"));
    assertEquals("0A000", star.getSQLState(), star.getMessage());
    assertTrue(star.getMessage().contains("GROUP BY ALL") && star.getMessage().contains("column 8"),
        star.getMessage());
    SQLException orderedStar = assertThrows(SQLException.class,
        () -> oracle.actual("SELECT * FROM region ORDER BY ALL"));
    assertEquals("0A000", orderedStar.getSQLState(), orderedStar.getMessage());
    SQLException window = assertThrows(SQLException.class,
        () -> oracle.actual("SELECT rank() OVER (ORDER BY ALL) FROM region"));
    assertEquals("0A000", window.getSQLState(), window.getMessage());
  }
}
