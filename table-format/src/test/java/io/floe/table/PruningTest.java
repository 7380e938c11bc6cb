package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.partition.PartitionSpec;
import io.floe.scan.TableScan;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selective filters open only the data files (and row groups) that can hold matching rows. */
class PruningTest {
  @TempDir
  Path dir;

  @Test
  void aDayFilterOpensOnlyThatDaysFiles() {
    Table table = new Tables(new LocalFileIO()).create(TableFixtures.EVENTS,
        PartitionSpec.builderFor(TableFixtures.EVENTS).day("ts").build(), dir.resolve("t").toString());
    for (int batch = 0; batch < 3; batch++) {
      table.newAppend().appendRecords(TableFixtures.events(batch * 240L, 240)).commit(); // 10 days each
    }
    assertEquals(30, table.newScan().planFiles().size(), "one file per day and batch");

    TableScan oneDay = table.newScan().filter(Expressions.and(
        Expressions.greaterThanOrEqual("ts", TableFixtures.START.plusDays(12)),
        Expressions.lessThan("ts", TableFixtures.START.plusDays(13))));
    assertEquals(24, oneDay.records().size());
    assertEquals(1, oneDay.metrics().filesOpened(), oneDay.metrics().toString());
    assertEquals(2, oneDay.metrics().manifestsSkipped(),
        "the other batches' manifests are skipped by their partition summaries: " + oneDay.metrics());
    assertEquals(10, oneDay.metrics().filesTotal(), "only one manifest was read: " + oneDay.metrics());
    assertEquals(9, oneDay.metrics().filesSkippedByPartition(), oneDay.metrics().toString());
  }

  @Test
  void columnBoundsPruneFilesOfAnUnpartitionedTable() {
    Table table = new Tables(new LocalFileIO()).create(TableFixtures.EVENTS,
        PartitionSpec.unpartitioned(TableFixtures.EVENTS), dir.resolve("t").toString());
    for (int batch = 0; batch < 5; batch++) {
      table.newAppend().appendRecords(TableFixtures.events(batch * 1000L, 1000)).commit();
    }
    TableScan scan = table.newScan().filter(Expressions.equal("id", 2500L));
    assertEquals(1, scan.records().size());
    assertEquals(1, scan.metrics().filesOpened(), scan.metrics().toString());
    assertEquals(4, scan.metrics().filesSkippedByMetrics(), scan.metrics().toString());
  }

  @Test
  void rowGroupsAreSkippedByTheirStatistics() {
    Table table = new Tables(new LocalFileIO()).create(TableFixtures.EVENTS,
        PartitionSpec.unpartitioned(TableFixtures.EVENTS), dir.resolve("t").toString(),
        Map.of(TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, "4096"));
    table.newAppend().appendRecords(TableFixtures.events(0, 20_000)).commit();
    TableScan scan = table.newScan().filter(Expressions.greaterThan("id", 19_990L));
    assertEquals(9, scan.records().size());
    assertEquals(1, scan.metrics().filesOpened());
    assertTrue(scan.metrics().rowGroupsSkipped() > 0, scan.metrics().toString());
    assertTrue(scan.metrics().rowsRead() < 20_000, "skipped row groups are not decoded: " + scan.metrics());
  }
}
