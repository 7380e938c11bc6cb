package io.floe.parquet;

import io.floe.data.Metrics;
import io.floe.types.Comparators;
import io.floe.types.PrimitiveType;
import io.floe.types.SingleValueSerialization;
import io.floe.types.TypeId;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;

/**
 * Turns the column chunk statistics of Parquet row groups into {@link Metrics} keyed by field id, following what
 * Iceberg reports: compressed sizes for every column, counts and bounds only for columns outside lists and maps,
 * no bounds when a bound would be NaN, string and binary bounds truncated.
 */
final class FooterMetrics {
  private FooterMetrics() {
  }

  /**
   * A leaf column of a file as seen through a schema: its field id, the type its values are read as (may be wider
   * than the file's), where it is in the file, and whether it sits inside a list or map.
   */
  record Column(int fieldId, PrimitiveType type, ColumnPath path, boolean repeated) {
  }

  /**
   * Metrics of the given row groups. Float and double columns with an entry in {@code floating} take their
   * counts and bounds from it (values seen by the writer) instead of the footer.
   *
   * @param truncateLength code points / bytes kept in string and binary bounds; 0 keeps no bounds at all
   */
  static Metrics compute(List<BlockMetaData> blocks, List<Column> columns, Map<Integer, FloatingStats> floating,
      int truncateLength) {
    long rowCount = 0;
    for (BlockMetaData block : blocks) {
      rowCount += block.getRowCount();
    }
    Map<ColumnPath, ColumnChunkMetaData>[] chunksByBlock = index(blocks);
    Map<Integer, Long> sizes = new HashMap<>();
    Map<Integer, Long> values = new HashMap<>();
    Map<Integer, Long> nulls = new HashMap<>();
    Map<Integer, Long> nans = new HashMap<>();
    Map<Integer, ByteBuffer> lowers = new HashMap<>();
    Map<Integer, ByteBuffer> uppers = new HashMap<>();

    for (Column column : columns) {
      long size = 0;
      for (Map<ColumnPath, ColumnChunkMetaData> chunks : chunksByBlock) {
        ColumnChunkMetaData chunk = chunks.get(column.path());
        if (chunk != null) {
          size += chunk.getTotalSize();
        }
      }
      sizes.merge(column.fieldId(), size, Long::sum);
      if (column.repeated()) {
        continue;
      }
      FloatingStats stats = floating.get(column.fieldId());
      Object lower;
      Object upper;
      if (stats != null) {
        long nullCount = footerNullCount(chunksByBlock, column.path());
        values.put(column.fieldId(), stats.valueCount() + Math.max(nullCount, 0));
        nulls.put(column.fieldId(), Math.max(nullCount, 0));
        nans.put(column.fieldId(), stats.nanCount());
        lower = stats.lower();
        upper = stats.upper();
      } else {
        Bounds bounds = footerBounds(chunksByBlock, column);
        if (bounds == null) {
          continue;
        }
        values.put(column.fieldId(), bounds.valueCount);
        nulls.put(column.fieldId(), bounds.nullCount);
        lower = bounds.lower;
        upper = bounds.upper;
      }
      if (truncateLength <= 0 || isNaN(lower) || isNaN(upper)) {
        continue;
      }
      putBound(lowers, column, truncateLower(column.type(), lower, truncateLength));
      putBound(uppers, column, truncateUpper(column.type(), upper, truncateLength));
    }
    return new Metrics(rowCount, sizes, values, nulls, nans, lowers, uppers);
  }

  @SuppressWarnings("unchecked")
  private static Map<ColumnPath, ColumnChunkMetaData>[] index(List<BlockMetaData> blocks) {
    Map<ColumnPath, ColumnChunkMetaData>[] out = new Map[blocks.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new HashMap<>();
      for (ColumnChunkMetaData chunk : blocks.get(i).getColumns()) {
        out[i].put(chunk.getPath(), chunk);
      }
    }
    return out;
  }

  private static void putBound(Map<Integer, ByteBuffer> bounds, Column column, Object value) {
    if (value != null) {
      bounds.put(column.fieldId(), SingleValueSerialization.toBytes(column.type(), value));
    }
  }

  private static long footerNullCount(Map<ColumnPath, ColumnChunkMetaData>[] chunksByBlock, ColumnPath path) {
    long nulls = 0;
    for (Map<ColumnPath, ColumnChunkMetaData> chunks : chunksByBlock) {
      ColumnChunkMetaData chunk = chunks.get(path);
      Statistics<?> stats = chunk == null ? null : chunk.getStatistics();
      if (stats == null || stats.isEmpty()) {
        return -1;
      }
      nulls += stats.getNumNulls();
    }
    return nulls;
  }

  private static final class Bounds {
    long valueCount;
    long nullCount;
    Object lower;
    Object upper;
  }

  /** Counts and min/max over all chunks of a column, or null when a chunk has no statistics. */
  private static Bounds footerBounds(Map<ColumnPath, ColumnChunkMetaData>[] chunksByBlock, Column column) {
    Bounds bounds = new Bounds();
    PrimitiveType type = column.type();
    Comparator<Object> order = Comparators.forType(type);
    for (Map<ColumnPath, ColumnChunkMetaData> chunks : chunksByBlock) {
      ColumnChunkMetaData chunk = chunks.get(column.path());
      if (chunk == null) {
        return null;
      }
      Statistics<?> stats = chunk.getStatistics();
      if (stats == null || stats.isEmpty()) {
        return null;
      }
      bounds.valueCount += chunk.getValueCount();
      bounds.nullCount += stats.getNumNulls();
      if (stats.hasNonNullValue()) {
        Object min = signedZero(ParquetValues.fromParquet(type, stats.genericGetMin()), true);
        Object max = signedZero(ParquetValues.fromParquet(type, stats.genericGetMax()), false);
        if (bounds.lower == null || order.compare(min, bounds.lower) < 0) {
          bounds.lower = min;
        }
        if (bounds.upper == null || order.compare(max, bounds.upper) > 0) {
          bounds.upper = max;
        }
      }
    }
    return bounds;
  }

  /** Parquet writers may order -0.0 and 0.0 as equal: widen a zero bound so it covers both. */
  private static Object signedZero(Object value, boolean isLower) {
    if (value instanceof Float f && f == 0.0f) {
      return isLower ? -0.0f : 0.0f;
    } else if (value instanceof Double d && d == 0.0d) {
      return isLower ? -0.0d : 0.0d;
    }
    return value;
  }

  private static boolean isNaN(Object value) {
    return (value instanceof Float f && f.isNaN()) || (value instanceof Double d && d.isNaN());
  }

  private static Object truncateLower(PrimitiveType type, Object value, int length) {
    if (value == null) {
      return null;
    } else if (type.typeId() == TypeId.STRING) {
      return BoundTruncation.truncateStringMin((String) value, length);
    } else if (type.typeId() == TypeId.BINARY) {
      return BoundTruncation.truncateBinaryMin((ByteBuffer) value, length);
    }
    return value;
  }

  private static Object truncateUpper(PrimitiveType type, Object value, int length) {
    if (value == null) {
      return null;
    } else if (type.typeId() == TypeId.STRING) {
      return BoundTruncation.truncateStringMax((String) value, length);
    } else if (type.typeId() == TypeId.BINARY) {
      return BoundTruncation.truncateBinaryMax((ByteBuffer) value, length);
    }
    return value;
  }
}
