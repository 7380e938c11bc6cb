package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.ResultRows;
import io.floe.engine.planner.DistributionSettings;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partitioned hash joins of TPC-H SF 0.01 lineitem with itself (about 47,000 build rows with padded comments) under a
 * memory limit far below the build side: the join writes build and probe rows to partition files and joins them pair
 * by pair (a grace hash join), returning DuckDB's rows on 1 and 2 workers for INNER, LEFT, RIGHT, FULL, SEMI and ANTI
 * joins (SEMI and ANTI also building on the left), a residual condition, NULL keys on both sides, a text key and two
 * keys; with spilling off the query fails with 53200 naming the join; the spill files are gone after success, a
 * failure and an early close.
 */
@Timeout(300)
class SpillingJoinTest extends SpillingQueryTest {
  /**
   * Below what the build side takes in memory on 1 and 2 workers (every query runs in memory under 64 MiB); a quarter
   * of it stays free for the 4 scans of lineitem that run at once on 2 workers.
   */
  private static final long LIMIT = 8L << 20;
  /** The probe side: every lineitem, the order key NULL for a seventh of the orders, the comment 120 bytes long. */
  private static final String PROBE = "(SELECT CASE WHEN MOD(l_orderkey, 7) = 0 THEN NULL ELSE l_orderkey END AS k, "
      + "l_linenumber AS n, l_partkey AS p, rpad(l_comment, 120, '.') AS c FROM lineitem) a";
  /** The build side: lineitems 1 to 4 of each order, the order key NULL for a fifth of the orders. */
  private static final String BUILD = "(SELECT CASE WHEN MOD(l_orderkey, 5) = 0 THEN NULL ELSE l_orderkey END AS k, "
      + "l_linenumber AS n, l_suppkey AS s, rpad(l_comment, 120, '.') AS c FROM lineitem WHERE l_linenumber <= 4) b";
  private static final String INNER = "SELECT a.k, a.n, a.c, b.s, b.c FROM " + PROBE + " JOIN " + BUILD
      + " ON a.k = b.k AND a.n = b.n";

  static Stream<Arguments> joins() {
    return Stream.of(1, 2).flatMap(workers -> Stream.of(
        INNER,
        "SELECT a.k, a.n, a.c, b.s, b.c FROM " + PROBE + " LEFT JOIN " + BUILD + " ON a.k = b.k AND a.n = b.n",
        "SELECT a.p, b.k, b.n, b.s, b.c FROM " + PROBE + " RIGHT JOIN " + BUILD + " ON a.k = b.k AND a.n = b.n",
        "SELECT a.k, a.n, a.p, b.k, b.n, b.c FROM " + PROBE + " FULL JOIN " + BUILD + " ON a.k = b.k AND a.n = b.n",
        // a text key
        "SELECT a.k, a.n, a.p FROM " + PROBE + " WHERE a.c IN (SELECT b.c FROM " + BUILD + ")",
        "SELECT a.k, a.n, a.c FROM " + PROBE + " WHERE NOT EXISTS (SELECT 1 FROM " + BUILD
            + " WHERE b.k = a.k AND b.c = a.c)",
        // a residual condition on a key with several rows per side
        "SELECT a.k, a.n, a.p, b.n, b.s, b.c FROM " + PROBE + " LEFT JOIN " + BUILD
            + " ON a.k = b.k AND a.p > b.s * 50")
        .map(sql -> Arguments.of(workers, sql)));
  }

  /** SEMI and ANTI joins whose left side (lineitems 1 to 3 of each order) is built, probed by every lineitem. */
  static Stream<Arguments> joinsBuildingLeft() {
    String left = BUILD.replace("<= 4", "<= 3");
    return Stream.of(1, 2).flatMap(workers -> Stream.of(
        "SELECT b.k, b.n, b.c FROM " + left + " WHERE b.k IN (SELECT a.k FROM " + PROBE + ")",
        "SELECT b.k, b.n, b.c FROM " + left + " WHERE NOT EXISTS (SELECT 1 FROM " + PROBE + " WHERE a.k = b.k)")
        .map(sql -> Arguments.of(workers, sql)));
  }

  @Override
  long limit() {
    return LIMIT;
  }

  @BeforeEach
  void partitionTheJoins() {
    session.broadcastJoinRowLimit(0);
  }

  @AfterEach
  void broadcastAsBefore() {
    session.broadcastJoinRowLimit(DistributionSettings.DEFAULT_BROADCAST_ROW_LIMIT);
  }

  @ParameterizedTest(name = "{0} workers: {1}")
  @MethodSource("joins")
  void spilledJoinsMatchDuckDb(int workers, String sql) throws Exception {
    session.workers(workers);
    assertSpilledRowsMatchDuckDb(sql, 2, 10_000);
  }

  @ParameterizedTest(name = "{0} workers: {1}")
  @MethodSource("joinsBuildingLeft")
  void spilledJoinsBuildingLeftMatchDuckDb(int workers, String sql) throws Exception {
    session.workers(workers);
    String plan = ResultRows.query(session, "EXPLAIN " + sql).stream().map(row -> (String) row.get(0))
        .collect(Collectors.joining("\n"));
    assertTrue(plan.contains("builds on the left"), plan);
    assertSpilledRowsMatchDuckDb(sql, 2, 10_000);
  }

  @Test
  void explainAnalyzeShowsTheSpilledPartitions() throws Exception {
    StringBuilder plan = new StringBuilder();
    for (List<Object> line : ResultRows.query(session, "EXPLAIN ANALYZE " + INNER)) {
      plan.append(line.get(0)).append('\n');
    }
    Matcher spilled = Pattern.compile("Join.*\\n(?:.*\\n)*?\\s+spilled partitions=(\\d+) rows=(\\d+) "
        + "bytes=(\\d+)").matcher(plan);
    assertTrue(spilled.find(), plan::toString);
    assertTrue(Long.parseLong(spilled.group(1)) >= 2, plan::toString);
    assertTrue(Long.parseLong(spilled.group(2)) > 0, plan::toString);
    assertTrue(Long.parseLong(spilled.group(3)) > 0, plan::toString);
    assertSpillFilesDeleted();
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2})
  void withoutSpillingTheJoinFailsWithOutOfMemory(int workers) throws Exception {
    // below the build side's rows on either worker count (the tasks' halves of it may just fit a larger limit)
    session.workers(workers).spill(false).memoryLimit(3L << 20);
    long filesBefore = session.spillDirectory().filesCreated();
    SQLException e = assertThrows(SQLException.class, () -> ResultRows.query(session, INNER));
    assertEquals("53200", e.getSQLState(), e.getMessage());
    // the join or a scan beside it fails, naming the join as the largest holder
    assertTrue(e.getMessage().contains("HashJoin (build side)"), e.getMessage());
    assertEquals(filesBefore, session.spillDirectory().filesCreated(), "nothing spilled");
    assertEquals(0, session.allocatedBytes());
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2})
  void aFailureAfterSpillingDeletesThePartitions(int workers) throws Exception {
    session.workers(workers);
    // the projection above the join divides by zero at its first joined row, after the build side spilled
    assertFailureAfterSpillingDeletesTheFiles("SELECT a.k / (a.n - b.n), b.c FROM " + PROBE + " JOIN " + BUILD
        + " ON a.k = b.k AND a.n = b.n", "22012");
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2})
  void closingTheResultEarlyDeletesThePartitions(int workers) throws Exception {
    session.workers(workers);
    assertClosingEarlyDeletesTheFiles(INNER);
  }
}
