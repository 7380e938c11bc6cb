package io.floe.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.data.Metrics;
import io.floe.io.LocalFileIO;
import io.floe.metadata.InvalidMetadataException;
import io.floe.metadata.PartitionSpecParser;
import io.floe.metadata.SchemaParser;
import io.floe.partition.PartitionSpec;
import io.floe.types.ByteBuffers;
import io.floe.types.Schema;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.iceberg.types.Conversions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestRoundTripTest {
  private static final long SNAPSHOT = 1111L;
  private static final long NEXT_SNAPSHOT = 2222L;

  @TempDir
  Path dir;

  private final LocalFileIO io = new LocalFileIO();
  private final Schema schema = ManifestFixtures.schema();
  private final PartitionSpec spec = ManifestFixtures.identitySpec(3, schema, ManifestFixtures.PARTITION_COLUMNS);

  @Test
  void writtenEntriesReadBackWithInheritedSequenceNumbers() {
    DataFile a = ManifestFixtures.dataFile("/t/data/a.parquet", spec, ManifestFixtures.partition(spec, 1), 10, 1, 10);
    DataFile b = ManifestFixtures.dataFile("/t/data/b.parquet", spec, ManifestFixtures.partition(spec, 2), 20, 5, 50);
    DataFile c = ManifestFixtures.dataFile("/t/data/c.parquet", spec, ManifestFixtures.partition(spec, 3), 30, 7, 70);
    ManifestWriter writer = ManifestWriter.create(io.newOutputFile(dir.resolve("m1.avro").toString()), spec, schema, NEXT_SNAPSHOT);
    writer.add(a);
    writer.existing(new ManifestEntry(ManifestEntry.Status.ADDED, SNAPSHOT, 3L, 4L, b));
    writer.delete(new ManifestEntry(ManifestEntry.Status.EXISTING, SNAPSHOT, 2L, 2L, c), NEXT_SNAPSHOT);
    ManifestFile manifest = writer.close(6);

    assertEquals(dir.resolve("m1.avro").toString(), manifest.path());
    assertEquals(new File(manifest.path()).length(), manifest.length());
    assertEquals(3, manifest.partitionSpecId());
    assertEquals(FileContent.DATA, manifest.content());
    assertEquals(6, manifest.sequenceNumber());
    assertEquals(3, manifest.minSequenceNumber(), "deleted entries do not count");
    assertEquals(NEXT_SNAPSHOT, manifest.addedSnapshotId());
    assertEquals(List.of(1, 1, 1), List.of(manifest.addedFilesCount(), manifest.existingFilesCount(), manifest.deletedFilesCount()));
    assertEquals(List.of(10L, 20L, 30L), List.of(manifest.addedRowsCount(), manifest.existingRowsCount(), manifest.deletedRowsCount()));

    List<ManifestEntry> entries = ManifestReader.read(io, manifest, Map.of(3, spec));
    assertEquals(List.of(
        new ManifestEntry(ManifestEntry.Status.ADDED, NEXT_SNAPSHOT, 6L, 6L, a),
        new ManifestEntry(ManifestEntry.Status.EXISTING, SNAPSHOT, 3L, 4L, b),
        new ManifestEntry(ManifestEntry.Status.DELETED, NEXT_SNAPSHOT, 2L, 2L, c)), entries);
    assertFalse(entries.get(2).isLive());
    assertEquals(new BigDecimal("123.47"), entries.get(1).file().partition().getField("price"));
  }

  @Test
  void readLiveKeepsTheLiveEntriesTheFilterAcceptsWithTheirMetrics() {
    DataFile a = ManifestFixtures.dataFile("/t/data/a.parquet", spec, ManifestFixtures.partition(spec, 1), 10, 1, 10);
    DataFile b = ManifestFixtures.dataFile("/t/data/b.parquet", spec, ManifestFixtures.partition(spec, 2), 20, 5, 50);
    DataFile c = ManifestFixtures.dataFile("/t/data/c.parquet", spec, ManifestFixtures.partition(spec, 1), 30, 7, 70);
    ManifestWriter writer = ManifestWriter.create(io.newOutputFile(dir.resolve("m.avro").toString()), spec, schema, NEXT_SNAPSHOT);
    writer.add(a);
    writer.add(b);
    writer.delete(new ManifestEntry(ManifestEntry.Status.EXISTING, SNAPSHOT, 2L, 2L, c), NEXT_SNAPSHOT);
    ManifestFile manifest = writer.close(6);
    Object first = ManifestFixtures.partition(spec, 1).get(0);
    List<Object> seen = new java.util.ArrayList<>();

    List<ManifestEntry> kept = ManifestReader.readLive(io, manifest, Map.of(3, spec), partition -> {
      seen.add(partition.get(0));
      return partition.get(0).equals(first);
    });

    assertEquals(List.of(new ManifestEntry(ManifestEntry.Status.ADDED, NEXT_SNAPSHOT, 6L, 6L, a)), kept);
    assertEquals(a.metrics(), kept.get(0).file().metrics());
    assertEquals(2, seen.size(), "the deleted entry is not offered to the filter");
    assertThrows(UnsupportedOperationException.class, () -> kept.get(0).file().metrics().lowerBounds().clear());
  }

  @Test
  void partitionSummariesUseSingleValueEncoding() {
    ManifestWriter writer = ManifestWriter.create(io.newOutputFile(dir.resolve("m.avro").toString()), spec, schema, SNAPSHOT);
    for (int n = 1; n <= 3; n++) {
      writer.add(ManifestFixtures.dataFile("/t/data/" + n + ".parquet", spec, ManifestFixtures.partition(spec, n), n, 0, 1));
    }
    ManifestFile manifest = writer.close(ManifestWriter.UNASSIGNED_SEQUENCE_NUMBER);
    assertEquals(ManifestWriter.UNASSIGNED_SEQUENCE_NUMBER, manifest.minSequenceNumber());
    List<FieldSummary> s = manifest.partitions();
    assertEquals(ManifestFixtures.PARTITION_COLUMNS.size(), s.size());
    org.apache.iceberg.types.Type date = org.apache.iceberg.types.Types.DateType.get();
    assertEquals(19_001, (int) Conversions.fromByteBuffer(date, s.get(0).lowerBound()));
    assertEquals(19_003, (int) Conversions.fromByteBuffer(date, s.get(0).upperBound()));
    org.apache.iceberg.types.Type string = org.apache.iceberg.types.Types.StringType.get();
    assertEquals("name-1", Conversions.fromByteBuffer(string, s.get(1).lowerBound()).toString());
    org.apache.iceberg.types.Type decimal = org.apache.iceberg.types.Types.DecimalType.of(9, 2);
    assertEquals(new BigDecimal("123.48"), Conversions.fromByteBuffer(decimal, s.get(2).upperBound()));
    org.apache.iceberg.types.Type uuid = org.apache.iceberg.types.Types.UUIDType.get();
    assertEquals(new java.util.UUID(0x1234_5678_9abc_def1L, -1), Conversions.fromByteBuffer(uuid, s.get(3).lowerBound()));
    org.apache.iceberg.types.Type ts = org.apache.iceberg.types.Types.TimestampType.withZone();
    assertEquals(1_700_000_000_000_003L, (long) Conversions.fromByteBuffer(ts, s.get(4).upperBound()));
    assertArrayEquals(new byte[] {0}, ByteBuffers.toByteArray(s.get(5).lowerBound()));
    assertArrayEquals(new byte[] {1}, ByteBuffers.toByteArray(s.get(5).upperBound()));
    // score: NaN for n=2 is not a bound but is reported
    assertEquals(Boolean.TRUE, s.get(6).containsNan());
    assertEquals(4.5, (double) Conversions.fromByteBuffer(org.apache.iceberg.types.Types.DoubleType.get(), s.get(6).upperBound()));
    assertArrayEquals(new byte[] {1, 2, 3}, ByteBuffers.toByteArray(s.get(9).lowerBound()));
    assertEquals(-3, (int) Conversions.fromByteBuffer(org.apache.iceberg.types.Types.IntegerType.get(), s.get(10).lowerBound()));
    // f is null for n=1
    assertTrue(s.get(11).containsNull());
    assertFalse(s.get(0).containsNull());
    assertEquals(0.5f, (float) Conversions.fromByteBuffer(org.apache.iceberg.types.Types.FloatType.get(), s.get(11).lowerBound()));
    assertArrayEquals(new byte[] {9, 8, 7, 3}, ByteBuffers.toByteArray(s.get(12).upperBound()));
  }

  @Test
  void manifestFileCarriesTheSpecKeyValueMetadata() throws IOException {
    String path = dir.resolve("meta.avro").toString();
    ManifestWriter writer = ManifestWriter.create(io.newOutputFile(path), spec, schema, SNAPSHOT);
    writer.add(ManifestFixtures.dataFile("/t/a.parquet", spec, ManifestFixtures.partition(spec, 1), 1, 0, 0));
    writer.close(1);
    try (DataFileReader<Object> reader = new DataFileReader<>(new File(path), new GenericDatumReader<>())) {
      assertEquals(SchemaParser.toJson(schema), reader.getMetaString("schema"));
      assertEquals("0", reader.getMetaString("schema-id"));
      assertEquals(PartitionSpecParser.fieldsToJson(spec), reader.getMetaString("partition-spec"));
      assertTrue(reader.getMetaString("partition-spec").startsWith("[{\"name\":\"day\",\"transform\":\"identity\",\"source-id\":2,\"field-id\":1000}"));
      assertEquals("3", reader.getMetaString("partition-spec-id"));
      assertEquals("2", reader.getMetaString("format-version"));
      assertEquals("data", reader.getMetaString("content"));
      assertEquals("manifest_entry", reader.getSchema().getName());
    }
  }

  @Test
  void manifestListAssignsTheCommitSequenceNumberToNewManifests() {
    ManifestWriter fresh = ManifestWriter.create(io.newOutputFile(dir.resolve("new.avro").toString()), spec, schema, NEXT_SNAPSHOT);
    DataFile a = ManifestFixtures.dataFile("/t/a.parquet", spec, ManifestFixtures.partition(spec, 1), 5, 0, 0);
    fresh.add(a);
    ManifestFile unassigned = fresh.close(ManifestWriter.UNASSIGNED_SEQUENCE_NUMBER);

    ManifestWriter old = ManifestWriter.create(io.newOutputFile(dir.resolve("old.avro").toString()), spec, schema, SNAPSHOT);
    old.add(ManifestFixtures.dataFile("/t/b.parquet", spec, ManifestFixtures.partition(spec, 2), 7, 0, 0));
    ManifestFile kept = old.close(4);

    String list = dir.resolve("snap-2222.avro").toString();
    ManifestListWriter.write(io.newOutputFile(list), NEXT_SNAPSHOT, SNAPSHOT, 9, List.of(unassigned, kept));
    List<ManifestFile> read = ManifestListReader.read(io, list);
    assertEquals(2, read.size());
    assertEquals(9, read.get(0).sequenceNumber());
    assertEquals(9, read.get(0).minSequenceNumber());
    assertEquals(kept, read.get(1));
    assertEquals(unassigned.path(), read.get(0).path());
    assertEquals(unassigned.length(), read.get(0).length());
    assertEquals(unassigned.addedRowsCount(), read.get(0).addedRowsCount());
    assertSummariesEqual(unassigned.partitions(), read.get(0).partitions());

    List<ManifestEntry> entries = ManifestReader.read(io, read.get(0), Map.of(3, spec));
    assertEquals(List.of(new ManifestEntry(ManifestEntry.Status.ADDED, NEXT_SNAPSHOT, 9L, 9L, a)), entries);
  }

  @Test
  void manifestListRefusesUnassignedManifestOfAnotherSnapshot() {
    ManifestWriter w = ManifestWriter.create(io.newOutputFile(dir.resolve("x.avro").toString()), spec, schema, SNAPSHOT);
    ManifestFile m = w.close(ManifestWriter.UNASSIGNED_SEQUENCE_NUMBER);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ManifestListWriter.write(
        io.newOutputFile(dir.resolve("l.avro").toString()), NEXT_SNAPSHOT, SNAPSHOT, 2, List.of(m)));
    assertTrue(e.getMessage().contains(m.path()), e.getMessage());
  }

  @Test
  void unpartitionedManifestsWork() {
    PartitionSpec unpartitioned = PartitionSpec.unpartitioned(schema);
    ManifestWriter w = ManifestWriter.create(io.newOutputFile(dir.resolve("u.avro").toString()), unpartitioned, schema, SNAPSHOT);
    DataFile file = new DataFile(FileContent.DATA, "/t/u.parquet", "PARQUET", 0,
        GenericRecord.of(unpartitioned.partitionType()), 3, 99, Metrics.ofRowCount(3), null, null, null);
    w.add(file);
    ManifestFile m = w.close(1);
    assertEquals(List.of(), m.partitions());
    assertEquals(List.of(new ManifestEntry(ManifestEntry.Status.ADDED, SNAPSHOT, 1L, 1L, file)),
        ManifestReader.read(io, m, Map.of(0, unpartitioned)));
  }

  @Test
  void writerRejectsInvalidEntries() {
    ManifestWriter w = ManifestWriter.create(io.newOutputFile(dir.resolve("bad.avro").toString()), spec, schema, SNAPSHOT);
    DataFile otherSpec = new DataFile(FileContent.DATA, "/t/x.parquet", "PARQUET", 0, ManifestFixtures.partition(spec, 1),
        1, 1, Metrics.ofRowCount(1), null, null, null);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> w.add(otherSpec)).getMessage().contains("/t/x.parquet"));
    DataFile ok = ManifestFixtures.dataFile("/t/y.parquet", spec, ManifestFixtures.partition(spec, 1), 1, 0, 0);
    assertThrows(IllegalArgumentException.class,
        () -> w.existing(new ManifestEntry(ManifestEntry.Status.ADDED, SNAPSHOT, null, null, ok)));
    GenericRecord wrongType = ManifestFixtures.partition(spec, 1);
    wrongType.set(0, "2024-01-01");
    DataFile badValue = ManifestFixtures.dataFile("/t/z.parquet", spec, wrongType, 1, 0, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.add(badValue));
    assertTrue(e.getMessage().contains("/t/z.parquet") && e.getMessage().contains("'day'"), e.getMessage());
  }

  @Test
  void missingManifestNamesTheFile() {
    ManifestFile missing = new ManifestFile(dir.resolve("gone.avro").toString(), 10, 3, FileContent.DATA, 1, 1, SNAPSHOT,
        1, 0, 0, 1, 0, 0, null);
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ManifestReader.read(io, missing, Map.of(3, spec)));
    assertTrue(e.getMessage().contains(missing.path()), e.getMessage());
    UncheckedIOException l = assertThrows(UncheckedIOException.class,
        () -> ManifestListReader.read(io, dir.resolve("snap-gone.avro").toString()));
    assertTrue(l.getMessage().contains("snap-gone.avro"), l.getMessage());
  }

  @Test
  void corruptManifestNamesTheFile() throws IOException {
    Path bogus = dir.resolve("bogus.avro");
    Files.writeString(bogus, "this is not avro at all");
    ManifestFile m = new ManifestFile(bogus.toString(), 23, 3, FileContent.DATA, 1, 1, SNAPSHOT, 1, 0, 0, 1, 0, 0, null);
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> ManifestReader.read(io, m, Map.of(3, spec)));
    assertTrue(e.getMessage().contains(bogus.toString()), e.getMessage());

    // a real manifest cut in half
    String path = dir.resolve("cut.avro").toString();
    ManifestWriter w = ManifestWriter.create(io.newOutputFile(path), spec, schema, SNAPSHOT);
    for (int n = 0; n < 50; n++) {
      w.add(ManifestFixtures.dataFile("/t/" + n + ".parquet", spec, ManifestFixtures.partition(spec, n), n, 0, 0));
    }
    ManifestFile full = w.close(1);
    byte[] bytes = Files.readAllBytes(Path.of(path));
    Path cut = dir.resolve("cut-half.avro");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 200));
    ManifestFile half = new ManifestFile(cut.toString(), bytes.length - 200, 3, FileContent.DATA, 1, 1, SNAPSHOT,
        50, 0, 0, 0, 0, 0, null);
    RuntimeException t = assertThrows(RuntimeException.class, () -> ManifestReader.read(io, half, Map.of(3, spec)));
    assertTrue(t instanceof InvalidMetadataException || t instanceof UncheckedIOException, t.toString());
    assertTrue(t.getMessage().contains(cut.toString()), t.getMessage());
    assertEquals(50, ManifestReader.read(io, full, Map.of(3, spec)).size());
  }

  @Test
  void unknownSpecIsNamed() {
    ManifestWriter w = ManifestWriter.create(io.newOutputFile(dir.resolve("s.avro").toString()), spec, schema, SNAPSHOT);
    ManifestFile m = w.close(1);
    InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> ManifestReader.read(io, m, Map.of(0, spec)));
    assertTrue(e.getMessage().contains(m.path()) && e.getMessage().contains("partition spec 3"), e.getMessage());
  }

  static void assertSummariesEqual(List<FieldSummary> expected, List<FieldSummary> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "summary " + i);
    }
  }

  @Test
  void nullBoundsWhenAllValuesAreNull() {
    PartitionSpec one = ManifestFixtures.identitySpec(5, schema, List.of("name"));
    ManifestWriter w = ManifestWriter.create(io.newOutputFile(dir.resolve("n.avro").toString()), one, schema, SNAPSHOT);
    w.add(ManifestFixtures.dataFile("/t/n.parquet", one, GenericRecord.of(one.partitionType(), (Object) null), 1, 0, 0));
    ManifestFile m = w.close(1);
    assertEquals(new FieldSummary(true, false, null, null), m.partitions().get(0));
    assertNull(ManifestReader.read(io, m, Map.of(5, one)).get(0).file().partition().get(0));
  }
}
