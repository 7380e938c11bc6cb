package io.floe.table;

import io.floe.manifest.DataFile;
import io.floe.manifest.FileContent;
import io.floe.metadata.Snapshot;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a snapshot summary with the spec's metric keys (added/deleted counts and running totals). */
final class SnapshotSummary {
  private SnapshotSummary() {
  }

  static Map<String, String> build(String operation, Snapshot previous, List<DataFile> added, List<DataFile> removed,
                                   Map<String, String> extra) {
    Map<String, String> summary = new LinkedHashMap<>();
    summary.put("operation", operation);
    List<DataFile> removedData = removed.stream().filter(f -> f.content() == FileContent.DATA).toList();
    long positionDeletes = deletes(removed, FileContent.POSITION_DELETES);
    long equalityDeletes = deletes(removed, FileContent.EQUALITY_DELETES);
    int removedDeleteFiles = removed.size() - removedData.size();
    List<DataFile> addedDeleteFiles = added.stream().filter(f -> f.content() != FileContent.DATA).toList();
    long addedPositionDeletes = deletes(added, FileContent.POSITION_DELETES);
    long addedEqualityDeletes = deletes(added, FileContent.EQUALITY_DELETES);
    added = added.stream().filter(f -> f.content() == FileContent.DATA).toList();
    long addedRecords = added.stream().mapToLong(DataFile::recordCount).sum();
    long addedSize = added.stream().mapToLong(DataFile::fileSizeInBytes).sum()
        + addedDeleteFiles.stream().mapToLong(DataFile::fileSizeInBytes).sum();
    long removedRecords = removedData.stream().mapToLong(DataFile::recordCount).sum();
    long removedSize = removed.stream().mapToLong(DataFile::fileSizeInBytes).sum();
    if (!added.isEmpty()) {
      summary.put("added-data-files", Integer.toString(added.size()));
      summary.put("added-records", Long.toString(addedRecords));
    }
    if (addedSize > 0 || !added.isEmpty()) {
      summary.put("added-files-size", Long.toString(addedSize));
    }
    if (!addedDeleteFiles.isEmpty()) {
      summary.put("added-delete-files", Integer.toString(addedDeleteFiles.size()));
      summary.put("added-position-deletes", Long.toString(addedPositionDeletes));
      summary.put("added-equality-deletes", Long.toString(addedEqualityDeletes));
    }
    if (!removedData.isEmpty()) {
      summary.put("deleted-data-files", Integer.toString(removedData.size()));
      summary.put("deleted-records", Long.toString(removedRecords));
    }
    if (removedDeleteFiles > 0) {
      summary.put("removed-delete-files", Integer.toString(removedDeleteFiles));
      summary.put("removed-position-deletes", Long.toString(positionDeletes));
      summary.put("removed-equality-deletes", Long.toString(equalityDeletes));
    }
    if (!removed.isEmpty()) {
      summary.put("removed-files-size", Long.toString(removedSize));
    }
    Set<String> partitions = new HashSet<>();
    for (DataFile f : added) {
      partitions.add(f.specId() + "/" + f.partition());
    }
    for (DataFile f : addedDeleteFiles) {
      partitions.add(f.specId() + "/" + f.partition());
    }
    for (DataFile f : removed) {
      partitions.add(f.specId() + "/" + f.partition());
    }
    summary.put("changed-partition-count", Integer.toString(partitions.size()));
    Map<String, String> prev = previous == null ? Map.of() : previous.summary();
    total(summary, prev, previous == null, "total-records", addedRecords - removedRecords);
    total(summary, prev, previous == null, "total-files-size", addedSize - removedSize);
    total(summary, prev, previous == null, "total-data-files", added.size() - removedData.size());
    total(summary, prev, previous == null, "total-delete-files", addedDeleteFiles.size() - removedDeleteFiles);
    total(summary, prev, previous == null, "total-position-deletes", addedPositionDeletes - positionDeletes);
    total(summary, prev, previous == null, "total-equality-deletes", addedEqualityDeletes - equalityDeletes);
    summary.putAll(extra);
    return summary;
  }

  /** The deletes (rows) of the delete files of {@code content} among {@code files}. */
  private static long deletes(List<DataFile> files, FileContent content) {
    return files.stream().filter(f -> f.content() == content).mapToLong(DataFile::recordCount).sum();
  }

  /** Running totals continue the previous snapshot's; they are left out when the previous one lacks them. */
  private static void total(Map<String, String> summary, Map<String, String> prev, boolean first, String key, long delta) {
    if (first) {
      summary.put(key, Long.toString(delta));
      return;
    }
    String before = prev.get(key);
    if (before != null) {
      try {
        summary.put(key, Long.toString(Long.parseLong(before) + delta));
      } catch (NumberFormatException e) {
        throw new IllegalStateException("previous snapshot summary has a non-numeric " + key + ": " + before, e);
      }
    }
  }
}
