package io.floe.engine.exec;

import io.floe.engine.expr.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Hashing and equality of key values (grouping, join and partitioning keys) on typed columns. The hash depends on
 * the value only, not on the column's storage, so equal keys hash alike on both sides of a join or exchange
 * (a decimal hashes as its value without trailing zeros: 5.00 like 5).
 */
public final class Keys {
  private static final int NULL_HASH = 0x5bd1e995;
  private static final long LONG_MIN = Long.MIN_VALUE;

  private Keys() {
  }

  /** The combined hash of the key columns {@code keys} of each row of {@code batch}. */
  public static int[] hashes(Batch batch, int[] keys) {
    int n = batch.size();
    int[] out = new int[n];
    for (int key : keys) {
      addHashes(batch.column(key), n, out);
    }
    return out;
  }

  /** {@code out[r] = out[r] * 31 + hash(c, r)} for every row, in one typed loop per column type. */
  private static void addHashes(Column c, int n, int[] out) {
    if (c instanceof LongColumn l) {
      long[] v = l.values();
      boolean[] nulls = l.nulls();
      int scale = l.kind() == LongColumn.Kind.DECIMAL ? l.scale() : 0;
      if (nulls == null && scale == 0) {
        for (int r = 0; r < n; r++) {
          out[r] = out[r] * 31 + mix(v[r]);
        }
      } else {
        for (int r = 0; r < n; r++) {
          out[r] = out[r] * 31 + (nulls != null && nulls[r] ? NULL_HASH : decimalHash(v[r], scale));
        }
      }
    } else if (c instanceof DoubleColumn d) {
      double[] v = d.values();
      boolean[] nulls = d.nulls();
      for (int r = 0; r < n; r++) {
        out[r] = out[r] * 31 + (nulls != null && nulls[r] ? NULL_HASH : doubleHash(v[r]));
      }
    } else if (c instanceof BytesColumn b) {
      boolean[] nulls = b.nulls();
      for (int r = 0; r < n; r++) {
        out[r] = out[r] * 31 + (nulls != null && nulls[r] ? NULL_HASH : b.hash(r));
      }
    } else {
      for (int r = 0; r < n; r++) {
        out[r] = out[r] * 31 + hash(c, r);
      }
    }
  }

  /** The hash of row {@code row} of {@code c}. */
  public static int hash(Column c, int row) {
    if (c.isNull(row)) {
      return NULL_HASH;
    }
    if (c instanceof LongColumn l) {
      long v = l.values()[row];
      return l.kind() == LongColumn.Kind.DECIMAL ? decimalHash(v, l.scale()) : mix(v);
    } else if (c instanceof BytesColumn b) {
      return b.hash(row);
    } else if (c instanceof DoubleColumn d) {
      return doubleHash(d.values()[row]);
    } else if (c instanceof BoolColumn b) {
      return b.values()[row] ? 1231 : 1237;
    }
    return objectHash(c.get(row));
  }

  private static int objectHash(Object v) {
    if (v instanceof Long || v instanceof Integer) {
      return mix(((Number) v).longValue());
    } else if (v instanceof BigDecimal d) {
      BigInteger unscaled = d.unscaledValue();
      if (d.scale() >= 0 && unscaled.bitLength() < 64) {
        return decimalHash(unscaled.longValue(), d.scale());
      }
      return Values.key(d).hashCode();
    } else if (v instanceof Double d) {
      return doubleHash(d);
    } else if (v instanceof Boolean b) {
      return b ? 1231 : 1237;
    } else if (v instanceof String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      return BytesColumn.constant(bytes, 1, true).hash(0);
    } else if (v instanceof byte[] bytes) {
      return BytesColumn.constant(bytes, 1, false).hash(0);
    }
    return Values.key(v).hashCode();
  }

  private static int decimalHash(long unscaled, int scale) {
    long v = unscaled;
    int s = scale;
    while (s > 0 && v % 10 == 0 && v != LONG_MIN) {
      v /= 10;
      s--;
    }
    return s == 0 ? mix(v) : mix(v) ^ (s * 0x27d4eb2d);
  }

  private static int doubleHash(double d) {
    return mix(Double.doubleToLongBits(d == 0.0 ? 0.0 : d));
  }

  private static int mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** Whether the non-null values at row {@code i} of {@code a} and row {@code j} of {@code b} are equal keys. */
  public static boolean equal(Column a, int i, Column b, int j) {
    if (a instanceof LongColumn x && b instanceof LongColumn y && x.sameKind(y)) {
      return x.values()[i] == y.values()[j];
    }
    if (a instanceof BytesColumn x && b instanceof BytesColumn y && x.text() == y.text()) {
      return x.bytesEqual(i, y, j);
    }
    return Values.key(a.get(i)).equals(Values.key(b.get(j)));
  }
}
