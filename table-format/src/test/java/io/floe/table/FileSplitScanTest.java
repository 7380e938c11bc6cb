package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.expressions.Expressions;
import io.floe.io.CloseableIterator;
import io.floe.io.LocalFileIO;
import io.floe.partition.PartitionSpec;
import io.floe.scan.FileScanTask;
import io.floe.scan.TableScan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splits of one file by row groups ({@link FileScanTask#rowGroups}) read by readers sharing one planned scan. */
class FileSplitScanTest {
  private static final int ROWS = 20_000;

  @TempDir
  Path dir;

  private Table oneFileOfManyRowGroups() {
    Table table = new Tables(new LocalFileIO()).create(TableFixtures.EVENTS,
        PartitionSpec.unpartitioned(TableFixtures.EVENTS), dir.resolve("t").toString(),
        Map.of(TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, "4096"));
    table.newAppend().appendRecords(TableFixtures.events(0, ROWS)).commit();
    return table;
  }

  private static List<Long> ids(TableScan scan, List<FileScanTask> files) {
    List<Long> ids = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
         CloseableIterator<VectorSchemaRoot> batches = scan.batches(allocator, files)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          BigIntVector id = (BigIntVector) batch.getVector("id");
          for (int i = 0; i < batch.getRowCount(); i++) {
            ids.add(id.get(i));
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  @Test
  void splitsByRowGroupReadDisjointSharesThatCoverTheFile() {
    TableScan scan = oneFileOfManyRowGroups().newScan().select("id");
    List<FileScanTask> files = scan.planFiles();
    assertEquals(1, files.size());
    FileScanTask file = files.get(0);
    int groups = file.rowGroupCount();
    assertTrue(groups > 3, "row groups: " + groups);
    List<FileScanTask> splits = List.of(file.rowGroups(0, 1), file.rowGroups(1, groups / 2),
        file.rowGroups(groups / 2, groups));
    Set<Long> seen = new HashSet<>();
    int nonEmpty = 0;
    for (FileScanTask split : splits) {
      List<Long> share = ids(scan, List.of(split));
      nonEmpty += share.isEmpty() ? 0 : 1;
      for (long id : share) {
        assertTrue(seen.add(id), "row " + id + " read by two splits");
      }
    }
    assertEquals(3, nonEmpty, "every split reads rows");
    assertEquals(ROWS, seen.size(), "the splits cover the file");
    assertEquals(1, scan.metrics().filesOpened(), "a split file counts as opened once: " + scan.metrics());
    assertEquals(ROWS, scan.metrics().rowsRead(), scan.metrics().toString());
  }

  @Test
  void rowGroupsSkippedByTheFilterAreCountedOncePerSplit() {
    Table table = oneFileOfManyRowGroups();
    TableScan whole = table.newScan().filter(Expressions.greaterThan("id", ROWS - 10L)).select("id");
    List<Long> all = ids(whole, whole.planFiles());
    TableScan split = table.newScan().filter(Expressions.greaterThan("id", ROWS - 10L)).select("id");
    FileScanTask file = split.planFiles().get(0);
    int groups = file.rowGroupCount();
    List<Long> first = ids(split, List.of(file.rowGroups(0, groups / 2)));
    List<Long> second = ids(split, List.of(file.rowGroups(groups / 2, groups)));
    assertEquals(List.of(), first, "the matching rows are in the last row group");
    assertEquals(all, second);
    assertEquals(whole.metrics().rowGroupsSkipped(), split.metrics().rowGroupsSkipped(), split.metrics().toString());
  }

  @Test
  void invalidRowGroupRangesAreRejected() {
    FileScanTask file = oneFileOfManyRowGroups().newScan().planFiles().get(0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> file.rowGroups(2, 2));
    assertTrue(e.getMessage().contains(file.file().path()), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> file.rowGroups(0, file.rowGroupCount() + 1));
  }
}
