package io.floe.data;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Per-column statistics of a data file or a row group, keyed by field id, with bounds in the spec's
 * single-value binary encoding (see {@link io.floe.types.SingleValueSerialization}).
 */
public record Metrics(
    long recordCount,
    Map<Integer, Long> columnSizes,
    Map<Integer, Long> valueCounts,
    Map<Integer, Long> nullValueCounts,
    Map<Integer, Long> nanValueCounts,
    Map<Integer, ByteBuffer> lowerBounds,
    Map<Integer, ByteBuffer> upperBounds) {

  public Metrics {
    columnSizes = columnSizes == null ? Map.of() : Map.copyOf(columnSizes);
    valueCounts = valueCounts == null ? Map.of() : Map.copyOf(valueCounts);
    nullValueCounts = nullValueCounts == null ? Map.of() : Map.copyOf(nullValueCounts);
    nanValueCounts = nanValueCounts == null ? Map.of() : Map.copyOf(nanValueCounts);
    lowerBounds = lowerBounds == null ? Map.of() : Map.copyOf(lowerBounds);
    upperBounds = upperBounds == null ? Map.of() : Map.copyOf(upperBounds);
  }

  /** Only a row count: every column "might match". */
  public static Metrics ofRowCount(long recordCount) {
    return new Metrics(recordCount, null, null, null, null, null, null);
  }
}
