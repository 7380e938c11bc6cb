package io.floe.table;

import static io.floe.table.UpdateSchemaTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.LocalFileIO;
import io.floe.manifest.DataFile;
import io.floe.partition.PartitionField;
import io.floe.partition.PartitionSpec;
import io.floe.partition.Transform;
import io.floe.scan.FileScanTask;
import io.floe.scan.TableScan;
import io.floe.types.Types;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each partition spec change and each refused change, the ids they produce, and scans across several specs. */
class UpdatePartitionSpecTest {
  @TempDir
  Path dir;

  private Table create(PartitionSpec spec) {
    return new Tables(new LocalFileIO()).create(TableFixtures.EVENTS, spec, dir.resolve("t").toString());
  }

  private Table dayPartitioned() {
    return create(PartitionSpec.builderFor(TableFixtures.EVENTS).day("ts").build());
  }

  private long versions() throws IOException {
    try (var files = Files.list(dir.resolve("t/metadata"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".metadata.json")).count();
    }
  }

  private static Set<Long> ids(List<Record> rows) {
    return rows.stream().map(TableFixtures::id).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void dayToHourAndBucketPrunesFilesOfBothSpecs() throws Exception {
    Table table = dayPartitioned();
    table.newAppend().appendRecords(TableFixtures.events(0, 240)).commit(); // 10 days, one file per day
    long before = versions();
    PartitionSpec spec = table.updateSpec()
        .removeField("ts_day")
        .addField(new Transform.Hour(), "ts")
        .addField(new Transform.Bucket(4), "id")
        .commit();
    assertEquals(before + 1, versions());
    assertEquals(1, table.snapshots().size(), "no snapshot");
    assertEquals(1, spec.specId());
    assertEquals(1, table.metadata().defaultSpecId());
    assertEquals(List.of(new PartitionField(2, 1001, "ts_hour", new Transform.Hour()),
        new PartitionField(1, 1002, "id_bucket_4", new Transform.Bucket(4))), spec.fields());
    assertEquals(1002, table.metadata().lastPartitionId());

    table.newAppend().appendRecords(TableFixtures.events(240, 48)).commit(); // 2 more days, one file per hour
    List<FileScanTask> all = table.newScan().planFiles();
    assertEquals(58, all.size());
    assertEquals(48, all.stream().filter(t -> t.file().specId() == 1).count());
    DataFile newFile = all.stream().filter(t -> t.file().specId() == 1).findFirst().orElseThrow().file();
    assertTrue(newFile.path().contains("/ts_hour=") && newFile.path().contains("/id_bucket_4="), newFile.path());
    assertEquals(range(0, 288), ids(table.newScan().records()));

    TableScan scan = table.newScan().filter(Expressions.and(
        Expressions.greaterThanOrEqual("ts", TableFixtures.START.plusDays(9).plusHours(12)),
        Expressions.lessThan("ts", TableFixtures.START.plusDays(10).plusHours(2))));
    assertEquals(range(228, 242), ids(scan.records()));
    assertEquals(3, scan.metrics().filesOpened(), "one day file of spec 0, two hour files of spec 1: " + scan.metrics());
    assertEquals(55, scan.metrics().filesSkippedByPartition(), "9 day files and 46 hour files: " + scan.metrics());

    TableScan byId = table.newScan().filter(Expressions.equal("id", 250L));
    assertEquals(range(250, 251), ids(byId.records()));
    assertEquals(1, byId.metrics().filesOpened(), byId.metrics().toString());

    // the same after a fresh load
    Table reloaded = new Tables(new LocalFileIO()).load(table.location());
    assertEquals(range(228, 242), ids(reloaded.newScan().filter(Expressions.and(
        Expressions.greaterThanOrEqual("ts", TableFixtures.START.plusDays(9).plusHours(12)),
        Expressions.lessThan("ts", TableFixtures.START.plusDays(10).plusHours(2)))).records()));

    // deletes and overwrites work on files of either spec
    table.newDelete().deleteFromRowFilter(Expressions.lessThan("id", 5L)).commit();
    table.newDelete().deleteFromRowFilter(Expressions.greaterThanOrEqual("id", 280L)).commit();
    assertEquals(range(5, 280), ids(table.newScan().records()));
  }

  @Test
  void fieldIdsAndSpecIdsAreReusedForIdenticalFieldsAndSpecs() {
    Table table = dayPartitioned();
    table.updateSpec().removeField("ts_day").addField("ts_hour", new Transform.Hour(), "ts").commit();
    PartitionSpec two = table.updateSpec().removeField("ts_hour").addField(new Transform.Day(), "ts")
        .addField(new Transform.Bucket(8), "id").commit();
    assertEquals(2, two.specId());
    assertEquals(List.of(new PartitionField(2, 1000, "ts_day", new Transform.Day()),
        new PartitionField(1, 1002, "id_bucket_8", new Transform.Bucket(8))), two.fields(),
        "day(ts) takes its old field id and name back");
    PartitionSpec back = table.updateSpec().removeField("id_bucket_8").commit();
    assertEquals(0, back.specId(), "the same fields as spec 0: spec 0 again");
    assertEquals(3, table.metadata().specs().size());
    assertEquals(1002, table.metadata().lastPartitionId());
    PartitionSpec renamed = table.updateSpec().renameField("ts_day", "day").commit();
    assertEquals(3, renamed.specId());
    assertEquals(List.of(new PartitionField(2, 1000, "day", new Transform.Day())), renamed.fields());
    PartitionSpec hour = table.updateSpec().removeField("day").addField("hr", new Transform.Hour(), "ts").commit();
    assertEquals(1003, hour.fields().get(0).fieldId(), "hour(ts) was 1001 but named ts_hour; a different name gives"
        + " a new field id (as in Iceberg)");
  }

  @Test
  void removingEveryFieldMakesTheTableUnpartitionedAndIdentityCanBeAdded() {
    Table table = dayPartitioned();
    table.newAppend().appendRecords(TableFixtures.events(0, 48)).commit();
    PartitionSpec none = table.updateSpec().removeField("ts_day").commit();
    assertTrue(none.fields().isEmpty());
    table.newAppend().appendRecords(TableFixtures.events(48, 10)).commit();
    PartitionSpec region = table.updateSpec().addField("region").commit();
    assertEquals(List.of(new PartitionField(3, 1001, "region", new Transform.Identity())), region.fields());
    table.newAppend().appendRecords(TableFixtures.events(58, 8)).commit();
    List<FileScanTask> files = table.newScan().planFiles();
    assertEquals(2 + 1 + 4, files.size());
    assertEquals(range(0, 66), ids(table.newScan().records()));
    TableScan eu = table.newScan().filter(Expressions.equal("region", "EU"));
    assertEquals(Set.of(0L, 4L, 8L, 12L, 16L, 20L, 24L, 28L, 32L, 36L, 40L, 44L, 48L, 52L, 56L, 60L, 64L), ids(eu.records()));
    assertEquals(3, eu.metrics().filesSkippedByPartition(), "the other region files of the identity spec: " + eu.metrics());
  }

  @Test
  void noOpChangesWriteNothing() throws Exception {
    Table table = dayPartitioned();
    long before = versions();
    table.updateSpec().commit();
    table.updateSpec().removeField("ts_day").addField(new Transform.Day(), "ts").commit();
    table.updateSpec().renameField("ts_day", "ts_day").commit();
    assertEquals(before, versions());
    assertEquals(0, table.metadata().defaultSpecId());
  }

  @Test
  void removeAndAddBackWithANewNameRenames() {
    Table table = dayPartitioned();
    PartitionSpec s = table.updateSpec().removeField("ts_day").addField("d", new Transform.Day(), "ts").commit();
    assertEquals(List.of(new PartitionField(2, 1000, "d", new Transform.Day())), s.fields());
  }

  @Test
  void invalidChanges() {
    Table table = dayPartitioned();
    assertRefused("'nope'", () -> table.updateSpec().addField("nope"));
    assertRefused("'nope'", () -> table.updateSpec().removeField("nope"));
    assertRefused("'nope'", () -> table.updateSpec().renameField("nope", "x"));
    assertRefused("'id'", () -> table.updateSpec().addField(new Transform.Hour(), "id"));
    assertRefused("'region'", () -> table.updateSpec().addField(new Transform.Day(), "region"));
    assertRefused("'ts_day'", () -> table.updateSpec().addField(new Transform.Day(), "ts"));
    assertRefused("'ts_day'", () -> table.updateSpec().addField(new Transform.Hour(), "ts"));
    assertRefused("'ts_day'", () -> table.updateSpec().addField("ts_day", new Transform.Bucket(2), "id").commit());
    assertRefused("'region'", () -> table.updateSpec().addField("region", new Transform.Bucket(2), "id"));
    assertRefused("'id'", () -> table.updateSpec().renameField("ts_day", "id"));
    assertRefused("'x'", () -> table.updateSpec().addField("x", new Transform.Bucket(2), "id")
        .addField("x", new Transform.Truncate(10), "id"));
    assertRefused("bucket[2]", () -> table.updateSpec().addField(new Transform.Bucket(2), "id")
        .addField("b2", new Transform.Bucket(2), "id"));
    assertRefused("'id_bucket_2'", () -> table.updateSpec().addField(new Transform.Bucket(2), "id")
        .removeField("id_bucket_2"));
    assertRefused("'id_bucket_2'", () -> table.updateSpec().addField(new Transform.Bucket(2), "id")
        .renameField("id_bucket_2", "b"));
    assertRefused("'ts_day'", () -> table.updateSpec().removeField("ts_day").renameField("ts_day", "d"));
    assertRefused("'ts_day'", () -> table.updateSpec().renameField("ts_day", "d").removeField("ts_day"));
    assertRefused("'ts_day'", () -> table.updateSpec().renameField("ts_day", ""));
    assertEquals(0, table.refresh().metadata().defaultSpecId(), "nothing was committed");
    assertEquals(1, table.metadata().specs().size());
  }

  @Test
  void concurrentSpecChangesBothLandOrFailNaturally() {
    Table table = dayPartitioned();
    Table other = new Tables(new LocalFileIO()).load(table.location());
    UpdatePartitionSpec mine = table.updateSpec().addField("region");
    UpdatePartitionSpec rename = table.updateSpec().renameField("ts_day", "d");
    other.updateSpec().addField(new Transform.Bucket(4), "id").commit();
    PartitionSpec spec = mine.commit();
    assertEquals(List.of("ts_day", "id_bucket_4", "region"), spec.fields().stream().map(PartitionField::name).toList());
    assertEquals(List.of(1000, 1001, 1002), spec.fields().stream().map(PartitionField::fieldId).toList());
    other.refresh().updateSpec().removeField("ts_day").commit();
    assertRefused("'ts_day'", rename::commit);
  }

  @Test
  void aSpecOverAColumnAddedLater() {
    Table table = dayPartitioned();
    table.newAppend().appendRecords(TableFixtures.events(0, 24)).commit();
    table.updateSchema().addColumn("country", Types.STRING).commit();
    table.updateSpec().addField("country").commit();
    table.newAppend().appendRecords(List.of(
        EvolutionRows.rec(table.schema().asStruct(), "id", 1000L, "ts", TableFixtures.START, "country", "NO"),
        EvolutionRows.rec(table.schema().asStruct(), "id", 1001L, "ts", TableFixtures.START, "country", "SE"))).commit();
    TableScan scan = table.newScan().filter(Expressions.equal("country", "NO"));
    assertEquals(Set.of(1000L), ids(scan.records()));
    assertEquals(1, scan.metrics().filesSkippedByPartition(),
        "the other file of the new spec is pruned; the old file is not (its stats say nothing of the column): "
            + scan.metrics());
  }

  @Test
  void theReadmeExample() {
    io.floe.types.Schema schema = new io.floe.types.Schema(
        io.floe.types.NestedField.required(1, "event_id", Types.LONG),
        io.floe.types.NestedField.required(2, "ts", Types.TIMESTAMP),
        io.floe.types.NestedField.optional(3, "region", Types.STRING));
    PartitionSpec spec = PartitionSpec.builderFor(schema).day("ts").identity("region").build();
    Table table = new Tables(new LocalFileIO()).create(schema, spec, dir.resolve("events").toString());
    table.newAppend().appendRecords(List.of(EvolutionRows.rec(schema.asStruct(), "event_id", 1L, "ts",
        TableFixtures.START, "region", "EU"))).commit();

    table.updateSchema()
        .addColumn("email", Types.STRING)
        .addColumn("amount", Types.FLOAT)
        .renameColumn("region", "area")
        .moveAfter("email", "event_id")
        .commit();
    table.updateSchema()
        .updateColumn("amount", Types.DOUBLE)
        .deleteColumn("email").makeColumnOptional("ts").updateColumnDoc("area", "sales area")
        .commit();
    table.updateSpec()
        .removeField("ts_day")
        .addField(new Transform.Hour(), "ts")
        .addField(new Transform.Bucket(16), "event_id")
        .renameField("region", "area")
        .commit();

    assertEquals(List.of("event_id", "ts", "area", "amount"), table.schema().columnNames());
    assertEquals(List.of("area", "ts_hour", "event_id_bucket_16"),
        table.spec().fields().stream().map(PartitionField::name).toList());
    table.newAppend().appendRecords(List.of(EvolutionRows.rec(table.schema().asStruct(), "event_id", 2L, "ts",
        TableFixtures.START, "area", "US", "amount", 2.5))).commit();
    assertEquals(Set.of(1L), ids(table.newScan().filter(Expressions.equal("area", "EU")).records()));
    assertEquals(2, table.newScan().records().size());
  }
}
