package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.scan.TableScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableOperationsTest {
  @TempDir
  Path dir;

  private Table create(PartitionSpec spec) {
    return new Tables(new LocalFileIO()).create(TableFixtures.EVENTS, spec, dir.resolve("t").toString());
  }

  private static Set<Long> ids(List<Record> rows) {
    return rows.stream().map(TableFixtures::id).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void appendsOverwritesDeletesAndTimeTravel() throws Exception {
    Table table = create(PartitionSpec.builderFor(TableFixtures.EVENTS).day("ts").identity("region").build());
    assertNull(table.currentSnapshot());
    assertTrue(table.newScan().records().isEmpty());

    Snapshot s1 = table.newAppend().appendRecords(TableFixtures.events(0, 100)).commit();
    Thread.sleep(3);
    Snapshot s2 = table.newAppend().appendRecords(TableFixtures.events(100, 100)).commit();
    assertEquals("append", s2.operation());
    assertEquals("200", s2.summary().get("total-records"));
    assertEquals(range(0, 200), ids(table.newScan().records()));

    Thread.sleep(3);
    Snapshot s3 = table.newDelete().deleteFromRowFilter(Expressions.equal("region", "EU")).commit();
    assertEquals("delete", s3.operation(), "region is an identity partition: whole files are dropped");
    Set<Long> noEu = range(0, 200).stream().filter(i -> i % 4 != 0).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(noEu, ids(table.newScan().records()));

    Snapshot s4 = table.newDelete().deleteFromRowFilter(Expressions.lessThan("id", 10L)).commit();
    assertEquals("overwrite", s4.operation(), "files partly matching are rewritten");
    Set<Long> expected4 = noEu.stream().filter(i -> i >= 10).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected4, ids(table.newScan().records()));
    assertEquals(Long.toString(expected4.size()), s4.summary().get("total-records"));

    Snapshot s5 = table.newOverwrite().overwriteByRowFilter(Expressions.greaterThanOrEqual("id", 150L))
        .addRecords(TableFixtures.events(1000, 5)).commit();
    assertEquals("overwrite", s5.operation());
    Set<Long> expected5 = expected4.stream().filter(i -> i < 150).collect(Collectors.toCollection(TreeSet::new));
    expected5.addAll(range(1000, 1005));
    assertEquals(expected5, ids(table.newScan().records()));

    // time travel by id and by timestamp; the current table is untouched
    assertEquals(range(0, 100), ids(table.newScan().useSnapshot(s1.snapshotId()).records()));
    assertEquals(range(0, 200), ids(table.newScan().useSnapshot(s2.snapshotId()).records()));
    assertEquals(range(0, 100), ids(table.newScan().asOfTime(s1.timestampMs()).records()));
    assertEquals(range(0, 100), ids(table.newScan().asOfTime(s2.timestampMs() - 1).records()));
    assertEquals(noEu, ids(table.newScan().asOfTime(s3.timestampMs()).records()));
    assertEquals(expected5, ids(table.newScan().asOfTime(System.currentTimeMillis() + 60_000).records()));

    IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
        () -> table.newScan().asOfTime(s1.timestampMs() - 1).records());
    assertTrue(before.getMessage().contains("no snapshot at or before"), before.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> table.newScan().useSnapshot(42L).records());
    assertTrue(unknown.getMessage().contains("unknown snapshot id 42"), unknown.getMessage());

    // a reload from disk sees the same history
    Table reloaded = new Tables(new LocalFileIO()).load(table.location());
    assertEquals(5, reloaded.snapshots().size());
    assertEquals(s5.snapshotId(), reloaded.currentSnapshot().snapshotId());
    assertEquals(List.of(s1.snapshotId(), s2.snapshotId(), s3.snapshotId(), s4.snapshotId(), s5.snapshotId()),
        reloaded.history().stream().map(e -> e.snapshotId()).toList());
    assertTrue(Files.exists(dir.resolve("t/metadata/v6.metadata.json")));
  }

  @Test
  void aScanIsPinnedToItsSnapshotWhileOthersCommit() {
    Table table = create(PartitionSpec.unpartitioned(TableFixtures.EVENTS));
    table.newAppend().appendRecords(TableFixtures.events(0, 50)).commit();
    TableScan pinned = table.newScan();
    Table writer = new Tables(new LocalFileIO()).load(table.location());
    writer.newAppend().appendRecords(TableFixtures.events(50, 50)).commit();
    writer.newDelete().deleteFromRowFilter(Expressions.lessThan("id", 25L)).commit();
    assertEquals(range(0, 50), ids(pinned.records()), "the scan keeps its snapshot");
    assertEquals(range(25, 100), ids(table.refresh().newScan().records()));
  }

  @Test
  void filtersAndColumnSelection() {
    Table table = create(PartitionSpec.builderFor(TableFixtures.EVENTS).bucket("id", 4).build());
    table.newAppend().appendRecords(TableFixtures.events(0, 400)).commit();
    List<Record> rows = table.newScan().select("region", "id")
        .filter(Expressions.and(Expressions.in("id", 3L, 7L, 8L, 399L), Expressions.notNull("region"))).records();
    assertEquals(2, rows.get(0).size());
    assertEquals(List.of("region", "id"), rows.get(0).struct().fields().stream().map(f -> f.name()).toList());
    Set<Long> got = rows.stream().map(r -> (Long) r.get(1)).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(List.of(8L)), got, "ids 3, 7 and 399 have a null region");
    assertEquals(100, table.newScan().filter(Expressions.isNull("region")).records().size());
    assertEquals(100, table.newScan().filter(Expressions.startsWith("region", "AP")).records().size());
    assertEquals(300, table.newScan().filter(Expressions.not(Expressions.equal("region", "EU"))).records().size(),
        "not(region = EU) keeps US, APAC and null regions (Iceberg's evaluator semantics)");
  }

  @Test
  void appendOfFilesWrittenWithTheWriter() {
    Table table = create(PartitionSpec.builderFor(TableFixtures.EVENTS).month("ts").build());
    TableWriter writer = table.newWriter();
    writer.writeAll(TableFixtures.events(0, 2000));
    var files = writer.complete();
    assertTrue(files.size() >= 3, "2000 hours span 3 months: " + files.size());
    AppendFiles append = table.newAppend();
    files.forEach(append::appendFile);
    Snapshot s = append.set("floe.app-id", "test-job").commit();
    assertEquals("test-job", s.summary().get("floe.app-id"));
    assertEquals(Integer.toString(files.size()), s.summary().get("added-data-files"));
    assertEquals(2000, table.newScan().records().size());
  }

  @Test
  void anAlreadyExistingTableIsNotOverwritten() {
    Table table = create(PartitionSpec.unpartitioned(TableFixtures.EVENTS));
    table.newAppend().appendRecords(TableFixtures.events(0, 10)).commit();
    assertThrows(AlreadyExistsException.class, () -> create(PartitionSpec.unpartitioned(TableFixtures.EVENTS)));
    assertEquals(10, new Tables(new LocalFileIO()).load(table.location()).newScan().records().size());
    NoSuchTableException missing = assertThrows(NoSuchTableException.class,
        () -> new Tables(new LocalFileIO()).load(dir.resolve("nope").toString()));
    assertTrue(missing.getMessage().contains("nope"));
    assertNotNull(table.currentSnapshot());
  }
}
