package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.ResultRows;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WHERE conditions evaluated on the scan's Arrow vectors ({@link io.floe.engine.exec.ScanFilter}), compared with
 * DuckDB: a Floe table made from lineitem (ordered by order key, one file of several 8192-row batches) with NULLs
 * in filtered and unfiltered columns, decimals at scales 2 and 4, dates, strings, integers and doubles; batches where
 * every row, no row, some rows or about one in a hundred are kept (the other columns then decoded only for those);
 * general conjuncts reading columns that are not in the output; conjuncts that the row group's statistics show every
 * row meets (skipped), beside ones on columns with NULLs (which must still run).
 */
class ScanFilterTest {
  @RegisterExtension
  static final TpchOracleExtension SERIAL = new TpchOracleExtension(1);
  @RegisterExtension
  static final TpchOracleExtension PARALLEL = new TpchOracleExtension(2);

  private static final String TABLE = "scan_filter_rows";
  /** The table's rows, as Floe creates the table and as DuckDB reads them (a subquery over lineitem). */
  private static final String ROWS = "SELECT l_orderkey AS k, l_linenumber AS n, "
      + "CASE WHEN l_linenumber = 2 THEN NULL ELSE l_quantity END AS q, "
      + "CASE WHEN l_orderkey % 5 = 0 THEN NULL ELSE l_discount END AS d, "
      + "CAST(l_extendedprice AS DECIMAL(18, 4)) AS p4, "
      + "CASE WHEN l_linenumber = 3 THEN NULL ELSE l_shipdate END AS dt, "
      + "CASE WHEN l_linenumber = 4 THEN NULL ELSE l_shipmode END AS m, "
      + "l_comment AS c, CAST(l_tax AS DOUBLE) AS f, CAST(l_partkey AS INTEGER) AS i FROM lineitem";

  static Stream<String> statements() {
    return Stream.of(
        // NULLs in the filtered column (q) and in output columns only the kept rows of which are read
        "SELECT k, n, q, d, dt, m, f FROM %s WHERE q < 10 ORDER BY k, n",
        // leading batches all kept, one partly, the rest none (order keys ascend through the file)
        "SELECT k, n, q, d, p4, dt, m, c, f, i FROM %s WHERE k < 20000 ORDER BY k, n",
        "SELECT k, n, c FROM %s WHERE k >= 0 AND m IS NULL ORDER BY k, n",
        // no row of any batch kept (a value between the file's bounds, so no row group is pruned)
        "SELECT k, n, m FROM %s WHERE m = 'MAILX'",
        "SELECT count(*), sum(q) FROM %s WHERE c = 'no such comment' AND q > 1",
        // decimals at scales 2 and 4, constants with more decimal places than the column
        "SELECT k, n, p4, d FROM %s WHERE p4 > 50000.1234 AND d >= 0.05 AND q <= 20.5 ORDER BY k, n",
        "SELECT k, n, p4 FROM %s WHERE p4 < 1500.12345 OR d = 0.075 ORDER BY k, n",
        // dates, with NULL dates
        "SELECT k, n, dt FROM %s WHERE dt BETWEEN DATE '1994-03-01' AND DATE '1994-03-31' ORDER BY k, n",
        "SELECT k, n, dt FROM %s WHERE dt IN (DATE '1995-06-17', DATE '1993-01-02') OR dt < DATE '1992-01-10' "
            + "ORDER BY k, n",
        // strings: IN lists, order and inequality, with NULL strings
        "SELECT k, n, m, c FROM %s WHERE m IN ('AIR', 'MAIL') AND c > 'y' ORDER BY k, n",
        "SELECT k, n, m FROM %s WHERE m <> 'RAIL' AND m >= 'REG AIR' AND n = 1 ORDER BY k, n",
        // string IN lists (constants of other lengths than most rows; one of 63 bytes or more) after numbers
        "SELECT k, n, m FROM %s WHERE m IN ('AIR', 'REG AIR', 'TRUCKS') AND k < 3000 ORDER BY k, n",
        "SELECT count(*), sum(q) FROM %s WHERE m NOT IN ('MAIL', 'RAIL ') AND c NOT IN ('" + "x".repeat(70)
            + "', 'y') AND c IN ('" + "z".repeat(64) + "', 'ly final dependencies: slyly bold ', 'y')",
        // general conjuncts reading columns that are not in the output (i, d, f)
        "SELECT k, n FROM %s WHERE q < 30 AND i % 7 = 3 AND d + 0.01 > 0.05 ORDER BY k, n",
        "SELECT k, p4 FROM %s WHERE f * 100 > q AND m = 'SHIP' ORDER BY k, n",
        // only general conjuncts; an OR over the whole condition; IS [NOT] NULL
        "SELECT k, n, q, d FROM %s WHERE q > d * 400 ORDER BY k, n",
        "SELECT k, n, q, m, d FROM %s WHERE q < 2 OR m = 'AIR' AND d IS NULL ORDER BY k, n",
        "SELECT k, n FROM %s WHERE d IS NULL AND q > 45 AND dt IS NOT NULL ORDER BY k, n",
        // doubles and integers, IN lists of numbers
        "SELECT k, n, f FROM %s WHERE f > 0.04 AND f <> 0.06 AND i < 500 ORDER BY k, n",
        "SELECT k, n, i FROM %s WHERE i IN (1, 2, 3, 155, 1990) OR n = 7 ORDER BY k, n",
        // conditions the table format cannot prune by (column against column), evaluated by the scan all the same,
        // alone and beside pushed conjuncts; a division guarded by an earlier conjunct
        "SELECT k, n, q, i FROM %s WHERE n < i % 7 ORDER BY k, n",
        "SELECT k, n, dt FROM %s WHERE k < 30000 AND n * 10 > q AND m IN ('AIR', 'RAIL') ORDER BY k, n",
        "SELECT k, n FROM %s WHERE q > 0 AND i / q > 4000 ORDER BY k, n",
        // sparse selections (about one row in a hundred: single rows, and runs of one order's lines): the other
        // columns are decoded from the pages only for the kept rows, NULLs among them
        "SELECT k, n, q, d, p4, dt, m, c, f, i FROM %s WHERE i % 97 = 5 ORDER BY k, n",
        "SELECT k, n, q, d, p4, dt, m, c, f FROM %s WHERE k % 53 = 7 ORDER BY k, n",
        // conjuncts the row group's statistics show every row meets, skipped (k, i: no NULLs), beside ones they do
        // not (q and dt hold NULLs, so q >= 0 and dt >= 1992-01-01 still run, or NULL rows would be kept)
        "SELECT k, n, q FROM %s WHERE q >= 0 AND k > 0 ORDER BY k, n",
        "SELECT k, n, dt FROM %s WHERE k > 0 AND dt >= DATE '1992-01-01' AND i >= 1 ORDER BY k, n",
        "SELECT count(*), count(q), sum(i) FROM %s WHERE i >= 1 AND k <= 1000000000",
        // aggregates over the filtered scan
        "SELECT count(*), sum(p4), min(dt), max(m), sum(f) FROM %s WHERE q >= 45",
        "SELECT m, count(*), sum(q) FROM %s WHERE d BETWEEN 0.02 AND 0.04 GROUP BY m ORDER BY m NULLS FIRST");
  }

  @BeforeAll
  static void createTable() throws Exception {
    ResultRows.query(SERIAL.get().session(), "DROP TABLE IF EXISTS " + TABLE);
    ResultRows.query(SERIAL.get().session(), "CREATE TABLE " + TABLE + " AS SELECT * FROM (" + ROWS
        + " ORDER BY k, n LIMIT 100000000) AS s"); // ordered: the order keys ascend through the file
  }

  @AfterAll
  static void dropTable() throws Exception {
    if (SERIAL.get() != null) {
      ResultRows.query(SERIAL.get().session(), "DROP TABLE IF EXISTS " + TABLE);
    }
  }

  private static void assertSameRows(TpchOracle oracle, String statement) throws Exception {
    oracle.assertSameRows(statement.replace("%s", TABLE), statement.replace("%s", "(" + ROWS + ") AS t"));
  }

  @Test
  void theTableHasSeveralBatchesAndNulls() throws Exception {
    List<List<Object>> counts = SERIAL.get().actual("SELECT count(*), count(q), count(d), count(dt), count(m) FROM "
        + TABLE);
    List<Object> row = counts.get(0);
    assertTrue(((Number) row.get(0)).longValue() > 3 * 8192, "more rows than three batches: " + row);
    for (int c = 1; c < row.size(); c++) {
      assertFalse(row.get(c).equals(row.get(0)), "column " + c + " has NULLs: " + row);
    }
  }

  @Test
  void aFilterDirectlyAboveTheScanRunsInTheScan() throws Exception {
    for (TpchOracle oracle : new TpchOracle[] {SERIAL.get(), PARALLEL.get()}) {
      String plan = oracle.explain("SELECT k FROM " + TABLE + " WHERE n < i % 7");
      assertTrue(plan.contains("evaluated in the scan below"), plan);
    }
  }

  @Test
  void explainAnalyzeCountsTheConjunctsSkippedByRowGroupStatistics() throws Exception {
    // k > 0 holds for every row of every row group (no NULLs, lower bound 1); q >= 0 not: q has NULLs
    long[] skips = skips("SELECT k, n, q FROM " + TABLE + " WHERE q >= 0 AND k > 0");
    assertTrue(skips[2] >= 1, "row groups filtered: " + skips[2]);
    assertEquals(skips[2], skips[0], "one conjunct skipped in each");
    assertEquals(skips[2], skips[1]);
    long[] none = skips("SELECT k, n, q FROM " + TABLE + " WHERE q >= 0");
    assertEquals(0, none[0]);
    assertEquals(0, none[1]);
  }

  /** EXPLAIN ANALYZE's conjuncts skipped, row groups with a skip, and row groups filtered, of {@code sql}. */
  private static long[] skips(String sql) throws Exception {
    String plan = SERIAL.get().actual("EXPLAIN ANALYZE " + sql).stream().map(row -> row.get(0).toString())
        .collect(Collectors.joining("\n"));
    Matcher m = Pattern.compile(
        "show every row meets them: (\\d+) \\(in (\\d+) of (\\d+) row groups\\)").matcher(plan);
    assertTrue(m.find(), plan);
    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
  }

  @Timeout(60)
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDb(String statement) throws Exception {
    assertSameRows(SERIAL.get(), statement);
  }

  @Timeout(60)
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void matchesDuckDbOnTwoWorkers(String statement) throws Exception {
    assertSameRows(PARALLEL.get(), statement);
  }
}
