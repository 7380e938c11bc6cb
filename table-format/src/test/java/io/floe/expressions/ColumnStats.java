package io.floe.expressions;

import io.floe.data.Metrics;
import io.floe.parquet.BoundTruncation;
import io.floe.types.Comparators;
import io.floe.types.PrimitiveType;
import io.floe.types.SingleValueSerialization;
import io.floe.types.TypeId;
import io.floe.types.Types;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the metrics a writer would record for one column's values, optionally truncating string and binary bounds
 * as Floe's Parquet writer does.
 */
final class ColumnStats {
  private ColumnStats() {
  }

  static Metrics of(int fieldId, PrimitiveType type, List<Object> values, int truncateTo) {
    Comparator<Object> cmp = Comparators.forType(type);
    long nulls = 0;
    long nans = 0;
    Object min = null;
    Object max = null;
    for (Object v : values) {
      if (v == null) {
        nulls++;
      } else if (RowEvaluator.isNaN(v)) {
        nans++;
      } else {
        min = min == null || cmp.compare(v, min) < 0 ? v : min;
        max = max == null || cmp.compare(v, max) > 0 ? v : max;
      }
    }
    Map<Integer, ByteBuffer> lower = new HashMap<>();
    Map<Integer, ByteBuffer> upper = new HashMap<>();
    if (min != null) {
      lower.put(fieldId, truncateMin(type, SingleValueSerialization.toBytes(type, min), truncateTo));
      ByteBuffer up = truncateMax(type, SingleValueSerialization.toBytes(type, max), truncateTo);
      if (up != null) {
        upper.put(fieldId, up);
      }
    }
    boolean floating = type.typeId() == TypeId.FLOAT || type.typeId() == TypeId.DOUBLE;
    return new Metrics(values.size(), null, Map.of(fieldId, (long) values.size()), Map.of(fieldId, nulls),
        floating ? Map.of(fieldId, nans) : Map.of(), lower, upper);
  }

  private static ByteBuffer truncateMin(PrimitiveType type, ByteBuffer bytes, int n) {
    if (type.typeId() == TypeId.STRING) {
      return utf8(BoundTruncation.truncateStringMin(utf8(bytes), n));
    } else if (type.typeId() == TypeId.BINARY) {
      return BoundTruncation.truncateBinaryMin(bytes, n);
    }
    return bytes;
  }

  /** A value at least as large as every value with the same first n code points (or bytes); null if none exists. */
  private static ByteBuffer truncateMax(PrimitiveType type, ByteBuffer bytes, int n) {
    if (type.typeId() == TypeId.STRING) {
      String max = BoundTruncation.truncateStringMax(utf8(bytes), n);
      return max == null ? null : utf8(max);
    } else if (type.typeId() == TypeId.BINARY) {
      return BoundTruncation.truncateBinaryMax(bytes, n);
    }
    return bytes;
  }

  private static String utf8(ByteBuffer bytes) {
    return (String) SingleValueSerialization.fromBytes(Types.STRING, bytes);
  }

  private static ByteBuffer utf8(String s) {
    return SingleValueSerialization.toBytes(Types.STRING, s);
  }
}
