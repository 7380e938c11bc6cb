package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.ResultRows;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Window functions over TPC-H SF 0.01 lineitem (60k rows, padded comments: ~15 MiB of window input) under a memory
 * limit far below it: the window sorts its input by partition through the spilling sort and computes a few
 * partitions at a time, returning exactly DuckDB's rows (ROWS and RANGE frames, EXCLUDE, ranking, distribution and
 * value functions, LAG/LEAD, a DISTINCT count, several windows) on 1 and 2 workers, also when its sort's rows would
 * fit; with spilling off, or with one partition larger than the memory, it fails with 53200; the spill files are gone
 * after success, failure and early close.
 */
@Timeout(300)
class SpillingWindowTest extends SpillingQueryTest {
  private static final long LIMIT = 6L << 20;
  /** A total order within each supplier's rows. */
  private static final String BY_DATE = "ORDER BY l_shipdate, l_orderkey, l_linenumber";
  private static final String PADDED = "l_comment || l_shipmode || l_comment || l_comment || l_comment AS w";
  /** 100 suppliers' partitions: ranking, ROWS frames, LAG/LEAD of strings and decimals with NULLs. */
  private static final String RANKING = "SELECT l_orderkey, l_linenumber, l_suppkey, " + PADDED + ", "
      + "row_number() OVER (PARTITION BY l_suppkey " + BY_DATE + ") AS rn, "
      + "rank() OVER (PARTITION BY l_suppkey ORDER BY l_shipdate) AS rk, "
      + "dense_rank() OVER (PARTITION BY l_suppkey ORDER BY l_returnflag DESC) AS dr, "
      + "sum(l_quantity) OVER (PARTITION BY l_suppkey " + BY_DATE + " ROWS BETWEEN 3 PRECEDING AND 2 FOLLOWING) AS s, "
      + "lag(CASE WHEN MOD(l_orderkey, 5) = 0 THEN NULL ELSE l_comment END) OVER (PARTITION BY l_suppkey " + BY_DATE
      + ") AS previous, "
      + "lead(l_extendedprice, 2) OVER (PARTITION BY l_suppkey " + BY_DATE + ") AS next2 "
      + "FROM lineitem";
  /**
   * RANGE frames (numeric offsets with ties, to the peers), a running count and windows partitioned by more keys than
   * the common one (supplier).
   */
  private static final String RANGES = "SELECT l_orderkey, l_linenumber, l_suppkey, l_returnflag, " + PADDED + ", "
      + "sum(l_extendedprice) OVER (PARTITION BY l_suppkey ORDER BY l_quantity "
      + "RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING) AS near, "
      + "count(*) OVER (PARTITION BY l_suppkey ORDER BY l_shipdate RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "
      + "AS so_far, "
      + "max(l_discount) OVER (PARTITION BY l_suppkey, l_returnflag) AS most, "
      + "min(l_shipdate) OVER (PARTITION BY l_returnflag, l_suppkey ORDER BY l_receiptdate DESC, l_orderkey, "
      + "l_linenumber ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) AS earliest "
      + "FROM lineitem";
  /** Distribution and value functions, a DISTINCT count over a moving frame, an EXCLUDE clause. */
  private static final String OTHERS = "SELECT l_orderkey, l_linenumber, " + PADDED + ", "
      + "ntile(7) OVER (PARTITION BY l_suppkey " + BY_DATE + ") AS tile, "
      + "percent_rank() OVER (PARTITION BY l_suppkey ORDER BY l_quantity) AS pr, "
      + "cume_dist() OVER (PARTITION BY l_suppkey ORDER BY l_quantity) AS cd, "
      + "first_value(l_shipmode) OVER (PARTITION BY l_suppkey " + BY_DATE
      + " ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS fv, "
      + "last_value(l_shipdate) OVER (PARTITION BY l_suppkey " + BY_DATE
      + " ROWS BETWEEN CURRENT ROW AND 4 FOLLOWING) AS lv, "
      + "nth_value(l_quantity, 3) OVER (PARTITION BY l_suppkey " + BY_DATE + ") AS third, "
      + "count(DISTINCT l_shipmode) OVER (PARTITION BY l_suppkey " + BY_DATE
      + " ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) AS modes, "
      + "sum(l_quantity) OVER (PARTITION BY l_suppkey ORDER BY l_quantity "
      + "RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW) AS around "
      + "FROM lineitem";

  /** Three partitions: 'N' has half of the rows, ~7 MiB. */
  private static final String BY_RETURN_FLAG = "SELECT l_orderkey, " + PADDED + ", "
      + "row_number() OVER (PARTITION BY l_returnflag " + BY_DATE + ") FROM lineitem";

  @Override
  long limit() {
    return LIMIT;
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2})
  void spilledWindowsReturnDuckDbsRows(int workers) throws Exception {
    session.workers(workers).memoryLimit(limit(workers));
    assertSpilledRowsMatchDuckDb(RANKING, 2, 60000);
    assertSpilledRowsMatchDuckDb(RANGES, 2, 60000);
    assertSpilledRowsMatchDuckDb(OTHERS, 2, 60000);
  }

  @Test
  void withoutSpillingTheWindowFailsWithOutOfMemory() throws Exception {
    assertOutOfMemoryWithoutSpilling(RANKING, "Window");
  }

  @Test
  void aPartitionLargerThanTheMemoryFails() throws Exception {
    SQLException e = assertFailureAfterSpillingDeletesTheFiles(BY_RETURN_FLAG, "53200");
    assertTrue(e.getMessage().contains("in Window"), e.getMessage());
  }

  /**
   * Between 14 and 18 MiB the window's rows do not fit but its sort's do: the sort still writes them to disk, so the
   * half of the rows in partition 'N' fit beside a batch of its run (they did not beside all the rows in memory).
   */
  @ParameterizedTest(name = "{0} MiB")
  @ValueSource(longs = {14, 18})
  void aSortThatFitsStillLeavesTheMemoryToThePartitions(long mib) throws Exception {
    session.memoryLimit(mib << 20);
    assertSpilledRowsMatchDuckDb(BY_RETURN_FLAG, 1, 60000);
  }

  @Test
  void aFailureAfterSpillingDeletesTheRuns() throws Exception {
    String failing = "SELECT l_orderkey / (rn - rn), w FROM (" + RANKING + ")";
    assertFailureAfterSpillingDeletesTheFiles(failing, "22012");
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2})
  void closingTheResultEarlyDeletesTheRuns(int workers) throws Exception {
    session.workers(workers).memoryLimit(limit(workers));
    assertClosingEarlyDeletesTheFiles(RANKING);
  }

  @Test
  void explainAnalyzeShowsTheSpillUnderTheWindow() throws Exception {
    long[] spilled = explainedSpill(RANKING, "Window");
    assertTrue(spilled[0] >= 2, "runs: " + spilled[0]);
    assertTrue(spilled[1] > 0 && spilled[1] <= 60175, "rows: " + spilled[1]);
    assertTrue(spilled[2] > 0, "bytes: " + spilled[2]);
  }

  @Test
  void windowsThatFitDoNotSpill() throws Exception {
    long filesBefore = session.spillDirectory().filesCreated();
    String sql = "SELECT l_orderkey, l_linenumber, row_number() OVER (PARTITION BY l_suppkey " + BY_DATE + ") "
        + "FROM lineitem WHERE l_orderkey < 2000";
    List<List<Object>> actual = sorted(ResultRows.query(session, sql));
    List<List<Object>> expected = sorted(ORACLE.get().expected(sql));
    assertTrue(expected.size() > 1000, "rows: " + expected.size());
    assertNull(ResultRows.difference(expected, actual));
    assertEquals(filesBefore, session.spillDirectory().filesCreated(), "the window kept its rows in memory");
  }

  private static long limit(int workers) {
    return workers == 1 ? LIMIT : 16L << 20;
  }
}
