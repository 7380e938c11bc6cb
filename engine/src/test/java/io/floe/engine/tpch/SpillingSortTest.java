package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ORDER BY over TPC-H SF 0.01 lineitem (60k rows: integers, decimals, dates, strings, booleans, NULLs) under a
 * memory limit far below its rows: the sort spills sorted runs to files and merges them, returning exactly DuckDB's
 * order on 1 and 2 workers, also for a top-N of many rows; with spilling off the query fails with 53200; the spill
 * files are gone after success, failure and early close.
 */
@Timeout(300)
class SpillingSortTest extends SpillingQueryTest {
  /**
   * Far below the sort's rows (~25 MiB); a quarter of it stays free for the scan's Arrow buffers (per worker: the
   * limit grows with the workers).
   */
  private static final long LIMIT = 6L << 20;
  /** Every column type the sort moves through its files, NULLs in a string and a decimal, a total order. */
  private static final String SORT = "SELECT l_orderkey, l_linenumber, "
      + "CASE WHEN MOD(l_orderkey, 7) = 0 THEN NULL ELSE l_comment END AS c, "
      + "CASE WHEN MOD(l_linenumber, 3) = 0 THEN NULL ELSE l_extendedprice END AS p, "
      + "l_shipdate, l_shipmode, l_returnflag = 'R' AS r, l_discount, "
      + "l_comment || l_shipmode || l_comment || l_comment || l_comment || l_comment AS w FROM lineitem ";
  private static final String BY_COMMENT = SORT + "ORDER BY c NULLS FIRST, p DESC NULLS LAST, l_orderkey, l_linenumber";
  private static final String BY_DATE = SORT
      + "ORDER BY l_shipdate DESC, l_shipmode, p NULLS FIRST, l_orderkey DESC, l_linenumber";

  @Override
  long limit() {
    return LIMIT;
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2})
  void spilledSortReturnsDuckDbsOrder(int workers) throws Exception {
    session.workers(workers).memoryLimit(limit(workers));
    for (String sql : List.of(BY_COMMENT, BY_DATE)) {
      long filesBefore = session.spillDirectory().filesCreated();
      List<List<Object>> actual = ResultRows.query(session, sql);
      List<List<Object>> expected = ORACLE.get().expected(sql);
      assertEquals(60175, expected.size());
      assertNull(ResultRows.difference(expected, actual), () -> "differs from DuckDB: " + sql);
      assertTrue(session.spillDirectory().filesCreated() - filesBefore >= 3,
          "several runs: " + (session.spillDirectory().filesCreated() - filesBefore));
      assertSpillFilesDeleted();
      assertEquals(0, session.allocatedBytes());
    }
  }

  @Test
  void explainAnalyzeShowsTheSpill() throws Exception {
    long[] spilled = explainedSpill(BY_COMMENT, "Sort");
    assertTrue(spilled[0] >= 3, "runs: " + spilled[0]);
    assertTrue(spilled[1] > 0 && spilled[1] <= 60175, "rows: " + spilled[1]);
    assertTrue(spilled[2] > 0, "bytes: " + spilled[2]);
  }

  @Test
  void withoutSpillingTheSortFailsWithOutOfMemory() throws Exception {
    assertOutOfMemoryWithoutSpilling(BY_COMMENT, "Sort");
  }

  @Test
  void aFailureAfterSpillingDeletesTheRuns() throws Exception {
    // the union reads all of lineitem (spilled under 4 MiB) before the second branch divides by zero
    session.memoryLimit(4L << 20);
    String failing = "SELECT l_orderkey, l_comment FROM lineitem UNION ALL "
        + "SELECT l_orderkey / (l_linenumber - l_linenumber), l_comment FROM lineitem WHERE l_orderkey = 1 "
        + "ORDER BY 2, 1";
    assertFailureAfterSpillingDeletesTheFiles(failing, "22012");
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2})
  void closingTheResultEarlyDeletesTheRuns(int workers) throws Exception {
    session.workers(workers).memoryLimit(limit(workers));
    long filesBefore = session.spillDirectory().filesCreated();
    try (QueryResult result = session.execute(BY_DATE)) {
      try (VectorSchemaRoot first = result.nextBatch()) {
        assertTrue(first.getRowCount() > 0);
      }
      assertTrue(session.spillDirectory().filesCreated() > filesBefore, "the sort spilled");
      if (workers == 1) {
        // with 2 workers a task may sort, merge and hand all its rows to the exchange's queue, then close and delete
        // its runs, before the merging gather returns the first batch
        assertTrue(listSpillDir().length > 0, "runs on disk while the merge runs");
      }
    }
    assertSpillFilesDeleted();
    assertEquals(0, session.allocatedBytes());
  }

  @Test
  void topNStaysInMemory() throws Exception {
    long filesBefore = session.spillDirectory().filesCreated();
    String sql = BY_COMMENT + " LIMIT 100";
    assertNull(ResultRows.difference(ORACLE.get().expected(sql), ResultRows.query(session, sql)));
    assertEquals(filesBefore, session.spillDirectory().filesCreated(), "top-N keeps its rows in memory");
  }

  /**
   * A top-N whose rows do not fit spills: 40,000 rows (more than any run) and 8,000 rows after an offset (runs are cut
   * to 8,100 rows, later rows not before the cut dropped); DuckDB's order, on 1 and 2 workers.
   */
  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2})
  void largeTopNSpillsAndReturnsDuckDbsRows(int workers) throws Exception {
    session.workers(workers).memoryLimit(limit(workers));
    for (String sql : List.of(BY_COMMENT + " LIMIT 40000", BY_DATE + " LIMIT 8000 OFFSET 100")) {
      long filesBefore = session.spillDirectory().filesCreated();
      List<List<Object>> actual = ResultRows.query(session, sql);
      List<List<Object>> expected = ORACLE.get().expected(sql);
      assertTrue(expected.size() == 40000 || expected.size() == 8000, "rows: " + expected.size());
      assertNull(ResultRows.difference(expected, actual), () -> "differs from DuckDB: " + sql);
      assertTrue(session.spillDirectory().filesCreated() > filesBefore, "the top-N spilled: " + sql);
      assertSpillFilesDeleted();
      assertEquals(0, session.allocatedBytes());
    }
  }

  @Test
  void explainAnalyzeShowsTheSpillOfATopN() throws Exception {
    long[] spilled = explainedSpill(BY_COMMENT + " LIMIT 40000", "Sort");
    assertTrue(spilled[0] >= 2, "runs: " + spilled[0]);
    assertTrue(spilled[1] > 0 && spilled[1] <= 60175, "rows: " + spilled[1]);
  }

  @Test
  void closingATopNEarlyDeletesTheRuns() throws Exception {
    assertClosingEarlyDeletesTheFiles(BY_DATE + " LIMIT 40000");
  }

  @Test
  void withoutSpillingALargeTopNFailsWithOutOfMemory() throws Exception {
    assertOutOfMemoryWithoutSpilling(BY_COMMENT + " LIMIT 40000", "Sort");
  }

  @Test
  void offsetAfterTheMerge() throws Exception {
    String sql = BY_DATE + " OFFSET 59000";
    long filesBefore = session.spillDirectory().filesCreated();
    assertNull(ResultRows.difference(ORACLE.get().expected(sql), ResultRows.query(session, sql)));
    assertTrue(session.spillDirectory().filesCreated() > filesBefore, "the sort spilled");
    assertSpillFilesDeleted();
  }

  private static long limit(int workers) {
    return workers == 1 ? LIMIT : 16L << 20;
  }
}
