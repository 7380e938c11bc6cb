package io.floe.manifest;

import java.util.List;

/** An entry of a manifest list: one manifest file with its counts and partition summaries. */
public record ManifestFile(
    String path,
    long length,
    int partitionSpecId,
    FileContent content,
    long sequenceNumber,
    long minSequenceNumber,
    long addedSnapshotId,
    int addedFilesCount,
    int existingFilesCount,
    int deletedFilesCount,
    long addedRowsCount,
    long existingRowsCount,
    long deletedRowsCount,
    List<FieldSummary> partitions) {

  public ManifestFile {
    partitions = partitions == null ? null : List.copyOf(partitions);
  }

  public boolean hasAddedFiles() {
    return addedFilesCount > 0;
  }

  public boolean hasExistingFiles() {
    return existingFilesCount > 0;
  }
}
