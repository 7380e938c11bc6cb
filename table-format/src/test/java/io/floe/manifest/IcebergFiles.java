package io.floe.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.data.Record;
import io.floe.metadata.PartitionSpecParser;
import io.floe.partition.PartitionSpec;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionData;
import org.apache.iceberg.StructLike;

/** Test-only bridges between Floe's and Iceberg's data files, partition tuples and summaries. */
final class IcebergFiles {
  private IcebergFiles() {
  }

  /** Iceberg's spec parsed from Floe's JSON of the spec. */
  static org.apache.iceberg.PartitionSpec toIceberg(PartitionSpec spec, org.apache.iceberg.Schema schema) {
    return org.apache.iceberg.PartitionSpecParser.fromJson(schema, PartitionSpecParser.toJson(spec));
  }

  static org.apache.iceberg.DataFile toIceberg(DataFile file, org.apache.iceberg.PartitionSpec spec) {
    PartitionData partition = new PartitionData(spec.partitionType());
    for (int i = 0; i < file.partition().size(); i++) {
      Object v = file.partition().get(i);
      partition.set(i, v instanceof ByteBuffer b ? b.duplicate() : v);
    }
    DataFiles.Builder builder = DataFiles.builder(spec)
        .withPath(file.path())
        .withFormat(FileFormat.fromString(file.format()))
        .withPartition(partition)
        .withFileSizeInBytes(file.fileSizeInBytes())
        .withMetrics(new org.apache.iceberg.Metrics(file.recordCount(), file.metrics().columnSizes(),
            file.metrics().valueCounts(), file.metrics().nullValueCounts(), file.metrics().nanValueCounts(),
            file.metrics().lowerBounds(), file.metrics().upperBounds()));
    if (file.splitOffsets() != null) {
      builder.withSplitOffsets(file.splitOffsets());
    }
    return builder.build();
  }

  /** An Iceberg partition value as Floe's internal value. */
  static Object floeValue(Object value) {
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    if (value instanceof byte[] b) {
      return ByteBuffer.wrap(b);
    }
    return value;
  }

  static void assertSamePartition(Record floe, StructLike ice, String file) {
    assertEquals(floe.size(), ice.size(), file);
    for (int i = 0; i < floe.size(); i++) {
      assertEquals(floe.get(i), floeValue(ice.get(i, Object.class)),
          "partition field " + floe.struct().fields().get(i).name() + " of " + file);
    }
  }

  static void assertSameFile(DataFile floe, ContentFile<?> ice) {
    String path = floe.path();
    assertEquals(path, ice.location());
    assertEquals(floe.content().id(), ice.content().id(), path);
    assertEquals(floe.format().toUpperCase(Locale.ROOT), ice.format().name(), path);
    assertEquals(floe.specId(), ice.specId(), path);
    assertEquals(floe.recordCount(), ice.recordCount(), path);
    assertEquals(floe.fileSizeInBytes(), ice.fileSizeInBytes(), path);
    assertSamePartition(floe.partition(), ice.partition(), path);
    assertEquals(floe.metrics().columnSizes(), orEmpty(ice.columnSizes()), path);
    assertEquals(floe.metrics().valueCounts(), orEmpty(ice.valueCounts()), path);
    assertEquals(floe.metrics().nullValueCounts(), orEmpty(ice.nullValueCounts()), path);
    assertEquals(floe.metrics().nanValueCounts(), orEmpty(ice.nanValueCounts()), path);
    assertEquals(floe.metrics().lowerBounds(), orEmpty(ice.lowerBounds()), path);
    assertEquals(floe.metrics().upperBounds(), orEmpty(ice.upperBounds()), path);
    assertEquals(floe.splitOffsets(), ice.splitOffsets(), path);
    assertEquals(floe.equalityFieldIds(), ice.equalityFieldIds(), path);
    assertEquals(floe.sortOrderId(), ice.sortOrderId(), path);
  }

  static void assertSameManifest(ManifestFile floe, org.apache.iceberg.ManifestFile ice) {
    String path = floe.path();
    assertEquals(path, ice.path());
    assertEquals(floe.length(), ice.length(), path);
    assertEquals(floe.partitionSpecId(), ice.partitionSpecId(), path);
    assertEquals(floe.content() == FileContent.DATA ? 0 : 1, ice.content().id(), path);
    assertEquals(floe.sequenceNumber(), ice.sequenceNumber(), path);
    assertEquals(floe.minSequenceNumber(), ice.minSequenceNumber(), path);
    assertEquals(floe.addedSnapshotId(), ice.snapshotId(), path);
    assertEquals(List.of(floe.addedFilesCount(), floe.existingFilesCount(), floe.deletedFilesCount()),
        List.of(ice.addedFilesCount(), ice.existingFilesCount(), ice.deletedFilesCount()), path);
    assertEquals(List.of(floe.addedRowsCount(), floe.existingRowsCount(), floe.deletedRowsCount()),
        List.of(ice.addedRowsCount(), ice.existingRowsCount(), ice.deletedRowsCount()), path);
    assertSameSummaries(floe.partitions(), ice.partitions(), path);
  }

  static void assertSameSummaries(List<FieldSummary> floe, List<org.apache.iceberg.ManifestFile.PartitionFieldSummary> ice,
                                  String what) {
    assertSameSummaries(floe, ice, Set.of(), what);
  }

  /**
   * As {@link #assertSameSummaries(List, List, String)}, but the bounds of the summaries at {@code boundsDiffer}
   * are not compared (their contains-null and contains-NaN still are).
   */
  static void assertSameSummaries(List<FieldSummary> floe, List<org.apache.iceberg.ManifestFile.PartitionFieldSummary> ice,
                                  Set<Integer> boundsDiffer, String what) {
    assertEquals(floe.size(), ice.size(), what);
    for (int i = 0; i < floe.size(); i++) {
      FieldSummary f = floe.get(i);
      org.apache.iceberg.ManifestFile.PartitionFieldSummary s = ice.get(i);
      assertEquals(f.containsNull(), s.containsNull(), what + " summary " + i);
      assertEquals(f.containsNan(), s.containsNaN(), what + " summary " + i);
      if (!boundsDiffer.contains(i)) {
        assertEquals(f.lowerBound(), s.lowerBound(), what + " lower bound " + i);
        assertEquals(f.upperBound(), s.upperBound(), what + " upper bound " + i);
      }
    }
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
