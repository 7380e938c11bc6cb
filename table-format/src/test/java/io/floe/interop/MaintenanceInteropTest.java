package io.floe.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.table.ExpireSnapshots;
import io.floe.table.RewriteDataFiles;
import io.floe.table.Table;
import io.floe.table.TableProperties;
import io.floe.table.Tables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Iceberg 1.12 reads Floe tables after each maintenance operation with the same rows, field by field:
 * after a partition replace, after compaction (at every snapshot), and after expiry (the kept snapshots only);
 * and Floe reads the table after Iceberg's own expiry.
 */
class MaintenanceInteropTest {
  @TempDir
  Path dir;

  @Test
  void icebergReadsTheSameRowsAfterReplaceCompactionAndExpiry() throws Exception {
    String location = dir.resolve("t").toString();
    Table table = new Tables(new LocalFileIO()).create(AllTypes.SCHEMA,
        PartitionSpec.builderFor(AllTypes.SCHEMA).bucket("id", 3).build(), location,
        Map.of(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true", TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "5"));
    for (int i = 0; i < 8; i++) {
      table.newAppend().appendRecords(AllTypes.rows(i * 12L, 12)).commit();
    }
    table.newReplacePartitions().addRecords(AllTypes.rows(1000, 3)).commit();
    table.newDelete().deleteFromRowFilter(Expressions.lessThan("id", 7L)).commit();
    assertSameRowsAtEverySnapshot(table, location);

    RewriteDataFiles.Result compacted = table.rewriteDataFiles().sortBy("s", true).execute();
    assertTrue(compacted.rewrittenFiles() > compacted.addedFiles(), compacted.toString());
    assertEquals("replace", new HadoopTables(new Configuration()).load(location).currentSnapshot().operation());
    assertSameRowsAtEverySnapshot(table.refresh(), location);

    ExpireSnapshots.Result expired = table.expireSnapshots().expireOlderThan(System.currentTimeMillis() + 1).retainLast(3).commit();
    assertEquals(8, expired.expiredSnapshotIds().size());
    assertSameRowsAtEverySnapshot(table.refresh(), location);

    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration()).load(location);
    iceberg.expireSnapshots().expireOlderThan(System.currentTimeMillis() + 1).retainLast(1).commit();
    Table afterIceberg = new Tables(new LocalFileIO()).load(location);
    assertEquals(1, afterIceberg.snapshots().size());
    assertSameRowsAtEverySnapshot(afterIceberg, location);
  }

  private static void assertSameRowsAtEverySnapshot(Table table, String location) throws Exception {
    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration()).load(location);
    List<Long> icebergIds = new ArrayList<>();
    iceberg.snapshots().forEach(s -> icebergIds.add(s.snapshotId()));
    assertEquals(table.snapshots().stream().map(Snapshot::snapshotId).toList(), icebergIds);
    for (Snapshot s : table.snapshots()) {
      Map<Long, Record> floeRows = FloeToIcebergTest.byId(table.newScan().useSnapshot(s.snapshotId()).records());
      Map<Long, Record> icebergRows = new TreeMap<>();
      try (CloseableIterable<org.apache.iceberg.data.Record> rows = IcebergGenerics.read(iceberg).useSnapshot(s.snapshotId()).build()) {
        for (org.apache.iceberg.data.Record r : rows) {
          Record converted = FloeToIcebergTest.fromIceberg(r);
          icebergRows.put((Long) converted.get(0), converted);
        }
      }
      assertEquals(floeRows.keySet(), icebergRows.keySet(), "row ids of snapshot " + s.snapshotId());
      for (Long id : floeRows.keySet()) {
        FloeToIcebergTest.assertRowEquals(floeRows.get(id), icebergRows.get(id), "row " + id);
      }
      assertEquals(Long.parseLong(s.summary().get("total-records")), icebergRows.size());
    }
  }
}
