package io.floe.parquet;

import io.floe.data.Metrics;
import java.util.List;

/**
 * What a finished data file looks like: its size, its column metrics (keyed by field id) and the byte offsets
 * where its row groups start (the file's split offsets, ascending).
 */
public record WriteResult(long fileSizeInBytes, Metrics metrics, List<Long> splitOffsets) {
  public WriteResult {
    splitOffsets = List.copyOf(splitOffsets);
  }
}
