package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import io.floe.engine.TableScanStats;
import io.floe.io.LocalFileIO;
import io.floe.partition.PartitionSpec;
import io.floe.scan.FileScanTask;
import io.floe.table.Table;
import io.floe.table.TableProperties;
import io.floe.table.Tables;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table scans split over the tasks of a leaf fragment: with 4 workers every query returns exactly the serial
 * result, each task reads a disjoint share (files of a multi-file table, row groups of a single file), and the
 * scan's stats are the totals over the tasks.
 */
@Timeout(120)
class ParallelScanTest {
  private static final int[] APPENDS = {1_000, 3_000, 500, 8_000, 2_000, 700};
  private static final int BIG_ROWS = 30_000;
  private static final Schema SALES = new Schema(
      NestedField.required(1, "id", Types.LONG),
      NestedField.required(2, "region", Types.STRING),
      NestedField.optional(3, "amount", Types.decimal(12, 2)),
      NestedField.required(4, "sold", Types.DATE));
  private static final Schema REGIONS = new Schema(
      NestedField.required(1, "code", Types.STRING),
      NestedField.required(2, "name", Types.STRING));

  @TempDir
  static Path warehouse;

  private static FloeSession session;
  private static long firstSnapshotId;
  private static Table big;

  @BeforeAll
  static void setUp() {
    try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toString()))) {
      catalog.createNamespace(Namespace.of("shop"));
    }
    Tables tables = new Tables(new LocalFileIO());
    Table sales = tables.create(SALES, PartitionSpec.unpartitioned(SALES), location("sales"));
    long next = 0;
    for (int count : APPENDS) {
      sales.newAppend().appendRecords(sales(next, count)).commit();
      next += count;
      if (firstSnapshotId == 0) {
        firstSnapshotId = sales.currentSnapshot().snapshotId();
      }
    }
    Table regions = tables.create(REGIONS, PartitionSpec.unpartitioned(REGIONS), location("regions"));
    List<Record> regionRows = new ArrayList<>();
    for (String code : List.of("EU", "US", "APAC", "LATAM")) {
      regionRows.add(GenericRecord.of(REGIONS.asStruct(), code, "region " + code.toLowerCase()));
    }
    regions.newAppend().appendRecords(regionRows).commit();
    big = tables.create(SALES, PartitionSpec.unpartitioned(SALES), location("big"),
        Map.of(TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, "16384"));
    big.newAppend().appendRecords(sales(0, BIG_ROWS)).commit();
    session = FloeSession.open(warehouse, "shop");
  }

  private static String location(String table) {
    return warehouse.resolve("shop").resolve(table).toString();
  }

  private static List<Record> sales(long first, int count) {
    List<String> regions = List.of("EU", "US", "APAC", "LATAM", "MARS");
    List<Record> rows = new ArrayList<>();
    for (long id = first; id < first + count; id++) {
      BigDecimal amount = id % 11 == 0 ? null : BigDecimal.valueOf(id * 37 % 10_000, 2);
      rows.add(GenericRecord.of(SALES.asStruct(), id, regions.get((int) (id * 7 % 5)), amount,
          LocalDate.of(2024, 1, 1).plusDays(id % 400)));
    }
    return rows;
  }

  @AfterAll
  static void tearDown() {
    session.close();
  }

  private static List<List<Object>> rows(int workers, String sql) throws SQLException {
    session.workers(workers);
    try {
      return ResultRows.query(session, sql);
    } finally {
      session.workers(4);
    }
  }

  private static void assertSameAsSerial(String sql) throws SQLException {
    List<List<Object>> serial = rows(1, sql);
    assertTrue(!serial.isEmpty(), sql);
    assertEquals(serial, rows(4, sql), sql);
  }

  @Test
  void aFilteredAggregateOverAMultiFileTableEqualsTheSerialResult() throws SQLException {
    assertSameAsSerial("SELECT region, count(*), sum(amount), min(id), max(sold), count(amount) FROM sales "
        + "WHERE amount > 10 GROUP BY region ORDER BY region");
    assertSameAsSerial("SELECT count(*), sum(amount) FROM sales WHERE sold >= DATE '2024-03-01'");
    assertSameAsSerial("SELECT id, amount * 2, region FROM sales WHERE id % 7 = 0 ORDER BY id");
    assertSameAsSerial("SELECT region, count(DISTINCT sold) FROM sales GROUP BY region ORDER BY region");
  }

  @Test
  void joinsOverSplitScansEqualTheSerialResult() throws SQLException {
    String join = "SELECT r.name, count(*), sum(s.amount) FROM sales s JOIN regions r ON s.region = r.code "
        + "WHERE s.id % 3 <> 0 GROUP BY r.name ORDER BY r.name";
    assertSameAsSerial(join);
    assertSameAsSerial("SELECT s.id, r.name FROM sales s LEFT JOIN regions r ON s.region = r.code "
        + "WHERE s.id < 2000 ORDER BY s.id");
    session.broadcastJoinRowLimit(0);
    try {
      assertSameAsSerial(join);
      assertSameAsSerial("SELECT a.id, b.id FROM sales a JOIN big b ON a.id = b.id + 5 WHERE b.sold < DATE "
          + "'2024-02-01' ORDER BY a.id");
    } finally {
      session.broadcastJoinRowLimit(io.floe.engine.planner.DistributionSettings.DEFAULT_BROADCAST_ROW_LIMIT);
    }
  }

  @Test
  void eachTaskReadsADisjointShareOfTheFiles() throws SQLException {
    int total = Arrays.stream(APPENDS).sum();
    session.workers(4);
    try (QueryResult result = session.execute("SELECT count(*), sum(amount) FROM sales")) {
      assertEquals((long) total, ((Number) ResultRows.of(result).get(0).get(0)).longValue());
      TableScanStats scan = result.scans().get(0);
      List<Long> taskRows = scan.taskRows();
      assertEquals(4, taskRows.size());
      assertEquals(total, taskRows.stream().mapToLong(Long::longValue).sum(), "the tasks' rows add up: " + taskRows);
      assertTrue(taskRows.stream().filter(rows -> rows > 0).count() > 1, taskRows.toString());
      assertEquals(total, scan.metrics().rowsRead(), scan.metrics().toString());
      assertEquals(APPENDS.length, scan.metrics().filesOpened(), scan.metrics().toString());
    }
  }

  @Test
  void aSingleFileIsSplitByRowGroups() throws SQLException {
    List<FileScanTask> files = big.newScan().planFiles();
    assertEquals(1, files.size());
    assertTrue(files.get(0).rowGroupCount() >= 4, "row groups: " + files.get(0).rowGroupCount());
    List<FileScanTask> splits = new ArrayList<>();
    for (List<FileScanTask> share : ScanShares.assign(files, 4)) {
      assertTrue(!share.isEmpty(), "every task reads a split of the file");
      splits.addAll(share);
    }
    splits.sort(java.util.Comparator.comparingLong(FileScanTask::start));
    assertEquals(0, splits.get(0).start());
    for (int i = 1; i < splits.size(); i++) {
      assertEquals(splits.get(i - 1).end(), splits.get(i).start(), "splits are adjacent byte ranges: " + i);
    }
    assertEquals(Long.MAX_VALUE, splits.get(splits.size() - 1).end());
    session.workers(4);
    try (QueryResult result = session.execute("SELECT count(*) FROM big WHERE id >= 0")) {
      assertEquals(List.of(List.of((Object) (long) BIG_ROWS)), ResultRows.of(result));
      TableScanStats scan = result.scans().get(0);
      List<Long> taskRows = scan.taskRows();
      assertEquals(BIG_ROWS, taskRows.stream().mapToLong(Long::longValue).sum(), taskRows.toString());
      assertEquals(4, taskRows.stream().filter(rows -> rows > 0).count(), taskRows.toString());
      assertEquals(1, scan.metrics().filesOpened(), "a split file counts as opened once: " + scan.metrics());
    }
    assertSameAsSerial("SELECT region, count(*), sum(amount), max(id) FROM big WHERE id > 1234 GROUP BY region "
        + "ORDER BY region");
    assertSameAsSerial("SELECT id FROM big WHERE id % 97 = 0 ORDER BY id");
  }

  @Test
  void everyTaskReadsThePinnedSnapshot() throws SQLException {
    String sql = "SELECT count(*), sum(amount) FROM sales FOR VERSION AS OF " + firstSnapshotId;
    List<List<Object>> pinned = rows(4, sql);
    assertEquals((long) APPENDS[0], ((Number) pinned.get(0).get(0)).longValue());
    assertEquals(rows(1, sql), pinned);
    List<List<Object>> plan = rows(4, "EXPLAIN " + sql);
    assertTrue(plan.stream().anyMatch(line -> ((String) line.get(0)).contains("files kept 1 of 1")),
        "EXPLAIN plans the pinned snapshot's files: " + plan);
  }

  @Test
  void aQueryOverItsMemoryLimitReleasesEveryTasksMemory() throws SQLException {
    try (FloeSession limited = FloeSession.open(warehouse, "shop").workers(4).memoryLimit(128 * 1024)) {
      SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> ResultRows.query(limited, "SELECT id, sold, count(*) FROM big GROUP BY id, sold"));
      assertEquals("53200", e.getSQLState(), e.getMessage());
      assertEquals(0, limited.allocatedBytes(), "the failed query released its tasks' memory");
      assertEquals(List.of(List.of((Object) 4L)),
          ResultRows.query(limited, "SELECT count(*) FROM regions WHERE code <> ''"));
    }
  }

  @Test
  void closingAResultEarlyStopsTheScanTasks() throws Exception {
    session.workers(4);
    try (QueryResult result = session.execute("SELECT id, amount, region FROM big")) {
      try (org.apache.arrow.vector.VectorSchemaRoot first = result.nextBatch()) {
        assertTrue(first.getRowCount() > 0);
      }
    }
    assertEquals(0, session.allocatedBytes(), "the closed query's scan tasks released their buffers");
  }

  @Test
  void explainShowsTheSplitScanAndAnalyzeCountsRowsOverTasks() throws SQLException {
    session.workers(4);
    List<String> plan = ResultRows.query(session, "EXPLAIN ANALYZE SELECT region, count(*) FROM sales "
        + "WHERE id >= 1000 GROUP BY region").stream().map(row -> (String) row.get(0)).toList();
    String text = String.join("\n", plan);
    assertTrue(text.contains("split over 4 tasks"), text);
    assertTrue(text.contains("files kept 5 of 6 (0 pruned by partition, 1 by column bounds)"), text);
    String scanLine = plan.stream().filter(l -> l.strip().startsWith("Scan shop.sales")).findFirst().orElseThrow();
    assertTrue(scanLine.contains("[rows=" + (Arrays.stream(APPENDS).sum() - 1000) + " "), "rows summed over tasks: "
        + scanLine);
  }
}
