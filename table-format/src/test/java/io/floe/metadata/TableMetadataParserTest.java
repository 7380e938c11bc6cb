package io.floe.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.io.LocalFileIO;
import io.floe.partition.PartitionField;
import io.floe.partition.PartitionSpec;
import io.floe.partition.Transform;
import io.floe.types.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableMetadataParserTest {
  @TempDir
  Path dir;

  private final LocalFileIO io = new LocalFileIO();

  @Test
  void fullMetadataRoundTripsThroughJsonAndFiles() throws IOException {
    TableMetadata metadata = MetadataFixtures.full(dir.toString());
    String location = dir.resolve("metadata/v3.metadata.json").toString();
    TableMetadataParser.write(metadata, io.newOutputFile(location));

    TableMetadata read = TableMetadataParser.read(io, location);
    assertEquals(MetadataChanges.withLocation(metadata, location), read);
    assertEquals(location, read.metadataFileLocation());
    // the structure survives, not just equality of records
    assertEquals("overwrite", read.currentSnapshot().operation());
    assertEquals(MetadataFixtures.SNAPSHOT_1, read.currentSnapshot().parentSnapshotId());
    assertEquals(new Transform.Bucket(16), read.specById(0).fields().get(1).transform());
    assertEquals(3, read.refs().get("main").minSnapshotsToKeep());
    assertEquals(604_800_000L, read.refs().get("release").maxRefAgeMs());
    assertEquals(Integer.valueOf(1), read.snapshot(MetadataFixtures.SNAPSHOT_2).schemaId());
    assertEquals(TableMetadataParser.toJson(metadata), TableMetadataParser.toJson(read));
  }

  @Test
  void jsonFollowsTheSpecLayout() {
    String json = TableMetadataParser.toJson(MetadataFixtures.full("/t"));
    assertTrue(json.startsWith("{\"format-version\":2,\"table-uuid\":\"9c12d441-03fe-4693-9a96-a0705ddf69c1\","
        + "\"location\":\"/t\",\"last-sequence-number\":2,"), json);
    assertTrue(json.contains("{\"type\":\"struct\",\"schema-id\":0,\"identifier-field-ids\":[1],\"fields\":"
        + "[{\"id\":1,\"name\":\"id\",\"required\":true,\"type\":\"long\",\"doc\":\"the id\"}"), json);
    assertTrue(json.contains("{\"type\":\"list\",\"element-id\":4,\"element\":\"string\",\"element-required\":false}"), json);
    assertTrue(json.contains("{\"type\":\"map\",\"key-id\":6,\"key\":\"string\",\"value-id\":7,\"value\":{\"type\":"
        + "\"struct\",\"fields\":[{\"id\":8,\"name\":\"x\",\"required\":true,\"type\":\"int\"}"), json);
    assertTrue(json.contains("\"type\":\"decimal(10,2)\""), json);
    assertTrue(json.contains("{\"spec-id\":0,\"fields\":[{\"name\":\"day\",\"transform\":\"identity\",\"source-id\":11,"
        + "\"field-id\":1000},{\"name\":\"id_bucket\",\"transform\":\"bucket[16]\",\"source-id\":1,\"field-id\":1001}]}"), json);
    assertTrue(json.contains("{\"order-id\":1,\"fields\":[{\"transform\":\"identity\",\"source-id\":1,\"direction\":\"asc\","
        + "\"null-order\":\"nulls-first\"},{\"transform\":\"day\",\"source-id\":10,\"direction\":\"desc\","
        + "\"null-order\":\"nulls-last\"}]}"), json);
    assertTrue(json.contains("\"main\":{\"snapshot-id\":5766120837219148357,\"type\":\"branch\",\"min-snapshots-to-keep\":3,"
        + "\"max-snapshot-age-ms\":86400000}"), json);
    assertTrue(json.contains("\"summary\":{\"operation\":\"overwrite\",\"deleted-data-files\":\"1\"}"), json);
  }

  @Test
  void tableWithoutSnapshotsWritesMinusOneLikeIceberg() {
    TableMetadata empty = MetadataFixtures.empty("/t");
    String json = TableMetadataParser.toJson(empty);
    assertTrue(json.contains("\"current-snapshot-id\":-1"), json);
    TableMetadata read = TableMetadataParser.fromJson("/t/metadata/v1.metadata.json", json);
    assertNull(read.currentSnapshotId());
    assertNull(read.currentSnapshot());
    assertEquals(MetadataChanges.withLocation(empty, "/t/metadata/v1.metadata.json"), read);
  }

  @Test
  void writeRefusesToReplaceAnExistingVersion() throws IOException {
    String location = dir.resolve("metadata/v1.metadata.json").toString();
    TableMetadataParser.write(MetadataFixtures.empty(dir.toString()), io.newOutputFile(location));
    assertThrows(FileAlreadyExistsException.class,
        () -> TableMetadataParser.write(MetadataFixtures.full(dir.toString()), io.newOutputFile(location)));
    assertEquals(0, TableMetadataParser.read(io, location).snapshots().size());
  }

  @Test
  void anUnchangedFileIsParsedOnceAndARewrittenOneAgain() throws IOException {
    String location = dir.resolve("metadata/v1.metadata.json").toString();
    TableMetadataParser.write(MetadataFixtures.full(dir.toString()), io.newOutputFile(location));
    TableMetadata first = TableMetadataParser.read(io, location);
    assertSame(first, TableMetadataParser.read(io, location), "the same bytes are not parsed again");
    // the table dropped and created again at the same location: the new content is read
    Files.delete(Path.of(location));
    TableMetadataParser.write(MetadataFixtures.empty(dir.toString()), io.newOutputFile(location));
    TableMetadata second = TableMetadataParser.read(io, location);
    assertEquals(0, second.snapshots().size());
    assertEquals(2, first.snapshots().size());
  }

  @Test
  void readsLegacyV1Fields() {
    String json = "{\"format-version\":1,\"location\":\"/old\",\"last-updated-ms\":1600000000000,\"last-column-id\":2,"
        + "\"schema\":{\"type\":\"struct\",\"fields\":[{\"id\":1,\"name\":\"id\",\"required\":true,\"type\":\"long\"},"
        + "{\"id\":2,\"name\":\"d\",\"required\":false,\"type\":\"date\"}]},"
        + "\"partition-spec\":[{\"name\":\"d\",\"transform\":\"identity\",\"source-id\":2}],"
        + "\"properties\":{\"k\":\"v\"},\"current-snapshot-id\":7,"
        + "\"snapshots\":[{\"snapshot-id\":7,\"timestamp-ms\":1600000000001,\"manifest-list\":\"/old/m.avro\","
        + "\"summary\":{\"operation\":\"append\"}}]}";
    TableMetadata m = TableMetadataParser.fromJson("/old/metadata/v1.metadata.json", json);
    assertEquals(1, m.formatVersion());
    assertNull(m.tableUuid());
    assertEquals(0, m.currentSchemaId());
    assertEquals(List.of("id", "d"), m.schema().columnNames());
    assertEquals(List.of(new PartitionField(2, 1000, "d", new Transform.Identity())), m.spec().fields());
    assertEquals(1000, m.lastPartitionId());
    assertEquals(List.of(SortOrder.unsorted()), m.sortOrders());
    assertEquals(0, m.currentSnapshot().sequenceNumber());
    assertEquals(SnapshotRef.branch(7), m.refs().get("main"));
    assertEquals("v", m.property("k", null));
  }

  @Test
  void specOnADroppedColumnBindsToAnOlderSchema() {
    TableMetadata full = MetadataFixtures.full("/t");
    Schema s0 = MetadataFixtures.schema0();
    Schema withoutName = new Schema(2, s0.columns().stream().filter(c -> c.id() != 2).toList(), s0.identifierFieldIds());
    PartitionSpec onName = new PartitionSpec(2, s0, List.of(new PartitionField(2, 1005, "name", new Transform.Identity())));
    TableMetadata evolved = new TableMetadata(null, 2, full.tableUuid(), "/t", 2, 1L, 24,
        List.of(s0, withoutName), 2, List.of(onName), 2, 1005, full.sortOrders(), 0, full.properties(), null,
        List.of(), java.util.Map.of(), List.of(), List.of(), List.of(), List.of());
    TableMetadata read = TableMetadataParser.fromJson("/t/v9.metadata.json", TableMetadataParser.toJson(evolved));
    assertEquals(onName, read.spec());
    assertEquals(0, read.spec().schema().schemaId());
  }

  @Test
  void truncatedJsonNamesTheFile() throws IOException {
    String json = TableMetadataParser.toJson(MetadataFixtures.full("/t"));
    Path file = dir.resolve("v4.metadata.json");
    Files.writeString(file, json.substring(0, json.length() / 2));
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> TableMetadataParser.read(io, file.toString()));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void emptyOrNonObjectContentNamesTheFile() {
    InvalidMetadataException empty = assertThrows(InvalidMetadataException.class,
        () -> TableMetadataParser.fromJson("/t/v1.metadata.json", ""));
    assertTrue(empty.getMessage().contains("/t/v1.metadata.json") && empty.getMessage().contains("empty"), empty.getMessage());
    InvalidMetadataException array = assertThrows(InvalidMetadataException.class,
        () -> TableMetadataParser.fromJson("/t/v1.metadata.json", "[1,2]"));
    assertTrue(array.getMessage().contains("/t/v1.metadata.json"), array.getMessage());
  }

  @Test
  void missingRequiredFieldIsNamed() {
    String json = TableMetadataParser.toJson(MetadataFixtures.full("/t")).replace("\"last-sequence-number\":2,", "");
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> TableMetadataParser.fromJson("/t/metadata/v5.metadata.json", json));
    assertTrue(e.getMessage().contains("/t/metadata/v5.metadata.json"), e.getMessage());
    assertTrue(e.getMessage().contains("'last-sequence-number'"), e.getMessage());

    String noOperation = TableMetadataParser.toJson(MetadataFixtures.full("/t")).replace("\"operation\":\"append\",", "");
    InvalidMetadataException op = assertThrows(InvalidMetadataException.class,
        () -> TableMetadataParser.fromJson("/t/metadata/v5.metadata.json", noOperation));
    assertTrue(op.getMessage().contains("'operation'") && op.getMessage().contains("snapshot " + MetadataFixtures.SNAPSHOT_1),
        op.getMessage());
  }

  @Test
  void wrongTypeOfFieldIsNamed() {
    String json = TableMetadataParser.toJson(MetadataFixtures.full("/t")).replace("\"last-column-id\":24", "\"last-column-id\":\"x\"");
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> TableMetadataParser.fromJson("/t/v1.metadata.json", json));
    assertTrue(e.getMessage().contains("'last-column-id'") && e.getMessage().contains("int"), e.getMessage());
  }

  @Test
  void unsupportedFormatVersionIsNamed() {
    String json = TableMetadataParser.toJson(MetadataFixtures.full("/t")).replace("\"format-version\":2", "\"format-version\":3");
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> TableMetadataParser.fromJson("/t/metadata/v7.metadata.json", json));
    assertTrue(e.getMessage().contains("/t/metadata/v7.metadata.json") && e.getMessage().contains("format version 3"),
        e.getMessage());
  }

  @Test
  void unknownTypeAndDanglingIdsAreRejected() {
    String badType = TableMetadataParser.toJson(MetadataFixtures.full("/t")).replace("\"type\":\"time\"", "\"type\":\"variant\"");
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
        () -> TableMetadataParser.fromJson("/t/v1.metadata.json", badType));
    assertTrue(e.getMessage().contains("'variant'") && e.getMessage().contains("field 't'"), e.getMessage());

    String badCurrent = TableMetadataParser.toJson(MetadataFixtures.full("/t")).replace("\"current-schema-id\":1", "\"current-schema-id\":9");
    InvalidMetadataException c = assertThrows(InvalidMetadataException.class,
        () -> TableMetadataParser.fromJson("/t/v1.metadata.json", badCurrent));
    assertTrue(c.getMessage().contains("current-schema-id 9"), c.getMessage());
  }

  @Test
  void missingFileNamesTheFile() {
    String location = dir.resolve("metadata/v42.metadata.json").toString();
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> TableMetadataParser.read(io, location));
    assertTrue(e.getMessage().contains(location), e.getMessage());
  }

  @Test
  void metadataFileNames() {
    assertEquals("v1.metadata.json", MetadataFiles.metadataFileName(1));
    assertEquals("v123.metadata.json", MetadataFiles.metadataFileName(123));
    assertEquals(17, MetadataFiles.parseVersion("v17.metadata.json"));
    assertEquals(3, MetadataFiles.parseVersion("/tables/t/metadata/v3.metadata.json"));
    assertEquals(-1, MetadataFiles.parseVersion("00001-4e1f.metadata.json"));
    assertEquals(-1, MetadataFiles.parseVersion("v1.gz.metadata.json"));
    assertEquals(-1, MetadataFiles.parseVersion("v.metadata.json"));
    assertEquals(-1, MetadataFiles.parseVersion("vx.metadata.json"));
    assertEquals(-1, MetadataFiles.parseVersion("version-hint.text"));
    assertEquals(-1, MetadataFiles.parseVersion(null));
    assertThrows(IllegalArgumentException.class, () -> MetadataFiles.metadataFileName(-1));
  }

}
