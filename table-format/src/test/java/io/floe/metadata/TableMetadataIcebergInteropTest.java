package io.floe.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.io.LocalFileIO;
import io.floe.partition.PartitionField;
import io.floe.partition.PartitionSpec;
import io.floe.types.Schema;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.NullOrder;
import org.apache.iceberg.SortDirection;
import org.apache.iceberg.Table;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.hadoop.HadoopTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apache Iceberg 1.12 as the oracle: it reads Floe's metadata JSON, and Floe reads Iceberg's. */
class TableMetadataIcebergInteropTest {
  @TempDir
  Path dir;

  private final LocalFileIO io = new LocalFileIO();

  @Test
  void icebergReadsFloeMetadata() throws IOException {
    TableMetadata floe = MetadataFixtures.full(dir.toString());
    String location = dir.resolve("metadata/v3.metadata.json").toString();
    TableMetadataParser.write(floe, io.newOutputFile(location));

    org.apache.iceberg.TableMetadata ice = org.apache.iceberg.TableMetadataParser.read(
        new HadoopFileIO(new Configuration()), location);
    assertSameMetadata(floe, ice);
  }

  @Test
  void floeReadsWhatIcebergRewritesOfFloeMetadata() throws IOException {
    TableMetadata floe = MetadataFixtures.full(dir.toString());
    String location = dir.resolve("metadata/v3.metadata.json").toString();
    TableMetadataParser.write(floe, io.newOutputFile(location));
    org.apache.iceberg.TableMetadata ice = org.apache.iceberg.TableMetadataParser.read(
        new HadoopFileIO(new Configuration()), location);

    String icebergJson = org.apache.iceberg.TableMetadataParser.toJson(ice);
    TableMetadata back = TableMetadataParser.fromJson("/elsewhere/v4.metadata.json", icebergJson);
    assertEquals(MetadataChanges.withLocation(floe, "/elsewhere/v4.metadata.json"), back);
  }

  @Test
  void floeReadsIcebergTableMetadata() {
    String tableLocation = dir.resolve("ice").toString();
    org.apache.iceberg.Schema schema = IcebergTypes.toIceberg(MetadataFixtures.schema0());
    org.apache.iceberg.PartitionSpec spec = org.apache.iceberg.PartitionSpec.builderFor(schema)
        .identity("day").bucket("id", 8).truncate("name", 3).build();
    Map<String, String> props = new HashMap<>();
    props.put("format-version", "2");
    props.put("owner", "iceberg");
    Table table = new HadoopTables(new Configuration()).create(schema, spec, props, tableLocation);
    DataFile file = DataFiles.builder(table.spec())
        .withPath(tableLocation + "/data/a.parquet").withFileSizeInBytes(10).withRecordCount(3)
        .withPartitionPath("day=2024-05-01/id_bucket=3/name_trunc=abc").build();
    table.newAppend().appendFile(file).commit();
    table.newFastAppend().appendFile(DataFiles.builder(table.spec())
        .withPath(tableLocation + "/data/b.parquet").withFileSizeInBytes(10).withRecordCount(4)
        .withPartitionPath("day=2024-05-02/id_bucket=1/name_trunc=xyz").build()).commit();
    table.updateSchema().addColumn("extra", org.apache.iceberg.types.Types.StringType.get()).commit();
    table.updateSpec().addField("extra").commit();
    table.replaceSortOrder().asc("id").desc("day", NullOrder.NULLS_LAST).commit();
    long first = table.snapshots().iterator().next().snapshotId();
    table.updateStatistics().setStatistics(new org.apache.iceberg.GenericStatisticsFile(first,
        tableLocation + "/metadata/stats.puffin", 100, 40, List.of(new org.apache.iceberg.GenericBlobMetadata(
            "apache-datasketches-theta-v1", first, 1, List.of(1), Map.of("ndv", "3"))))).commit();
    table.updatePartitionStatistics().setPartitionStatistics(
        org.apache.iceberg.ImmutableGenericPartitionStatisticsFile.builder().snapshotId(first)
            .path(tableLocation + "/metadata/partition-stats.parquet").fileSizeInBytes(55).build()).commit();
    table.manageSnapshots().createTag("first", first).setMaxRefAgeMs("first", 5000L)
        .createBranch("dev", first).setMinSnapshotsToKeep("dev", 2).commit();

    File[] versions = dir.resolve("ice/metadata").toFile().listFiles((d, n) -> MetadataFiles.parseVersion(n) > 0);
    assertTrue(versions.length >= 9, "expected all metadata versions, found " + versions.length);
    for (File version : versions) {
      TableMetadata floe = TableMetadataParser.read(io, version.getPath());
      org.apache.iceberg.TableMetadata ice = org.apache.iceberg.TableMetadataParser.read(
          new HadoopFileIO(new Configuration()), version.getPath());
      assertSameMetadata(floe, ice);
      assertEquals(version.getPath(), floe.metadataFileLocation());
    }
    TableMetadata latest = TableMetadataParser.read(io, dir.resolve("ice/metadata/v" + versions.length + ".metadata.json").toString());
    assertEquals(2, latest.snapshots().size());
    assertEquals(2, latest.specs().size());
    assertEquals("truncate[3]", latest.specById(0).fields().get(2).transform().toString());
    assertEquals("iceberg", latest.property("owner", null));
    assertEquals(Map.of("ndv", "3"), latest.statisticsFile(first).blobMetadata().get(0).properties());
    assertEquals(55, latest.partitionStatistics().get(0).fileSizeInBytes());
  }

  @Test
  void floeReadsGzippedIcebergMetadata() {
    String tableLocation = dir.resolve("gz").toString();
    Map<String, String> props = Map.of("format-version", "2", "write.metadata.compression-codec", "gzip");
    Table table = new HadoopTables(new Configuration()).create(IcebergTypes.toIceberg(MetadataFixtures.schema0()),
        org.apache.iceberg.PartitionSpec.unpartitioned(), props, tableLocation);
    File[] files = dir.resolve("gz/metadata").toFile().listFiles((d, n) -> n.endsWith(".gz.metadata.json"));
    assertEquals(1, files.length);
    TableMetadata floe = TableMetadataParser.read(io, files[0].getPath());
    assertEquals(IcebergTypes.fromIceberg(table.schema()), floe.schema());
    assertEquals(MetadataFixtures.schema0().columnNames(), floe.schema().columnNames());
  }

  /** Compares every field Floe models with Iceberg's reading of the same file. */
  static void assertSameMetadata(TableMetadata floe, org.apache.iceberg.TableMetadata ice) {
    assertEquals(floe.formatVersion(), ice.formatVersion());
    assertEquals(floe.tableUuid(), ice.uuid());
    assertEquals(floe.location(), ice.location());
    assertEquals(floe.lastSequenceNumber(), ice.lastSequenceNumber());
    assertEquals(floe.lastUpdatedMs(), ice.lastUpdatedMillis());
    assertEquals(floe.lastColumnId(), ice.lastColumnId());
    assertEquals(floe.currentSchemaId(), ice.currentSchemaId());
    assertEquals(floe.schemas().size(), ice.schemas().size());
    for (Schema s : floe.schemas()) {
      org.apache.iceberg.Schema other = ice.schemasById().get(s.schemaId());
      assertTrue(IcebergTypes.toIceberg(s).sameSchema(other), "schema " + s.schemaId() + ": " + s + " vs " + other);
      assertEquals(s, IcebergTypes.fromIceberg(other));
    }
    assertEquals(floe.defaultSpecId(), ice.defaultSpecId());
    assertEquals(floe.lastPartitionId(), ice.lastAssignedPartitionId());
    assertEquals(floe.specs().size(), ice.specs().size());
    for (PartitionSpec s : floe.specs()) {
      org.apache.iceberg.PartitionSpec other = ice.specsById().get(s.specId());
      assertEquals(s.fields().size(), other.fields().size());
      for (int i = 0; i < s.fields().size(); i++) {
        PartitionField f = s.fields().get(i);
        org.apache.iceberg.PartitionField o = other.fields().get(i);
        assertEquals(List.of(f.name(), f.transform().toString(), f.sourceId(), f.fieldId()),
            List.of(o.name(), o.transform().toString(), o.sourceId(), o.fieldId()));
      }
    }
    assertEquals(floe.defaultSortOrderId(), ice.defaultSortOrderId());
    assertEquals(floe.sortOrders().size(), ice.sortOrders().size());
    for (SortOrder o : floe.sortOrders()) {
      org.apache.iceberg.SortOrder other = ice.sortOrdersById().get(o.orderId());
      assertEquals(o.fields().size(), other.fields().size());
      for (int i = 0; i < o.fields().size(); i++) {
        SortOrder.SortField f = o.fields().get(i);
        org.apache.iceberg.SortField x = other.fields().get(i);
        assertEquals(List.of(f.transform(), f.sourceId(), f.ascending() ? SortDirection.ASC : SortDirection.DESC,
            f.nullsFirst() ? NullOrder.NULLS_FIRST : NullOrder.NULLS_LAST),
            List.of(x.transform().toString(), x.sourceId(), x.direction(), x.nullOrder()));
      }
    }
    assertEquals(floe.properties(), ice.properties());
    assertEquals(floe.currentSnapshotId(), ice.currentSnapshot() == null ? null : ice.currentSnapshot().snapshotId());
    assertEquals(floe.snapshots().size(), ice.snapshots().size());
    for (Snapshot s : floe.snapshots()) {
      org.apache.iceberg.Snapshot other = ice.snapshot(s.snapshotId());
      assertEquals(s.sequenceNumber(), other.sequenceNumber());
      assertEquals(s.parentSnapshotId(), other.parentId());
      assertEquals(s.timestampMs(), other.timestampMillis());
      assertEquals(s.manifestList(), other.manifestListLocation());
      Map<String, String> withoutOperation = new HashMap<>(s.summary());
      withoutOperation.remove("operation");
      assertEquals(withoutOperation, other.summary());
      assertEquals(s.operation(), other.operation());
      assertEquals(s.schemaId(), other.schemaId());
    }
    assertEquals(floe.refs().keySet(), ice.refs().keySet());
    floe.refs().forEach((name, ref) -> {
      org.apache.iceberg.SnapshotRef other = ice.ref(name);
      assertEquals(ref.snapshotId(), other.snapshotId());
      assertEquals(ref.isBranch(), other.isBranch());
      assertEquals(ref.minSnapshotsToKeep(), other.minSnapshotsToKeep());
      assertEquals(ref.maxSnapshotAgeMs(), other.maxSnapshotAgeMs());
      assertEquals(ref.maxRefAgeMs(), other.maxRefAgeMs());
    });
    assertEquals(floe.snapshotLog().size(), ice.snapshotLog().size());
    for (int i = 0; i < floe.snapshotLog().size(); i++) {
      assertEquals(floe.snapshotLog().get(i).snapshotId(), ice.snapshotLog().get(i).snapshotId());
      assertEquals(floe.snapshotLog().get(i).timestampMs(), ice.snapshotLog().get(i).timestampMillis());
    }
    assertEquals(floe.metadataLog().size(), ice.previousFiles().size());
    for (int i = 0; i < floe.metadataLog().size(); i++) {
      assertEquals(floe.metadataLog().get(i).metadataFile(), ice.previousFiles().get(i).file());
      assertEquals(floe.metadataLog().get(i).timestampMs(), ice.previousFiles().get(i).timestampMillis());
    }
    assertEquals(floe.statistics().size(), ice.statisticsFiles().size());
    for (StatisticsFile f : floe.statistics()) {
      org.apache.iceberg.StatisticsFile other = ice.statisticsFiles().stream()
          .filter(o -> o.snapshotId() == f.snapshotId()).findFirst().orElseThrow();
      assertEquals(List.of(f.path(), f.fileSizeInBytes(), f.fileFooterSizeInBytes()),
          List.of(other.path(), other.fileSizeInBytes(), other.fileFooterSizeInBytes()));
      assertEquals(f.blobMetadata().size(), other.blobMetadata().size());
      for (int i = 0; i < f.blobMetadata().size(); i++) {
        StatisticsFile.BlobMetadata blob = f.blobMetadata().get(i);
        org.apache.iceberg.BlobMetadata o = other.blobMetadata().get(i);
        assertEquals(List.of(blob.type(), blob.sourceSnapshotId(), blob.sourceSnapshotSequenceNumber(),
            blob.fields(), blob.properties()),
            List.of(o.type(), o.sourceSnapshotId(), o.sourceSnapshotSequenceNumber(), o.fields(), o.properties()));
      }
    }
    assertEquals(floe.partitionStatistics().size(), ice.partitionStatisticsFiles().size());
    for (int i = 0; i < floe.partitionStatistics().size(); i++) {
      PartitionStatisticsFile f = floe.partitionStatistics().get(i);
      org.apache.iceberg.PartitionStatisticsFile o = ice.partitionStatisticsFiles().get(i);
      assertEquals(List.of(f.snapshotId(), f.path(), f.fileSizeInBytes()),
          List.of(o.snapshotId(), o.path(), o.fileSizeInBytes()));
    }
  }
}
