package io.floe.engine.expr;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code x IN (v1, v2, ...)} of constants over a typed column, x evaluated once: the constants in the column's
 * representation (unscaled at its decimal scale, doubles, UTF-8 bytes), sorted, and each row looked up by binary
 * search. A NULL x gives NULL.
 */
final class InList {
  private final List<Object> constants;
  private volatile LongKeys longKeys;
  private final double[] doubles;
  private final byte[][] bytes;

  /** The sorted keys at one decimal scale. */
  private record LongKeys(LongColumn.Kind kind, int scale, long[] keys) {
  }

  InList(List<Object> constants) {
    this.constants = List.copyOf(constants);
    List<Double> d = new ArrayList<>();
    List<byte[]> b = new ArrayList<>();
    for (Object c : constants) {
      if (c instanceof Number n) {
        d.add(n.doubleValue());
      } else if (c instanceof String s) {
        b.add(s.getBytes(StandardCharsets.UTF_8));
      }
    }
    doubles = d.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    bytes = b.toArray(new byte[0][]);
    Arrays.sort(bytes, Arrays::compareUnsigned);
  }

  /** x IN the constants ({@code negated}: NOT IN), or null for columns it does not handle. */
  BoolColumn eval(Column x, boolean negated) {
    int n = x.size();
    boolean[] out = new boolean[n];
    if (x instanceof LongColumn l) {
      long[] keys = longKeys(l);
      if (keys == null) {
        return null;
      }
      long[] v = l.values();
      for (int i = 0; i < n; i++) {
        out[i] = (Arrays.binarySearch(keys, v[i]) >= 0) != negated;
      }
      return new BoolColumn(out, l.nulls(), n);
    }
    if (x instanceof DoubleColumn d && doubles.length == constants.size()) {
      double[] v = d.values();
      for (int i = 0; i < n; i++) {
        out[i] = (Arrays.binarySearch(doubles, v[i]) >= 0) != negated;
      }
      return new BoolColumn(out, d.nulls(), n);
    }
    if (x instanceof BytesColumn b && b.text() && bytes.length == constants.size()) {
      byte[] data = b.data();
      for (int i = 0; i < n; i++) {
        int from = b.start(i);
        int to = from + b.length(i);
        int lo = 0;
        int hi = bytes.length - 1;
        boolean found = false;
        while (lo <= hi) {
          int mid = (lo + hi) >>> 1;
          int c = Arrays.compareUnsigned(bytes[mid], 0, bytes[mid].length, data, from, to);
          if (c == 0) {
            found = true;
            break;
          } else if (c < 0) {
            lo = mid + 1;
          } else {
            hi = mid - 1;
          }
        }
        out[i] = found != negated;
      }
      return new BoolColumn(out, b.nulls(), n);
    }
    return null;
  }

  /** The constants as sorted longs in {@code column}'s representation, or null when one is not comparable so. */
  private long[] longKeys(LongColumn column) {
    LongKeys cached = longKeys;
    if (cached != null && cached.kind() == column.kind() && cached.scale() == column.scale()) {
      return cached.keys();
    }
    long[] keys = new long[constants.size()];
    int count = 0;
    for (Object c : constants) {
      if (column.kind() == LongColumn.Kind.DATE) {
        if (!(c instanceof Integer days)) {
          return null;
        }
        keys[count++] = days;
      } else if (c instanceof Long || c instanceof BigDecimal) {
        BigDecimal scaled = Values.toBigDecimal(c).movePointRight(column.scale());
        if (scaled.signum() != 0 && scaled.stripTrailingZeros().scale() > 0) {
          continue; // more decimal places than the column holds: equals no row
        }
        try {
          keys[count++] = scaled.longValueExact();
        } catch (ArithmeticException e) {
          return null;
        }
      } else {
        return null;
      }
    }
    keys = Arrays.copyOf(keys, count);
    Arrays.sort(keys);
    longKeys = new LongKeys(column.kind(), column.scale(), keys);
    return keys;
  }
}
