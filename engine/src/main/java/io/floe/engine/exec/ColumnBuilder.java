package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Appends rows of columns into one growing column, typed like its inputs (longs of one kind and scale, doubles,
 * booleans, bytes) and boxed once the inputs disagree. Used to concatenate a join's build side and to keep
 * grouping keys.
 */
public final class ColumnBuilder {
  private enum Mode { EMPTY, LONG, DOUBLE, BOOL, BYTES, OBJECT }

  private Mode mode = Mode.EMPTY;
  private int size;
  private long[] longs;
  private double[] doubles;
  private boolean[] bools;
  private boolean[] nulls;
  private boolean anyNull;
  private LongColumn.Kind kind;
  private int scale;
  private boolean text;
  private byte[] data;
  private int dataSize;
  private int[] starts;
  private int[] lengths;
  private List<Object> objects;

  public int size() {
    return size;
  }

  /** Appends all rows of {@code column} (typed columns of the builder's type are copied in bulk). */
  public void appendAll(Column column) {
    int n = column.size();
    if (n == 0) {
      return;
    }
    adapt(column);
    if (mode == Mode.LONG || mode == Mode.DOUBLE || mode == Mode.BOOL) {
      int total = size + n;
      if (nulls == null || nulls.length < total) {
        nulls = Arrays.copyOf(nulls == null ? new boolean[0] : nulls, Math.max(total, capacity()));
      }
      boolean[] source = ((NullableColumn) column).nulls();
      if (source != null) {
        System.arraycopy(source, 0, nulls, size, n);
        anyNull = true;
      }
      if (mode == Mode.LONG) {
        longs = longs == null || longs.length < total ? Arrays.copyOf(longs == null ? new long[0] : longs,
            nulls.length) : longs;
        System.arraycopy(((LongColumn) column).values(), 0, longs, size, n);
      } else if (mode == Mode.DOUBLE) {
        doubles = doubles == null || doubles.length < total ? Arrays.copyOf(doubles == null ? new double[0]
            : doubles, nulls.length) : doubles;
        System.arraycopy(((DoubleColumn) column).values(), 0, doubles, size, n);
      } else {
        bools = bools == null || bools.length < total ? Arrays.copyOf(bools == null ? new boolean[0] : bools,
            nulls.length) : bools;
        System.arraycopy(((BoolColumn) column).values(), 0, bools, size, n);
      }
      size = total;
      return;
    }
    for (int r = 0; r < n; r++) {
      appendAdapted(column, r);
    }
  }

  /** Appends row {@code row} of {@code column}. */
  public void append(Column column, int row) {
    adapt(column);
    appendAdapted(column, row);
  }

  private void appendAdapted(Column column, int row) {
    boolean isNull = column.isNull(row);
    switch (mode) {
      case LONG:
        longs = grow(longs);
        longs[size] = isNull ? 0 : ((LongColumn) column).values()[row];
        break;
      case DOUBLE:
        if (doubles == null || size == doubles.length) {
          doubles = Arrays.copyOf(doubles == null ? new double[0] : doubles, capacity());
        }
        doubles[size] = isNull ? 0 : ((DoubleColumn) column).values()[row];
        break;
      case BOOL:
        ensureBools();
        bools[size] = !isNull && ((BoolColumn) column).values()[row];
        break;
      case BYTES:
        appendBytes((BytesColumn) column, row, isNull);
        break;
      default:
        objects.add(column.get(row));
        break;
    }
    if (mode != Mode.OBJECT) {
      if (nulls == null || nulls.length <= size) {
        nulls = Arrays.copyOf(nulls == null ? new boolean[0] : nulls, capacity());
      }
      nulls[size] = isNull;
      anyNull |= isNull;
    }
    size++;
  }

  private void adapt(Column column) {
    Mode wanted = modeOf(column);
    if (mode == Mode.EMPTY) {
      mode = wanted;
      if (column instanceof LongColumn l) {
        kind = l.kind();
        scale = l.scale();
      } else if (column instanceof BytesColumn b) {
        text = b.text();
        data = new byte[1024];
        starts = new int[0];
        lengths = new int[0];
      } else if (mode == Mode.OBJECT) {
        objects = new ArrayList<>();
      }
      return;
    }
    boolean compatible = wanted == mode && (!(column instanceof LongColumn l) || l.kind() == kind
        && l.scale() == scale) && (!(column instanceof BytesColumn b) || b.text() == text);
    if (!compatible && mode != Mode.OBJECT) {
      Column sofar = build();
      objects = new ArrayList<>(Arrays.asList(sofar.toArray()));
      mode = Mode.OBJECT;
    }
  }

  private static Mode modeOf(Column column) {
    if (column instanceof LongColumn) {
      return Mode.LONG;
    } else if (column instanceof DoubleColumn) {
      return Mode.DOUBLE;
    } else if (column instanceof BoolColumn) {
      return Mode.BOOL;
    } else if (column instanceof BytesColumn) {
      return Mode.BYTES;
    }
    return Mode.OBJECT;
  }

  private int capacity() {
    return Math.max(16, size * 2);
  }

  private long[] grow(long[] a) {
    return a == null || size == a.length ? Arrays.copyOf(a == null ? new long[0] : a, capacity()) : a;
  }

  private void ensureBools() {
    if (bools == null || size == bools.length) {
      bools = Arrays.copyOf(bools == null ? new boolean[0] : bools, capacity());
    }
  }

  private void appendBytes(BytesColumn column, int row, boolean isNull) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, capacity());
      lengths = Arrays.copyOf(lengths, capacity());
    }
    int length = isNull ? 0 : column.length(row);
    if (dataSize + length > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, dataSize + length));
    }
    if (length > 0) {
      System.arraycopy(column.data(), column.start(row), data, dataSize, length);
    }
    starts[size] = dataSize;
    lengths[size] = length;
    dataSize += length;
  }

  /** The column of everything appended (empty columns are boxed). */
  public Column build() {
    boolean[] n = anyNull ? nulls : null;
    switch (mode) {
      case LONG:
        return new LongColumn(longs, n, size, kind, scale);
      case DOUBLE:
        return new DoubleColumn(doubles, n, size);
      case BOOL:
        return new BoolColumn(bools, n, size);
      case BYTES:
        return new BytesColumn(data, starts, lengths, n, size, text);
      case OBJECT:
        return new ObjectColumn(objects.toArray());
      default:
        return new ObjectColumn(new Object[0]);
    }
  }

  /** Approximate bytes held. */
  public long memoryBytes() {
    long bytes = 64;
    bytes += longs == null ? 0 : 8L * longs.length;
    bytes += doubles == null ? 0 : 8L * doubles.length;
    bytes += bools == null ? 0 : bools.length;
    bytes += nulls == null ? 0 : nulls.length;
    bytes += data == null ? 0 : data.length + 8L * starts.length;
    bytes += objects == null ? 0 : 24L * objects.size();
    return bytes;
  }
}
