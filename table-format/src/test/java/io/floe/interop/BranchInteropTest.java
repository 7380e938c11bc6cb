package io.floe.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.table.Table;
import io.floe.table.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Iceberg 1.12 reads a Floe table with branches, tags, retention settings and a rollback: the same refs
 * and the same rows as Floe; and Floe commits to a branch Iceberg created.
 */
class BranchInteropTest {
  @TempDir
  Path dir;

  @Test
  void icebergReadsFloeBranchesTagsAndRollback() throws Exception {
    String location = dir.resolve("t").toString();
    Table table = new Tables(new LocalFileIO()).create(AllTypes.SCHEMA,
        PartitionSpec.builderFor(AllTypes.SCHEMA).bucket("id", 3).build(), location);
    Snapshot s1 = table.newAppend().appendRecords(AllTypes.rows(0, 30)).commit();
    Snapshot s2 = table.newAppend().appendRecords(AllTypes.rows(30, 20)).commit();
    table.manageSnapshots().createTag("v1", s1.snapshotId()).createBranch("dev", s1.snapshotId())
        .setMinSnapshotsToKeep("dev", 4).setMaxSnapshotAgeMs("dev", 3_600_000L).setMaxRefLifetimeMs("v1", 86_400_000L)
        .commit();
    table.newAppend().toBranch("dev").appendRecords(AllTypes.rows(500, 10)).commit();
    Snapshot d2 = table.newOverwrite().toBranch("dev").overwriteByRowFilter(Expressions.lessThan("id", 5L))
        .addRecords(AllTypes.rows(600, 3)).setUser("dana").applicationId("fixup").commit();
    table.refresh();

    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration()).load(location);
    Map<String, SnapshotRef> refs = iceberg.refs();
    assertEquals(Map.of("main", s2.snapshotId(), "dev", d2.snapshotId(), "v1", s1.snapshotId()),
        Map.of("main", refs.get("main").snapshotId(), "dev", refs.get("dev").snapshotId(), "v1", refs.get("v1").snapshotId()));
    assertTrue(refs.get("main").isBranch() && refs.get("dev").isBranch() && refs.get("v1").isTag());
    assertEquals(4, refs.get("dev").minSnapshotsToKeep());
    assertEquals(3_600_000L, refs.get("dev").maxSnapshotAgeMs());
    assertEquals(86_400_000L, refs.get("v1").maxRefAgeMs());
    assertEquals(s2.snapshotId(), iceberg.currentSnapshot().snapshotId());

    for (String ref : List.of("main", "dev", "v1")) {
      assertSameRows(table.newScan().useRef(ref).records(), iceberg, refs.get(ref).snapshotId(), ref);
    }
    Map<String, String> summary = iceberg.snapshot(d2.snapshotId()).summary();
    assertEquals("floe", summary.get("engine-name"));
    assertEquals("dana", summary.get("floe.user"));
    assertEquals("fixup", summary.get("floe.app-id"));
    long d1 = iceberg.snapshot(d2.snapshotId()).parentId();
    assertEquals(s1.snapshotId(), iceberg.snapshot(d1).parentId(), "dev's lineage starts at the tagged snapshot");

    table.manageSnapshots().rollbackTo(s1.snapshotId()).commit();
    iceberg.refresh();
    assertEquals(s1.snapshotId(), iceberg.currentSnapshot().snapshotId());
    assertEquals(s1.snapshotId(), iceberg.history().get(iceberg.history().size() - 1).snapshotId());
    assertSameRows(table.refresh().newScan().records(), iceberg, iceberg.currentSnapshot().snapshotId(), "rolled-back main");
  }

  @Test
  void floeCommitsToABranchIcebergCreated() throws Exception {
    String location = dir.resolve("t").toString();
    Table table = new Tables(new LocalFileIO()).create(AllTypes.SCHEMA, PartitionSpec.unpartitioned(AllTypes.SCHEMA), location);
    Snapshot s1 = table.newAppend().appendRecords(AllTypes.rows(0, 10)).commit();
    org.apache.iceberg.Table iceberg = new HadoopTables(new Configuration()).load(location);
    iceberg.manageSnapshots().createBranch("ice", s1.snapshotId()).createTag("t1", s1.snapshotId()).commit();

    Snapshot b1 = table.refresh().newAppend().toBranch("ice").appendRecords(AllTypes.rows(100, 5)).commit();
    assertEquals(s1.snapshotId(), b1.parentSnapshotId());
    iceberg.refresh();
    assertEquals(b1.snapshotId(), iceberg.refs().get("ice").snapshotId());
    assertEquals(s1.snapshotId(), iceberg.currentSnapshot().snapshotId());
    assertSameRows(table.refresh().newScan().useRef("ice").records(), iceberg, b1.snapshotId(), "ice");
    assertEquals(15, table.newScan().useRef("ice").records().size());
    assertEquals(10, table.newScan().useRef("t1").records().size());
  }

  private static void assertSameRows(List<Record> floe, org.apache.iceberg.Table iceberg, long snapshotId, String what)
      throws Exception {
    Map<Long, Record> floeRows = FloeToIcebergTest.byId(floe);
    Map<Long, Record> icebergRows = new TreeMap<>();
    try (CloseableIterable<org.apache.iceberg.data.Record> rows = IcebergGenerics.read(iceberg).useSnapshot(snapshotId).build()) {
      for (org.apache.iceberg.data.Record r : rows) {
        Record converted = FloeToIcebergTest.fromIceberg(r);
        icebergRows.put((Long) converted.get(0), converted);
      }
    }
    assertEquals(floeRows.keySet(), icebergRows.keySet(), what + ": row ids");
    for (Long id : floeRows.keySet()) {
      FloeToIcebergTest.assertRowEquals(floeRows.get(id), icebergRows.get(id), what + " row " + id);
    }
  }
}
