package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.partition.PartitionSpec;
import io.floe.scan.TableScan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code filterRows(false)}: the filter still prunes files and row groups but rows are not filtered one by one. */
class PruneOnlyScanTest {
  @TempDir
  Path dir;

  private Table table() {
    Table table = new Tables(new LocalFileIO()).create(TableFixtures.EVENTS,
        PartitionSpec.unpartitioned(TableFixtures.EVENTS), dir.resolve("t").toString(),
        Map.of(TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, "4096"));
    table.newAppend().appendRecords(TableFixtures.events(1000, 19_000)).commit();
    table.newAppend().appendRecords(TableFixtures.events(0, 1000)).commit();
    return table;
  }

  @Test
  void byDefaultOnlyMatchingRowsAreReturned() {
    TableScan scan = table().newScan().filter(Expressions.greaterThan("id", 19_990L)).select("ts");
    assertEquals(9, scan.records().size());
    assertEquals(9, scan.metrics().rowsReturned(), scan.metrics().toString());
  }

  @Test
  void pruneOnlyKeepsPruningButReturnsEveryRowOfTheRowGroupsRead() {
    TableScan scan = table().newScan().filter(Expressions.greaterThan("id", 19_990L)).select("id")
        .filterRows(false);
    List<Record> rows = scan.records();
    assertEquals(1, scan.metrics().filesOpened(), "the second file is pruned by its bounds: " + scan.metrics());
    assertTrue(scan.metrics().rowGroupsSkipped() > 0, scan.metrics().toString());
    assertTrue(rows.size() > 9 && rows.size() < 20_000, "a superset of the matches, not the whole file: "
        + rows.size());
    assertEquals(rows.size(), scan.metrics().rowsReturned(), scan.metrics().toString());
    long matching = rows.stream().filter(r -> (Long) r.get(0) > 19_990L).count();
    assertEquals(9, matching, "every matching row is among those returned");
  }
}
