package io.floe.metadata;

import java.util.List;
import java.util.Map;

/**
 * A table statistics file of one snapshot (a Puffin file), as table metadata lists it under {@code statistics}: at
 * most one per snapshot. {@code keyMetadata} is null unless the file is encrypted.
 */
public record StatisticsFile(long snapshotId, String path, long fileSizeInBytes, long fileFooterSizeInBytes,
    String keyMetadata, List<BlobMetadata> blobMetadata) {

  public StatisticsFile {
    blobMetadata = List.copyOf(blobMetadata);
  }

  /**
   * One statistic the file holds: a blob of {@code type} computed over {@code fields} (field ids, in order) from
   * snapshot {@code sourceSnapshotId}; {@code properties} such as the {@code ndv} of a theta sketch.
   */
  public record BlobMetadata(String type, long sourceSnapshotId, long sourceSnapshotSequenceNumber,
      List<Integer> fields, Map<String, String> properties) {

    public BlobMetadata {
      fields = List.copyOf(fields);
      properties = Map.copyOf(properties);
    }
  }
}
