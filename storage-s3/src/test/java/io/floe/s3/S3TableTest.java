package io.floe.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.data.Values;
import io.floe.expressions.Expressions;
import io.floe.io.FileInfo;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.table.AlreadyExistsException;
import io.floe.table.Table;
import io.floe.table.TableFixtures;
import io.floe.table.Tables;
import io.floe.types.NestedField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.StaticTableOperations;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Floe tables living entirely on S3: commits, scans, time travel; and Apache Iceberg reading them through its S3FileIO. */
class S3TableTest {
  private static final String BUCKET = "floe-tables";
  private static S3Server server;
  private static S3FileIO io;

  @BeforeAll
  static void start() throws Exception {
    server = S3Server.sharedWithBucket(BUCKET);
    io = new S3FileIO(server.properties());
  }

  @AfterAll
  static void stop() throws Exception {
    io.close();
  }

  static Set<Long> ids(List<Record> rows) {
    return rows.stream().map(TableFixtures::id).collect(Collectors.toCollection(TreeSet::new));
  }

  static Set<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void createAppendOverwriteDeleteAndTimeTravelOnS3() throws Exception {
    String location = "s3://" + BUCKET + "/wh/events";
    PartitionSpec spec = PartitionSpec.builderFor(TableFixtures.EVENTS).day("ts").identity("region").build();
    Table table = new Tables(io).create(TableFixtures.EVENTS, spec, location);
    assertThrows(AlreadyExistsException.class, () -> new Tables(io).create(TableFixtures.EVENTS, spec, location));

    Snapshot s1 = table.newAppend().appendRecords(TableFixtures.events(0, 100)).commit();
    Thread.sleep(3);
    Snapshot s2 = table.newAppend().appendRecords(TableFixtures.events(100, 100)).commit();
    assertEquals(range(0, 200), ids(table.newScan().records()));
    Snapshot s3 = table.newOverwrite().overwriteByRowFilter(Expressions.greaterThanOrEqual("id", 150L))
        .addRecords(TableFixtures.events(1000, 5)).commit();
    Set<Long> afterOverwrite = range(0, 150);
    afterOverwrite.addAll(range(1000, 1005));
    assertEquals(afterOverwrite, ids(table.newScan().records()));
    table.newDelete().deleteFromRowFilter(Expressions.equal("region", "EU")).commit();
    Set<Long> noEu = afterOverwrite.stream().filter(i -> i % 4 != 0).collect(Collectors.toCollection(TreeSet::new));

    Table reloaded = new Tables(io).load(location);
    assertEquals(4, reloaded.snapshots().size());
    assertEquals(noEu, ids(reloaded.newScan().records()));
    assertEquals(range(0, 100), ids(reloaded.newScan().useSnapshot(s1.snapshotId()).records()));
    assertEquals(range(0, 200), ids(reloaded.newScan().useSnapshot(s2.snapshotId()).records()));
    assertEquals(afterOverwrite, ids(reloaded.newScan().useSnapshot(s3.snapshotId()).records()));
    assertEquals(range(0, 100), ids(reloaded.newScan().asOfTime(s1.timestampMs()).records()));
    assertEquals(Set.of(42L), ids(reloaded.newScan().filter(Expressions.equal("id", 42L)).records()));

    List<String> files = io.listPrefix(location).stream().map(FileInfo::location).toList();
    assertTrue(files.contains(location + "/metadata/v5.metadata.json"), files.toString());
    assertTrue(files.stream().noneMatch(f -> f.contains(ConditionalWriteProbe.PROBE_PREFIX)), "the probe was removed");
    assertTrue(files.stream().anyMatch(f -> f.startsWith(location + "/data/ts_day=") && f.endsWith(".parquet")), files.toString());
  }

  @Test
  void icebergReadsAFloeTableOnS3WithItsOwnS3FileIO() throws Exception {
    String location = "s3a://" + BUCKET + "/wh/interop";
    Table table = new Tables(io).create(TableFixtures.EVENTS,
        PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), location);
    table.newAppend().appendRecords(TableFixtures.events(0, 300)).commit();
    table.newOverwrite().overwriteByRowFilter(Expressions.lessThan("id", 50L)).addRecords(TableFixtures.events(5000, 7)).commit();
    table.newAppend().appendRecords(TableFixtures.events(300, 20)).commit();

    Map<String, String> props = new HashMap<>(server.properties());
    try (org.apache.iceberg.aws.s3.S3FileIO icebergIo = new org.apache.iceberg.aws.s3.S3FileIO()) {
      icebergIo.initialize(props);
      String metadata = table.refresh().metadata().metadataFileLocation();
      org.apache.iceberg.Table iceberg = new BaseTable(new StaticTableOperations(metadata, icebergIo), "interop");
      assertEquals(table.snapshots().size(), com.google.common.collect.Iterables.size(iceberg.snapshots()));
      for (Snapshot s : table.snapshots()) {
        Map<Long, Record> floe = byId(table.newScan().useSnapshot(s.snapshotId()).records());
        Map<Long, List<Object>> fromIceberg = new TreeMap<>();
        try (CloseableIterable<org.apache.iceberg.data.Record> rows = IcebergGenerics.read(iceberg).useSnapshot(s.snapshotId()).build()) {
          for (org.apache.iceberg.data.Record r : rows) {
            fromIceberg.put((Long) r.getField("id"), internalValues(r));
          }
        }
        assertEquals(floe.keySet(), fromIceberg.keySet(), "rows of snapshot " + s.snapshotId());
        for (Map.Entry<Long, Record> e : floe.entrySet()) {
          List<Object> expected = new java.util.ArrayList<>();
          for (int i = 0; i < e.getValue().size(); i++) {
            expected.add(e.getValue().get(i));
          }
          assertTrue(Objects.equals(expected, fromIceberg.get(e.getKey())), "row " + e.getKey() + ": " + expected
              + " vs " + fromIceberg.get(e.getKey()));
        }
      }
    }
  }

  @Test
  void expiryAndOrphanRemovalDeleteInBatches() throws Exception {
    try (FaultProxy proxy = new FaultProxy(server.port()); S3FileIO counted = new S3FileIO(server.properties(proxy.port()))) {
      String location = "s3://" + BUCKET + "/wh/maintained";
      Table table = new Tables(counted).create(TableFixtures.EVENTS,
          PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build(), location);
      for (int i = 0; i < 4; i++) {
        table.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue()).addRecords(TableFixtures.events(i * 100, 40)).commit();
      }
      String orphan = location + "/data/region=EU/orphan.parquet";
      try (var out = counted.newOutputFile(orphan).create()) {
        out.write(1);
      }
      proxy.clearLog();
      var expired = table.refresh().expireSnapshots().retainLast(1).expireOlderThan(System.currentTimeMillis() + 1).commit();
      assertEquals(3, expired.expiredSnapshotIds().size());
      assertEquals(12, expired.deletedDataFiles(), "the three replaced snapshots' files (4 regions each)");
      var orphans = table.refresh().deleteOrphanFiles().olderThan(System.currentTimeMillis() + 1).execute();
      assertEquals(List.of(orphan), orphans.orphanFiles());
      assertTrue(proxy.requests().stream().anyMatch(FaultProxy.on("POST", "\\?delete")), "DeleteObjects was used: "
          + proxy.requests().stream().filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD")).map(r -> r.method() + " " + r.target()).toList());
      assertTrue(proxy.requests().stream().noneMatch(FaultProxy.on("DELETE", ".*")), "no object was deleted one by one");
      assertFalse(counted.newInputFile(orphan).exists());
      assertEquals(range(300, 340), ids(new Tables(counted).load(location).newScan().records()));
    }
  }

  private static Map<Long, Record> byId(List<Record> rows) {
    Map<Long, Record> m = new TreeMap<>();
    rows.forEach(r -> m.put(TableFixtures.id(r), r));
    return m;
  }

  /** An Iceberg generic record's values as Floe's internal values. */
  private static List<Object> internalValues(org.apache.iceberg.data.Record r) {
    List<Object> values = new java.util.ArrayList<>();
    for (NestedField f : TableFixtures.EVENTS.columns()) {
      Object v = r.getField(f.name());
      values.add(v == null ? null : Values.toInternal(f.type(), v));
    }
    return values;
  }
}
