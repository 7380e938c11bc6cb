package io.floe.engine.exec;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Reads rows of an Arrow vector into a typed column: row {@code from[i]} of the vector becomes row {@code to[i]} of
 * a column of {@code size} rows, for i below {@code count} ({@code from} increasing). Fixed-width values are read
 * straight from the data buffer (a bulk copy when the rows are all rows in order and the width matches, one pass
 * widening ints and taking the low words of decimals otherwise), strings copy the bytes of the rows (or of the span
 * of rows when they are dense in it), nulls come from the validity bits of the rows read. Rows of the column that
 * no row is read into are not null and hold 0, or anything when the values array of an earlier column is reused.
 */
final class ArrowReads {
  private static volatile int[] identity = new int[0];

  private final FieldVector vector;
  private final int size;
  private final int[] from;
  private final int[] to;
  private final int count;
  /** A column whose values array may be written over (null: none). */
  private final Column reuse;
  /** Whether row i of the vector goes to row i for every i below count (a bulk copy). */
  private final boolean inOrder;

  private ArrowReads(FieldVector vector, int size, int[] from, int[] to, int count, Column reuse) {
    this.vector = vector;
    this.reuse = reuse;
    this.size = size;
    this.from = from;
    this.to = to;
    this.count = count;
    this.inOrder = count == 0 || from[count - 1] == count - 1 && to[count - 1] == count - 1;
  }

  /** The first {@code rows} rows. */
  static Column all(FieldVector vector, int rows) {
    int[] all = identity(rows);
    return new ArrowReads(vector, rows, all, all, rows, null).read();
  }

  /** Rows {@code selection[0..count)}, one after another. */
  static Column selected(FieldVector vector, int[] selection, int count) {
    return new ArrowReads(vector, count, selection, identity(count), count, null).read();
  }

  /**
   * Rows {@code selection[0..count)} at their own positions in a column of {@code rows} rows, in the values array
   * of {@code reuse} (null: a new one) when it is of the column's type and long enough.
   */
  static Column selectedInPlace(FieldVector vector, int rows, int[] selection, int count, Column reuse) {
    return new ArrowReads(vector, rows, selection, selection, count, reuse).read();
  }

  /** 0, 1, ..., n - 1 (a shared array at least that long: never written). */
  private static int[] identity(int n) {
    int[] ids = identity;
    if (ids.length < n) {
      ids = new int[Math.max(n, 2 * ids.length)];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = i;
      }
      identity = ids;
    }
    return ids;
  }

  private Column read() {
    if (vector instanceof BigIntVector || vector instanceof TimeStampVector || vector instanceof TimeMicroVector) {
      return new LongColumn(longs(8), nulls(), size, LongColumn.Kind.INTEGER, 0);
    }
    if (vector instanceof IntVector || vector instanceof DateDayVector) {
      return new LongColumn(longs(4), nulls(), size, vector instanceof DateDayVector ? LongColumn.Kind.DATE
          : LongColumn.Kind.INTEGER, 0);
    }
    if (vector instanceof DecimalVector d && d.getPrecision() <= Columns.MAX_LONG_PRECISION) {
      // 128-bit little-endian two's complement: up to precision 18 the low 64 bits are the unscaled value
      return new LongColumn(longs(16), nulls(), size, LongColumn.Kind.DECIMAL, d.getScale());
    }
    if (vector instanceof Float8Vector || vector instanceof Float4Vector) {
      boolean[] nulls = nulls();
      return new DoubleColumn(doubles(vector instanceof Float8Vector ? 8 : 4, nulls), nulls, size);
    }
    if (vector instanceof VarCharVector || vector instanceof VarBinaryVector) {
      return bytes((BaseVariableWidthVector) vector);
    }
    if (vector instanceof StructVector struct) {
      List<FieldVector> children = struct.getChildrenFromFields();
      Column[] fields = new Column[children.size()];
      for (int f = 0; f < fields.length; f++) {
        fields[f] = new ArrowReads(children.get(f), size, from, to, count, null).read();
      }
      return new StructColumn(fields, nulls(), size);
    }
    if (to == from) {
      return boxed(size);
    }
    return boxed(count == 0 ? 0 : from[count - 1] + 1).select(from, count);
  }

  /**
   * Whether to read every row from the first to the last row read, each to its own position: when the rows are all
   * rows in order, or when the column holds rows at their positions and they are a quarter or more of their span (a
   * plain loop over the span is cheaper than an indexed one over the rows).
   */
  private boolean wholeSpan() {
    return count > 0 && (inOrder || to == from && 4L * count >= from[count - 1] - from[0] + 1);
  }

  /** The values of a fixed-width integer, date or decimal vector {@code width} bytes wide, as longs. */
  private long[] longs(int width) {
    ArrowBuf data = checkedData(width);
    long[] v = reuse instanceof LongColumn l && l.values().length >= size ? l.values() : new long[size];
    if (wholeSpan()) {
      int first = from[0];
      int end = from[count - 1] + 1;
      if (width == 8) {
        data.nioBuffer(8L * first, 8 * (end - first)).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer()
            .get(v, first, end - first);
      } else if (width == 4) {
        for (int r = first; r < end; r++) {
          v[r] = data.getInt(4L * r);
        }
      } else {
        for (int r = first; r < end; r++) {
          v[r] = data.getLong((long) width * r);
        }
      }
    } else if (width == 4) {
      for (int i = 0; i < count; i++) {
        v[to[i]] = data.getInt(4L * from[i]);
      }
    } else {
      for (int i = 0; i < count; i++) {
        v[to[i]] = data.getLong((long) width * from[i]);
      }
    }
    return v;
  }

  /** The values of a floating-point vector {@code width} bytes wide, null rows 0. */
  private double[] doubles(int width, boolean[] nulls) {
    ArrowBuf data = checkedData(width);
    double[] v = reuse instanceof DoubleColumn d && d.values().length >= size ? d.values() : new double[size];
    if (wholeSpan() && width == 8) {
      int first = from[0];
      int end = from[count - 1] + 1;
      data.nioBuffer(8L * first, 8 * (end - first)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer()
          .get(v, first, end - first);
    } else if (width == 4) {
      for (int i = 0; i < count; i++) {
        v[to[i]] = data.getFloat(4L * from[i]);
      }
    } else {
      for (int i = 0; i < count; i++) {
        v[to[i]] = data.getDouble(8L * from[i]);
      }
    }
    if (nulls != null) {
      for (int i = 0; i < count; i++) {
        if (nulls[to[i]]) {
          v[to[i]] = 0;
        }
      }
    }
    return v;
  }

  /**
   * Strings: when the rows read are at least half of the rows they span, one copy of the span's bytes (the rows
   * between are copied too); otherwise each row's bytes, so a sparse selection does not hold on to its batch's.
   */
  private Column bytes(BaseVariableWidthVector strings) {
    ArrowBuf offsets = strings.getOffsetBuffer();
    int[] starts = new int[size];
    int[] lengths = new int[size];
    byte[] data;
    if (count == 0) {
      data = new byte[0];
    } else if (2L * count >= from[count - 1] - from[0] + 1) {
      int first = offsets.getInt(4L * from[0]);
      data = new byte[offsets.getInt(4L * from[count - 1] + 4) - first];
      strings.getDataBuffer().getBytes(first, data);
      for (int i = 0; i < count; i++) {
        int start = offsets.getInt(4L * from[i]);
        starts[to[i]] = start - first;
        lengths[to[i]] = offsets.getInt(4L * from[i] + 4) - start;
      }
    } else {
      int total = 0;
      for (int i = 0; i < count; i++) {
        int length = offsets.getInt(4L * from[i] + 4) - offsets.getInt(4L * from[i]);
        lengths[to[i]] = length;
        total += length;
      }
      data = new byte[total];
      ArrowBuf source = strings.getDataBuffer();
      int at = 0;
      for (int i = 0; i < count; i++) {
        int length = lengths[to[i]];
        source.getBytes(offsets.getInt(4L * from[i]), data, at, length);
        starts[to[i]] = at;
        at += length;
      }
    }
    return new BytesColumn(data, starts, lengths, nulls(), size, strings instanceof VarCharVector);
  }

  /** The first {@code rows} rows of a vector without a typed loop above (small ints, booleans, others boxed). */
  private Column boxed(int rows) {
    boolean[] nulls = vector.getNullCount() == 0 ? null : bitNulls(rows);
    if (vector instanceof SmallIntVector || vector instanceof TinyIntVector) {
      long[] v = new long[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = nulls != null && nulls[i] ? 0 : ((Number) vector.getObject(i)).longValue();
      }
      return new LongColumn(v, nulls, rows, LongColumn.Kind.INTEGER, 0);
    }
    if (vector instanceof BitVector b) {
      boolean[] v = new boolean[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = (nulls == null || !nulls[i]) && b.get(i) != 0;
      }
      return new BoolColumn(v, nulls, rows);
    }
    Object[] values = new Object[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = vector.isNull(i) ? null : ArrowBatches.value(vector, i);
    }
    return new ObjectColumn(values);
  }

  /** The vector's data buffer, checked to hold the rows read ({@code width} bytes each). */
  private ArrowBuf checkedData(int width) {
    ArrowBuf data = vector.getDataBuffer();
    if (count > 0 && data.capacity() < (long) width * (from[count - 1] + 1)) {
      throw new IllegalStateException("vector " + vector.getField().getName() + " holds fewer than the batch's rows");
    }
    return data;
  }

  /** Null flags of the column from the validity bits of the rows read, or null when none of them is null. */
  private boolean[] nulls() {
    if (vector.getNullCount() == 0) {
      return null;
    }
    if (inOrder) {
      boolean[] nulls = bitNulls(count);
      return size == count ? nulls : Arrays.copyOf(nulls, size);
    }
    ArrowBuf validity = vector.getValidityBuffer();
    boolean[] nulls = new boolean[size];
    boolean any = false;
    for (int i = 0; i < count; i++) {
      int row = from[i];
      boolean isNull = (validity.getByte(row >>> 3) & (1 << (row & 7))) == 0;
      nulls[to[i]] = isNull;
      any |= isNull;
    }
    return any ? nulls : null;
  }

  /** Null flags of the first {@code rows} rows from the validity bits, a byte (eight rows) at a time. */
  private boolean[] bitNulls(int rows) {
    ArrowBuf validity = vector.getValidityBuffer();
    boolean[] nulls = new boolean[rows];
    for (int at = 0; at < rows; at += 8) {
      int bits = validity.getByte(at >>> 3) & 0xFF;
      if (bits != 0xFF) {
        for (int i = at, end = Math.min(rows, at + 8); i < end; i++) {
          nulls[i] = (bits & (1 << (i - at))) == 0;
        }
      }
    }
    return nulls;
  }
}
