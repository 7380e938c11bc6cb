package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** EXPLAIN and EXPLAIN ANALYZE over the TPC-H tables (lineitem and orders have one file per year). */
@Timeout(120)
class ExplainTest {
  private static final String PRUNED_JOIN = "SELECT n_name, count(*), sum(l_quantity) FROM lineitem "
      + "JOIN supplier ON l_suppkey = s_suppkey JOIN nation ON s_nationkey = n_nationkey "
      + "WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01' GROUP BY n_name";

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

  private static List<String> lines(FloeSession session, String sql) throws SQLException {
    try (QueryResult result = session.execute(sql)) {
      assertEquals(List.of("plan"), result.columnNames());
      List<String> lines = ResultRows.of(result).stream().map(row -> (String) row.get(0)).toList();
      System.out.println(sql + "\n" + String.join("\n", lines));
      return lines;
    }
  }

  private static boolean has(List<String> lines, String text) {
    return lines.stream().anyMatch(l -> l.contains(text));
  }

  @Test
  void explainShowsFragmentsExchangesAndPrunedFiles() throws SQLException {
    List<String> plan = lines(oracle.session(), "EXPLAIN " + PRUNED_JOIN);
    assertTrue(has(plan, "Fragment 0 (1 task)"), "root fragment");
    assertTrue(has(plan, "(4 tasks)"), "a fragment of 4 tasks");
    assertTrue(has(plan, "Exchange gather from fragment"), "gather");
    assertTrue(has(plan, "Exchange broadcast from fragment"), "small side broadcast");
    // the probe side's scan tasks run in the broadcast join's tasks, each reading its own share: no exchange between
    assertFalse(has(plan, "Exchange round-robin from fragment"), "large side read by the join's tasks");
    int join = indexOf(plan, "HashJoin");
    int scan = indexOf(plan, "Scan tpch.lineitem");
    assertTrue(join >= 0 && scan > join && plan.subList(join, scan).stream().noneMatch(l -> l.contains("Exchange")),
        "large side in the join's fragment");
    assertTrue(has(plan, "Exchange repartition by [0] from fragment"), "final aggregation repartitioned by key");
    assertTrue(has(plan, "broadcast join (estimated rows"), "join strategy");
    assertTrue(has(plan, "PartialAggregate"), "partial aggregation");
    assertTrue(has(plan, "pushed filter: "), "filter pushed into the scan");
    assertTrue(has(plan, "files kept 1 of 7 (6 pruned by partition"), "lineitem keeps 1994's file of 7");
  }

  @Test
  void aRangeInsideTheKeptFilesIsEstimatedFromTheirColumnBoundsForTheJoinsDistribution() throws SQLException {
    FloeSession session = oracle.session();
    try {
      // a quarter of the one year's file of orders (about 570 of its 2,300 rows) is under the limit; customer is not
      session.broadcastJoinRowLimit(1000);
      List<String> plan = lines(session, "EXPLAIN SELECT c_name, sum(o_totalprice) FROM orders JOIN customer "
          + "ON o_custkey = c_custkey WHERE o_orderdate >= DATE '1993-10-01' AND o_orderdate < DATE '1994-01-01' "
          + "GROUP BY c_name");
      assertTrue(has(plan, "estimated to match from their column bounds"), "the scan's estimate");
      assertTrue(has(plan, "broadcast join (estimated rows left 1500, right 5"), "the quarter's orders broadcast");
    } finally {
      session.broadcastJoinRowLimit(io.floe.engine.planner.DistributionSettings.DEFAULT_BROADCAST_ROW_LIMIT);
    }
  }

  @Test
  void explainShowsPartitionedSaltedJoinsWhenBroadcastIsOff() throws SQLException {
    FloeSession session = oracle.session();
    try {
      session.broadcastJoinRowLimit(0);
      List<String> plan = lines(session, "EXPLAIN PLAN FOR " + PRUNED_JOIN);
      assertTrue(has(plan, "partitioned join, skew salting on the"), "join strategy");
      assertTrue(has(plan, "Exchange salted repartition by"), "salted side");
      assertTrue(has(plan, "rows of heavy keys replicated"), "replicated side");
      assertTrue(!has(plan, "Exchange broadcast"), "no broadcast");
    } finally {
      session.broadcastJoinRowLimit(io.floe.engine.planner.DistributionSettings.DEFAULT_BROADCAST_ROW_LIMIT);
    }
  }

  @Test
  void operatorsAboveAJoinContinueInItsTasks() throws SQLException {
    String query = "SELECT n_name, count(*) FROM customer JOIN nation ON c_nationkey = n_nationkey "
        + "JOIN orders ON o_custkey = c_custkey GROUP BY n_name";
    List<String> plan = lines(oracle.session(), "EXPLAIN ANALYZE " + query);
    // the partial aggregation (and the projection under it) run in the join's tasks: no gather and split between
    assertNoExchangeBetween(plan, "PartialAggregate", "HashJoin");
    // a join under another join: its tasks feed the upper join's broadcast directly; only the result is gathered
    assertEquals(1, plan.stream().filter(l -> l.contains("Exchange gather")).count(), String.join("\n", plan));
    // each join's fragment shows its tasks' input rows under the join (no gather above it to show them)
    assertEquals(2, assertTaskInputRowsUnder(plan, "HashJoin", 5));
    assertEquals(oracle.expected(query).size(), rowsOf(plan, "HashAggregate"));
  }

  @Test
  void operatorsAboveAnAggregationContinueInItsTasks() throws SQLException {
    String query = "SELECT o_orderpriority, count(*) FROM orders WHERE o_orderkey IN (SELECT l_orderkey FROM "
        + "lineitem GROUP BY l_orderkey HAVING sum(l_quantity) > 200) GROUP BY o_orderpriority ORDER BY 1";
    List<String> plan = lines(oracle.session(), "EXPLAIN ANALYZE " + query);
    // the HAVING filter runs in the grouped aggregation's tasks, and so does the sort's per-task sort over the
    // outer aggregation: no gather and split between them
    int having = indexOf(plan, "Filter");
    assertTrue(having >= 0 && plan.get(having + 1).strip().startsWith("HashAggregate group={0}"),
        String.join("\n", plan));
    assertNoExchangeBetween(plan, "Sort", "HashAggregate");
    // each grouped aggregation's fragment shows its tasks' input rows under it; only the sort's merge gathers
    assertEquals(2, assertTaskInputRowsUnder(plan, "HashAggregate group={", 4), String.join("\n", plan));
    assertFalse(has(plan, "Exchange gather"), String.join("\n", plan));
    assertEquals(oracle.expected(query).size(), rowsOf(plan, "Sort"));
  }

  /** Asserts that the first {@code upper} operator is above the first {@code lower} in the same fragment. */
  private static void assertNoExchangeBetween(List<String> plan, String upper, String lower) {
    int from = indexOf(plan, upper);
    int to = indexOf(plan, lower);
    assertTrue(from >= 0 && to > from, String.join("\n", plan));
    for (String line : plan.subList(from, to)) {
      assertFalse(line.contains("Exchange") || line.startsWith("Fragment"), "nothing between: " + line);
    }
  }

  /**
   * Asserts that each operator line starting with {@code operator} has its tasks' input rows within {@code lines}
   * lines under it; returns how many there are.
   */
  private static int assertTaskInputRowsUnder(List<String> plan, String operator, int lines) {
    int count = 0;
    for (int i = 0; i < plan.size(); i++) {
      if (plan.get(i).strip().startsWith(operator)) {
        count++;
        assertTrue(has(plan.subList(i + 1, Math.min(plan.size(), i + lines)), "task input rows"), plan.get(i));
      }
    }
    return count;
  }

  private static int indexOf(List<String> plan, String operator) {
    for (int i = 0; i < plan.size(); i++) {
      if (plan.get(i).strip().startsWith(operator)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aSerialPlanIsOneFragment() throws SQLException {
    FloeSession session = oracle.session();
    try {
      session.workers(1);
      List<String> plan = lines(session, "EXPLAIN " + PRUNED_JOIN);
      assertEquals(1, plan.stream().filter(l -> l.startsWith("Fragment")).count(), "one fragment");
      assertTrue(!has(plan, "Exchange"), "no exchange");
      assertTrue(has(plan, "HashJoin"), "joins run serially");
      assertTrue(has(plan, "files kept 1 of 7"), "pruning");
    } finally {
      session.workers(4);
    }
  }

  @Test
  void explainAnalyzeCountsTheRowsOfEveryOperator() throws SQLException {
    String query = "SELECT o_orderpriority, count(*) FROM orders WHERE o_orderdate >= DATE '1995-01-01' "
        + "AND o_orderdate < DATE '1996-01-01' AND o_totalprice > 1000 GROUP BY o_orderpriority "
        + "ORDER BY o_orderpriority";
    long resultRows = oracle.expected(query).size();
    long scannedRows = ((Number) oracle.expected("SELECT count(*) FROM orders WHERE o_orderdate >= DATE "
        + "'1995-01-01' AND o_orderdate < DATE '1996-01-01' AND o_totalprice > 1000").get(0).get(0)).longValue();
    List<String> plan = lines(oracle.session(), "EXPLAIN ANALYZE " + query);
    assertEquals(resultRows, rowsOf(plan, "Sort"), "the root operator returns the result's rows");
    assertEquals(scannedRows, rowsOf(plan, "Scan tpch.orders"), "the scan returns the filtered rows");
    assertTrue(has(plan, "Result: " + resultRows + " rows"), "result line");
    assertTrue(has(plan, "task input rows max"), "per-task input of exchanges");
    assertTrue(has(plan, "files kept 1 of 7"), "orders keeps 1995's file of 7");
  }

  @Test
  void errorsInTheExplainedQueryKeepTheirPosition() {
    String broken = "SELECT o_orderkey FROM orders WHERE";
    SQLException plain = assertThrows(SQLException.class, () -> oracle.actual(broken));
    SQLException syntax = assertThrows(SQLException.class, () -> oracle.actual("EXPLAIN ANALYZE\n" + broken));
    assertEquals("42000", syntax.getSQLState());
    assertEquals(plain.getMessage(), syntax.getMessage().replace("line 2", "line 1"), "same position, next line");
    SQLException unknown = assertThrows(SQLException.class, () -> oracle.actual("EXPLAIN SELECT nope FROM orders"));
    assertEquals("42S22", unknown.getSQLState());
    assertTrue(unknown.getMessage().contains("column 16"), unknown.getMessage());
    SQLException dml = assertThrows(SQLException.class, () -> oracle.actual("EXPLAIN DELETE FROM orders"));
    assertEquals("0A000", dml.getSQLState());
  }

  private static long rowsOf(List<String> plan, String operator) {
    Pattern rows = Pattern.compile("\\[rows=(\\d+) ");
    for (String line : plan) {
      if (line.strip().startsWith(operator)) {
        Matcher m = rows.matcher(line);
        assertTrue(m.find(), line);
        return Long.parseLong(m.group(1));
      }
    }
    throw new AssertionError("no " + operator + " in the plan");
  }

  /**
   * Decorrelated EXISTS / IN subqueries leave lineitem under an aggregate merged with its projection; the scan must
   * still decode only the columns the query uses (it decoded all 16 before fields were trimmed after join ordering).
   */
  @Test
  void scansUnderDecorrelatedSubqueriesDecodeOnlyTheColumnsUsed() throws SQLException {
    for (String query : List.of("q04", "q17", "q18", "q20")) {
      String sql = TpchWarehouse.query(query).trim().replaceAll(";$", "");
      List<String> scans = lines(oracle.session(), "EXPLAIN " + sql).stream()
          .filter(l -> l.contains("Scan tpch.lineitem")).toList();
      assertTrue(!scans.isEmpty(), query + " scans lineitem");
      for (String scan : scans) {
        Matcher columns = Pattern.compile("columns=\\[([^]]*)]").matcher(scan);
        assertTrue(columns.find(), scan);
        int count = columns.group(1).split(",").length;
        assertTrue(count <= 4, query + " decodes " + count + " lineitem columns: " + scan);
        assertTrue(!columns.group(1).contains("l_comment"), query + ": " + scan);
      }
    }
  }

  /**
   * An aggregate straight over a scan (merged with the projection that named its columns) reads only what it groups
   * and aggregates, and count(*) reads one narrow column, not the whole table.
   */
  @Test
  void aggregatesOverScansDecodeOnlyTheirColumns() throws SQLException {
    assertScanColumns("SELECT count(*), max(1) FROM lineitem", "l_linenumber");
    assertScanColumns("SELECT count(*) FROM lineitem WHERE l_quantity + l_tax > 10", "l_quantity, l_tax");
    assertScanColumns("SELECT l_returnflag, count(DISTINCT l_shipmode), sum(l_tax) FILTER (WHERE l_discount > 0.05) "
        + "FROM lineitem GROUP BY l_returnflag", "l_discount, l_tax, l_returnflag, l_shipmode");
    assertScanColumns("SELECT count(*) FROM orders GROUP BY ROLLUP(o_orderstatus, o_orderpriority)",
        "o_orderstatus, o_orderpriority");
    for (String sql : List.of("SELECT count(*), max(1) FROM lineitem",
        "SELECT count(*), min(l_shipdate) FROM lineitem WHERE l_quantity + l_tax > 10",
        "SELECT l_returnflag, count(DISTINCT l_shipmode), sum(l_tax) FILTER (WHERE l_discount > 0.05) "
            + "FROM lineitem GROUP BY l_returnflag ORDER BY 1",
        "SELECT o_orderstatus, o_orderpriority, count(*) FROM orders GROUP BY ROLLUP(o_orderstatus, o_orderpriority) "
            + "ORDER BY 1, 2")) {
      oracle.assertSameRows(sql);
    }
  }

  /** count(*) without a filter comes from the manifest list's row counts: no scan, DuckDB's count. */
  @Test
  void countOfAWholeTableComesFromMetadata() throws SQLException {
    for (String sql : List.of("SELECT count(*) FROM lineitem", "SELECT count(*) AS a, count(*) AS b FROM orders")) {
      List<String> plan = lines(oracle.session(), "EXPLAIN " + sql);
      assertTrue(!has(plan, "Scan tpch."), sql + " reads no data file: " + plan);
      oracle.assertSameRows(sql);
    }
    assertTrue(has(lines(oracle.session(), "EXPLAIN SELECT count(*) FROM orders WHERE o_orderdate > DATE '1998-01-01'"),
        "Scan tpch.orders"), "a filtered count scans");
  }

  private static void assertScanColumns(String sql, String expected) throws SQLException {
    List<String> scans = lines(oracle.session(), "EXPLAIN " + sql).stream().filter(l -> l.contains("Scan tpch.")).toList();
    assertEquals(1, scans.size(), sql);
    Matcher columns = Pattern.compile("columns=\\[([^]]*)]").matcher(scans.get(0));
    assertTrue(columns.find(), scans.get(0));
    assertEquals(expected, columns.group(1), sql);
  }
}
