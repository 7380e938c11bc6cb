package io.floe.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.io.LocalFileIO;
import io.floe.metadata.IcebergTypes;
import io.floe.metadata.MetadataFiles;
import io.floe.metadata.Snapshot;
import io.floe.metadata.TableMetadata;
import io.floe.metadata.TableMetadataParser;
import io.floe.partition.PartitionSpec;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Floe reads a table written by Apache Iceberg 1.12: metadata, manifest lists and manifests agree with Iceberg's
 * own reading. (Fixed-type partitions are left out: Iceberg 1.12 writes them length-prefixed, apache/iceberg#17501.)
 */
class IcebergWrittenManifestsTest {
  @TempDir
  Path dir;

  private final LocalFileIO fileIO = new LocalFileIO();

  @Test
  void floeReadsIcebergManifestListsAndManifests() throws Exception {
    String location = dir.resolve("t").toString();
    io.floe.types.Schema floeSchema = ManifestFixtures.schema();
    List<String> columns = ManifestFixtures.PARTITION_COLUMNS.subList(0, ManifestFixtures.PARTITION_COLUMNS.size() - 1);
    PartitionSpec floeSpec = ManifestFixtures.identitySpec(0, floeSchema, columns);
    org.apache.iceberg.Schema iceSchema = IcebergTypes.toIceberg(floeSchema);
    org.apache.iceberg.PartitionSpec iceSpec = IcebergFiles.toIceberg(floeSpec, iceSchema);
    Map<String, String> props = new HashMap<>();
    props.put("format-version", "2");
    Table table = new HadoopTables(new Configuration()).create(iceSchema, iceSpec, props, location);

    List<DataFile> files = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      io.floe.data.GenericRecord partition = io.floe.data.GenericRecord.of(floeSpec.partitionType(),
          java.util.Arrays.copyOf(values(ManifestFixtures.partition(ManifestFixtures.identitySpec(0, floeSchema,
              ManifestFixtures.PARTITION_COLUMNS), n)), columns.size()));
      files.add(ManifestFixtures.dataFile(location + "/data/" + n + ".parquet", floeSpec, partition, 10L * n, n, 9L * n));
    }
    table.newAppend().appendFile(IcebergFiles.toIceberg(files.get(0), table.spec()))
        .appendFile(IcebergFiles.toIceberg(files.get(1), table.spec())).commit();
    long appendId = table.currentSnapshot().snapshotId();
    table.newDelete().deleteFile(files.get(1).path()).commit();
    long deleteId = table.currentSnapshot().snapshotId();
    table.newFastAppend().appendFile(IcebergFiles.toIceberg(files.get(2), table.spec())).commit();

    File[] versions = dir.resolve("t/metadata").toFile().listFiles((d, name) -> MetadataFiles.parseVersion(name) > 0);
    int latest = java.util.Arrays.stream(versions).mapToInt(f -> MetadataFiles.parseVersion(f.getName())).max().orElseThrow();
    TableMetadata metadata = TableMetadataParser.read(fileIO, location + "/metadata/" + MetadataFiles.metadataFileName(latest));
    assertEquals(3, metadata.snapshots().size());
    Map<Integer, PartitionSpec> specs = metadata.specsById();
    assertEquals(floeSpec.fields(), specs.get(0).fields());

    for (Snapshot snapshot : metadata.snapshots()) {
      org.apache.iceberg.Snapshot iceSnapshot = table.snapshot(snapshot.snapshotId());
      List<ManifestFile> manifests = ManifestListReader.read(fileIO, snapshot.manifestList());
      List<org.apache.iceberg.ManifestFile> iceManifests = iceSnapshot.allManifests(table.io());
      assertEquals(iceManifests.size(), manifests.size());
      for (int i = 0; i < manifests.size(); i++) {
        IcebergFiles.assertSameManifest(manifests.get(i), iceManifests.get(i));
        List<ManifestEntry> live = ManifestReader.read(fileIO, manifests.get(i), specs).stream()
            .filter(ManifestEntry::isLive).sorted(Comparator.comparing(e -> e.file().path())).toList();
        List<org.apache.iceberg.DataFile> iceFiles = new ArrayList<>();
        try (CloseableIterable<org.apache.iceberg.DataFile> reader = ManifestFiles.read(iceManifests.get(i), table.io(), table.specs())) {
          reader.forEach(f -> iceFiles.add(f.copy()));
        }
        iceFiles.sort(Comparator.comparing(org.apache.iceberg.DataFile::location));
        assertEquals(iceFiles.size(), live.size());
        for (int j = 0; j < live.size(); j++) {
          IcebergFiles.assertSameFile(live.get(j).file(), iceFiles.get(j));
          assertEquals(iceFiles.get(j).dataSequenceNumber(), live.get(j).sequenceNumber());
          assertEquals(iceFiles.get(j).fileSequenceNumber(), live.get(j).fileSequenceNumber());
        }
      }
    }

    // the delete commit rewrote the manifest: file 1 existing, file 2 deleted, both with explicit sequence numbers
    List<ManifestFile> afterDelete = ManifestListReader.read(fileIO, metadata.snapshot(deleteId).manifestList());
    assertEquals(1, afterDelete.size());
    List<ManifestEntry> entries = ManifestReader.read(fileIO, afterDelete.get(0), specs);
    assertEquals(2, entries.size());
    ManifestEntry existing = entries.stream().filter(e -> e.file().path().equals(files.get(0).path())).findFirst().orElseThrow();
    ManifestEntry deleted = entries.stream().filter(e -> e.file().path().equals(files.get(1).path())).findFirst().orElseThrow();
    assertEquals(new ManifestEntry(ManifestEntry.Status.EXISTING, appendId, 1L, 1L, files.get(0)), existing);
    assertEquals(new ManifestEntry(ManifestEntry.Status.DELETED, deleteId, 1L, 1L, files.get(1)), deleted);
    assertTrue(afterDelete.get(0).partitions().get(1).lowerBound() != null);

    // the fast append added a second manifest whose file inherits sequence number 3
    List<ManifestFile> current = ManifestListReader.read(fileIO, metadata.currentSnapshot().manifestList());
    assertEquals(2, current.size());
    ManifestEntry added = ManifestReader.read(fileIO, current.get(0), specs).get(0);
    assertEquals(new ManifestEntry(ManifestEntry.Status.ADDED, metadata.currentSnapshotId(), 3L, 3L, files.get(2)), added);
  }

  @Test
  void floeReadsAnIcebergFormatVersion1Table() {
    String location = dir.resolve("v1").toString();
    io.floe.types.Schema floeSchema = ManifestFixtures.schema();
    PartitionSpec floeSpec = ManifestFixtures.identitySpec(0, floeSchema, List.of("day", "name"));
    org.apache.iceberg.Schema iceSchema = IcebergTypes.toIceberg(floeSchema);
    Table table = new HadoopTables(new Configuration()).create(iceSchema, IcebergFiles.toIceberg(floeSpec, iceSchema),
        Map.of("format-version", "1"), location);
    DataFile file = ManifestFixtures.dataFile(location + "/data/old.parquet", floeSpec,
        io.floe.data.GenericRecord.of(floeSpec.partitionType(), 18_000, "old"), 42, 1, 42);
    table.newAppend().appendFile(IcebergFiles.toIceberg(file, table.spec())).commit();

    TableMetadata metadata = TableMetadataParser.read(fileIO, location + "/metadata/v2.metadata.json");
    assertEquals(1, metadata.formatVersion());
    Snapshot snapshot = metadata.currentSnapshot();
    assertEquals(0, snapshot.sequenceNumber());
    List<ManifestFile> manifests = ManifestListReader.read(fileIO, snapshot.manifestList());
    assertEquals(1, manifests.size());
    assertEquals(0, manifests.get(0).sequenceNumber());
    assertEquals(0, manifests.get(0).minSequenceNumber());
    assertEquals(FileContent.DATA, manifests.get(0).content());
    IcebergFiles.assertSameManifest(manifests.get(0), table.currentSnapshot().allManifests(table.io()).get(0));
    List<ManifestEntry> entries = ManifestReader.read(fileIO, manifests.get(0), metadata.specsById());
    assertEquals(List.of(new ManifestEntry(ManifestEntry.Status.ADDED, snapshot.snapshotId(), 0L, 0L, file)), entries);
  }

  private static Object[] values(io.floe.data.Record r) {
    Object[] values = new Object[r.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = r.get(i);
    }
    return values;
  }
}
