package io.floe.expressions;

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

/** Builds the metrics a writer would record for one column's values, optionally truncating string and binary bounds. */
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
      String s = (String) SingleValueSerialization.fromBytes(type, bytes);
      return s.codePointCount(0, s.length()) <= n ? bytes : SingleValueSerialization.toBytes(type, s.substring(0, s.offsetByCodePoints(0, n)));
    } else if (type.typeId() == TypeId.BINARY && bytes.remaining() > n) {
      return ByteBuffer.wrap(copy(bytes, n));
    }
    return bytes;
  }

  /** A value at least as large as every value with the same first n code points (or bytes); null if none exists. */
  private static ByteBuffer truncateMax(PrimitiveType type, ByteBuffer bytes, int n) {
    if (type.typeId() == TypeId.STRING) {
      String s = (String) SingleValueSerialization.fromBytes(type, bytes);
      if (s.codePointCount(0, s.length()) <= n) {
        return bytes;
      }
      int[] cps = s.codePoints().limit(n).toArray();
      for (int i = cps.length - 1; i >= 0; i--) {
        int next = cps[i] + 1;
        if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
          next = Character.MAX_SURROGATE + 1;
        }
        if (next <= Character.MAX_CODE_POINT) {
          cps[i] = next;
          return SingleValueSerialization.toBytes(type, new String(cps, 0, i + 1));
        }
      }
      return null;
    } else if (type.typeId() == TypeId.BINARY && bytes.remaining() > n) {
      byte[] b = copy(bytes, n);
      for (int i = b.length - 1; i >= 0; i--) {
        if (b[i] != (byte) 0xFF) {
          b[i]++;
          return ByteBuffer.wrap(java.util.Arrays.copyOf(b, i + 1));
        }
      }
      return null;
    }
    return bytes;
  }

  private static byte[] copy(ByteBuffer b, int n) {
    byte[] out = new byte[n];
    b.duplicate().get(out);
    return out;
  }
}
