package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.ResultRows;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NTH_VALUE, IGNORE NULLS, per-row LAG/LEAD offsets, DISTINCT window aggregates, frame exclusion and GROUP_ID on the
 * TPC-H tables, each compared with DuckDB on the same files, serially and on 4 workers. Floe takes the standard
 * {@code f(x) IGNORE NULLS OVER (...)}, DuckDB {@code f(x IGNORE NULLS) OVER (...)}: the oracle's statement is
 * rewritten accordingly.
 */
class WindowFunctionsExtendedTest {
  /**
   * Orders of 60 customers: key k, 4 partitions g, price v (NULL in runs: orders with key % 8 below 3, and every order
   * of partition 3), priority p (5 values, many ties), per-row offset o (0..3, NULL every 13th order).
   */
  private static final String ORDERS = "WITH t AS (SELECT o_orderkey AS k, o_custkey % 4 AS g, CASE WHEN "
      + "o_orderkey % 8 < 3 OR o_custkey % 4 = 3 THEN NULL ELSE o_totalprice END AS v, o_orderpriority AS p, "
      + "CASE WHEN o_orderkey % 13 = 0 THEN NULL ELSE o_orderkey % 4 END AS o, o_custkey AS c "
      + "FROM orders WHERE o_custkey < 60) ";
  /** Lines of 200 orders: key k, 3 partitions g, quantity q with ties (NULL on line 3), price v (NULL on line 2). */
  private static final String LINES = "WITH l AS (SELECT l_orderkey * 10 + l_linenumber AS k, l_orderkey % 3 AS g, "
      + "CASE WHEN l_linenumber = 3 THEN NULL ELSE l_quantity END AS q, CASE WHEN l_linenumber = 2 THEN NULL ELSE "
      + "l_extendedprice END AS v, l_returnflag AS f FROM lineitem WHERE l_orderkey < 200) ";

  @RegisterExtension
  static final TpchOracleExtension SERIAL = new TpchOracleExtension(1);
  @RegisterExtension
  static final TpchOracleExtension PARALLEL = new TpchOracleExtension(4);

  /** A statement for Floe and the same for DuckDB. */
  record Case(String floe, String duckdb) {
    @Override
    public String toString() {
      return floe;
    }
  }

  private static Case same(String sql) {
    return new Case(sql, sql);
  }

  static Stream<Case> statements() {
    List<Case> out = new ArrayList<>();
    // NTH_VALUE over ROWS and RANGE frames
    for (String frame : List.of("", " ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING", " ROWS BETWEEN 1 FOLLOWING AND "
        + "UNBOUNDED FOLLOWING", " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING",
        " ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING")) {
      String over = "(PARTITION BY g ORDER BY k" + frame + ")";
      out.add(same(ORDERS + "SELECT k, nth_value(v, 1) OVER " + over + ", nth_value(v, 2) OVER " + over
          + ", nth_value(p, 3) OVER " + over + ", nth_value(k, 5) OVER " + over + " FROM t ORDER BY k"));
    }
    for (String frame : List.of("RANGE BETWEEN 2 PRECEDING AND 2 FOLLOWING", "RANGE BETWEEN CURRENT ROW AND "
        + "UNBOUNDED FOLLOWING", "RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", "RANGE BETWEEN CURRENT ROW AND "
        + "CURRENT ROW")) {
      String over = "(PARTITION BY g ORDER BY q NULLS FIRST " + frame + ")";
      out.add(same(LINES + "SELECT k, nth_value(q, 2) OVER " + over + ", nth_value(q, 4) OVER " + over
          + ", first_value(q) OVER " + over + ", last_value(q) OVER " + over + " FROM l ORDER BY k"));
    }
    out.add(same("SELECT n_name, nth_value(n_name, 2) OVER (PARTITION BY n_regionkey ORDER BY n_name DESC), "
        + "nth_value(n_regionkey * 10, 8) OVER (ORDER BY n_regionkey) FROM nation ORDER BY n_name"));
    // IGNORE NULLS (RESPECT NULLS is the default) of the value functions, LAG and LEAD
    for (String frame : List.of("", " ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING", " ROWS BETWEEN UNBOUNDED PRECEDING "
        + "AND UNBOUNDED FOLLOWING", " ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING", " ROWS BETWEEN CURRENT ROW AND 4 "
        + "FOLLOWING")) {
      String over = "(PARTITION BY g ORDER BY k" + frame + ")";
      out.add(nullTreatment(ORDERS + "SELECT k, first_value(v) IGNORE NULLS OVER " + over + ", last_value(v) IGNORE "
          + "NULLS OVER " + over + ", nth_value(v, 2) IGNORE NULLS OVER " + over + ", nth_value(v, 3) RESPECT NULLS "
          + "OVER " + over + ", first_value(v) RESPECT NULLS OVER " + over + " FROM t ORDER BY k"));
    }
    String byKey = "(PARTITION BY g ORDER BY k)";
    out.add(nullTreatment(ORDERS + "SELECT k, lag(v) IGNORE NULLS OVER " + byKey + ", lag(v, 2, 0) IGNORE NULLS OVER "
        + byKey + ", lead(v, 3) IGNORE NULLS OVER " + byKey + ", lead(v, 1, k) IGNORE NULLS OVER " + byKey
        + ", lag(v, 0) IGNORE NULLS OVER " + byKey + ", lag(v, 1) RESPECT NULLS OVER " + byKey + ", lead(p) IGNORE "
        + "NULLS OVER (ORDER BY k) FROM t ORDER BY k"));
    for (String order : List.of("q ASC NULLS FIRST", "q DESC NULLS LAST", "q DESC NULLS FIRST")) {
      String over = "(PARTITION BY g ORDER BY " + order + " RANGE BETWEEN 4 PRECEDING AND CURRENT ROW)";
      String whole = "(PARTITION BY g ORDER BY " + order + " RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)";
      out.add(nullTreatment(LINES + "SELECT k, first_value(q) IGNORE NULLS OVER " + over + ", last_value(q) IGNORE "
          + "NULLS OVER " + whole + ", nth_value(q, 3) IGNORE NULLS OVER " + whole + ", first_value(q) OVER " + whole
          + " FROM l ORDER BY k"));
    }
    // per-row offsets of LAG and LEAD (NULL offsets give NULL, negative ones look the other way), per-row n of
    // NTH_VALUE (NULL, 0 or negative give NULL), non-constant defaults
    out.add(nullTreatment(ORDERS + "SELECT k, lag(v, o) OVER " + byKey + ", lead(v, o, 0) OVER " + byKey
        + ", lag(k, o - 1) OVER " + byKey + ", lead(v, o - 2, k) OVER " + byKey + ", lag(v, o) IGNORE NULLS OVER "
        + byKey + ", lead(p, o - 1, 'none') IGNORE NULLS OVER " + byKey + ", lag(p, 2, upper(p)) OVER " + byKey
        + ", lead(v, 1, v * 2) IGNORE NULLS OVER (ORDER BY c, k), lag(c, o) OVER (ORDER BY k) FROM t ORDER BY k"));
    for (String frame : List.of("", " ROWS BETWEEN 2 PRECEDING AND 3 FOLLOWING", " ROWS BETWEEN UNBOUNDED PRECEDING "
        + "AND UNBOUNDED FOLLOWING")) {
      String over = "(PARTITION BY g ORDER BY k" + frame + ")";
      out.add(nullTreatment(ORDERS + "SELECT k, nth_value(v, o) OVER " + over + ", nth_value(v, o - 1) IGNORE NULLS "
          + "OVER " + over + ", nth_value(p, 0) OVER " + over + ", nth_value(k, -2) OVER " + over
          + " FROM t ORDER BY k"));
    }
    // DISTINCT aggregates over whole partitions and moving frames
    for (String over : List.of("(PARTITION BY g)", "()", "(PARTITION BY g ORDER BY k)", "(PARTITION BY g ORDER BY q)",
        "(PARTITION BY g ORDER BY k ROWS BETWEEN 3 PRECEDING AND 2 FOLLOWING)", "(PARTITION BY g ORDER BY k ROWS "
        + "BETWEEN 1 FOLLOWING AND 6 FOLLOWING)", "(ORDER BY q DESC RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING)")) {
      out.add(same(LINES + "SELECT k, count(DISTINCT q) OVER " + over + ", sum(DISTINCT q) OVER " + over
          + ", avg(DISTINCT q) OVER " + over + ", count(DISTINCT f) OVER " + over + ", sum(DISTINCT CAST(q AS DOUBLE) "
          + "/ 4) OVER " + over + ", min(DISTINCT v) OVER " + over + ", max(DISTINCT f) OVER " + over + ", count(q) "
          + "OVER " + over + " FROM l ORDER BY k"));
    }
    out.add(same(ORDERS + "SELECT k, count(DISTINCT p) OVER (PARTITION BY g), count(DISTINCT v) OVER (PARTITION BY g "
        + "ORDER BY k ROWS BETWEEN 4 PRECEDING AND CURRENT ROW), sum(DISTINCT o) OVER (PARTITION BY g ORDER BY k), "
        + "sum(DISTINCT c % 3) OVER (ORDER BY k ROWS 3 PRECEDING) FROM t ORDER BY k"));
    // frames with EXCLUDE CURRENT ROW / GROUP / TIES / NO OTHERS
    for (String exclude : List.of("CURRENT ROW", "GROUP", "TIES", "NO OTHERS")) {
      String range = "(PARTITION BY g ORDER BY q RANGE BETWEEN 3 PRECEDING AND 2 FOLLOWING EXCLUDE " + exclude + ")";
      out.add(nullTreatment(LINES + "SELECT k, sum(v) OVER " + range + ", count(v) OVER " + range + ", count(*) OVER "
          + range + ", min(v) OVER " + range + ", max(v) OVER " + range + ", avg(q) OVER " + range + ", first_value(q) "
          + "OVER " + range + ", last_value(q) OVER " + range + ", nth_value(q, 2) OVER " + range + ", count(DISTINCT "
          + "q) OVER " + range + ", first_value(q) IGNORE NULLS OVER " + range + ", sum(CAST(v AS DOUBLE)) OVER "
          + range + ", max(f) OVER " + range + " FROM l ORDER BY k"));
      // (a ROWS frame around a row with peers depends on the peers' order: only whole ROWS frames have ties)
      String rows = "(PARTITION BY g ORDER BY q NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING "
          + "EXCLUDE " + exclude + ")";
      String moving = "(PARTITION BY g ORDER BY q, k ROWS BETWEEN 2 PRECEDING AND 3 FOLLOWING EXCLUDE " + exclude + ")";
      String peers = "(PARTITION BY g ORDER BY q DESC NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW "
          + "EXCLUDE " + exclude + ")";
      out.add(nullTreatment(LINES + "SELECT k, sum(q) OVER " + rows + ", min(q) OVER " + rows + ", max(q) OVER " + rows
          + ", count(q) OVER " + rows + ", nth_value(q, 3) OVER " + rows + ", last_value(q) IGNORE NULLS OVER " + rows
          + ", sum(v) OVER " + peers + ", min(v) OVER " + peers + ", last_value(q) OVER " + peers + ", count(*) OVER "
          + peers + ", sum(v) OVER " + moving + ", max(v) OVER " + moving + ", last_value(v) IGNORE NULLS OVER "
          + moving + ", count(DISTINCT q) OVER " + moving + " FROM l ORDER BY k"));
      // frames that do not hold the current row: the excluded rows lie outside them or only partly inside
      String ahead = "(PARTITION BY g ORDER BY q RANGE BETWEEN 1 FOLLOWING AND 6 FOLLOWING EXCLUDE " + exclude + ")";
      String behind = "(PARTITION BY g ORDER BY k ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING EXCLUDE " + exclude + ")";
      String around = "(PARTITION BY g ORDER BY q RANGE BETWEEN 0.5 PRECEDING AND 4 FOLLOWING EXCLUDE " + exclude + ")";
      out.add(same(LINES + "SELECT k, sum(v) OVER " + ahead + ", min(q) OVER " + ahead + ", count(*) OVER " + ahead
          + ", sum(q) OVER " + behind + ", last_value(v) OVER " + behind + ", max(v) OVER " + around
          + ", nth_value(q, 2) OVER " + around + ", count(DISTINCT q) OVER " + around + " FROM l ORDER BY k"));
      String whole = "(PARTITION BY g ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE "
          + exclude + ")";
      out.add(same(ORDERS + "SELECT k, sum(v) OVER " + whole + ", max(p) OVER " + whole + ", first_value(v) OVER "
          + whole + ", last_value(k) OVER " + whole + ", count(*) OVER " + whole + ", min(v) OVER (PARTITION BY g "
          + "ORDER BY p RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE " + exclude + ") FROM t ORDER BY k"));
    }
    // ranking and distribution functions with ties, NULLs and several partitions, all rows of a partition peers
    String byQuantity = "(PARTITION BY g ORDER BY q DESC NULLS LAST)";
    out.add(same(LINES + "SELECT k, ntile(2) OVER (PARTITION BY g ORDER BY k), ntile(5) OVER (PARTITION BY g, f ORDER "
        + "BY k DESC), ntile(3) OVER " + byQuantity + " IS NOT NULL, percent_rank() OVER " + byQuantity
        + ", cume_dist() OVER " + byQuantity + ", rank() OVER " + byQuantity + ", dense_rank() OVER (PARTITION BY f "
        + "ORDER BY q NULLS FIRST), percent_rank() OVER (PARTITION BY g ORDER BY g), cume_dist() OVER (PARTITION BY "
        + "g ORDER BY g), first_value(q) OVER " + byQuantity + ", last_value(q) OVER " + byQuantity + ", last_value(q) "
        + "OVER (PARTITION BY g ORDER BY q RANGE BETWEEN CURRENT ROW AND CURRENT ROW) FROM l ORDER BY k"));
    // every kind of function over empty input, and over empty partitions' frames
    out.add(nullTreatment(LINES + "SELECT k, ntile(3) OVER (ORDER BY k), percent_rank() OVER (ORDER BY q), "
        + "cume_dist() OVER (PARTITION BY g ORDER BY q), nth_value(v, 2) OVER (ORDER BY k), lag(v, g) OVER (ORDER BY "
        + "k), first_value(v) IGNORE NULLS OVER (ORDER BY k), count(DISTINCT q) OVER (PARTITION BY g), sum(v) OVER "
        + "(ORDER BY k ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW) FROM l WHERE k < 0 ORDER BY k"));
    out.add(same(LINES + "SELECT k, sum(v) OVER (PARTITION BY k ORDER BY k ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING "
        + "EXCLUDE CURRENT ROW), count(*) OVER (PARTITION BY k ORDER BY k RANGE BETWEEN CURRENT ROW AND CURRENT ROW "
        + "EXCLUDE GROUP), nth_value(v, 1) OVER (PARTITION BY k ORDER BY k ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING), "
        + "min(q) OVER (PARTITION BY k ORDER BY k ROWS BETWEEN CURRENT ROW AND CURRENT ROW EXCLUDE TIES) FROM l "
        + "ORDER BY k"));
    // GROUP_ID() numbers the repeats of a grouping set (Calcite plans repeated sets as a UNION ALL of aggregates);
    // DuckDB has no GROUP_ID, so its statement spells the union out
    String nation = "SELECT n_regionkey, count(*), sum(n_nationkey), %s, grouping(n_regionkey) FROM nation ";
    out.add(new Case(String.format(nation, "group_id()") + "GROUP BY GROUPING SETS ((n_regionkey), (n_regionkey), (), "
        + "(), ()) ORDER BY 1, 4", String.format(nation, "0") + "GROUP BY GROUPING SETS ((n_regionkey), ()) UNION ALL "
        + String.format(nation, "1") + "GROUP BY GROUPING SETS ((n_regionkey), ()) UNION ALL SELECT NULL, count(*), "
        + "sum(n_nationkey), 2, 1 FROM nation ORDER BY 1, 4"));
    out.add(new Case("SELECT n_regionkey, count(*), group_id() FROM nation GROUP BY ROLLUP(n_regionkey) ORDER BY 1",
        "SELECT n_regionkey, count(*), 0 FROM nation GROUP BY ROLLUP(n_regionkey) ORDER BY 1"));
    String lines = "SELECT l_returnflag, l_linestatus, count(*), sum(l_quantity), %s AS gid FROM lineitem ";
    out.add(new Case(String.format(lines, "group_id()") + "GROUP BY l_returnflag, ROLLUP(l_returnflag, l_linestatus) "
        + "ORDER BY 1, 2, 5", String.format(lines, "0") + "GROUP BY GROUPING SETS ((l_returnflag, l_linestatus), "
        + "(l_returnflag)) UNION ALL SELECT l_returnflag, NULL, count(*), sum(l_quantity), 1 FROM lineitem GROUP BY "
        + "l_returnflag ORDER BY 1, 2, 5"));
    return out.stream();
  }

  /** A statement with {@code f(x) IGNORE NULLS OVER}, for DuckDB spelled {@code f(x IGNORE NULLS) OVER}. */
  private static Case nullTreatment(String sql) {
    return new Case(sql, sql.replaceAll("\\) (IGNORE|RESPECT) NULLS OVER", " $1 NULLS) OVER"));
  }

  static Stream<Arguments> cases() {
    return statements().flatMap(c -> Stream.of(Arguments.of(1, c), Arguments.of(4, c)));
  }

  @Timeout(120)
  @ParameterizedTest(name = "[{index}] workers {0}: {1}")
  @MethodSource("cases")
  void matchesDuckDb(int workers, Case c) throws Exception {
    (workers == 1 ? SERIAL : PARALLEL).get().assertSameRows(c.floe(), c.duckdb());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT count(DISTINCT 1) OVER (PARTITION BY n_regionkey) FROM nation",
      "SELECT lag(n_name, NULL) OVER (ORDER BY n_name) FROM nation",
      "SELECT count(n_name, n_comment) OVER (PARTITION BY n_regionkey) FROM nation"})
  void unsupportedWindowsFailAtPlanTime(String sql) {
    TpchOracle serial = SERIAL.get();
    SQLException e = assertThrows(SQLException.class, () -> serial.session().execute(sql).close());
    assertEquals("0A000", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().startsWith("not supported: "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT ntile(0) OVER (ORDER BY n_name) FROM nation"})
  void invalidArgumentsFailWithDataErrors(String sql) {
    TpchOracle serial = SERIAL.get();
    SQLException e = assertThrows(SQLException.class, () -> ResultRows.query(serial.session(), sql));
    assertTrue(e.getSQLState().startsWith("22"), e.getSQLState() + " " + e.getMessage());
  }
}
