package io.floe.engine.metadata;

import io.floe.manifest.DataFile;
import io.floe.manifest.FieldSummary;
import io.floe.manifest.FileContent;
import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.manifest.ManifestReader;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionField;
import io.floe.partition.PartitionSpec;
import io.floe.table.Table;
import io.floe.types.SingleValueSerialization;
import io.floe.types.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of the metadata tables read from the current snapshot's manifests: files, manifests and partitions. */
final class ManifestRows {
  private ManifestRows() {
  }

  /** {@code t$files}: the live files of the current snapshot (data files, and delete files other engines wrote). */
  static List<Object[]> files(Table table) {
    List<Object[]> rows = new ArrayList<>();
    for (ManifestEntry entry : liveEntries(table)) {
      DataFile file = entry.file();
      rows.add(new Object[] {(long) file.content().id(), file.path(), file.format(), (long) file.specId(),
          partition(table, file), file.recordCount(), file.fileSizeInBytes(),
          file.sortOrderId() == null ? null : (long) file.sortOrderId()});
    }
    return rows;
  }

  /** {@code t$manifests}: the manifests of the current snapshot with their file counts and partition summaries. */
  static List<Object[]> manifests(Table table) {
    List<Object[]> rows = new ArrayList<>();
    for (ManifestFile m : manifestFiles(table)) {
      boolean data = m.content() == FileContent.DATA;
      rows.add(new Object[] {(long) m.content().id(), m.path(), m.length(), (long) m.partitionSpecId(),
          m.addedSnapshotId(), data ? (long) m.addedFilesCount() : 0L, data ? (long) m.existingFilesCount() : 0L,
          data ? (long) m.deletedFilesCount() : 0L, data ? 0L : (long) m.addedFilesCount(),
          data ? 0L : (long) m.existingFilesCount(), data ? 0L : (long) m.deletedFilesCount(),
          partitionSummaries(table.metadata().specById(m.partitionSpecId()), m.partitions())});
    }
    return rows;
  }

  /** {@code t$partitions}: per partition (and spec) of the current snapshot, its live data files and rows. */
  static List<Object[]> partitions(Table table) {
    Map<String, Object[]> byPartition = new LinkedHashMap<>();
    for (ManifestEntry entry : liveEntries(table)) {
      DataFile file = entry.file();
      if (file.content() != FileContent.DATA) {
        continue;
      }
      String partition = partition(table, file);
      Object[] row = byPartition.computeIfAbsent(file.specId() + "/" + partition,
          k -> new Object[] {partition, (long) file.specId(), 0L, 0L, 0L, null, null});
      row[2] = (long) row[2] + file.recordCount();
      row[3] = (long) row[3] + 1;
      row[4] = (long) row[4] + file.fileSizeInBytes();
      Snapshot added = entry.snapshotId() == null ? null : table.snapshot(entry.snapshotId());
      if (added != null && (row[5] == null || SnapshotLogRows.micros(added.timestampMs()) > (long) row[5])) {
        row[5] = SnapshotLogRows.micros(added.timestampMs());
        row[6] = added.snapshotId();
      }
    }
    return new ArrayList<>(byPartition.values());
  }

  private static List<ManifestFile> manifestFiles(Table table) {
    Snapshot current = table.currentSnapshot();
    return current == null ? List.of() : ManifestListReader.read(table.io(), current.manifestList());
  }

  private static List<ManifestEntry> liveEntries(Table table) {
    List<ManifestEntry> entries = new ArrayList<>();
    for (ManifestFile manifest : manifestFiles(table)) {
      for (ManifestEntry entry : ManifestReader.read(table.io(), manifest, table.metadata().specsById())) {
        if (entry.isLive()) {
          entries.add(entry);
        }
      }
    }
    return entries;
  }

  /** A file's partition as its path ({@code region=EU}); empty for an unpartitioned spec. */
  private static String partition(Table table, DataFile file) {
    return table.metadata().specById(file.specId()).partitionPath(file.partition());
  }

  /** A manifest's partition field summaries as a JSON array with human-readable bounds. */
  private static String partitionSummaries(PartitionSpec spec, List<FieldSummary> summaries) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; summaries != null && i < summaries.size(); i++) {
      FieldSummary summary = summaries.get(i);
      PartitionField field = spec.fields().get(i);
      Type sourceType = spec.schema().findField(field.sourceId()).type();
      Type resultType = spec.partitionType().fields().get(i).type();
      sb.append(i > 0 ? "," : "").append("{\"contains_null\":").append(summary.containsNull())
          .append(",\"contains_nan\":").append(summary.containsNan()).append(",\"lower_bound\":");
      SnapshotLogRows.quote(sb, bound(field, sourceType, resultType, summary.lowerBound())).append(",\"upper_bound\":");
      SnapshotLogRows.quote(sb, bound(field, sourceType, resultType, summary.upperBound())).append('}');
    }
    return sb.append(']').toString();
  }

  private static String bound(PartitionField field, Type sourceType, Type resultType, ByteBuffer bytes) {
    if (bytes == null) {
      return null;
    }
    Object value = SingleValueSerialization.fromBytes(resultType, bytes.duplicate());
    return field.transform().toHumanString(sourceType, value);
  }
}
