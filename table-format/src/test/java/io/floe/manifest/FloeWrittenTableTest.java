package io.floe.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.io.LocalFileIO;
import io.floe.metadata.IcebergTypes;
import io.floe.metadata.MetadataLogEntry;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotLogEntry;
import io.floe.metadata.SnapshotRef;
import io.floe.metadata.SortOrder;
import io.floe.metadata.TableMetadata;
import io.floe.metadata.TableMetadataParser;
import io.floe.partition.PartitionSpec;
import io.floe.types.Schema;
import io.floe.types.SingleValueSerialization;
import io.floe.types.Types;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.StaticTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.expressions.ManifestEvaluator;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Iceberg 1.12 reads a table whose metadata, manifest lists and manifests Floe wrote: two snapshots over two
 * partition specs (every partition type, fixed included), with a rewritten manifest holding existing and deleted
 * entries, time travel, partition filtering and Iceberg's own computation of the partition summaries.
 */
class FloeWrittenTableTest {
  private static final long S1 = 7001L;
  private static final long S2 = 7002L;

  @TempDir
  Path dir;

  private final LocalFileIO fileIO = new LocalFileIO();
  private final Schema schema = ManifestFixtures.schema();
  private final PartitionSpec spec0 = ManifestFixtures.identitySpec(0, schema,
      ManifestFixtures.PARTITION_COLUMNS.subList(0, ManifestFixtures.PARTITION_COLUMNS.size() - 1));
  private final PartitionSpec spec1 = new PartitionSpec(1, schema, List.of(new io.floe.partition.PartitionField(2,
      1013, "day", new io.floe.partition.Transform.Identity())));

  private String location;
  private DataFile a;
  private DataFile b;
  private DataFile c;
  private ManifestFile m1;
  private ManifestFile m2;
  private ManifestFile m1Rewritten;

  private Table writeTable() throws IOException {
    location = dir.resolve("t").toString();
    a = ManifestFixtures.dataFile(location + "/data/a.parquet", spec0, partition(1), 10, 1, 10);
    b = ManifestFixtures.dataFile(location + "/data/b.parquet", spec0, partition(2), 20, 3, 30);
    c = new DataFile(FileContent.DATA, location + "/data/c.parquet", "PARQUET", 1,
        GenericRecord.of(spec1.partitionType(), 19_500), 5, 555, ManifestFixtures.metrics(5, 100, 200), null, null, null);

    ManifestWriter w1 = ManifestWriter.create(fileIO.newOutputFile(location + "/metadata/m1.avro"), spec0, schema, S1);
    w1.add(a);
    w1.add(b);
    m1 = w1.close(ManifestWriter.UNASSIGNED_SEQUENCE_NUMBER);
    String list1 = location + "/metadata/snap-" + S1 + ".avro";
    ManifestListWriter.write(fileIO.newOutputFile(list1), S1, null, 1, List.of(m1));
    ManifestFile m1Assigned = ManifestListReader.read(fileIO, list1).get(0);

    ManifestWriter w2 = ManifestWriter.create(fileIO.newOutputFile(location + "/metadata/m2.avro"), spec1, schema, S2);
    w2.add(c);
    m2 = w2.close(ManifestWriter.UNASSIGNED_SEQUENCE_NUMBER);
    ManifestWriter w3 = ManifestWriter.create(fileIO.newOutputFile(location + "/metadata/m1-rewritten.avro"), spec0, schema, S2);
    for (ManifestEntry e : ManifestReader.read(fileIO, m1Assigned, Map.of(0, spec0, 1, spec1))) {
      if (e.file().path().equals(b.path())) {
        w3.delete(e, S2);
      } else {
        w3.existing(e);
      }
    }
    m1Rewritten = w3.close(ManifestWriter.UNASSIGNED_SEQUENCE_NUMBER);
    String list2 = location + "/metadata/snap-" + S2 + ".avro";
    ManifestListWriter.write(fileIO.newOutputFile(list2), S2, S1, 2, List.of(m2, m1Rewritten));

    Snapshot s1 = new Snapshot(1, S1, null, 1_000L, list1, Map.of("operation", "append", "added-data-files", "2"), 0);
    Snapshot s2 = new Snapshot(2, S2, S1, 2_000L, list2, Map.of("operation", "overwrite", "added-data-files", "1",
        "deleted-data-files", "1"), 0);
    TableMetadata metadata = new TableMetadata(null, 2, "0d3c1f5e-55a1-4c43-a3f6-2a0e1c7e9b10", location, 2, 2_001L,
        schema.highestFieldId(), List.of(schema), 0, List.of(spec0, spec1), 1, 1013, List.of(SortOrder.unsorted()), 0,
        Map.of(), S2, List.of(s1, s2), Map.of("main", SnapshotRef.branch(S2), "first", SnapshotRef.tag(S1)),
        List.of(new SnapshotLogEntry(1_000L, S1), new SnapshotLogEntry(2_000L, S2)),
        List.of(new MetadataLogEntry(1_000L, location + "/metadata/v1.metadata.json")), List.of(), List.of());
    String metadataPath = location + "/metadata/v2.metadata.json";
    TableMetadataParser.write(metadata, fileIO.newOutputFile(metadataPath));
    return new BaseTable(new StaticTableOperations(metadataPath, new HadoopFileIO(new Configuration())), "t");
  }

  @Test
  void icebergPlansTheCurrentSnapshot() throws IOException {
    Table table = writeTable();
    List<FileScanTask> tasks = plan(table.newScan());
    assertEquals(List.of(a.path(), c.path()), tasks.stream().map(t -> t.file().location()).toList());
    IcebergFiles.assertSameFile(a, tasks.get(0).file());
    IcebergFiles.assertSameFile(c, tasks.get(1).file());
    assertEquals(1L, tasks.get(0).file().dataSequenceNumber());
    assertEquals(1L, tasks.get(0).file().fileSequenceNumber());
    assertEquals(2L, tasks.get(1).file().dataSequenceNumber());
    assertEquals(2L, tasks.get(1).file().fileSequenceNumber());
    assertEquals(0, tasks.get(0).spec().specId());
    assertEquals(1, tasks.get(1).spec().specId());
  }

  @Test
  void icebergTimeTravelsToTheFirstSnapshot() throws IOException {
    Table table = writeTable();
    List<FileScanTask> tasks = plan(table.newScan().useSnapshot(S1));
    assertEquals(List.of(a.path(), b.path()), tasks.stream().map(t -> t.file().location()).toList());
    IcebergFiles.assertSameFile(b, tasks.get(1).file());
    assertEquals(List.of(a.path(), b.path()),
        plan(table.newScan().useRef("first")).stream().map(t -> t.file().location()).toList());
  }

  @Test
  void icebergFiltersByFloeWrittenPartitionValuesAndSummaries() throws IOException {
    Table table = writeTable();
    assertEquals(List.of(b.path()), plan(table.newScan().useSnapshot(S1).filter(Expressions.equal("name", "name-2")))
        .stream().map(t -> t.file().location()).toList());
    assertEquals(List.of(a.path()), plan(table.newScan().useSnapshot(S1).filter(Expressions.lessThan("cnt", 0))
        .filter(Expressions.greaterThan("cnt", -2))).stream().map(t -> t.file().location()).toList());

    org.apache.iceberg.PartitionSpec iceSpec = table.specs().get(0);
    org.apache.iceberg.ManifestFile iceM1 = table.snapshot(S1).allManifests(table.io()).get(0);
    assertTrue(ManifestEvaluator.forRowFilter(Expressions.equal("name", "name-1"), iceSpec, true).eval(iceM1));
    assertFalse(ManifestEvaluator.forRowFilter(Expressions.equal("name", "name-9"), iceSpec, true).eval(iceM1));
    assertFalse(ManifestEvaluator.forRowFilter(Expressions.greaterThan("price", new java.math.BigDecimal("123.47")), iceSpec, true).eval(iceM1));
    assertTrue(ManifestEvaluator.forRowFilter(Expressions.greaterThan("price", new java.math.BigDecimal("123.46")), iceSpec, true).eval(iceM1));
    // file b has a NaN score: it is not a bound but contains_nan is set
    assertTrue(iceM1.partitions().get(6).containsNaN());
    assertFalse(iceM1.partitions().get(0).containsNaN());
    assertTrue(ManifestEvaluator.forRowFilter(Expressions.isNaN("score"), iceSpec, true).eval(iceM1));
    assertFalse(ManifestEvaluator.forRowFilter(Expressions.greaterThan("score", 1.5), iceSpec, true).eval(iceM1));
  }

  /**
   * The summaries Floe writes equal those Iceberg's own manifest writer computes for the same files, except for the
   * bounds of uuids: Floe orders uuids as the spec says (unsigned big-endian bytes), Iceberg 1.12 by
   * {@link java.util.UUID#compareTo} (signed halves).
   */
  @Test
  void partitionSummariesMatchIcebergsOwn() throws IOException {
    Table table = writeTable();
    org.apache.iceberg.PartitionSpec iceSpec = table.specs().get(0);
    List<DataFile> files = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      files.add(ManifestFixtures.dataFile(location + "/data/s" + n + ".parquet", spec0, partition(n), 1, 0, 0));
    }
    GenericRecord withNulls = GenericRecord.of(spec0.partitionType(), new Object[spec0.fields().size()]);
    files.add(ManifestFixtures.dataFile(location + "/data/nulls.parquet", spec0, withNulls, 1, 0, 0));
    // ordering edge cases: uuid with the top bit set, a string beyond the BMP vs U+FFFD, -0.0, bytes >= 0x80
    GenericRecord edge1 = partition(0);
    edge1.set(1, "\uFFFD");
    edge1.set(3, new java.util.UUID(0x8000_0000_0000_0000L, 0));
    edge1.set(6, -0.0d);
    edge1.set(9, java.nio.ByteBuffer.wrap(new byte[] {(byte) 0x80}));
    edge1.set(11, -0.0f);
    GenericRecord edge2 = partition(0);
    edge2.set(1, "\uD83D\uDE00");
    edge2.set(3, new java.util.UUID(-1L, -1L));
    edge2.set(6, 0.0d);
    edge2.set(9, java.nio.ByteBuffer.wrap(new byte[] {(byte) 0xFF, 0}));
    edge2.set(11, 0.0f);
    files.add(ManifestFixtures.dataFile(location + "/data/edge1.parquet", spec0, edge1, 1, 0, 0));
    files.add(ManifestFixtures.dataFile(location + "/data/edge2.parquet", spec0, edge2, 1, 0, 0));

    ManifestWriter floe = ManifestWriter.create(fileIO.newOutputFile(location + "/metadata/floe-s.avro"), spec0, schema, S1);
    org.apache.iceberg.ManifestWriter<org.apache.iceberg.DataFile> ice = ManifestFiles.write(2, iceSpec,
        org.apache.iceberg.Files.localOutput(new File(location + "/metadata/ice-s.avro")), S1);
    for (DataFile f : files) {
      floe.add(f);
      ice.add(IcebergFiles.toIceberg(f, iceSpec));
    }
    ManifestFile floeManifest = floe.close(5);
    ice.close();
    List<FieldSummary> ours = floeManifest.partitions();
    List<org.apache.iceberg.ManifestFile.PartitionFieldSummary> theirs = ice.toManifestFile().partitions();
    int uid = ManifestFixtures.PARTITION_COLUMNS.indexOf("uid");
    IcebergFiles.assertSameSummaries(ours, theirs, Set.of(uid), "summaries");

    // uuids 1234...def0-0000... to ...def5 (fixtures), 80000000-0000-... (edge1), ffffffff-ffff-... (edge2), null
    UUID fixtureLow = new UUID(0x1234_5678_9abc_def0L, 0);
    UUID fixtureHigh = new UUID(0x1234_5678_9abc_def5L, -5);
    assertEquals(fixtureLow, SingleValueSerialization.fromBytes(Types.UUID, ours.get(uid).lowerBound()));
    assertEquals(new UUID(-1L, -1L), SingleValueSerialization.fromBytes(Types.UUID, ours.get(uid).upperBound()));
    assertEquals(new UUID(0x8000_0000_0000_0000L, 0), SingleValueSerialization.fromBytes(Types.UUID, theirs.get(uid).lowerBound()),
        "Iceberg 1.12 orders uuids signed");
    assertEquals(fixtureHigh, SingleValueSerialization.fromBytes(Types.UUID, theirs.get(uid).upperBound()),
        "Iceberg 1.12 orders uuids signed");
  }

  @Test
  void icebergReadsFloeManifestsEntryByEntry() throws IOException {
    Table table = writeTable();
    List<org.apache.iceberg.ManifestFile> manifests = table.currentSnapshot().allManifests(table.io());
    assertEquals(List.of(m2.path(), m1Rewritten.path()), manifests.stream().map(org.apache.iceberg.ManifestFile::path).toList());
    assertEquals(2L, manifests.get(1).sequenceNumber());
    assertEquals(1L, manifests.get(1).minSequenceNumber());
    assertEquals(List.of(0, 1, 1), List.of(manifests.get(1).addedFilesCount(), manifests.get(1).existingFilesCount(),
        manifests.get(1).deletedFilesCount()));
    assertEquals(S2, manifests.get(1).snapshotId());
    assertEquals(2L, manifests.get(0).minSequenceNumber());

    List<org.apache.iceberg.DataFile> live = new ArrayList<>();
    try (CloseableIterable<org.apache.iceberg.DataFile> reader = ManifestFiles.read(manifests.get(1), table.io(), table.specs())) {
      reader.forEach(f -> live.add(f.copy()));
    }
    assertEquals(1, live.size());
    IcebergFiles.assertSameFile(a, live.get(0));
    assertEquals(S1, live.get(0).fileSequenceNumber() == 1L ? S1 : -1L);

    List<String> snapshots = new ArrayList<>();
    table.snapshots().forEach(s -> snapshots.add(s.snapshotId() + ":" + s.parentId() + ":" + s.operation() + ":"
        + s.summary().get("added-data-files") + ":" + s.manifestListLocation()));
    assertEquals(List.of(S1 + ":null:append:2:" + location + "/metadata/snap-" + S1 + ".avro",
        S2 + ":" + S1 + ":overwrite:1:" + location + "/metadata/snap-" + S2 + ".avro"), snapshots);
  }

  @Test
  void avroSchemasAreIcebergs() throws IOException {
    Table table = writeTable();
    org.apache.iceberg.PartitionSpec iceSpec = table.specs().get(0);
    File iceManifest = new File(location + "/metadata/ice-schema.avro");
    org.apache.iceberg.ManifestWriter<org.apache.iceberg.DataFile> ice = ManifestFiles.write(2, iceSpec,
        org.apache.iceberg.Files.localOutput(iceManifest), S1);
    ice.close();
    assertEquals(avroSchema(new File(iceManifest.getPath())), avroSchema(new File(m1.path())));

    // a manifest list Iceberg itself committed
    String iceLocation = dir.resolve("ice").toString();
    Table iceTable = new org.apache.iceberg.hadoop.HadoopTables(new Configuration()).create(
        IcebergTypes.toIceberg(schema), org.apache.iceberg.PartitionSpec.unpartitioned(), Map.of("format-version", "2"), iceLocation);
    iceTable.newFastAppend().appendFile(org.apache.iceberg.DataFiles.builder(iceTable.spec())
        .withPath(iceLocation + "/data/x.parquet").withFileSizeInBytes(1).withRecordCount(1).build()).commit();
    File iceList = new File(iceTable.currentSnapshot().manifestListLocation());
    assertEquals(avroSchema(iceList), avroSchema(new File(location + "/metadata/snap-" + S1 + ".avro")));
  }

  /** The fixture's partition tuple without its last (fixed) value. */
  private GenericRecord partition(int n) {
    GenericRecord full = ManifestFixtures.partition(ManifestFixtures.identitySpec(0, schema, ManifestFixtures.PARTITION_COLUMNS), n);
    GenericRecord p = new GenericRecord(spec0.partitionType());
    for (int i = 0; i < p.size(); i++) {
      p.set(i, full.get(i));
    }
    return p;
  }

  private static org.apache.avro.Schema avroSchema(File file) throws IOException {
    try (DataFileReader<Object> reader = new DataFileReader<>(file, new GenericDatumReader<>())) {
      return reader.getSchema();
    }
  }

  private static List<FileScanTask> plan(org.apache.iceberg.TableScan scan) throws IOException {
    List<FileScanTask> tasks = new ArrayList<>();
    try (CloseableIterable<FileScanTask> planned = scan.includeColumnStats().planFiles()) {
      planned.forEach(tasks::add);
    }
    tasks.sort(Comparator.comparing(t -> t.file().location()));
    return tasks;
  }
}
