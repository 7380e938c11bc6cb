package io.floe.manifest;

import io.floe.data.Metrics;
import io.floe.data.Record;
import java.util.List;

/**
 * A file tracked by a manifest (a data file, or a delete file written by another engine), with its partition
 * tuple under spec {@code specId} and its column metrics.
 */
public record DataFile(
    FileContent content,
    String path,
    String format,
    int specId,
    Record partition,
    long recordCount,
    long fileSizeInBytes,
    Metrics metrics,
    List<Long> splitOffsets,
    List<Integer> equalityFieldIds,
    Integer sortOrderId) {

  public DataFile {
    splitOffsets = splitOffsets == null ? null : List.copyOf(splitOffsets);
    equalityFieldIds = equalityFieldIds == null ? null : List.copyOf(equalityFieldIds);
  }

  /** A Parquet data file. */
  public static DataFile parquet(String path, int specId, Record partition, long fileSizeInBytes, Metrics metrics,
                                 List<Long> splitOffsets) {
    return new DataFile(FileContent.DATA, path, "PARQUET", specId, partition, metrics.recordCount(), fileSizeInBytes,
        metrics, splitOffsets, null, null);
  }
}
