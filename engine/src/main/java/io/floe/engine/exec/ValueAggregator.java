package io.floe.engine.exec;

import io.floe.engine.expr.SqlStateException;
import io.floe.engine.expr.Values;
import java.util.Arrays;
import org.apache.calcite.sql.SqlKind;

/**
 * MIN, MAX, ANY_VALUE and SINGLE_VALUE for all groups at once: the groups' values live in one typed array chosen by
 * the first batch's column (longs with their kind and scale, doubles ordered as {@link Double#compare}, or bytes in
 * unsigned byte order, which for UTF-8 is code point order), updated in one loop per batch; a column of another
 * shape switches to boxed values compared by {@link Values#compare}. NULLs are skipped; a group without a value
 * gives NULL. SINGLE_VALUE fails on a group's second row, NULL or not.
 */
final class ValueAggregator extends GroupAggregator {
  private enum Storage { NONE, LONG, DOUBLE, BYTES, OBJECT }

  private final SqlKind kind;
  private Storage storage = Storage.NONE;
  private boolean[] has = new boolean[16];
  private boolean[] seen;
  private long[] longs;
  private LongColumn.Kind longKind;
  private int scale;
  private double[] doubles;
  private byte[][] bytes;
  private boolean text;
  private long bytesHeld;
  private Object[] objects;

  ValueAggregator(AggregateSpec spec) {
    super(spec);
    this.kind = spec.kind();
    if (kind == SqlKind.SINGLE_VALUE) {
      seen = new boolean[16];
    }
  }

  static boolean handles(SqlKind kind) {
    return kind == SqlKind.MIN || kind == SqlKind.MAX || kind == SqlKind.ANY_VALUE || kind == SqlKind.SINGLE_VALUE;
  }

  @Override
  void grow(int groups) {
    int capacity = capacity(has.length, groups);
    if (capacity == has.length) {
      return;
    }
    has = Arrays.copyOf(has, capacity);
    seen = seen == null ? null : Arrays.copyOf(seen, capacity);
    longs = longs == null ? null : Arrays.copyOf(longs, capacity);
    doubles = doubles == null ? null : Arrays.copyOf(doubles, capacity);
    bytes = bytes == null ? null : Arrays.copyOf(bytes, capacity);
    objects = objects == null ? null : Arrays.copyOf(objects, capacity);
  }

  /** Whether {@code c} (negative, zero, positive as a comparison of a new value with the best) replaces it. */
  private boolean replaces(int c) {
    return kind == SqlKind.MIN ? c < 0 : kind == SqlKind.MAX && c > 0;
  }

  @Override
  boolean addAll(Batch batch, int[] ids, boolean[] selected) {
    Column column = batch.column(spec.args().get(0));
    if (seen != null) {
      for (int r = 0; r < batch.size(); r++) {
        if (selected == null || selected[r]) {
          if (seen[ids[r]]) {
            throw new SqlStateException("21000", "more than one row returned by a subquery used as an expression");
          }
          seen[ids[r]] = true;
        }
      }
    }
    adopt(column);
    switch (storage) {
      case LONG:
        addLongs((LongColumn) column, ids, selected);
        return true;
      case DOUBLE:
        addDoubles((DoubleColumn) column, ids, selected);
        return true;
      case BYTES:
        addBytes((BytesColumn) column, ids, selected);
        return true;
      default:
        addObjects(column, ids, selected);
        return true;
    }
  }

  /** Chooses the storage for the first column, or falls back to boxed values for a column of another shape. */
  private void adopt(Column column) {
    if (storage == Storage.NONE) {
      if (column instanceof LongColumn l) {
        storage = Storage.LONG;
        longs = new long[has.length];
        longKind = l.kind();
        scale = l.scale();
      } else if (column instanceof DoubleColumn) {
        storage = Storage.DOUBLE;
        doubles = new double[has.length];
      } else if (column instanceof BytesColumn b) {
        storage = Storage.BYTES;
        bytes = new byte[has.length][];
        text = b.text();
      } else {
        storage = Storage.OBJECT;
        objects = new Object[has.length];
      }
      return;
    }
    boolean fits = switch (storage) {
      case LONG -> column instanceof LongColumn l && l.kind() == longKind && l.scale() == scale;
      case DOUBLE -> column instanceof DoubleColumn;
      case BYTES -> column instanceof BytesColumn b && b.text() == text;
      default -> true;
    };
    if (!fits) {
      Column current = values(0, has.length);
      objects = new Object[has.length];
      for (int g = 0; g < has.length; g++) {
        objects[g] = current.get(g);
      }
      storage = Storage.OBJECT;
      longs = null;
      doubles = null;
      bytes = null;
      bytesHeld = 0;
    }
  }

  private void addLongs(LongColumn column, int[] ids, boolean[] selected) {
    long[] values = column.values();
    boolean[] nulls = column.nulls();
    for (int r = 0; r < column.size(); r++) {
      if ((nulls == null || !nulls[r]) && (selected == null || selected[r])) {
        int g = ids[r];
        if (!has[g]) {
          has[g] = true;
          longs[g] = values[r];
        } else if (replaces(Long.compare(values[r], longs[g]))) {
          longs[g] = values[r];
        }
      }
    }
  }

  private void addDoubles(DoubleColumn column, int[] ids, boolean[] selected) {
    double[] values = column.values();
    boolean[] nulls = column.nulls();
    for (int r = 0; r < column.size(); r++) {
      if ((nulls == null || !nulls[r]) && (selected == null || selected[r])) {
        int g = ids[r];
        if (!has[g]) {
          has[g] = true;
          doubles[g] = values[r];
        } else if (replaces(Double.compare(values[r], doubles[g]))) {
          doubles[g] = values[r];
        }
      }
    }
  }

  private void addBytes(BytesColumn column, int[] ids, boolean[] selected) {
    byte[] data = column.data();
    boolean[] nulls = column.nulls();
    for (int r = 0; r < column.size(); r++) {
      if ((nulls == null || !nulls[r]) && (selected == null || selected[r])) {
        int g = ids[r];
        int start = column.start(r);
        int end = start + column.length(r);
        byte[] best = bytes[g];
        if (best == null || replaces(Arrays.compareUnsigned(data, start, end, best, 0, best.length))) {
          bytesHeld += (end - start) - (best == null ? 0 : best.length);
          bytes[g] = Arrays.copyOfRange(data, start, end);
          has[g] = true;
        }
      }
    }
  }

  private void addObjects(Column column, int[] ids, boolean[] selected) {
    for (int r = 0; r < column.size(); r++) {
      if (selected == null || selected[r]) {
        addRow(column, r, ids[r]);
      }
    }
  }

  private void addRow(Column column, int row, int g) {
    Object v = column.get(row);
    if (v != null && (!has[g] || replaces(Values.compare(v, objects[g])))) {
      has[g] = true;
      objects[g] = v;
    }
  }

  @Override
  void addRow(Batch batch, int row, int group) {
    throw new IllegalStateException("ValueAggregator adds whole batches");
  }

  @Override
  Column result(int from, int to) {
    return values(from, to);
  }

  private Column values(int from, int to) {
    int n = to - from;
    boolean[] nulls = nullsWhereMissing(has, from, to);
    switch (storage) {
      case LONG:
        return new LongColumn(Arrays.copyOfRange(longs, from, to), nulls, n, longKind, scale);
      case DOUBLE:
        return new DoubleColumn(Arrays.copyOfRange(doubles, from, to), nulls, n);
      case BYTES:
        return bytesColumn(from, to, nulls);
      case OBJECT:
        return Columns.pack(Arrays.copyOfRange(objects, from, to));
      default:
        return Columns.pack(new Object[n]);
    }
  }

  private Column bytesColumn(int from, int to, boolean[] nulls) {
    int n = to - from;
    int[] starts = new int[n];
    int[] lengths = new int[n];
    int total = 0;
    for (int g = from; g < to; g++) {
      starts[g - from] = total;
      lengths[g - from] = bytes[g] == null ? 0 : bytes[g].length;
      total += lengths[g - from];
    }
    byte[] data = new byte[total];
    for (int g = from; g < to; g++) {
      if (bytes[g] != null) {
        System.arraycopy(bytes[g], 0, data, starts[g - from], lengths[g - from]);
      }
    }
    return new BytesColumn(data, starts, lengths, nulls, n, text);
  }

  @Override
  long memoryBytes() {
    long perGroup = 2 + (storage == Storage.NONE ? 0 : 8) + (storage == Storage.BYTES ? 16 : 0)
        + (storage == Storage.OBJECT ? 32 : 0);
    return perGroup * has.length + bytesHeld;
  }
}
