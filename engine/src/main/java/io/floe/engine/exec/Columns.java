package io.floe.engine.exec;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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

/** Making columns: from Arrow vectors (typed bulk copies, no boxing), from boxed values, constants. */
public final class Columns {
  /** Decimals up to this precision fit an unscaled long. */
  public static final int MAX_LONG_PRECISION = 18;

  private Columns() {
  }

  /**
   * The first {@code rows} values of an Arrow vector as a column: fixed-width values read straight from the data
   * buffer (bulk copies where the width matches, one pass widening ints and taking the low words of decimals),
   * strings as one copy of their bytes, nulls from the validity bytes; null slots of numeric columns hold 0.
   */
  public static Column fromArrow(FieldVector vector, int rows) {
    boolean[] nulls = nulls(vector, rows);
    if (vector instanceof BigIntVector || vector instanceof TimeStampVector || vector instanceof TimeMicroVector) {
      long[] v = new long[rows];
      data(vector, 8L * rows).asLongBuffer().get(v);
      return new LongColumn(v, nulls, rows, LongColumn.Kind.INTEGER, 0);
    }
    if (vector instanceof IntVector || vector instanceof DateDayVector) {
      ArrowBuf data = checkedData(vector, 4L * rows);
      long[] v = new long[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = data.getInt(4L * i);
      }
      return new LongColumn(v, nulls, rows, vector instanceof DateDayVector ? LongColumn.Kind.DATE
          : LongColumn.Kind.INTEGER, 0);
    }
    if (vector instanceof DecimalVector d && d.getPrecision() <= MAX_LONG_PRECISION) {
      // 128-bit little-endian two's complement: up to precision 18 the low 64 bits are the unscaled value
      ArrowBuf data = checkedData(vector, 16L * rows);
      long[] v = new long[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = data.getLong(16L * i);
      }
      return new LongColumn(v, nulls, rows, LongColumn.Kind.DECIMAL, d.getScale());
    }
    if (vector instanceof Float8Vector) {
      double[] v = new double[rows];
      data(vector, 8L * rows).asDoubleBuffer().get(v);
      zeroNulls(v, nulls);
      return new DoubleColumn(v, nulls, rows);
    }
    if (vector instanceof Float4Vector) {
      ArrowBuf data = checkedData(vector, 4L * rows);
      double[] v = new double[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = data.getFloat(4L * i);
      }
      zeroNulls(v, nulls);
      return new DoubleColumn(v, nulls, rows);
    }
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
    if (vector instanceof VarCharVector || vector instanceof VarBinaryVector) {
      return bytesFromArrow((BaseVariableWidthVector) vector, rows, nulls);
    }
    Object[] values = new Object[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = vector.isNull(i) ? null : ArrowBatches.value(vector, i);
    }
    return new ObjectColumn(values);
  }

  private static Column bytesFromArrow(BaseVariableWidthVector vector, int rows, boolean[] nulls) {
    int[] offsets = new int[rows + 1];
    vector.getOffsetBuffer().nioBuffer(0, 4 * (rows + 1)).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(offsets);
    int first = offsets[0];
    byte[] data = new byte[offsets[rows] - first];
    vector.getDataBuffer().getBytes(first, data);
    int[] starts = new int[rows];
    int[] lengths = new int[rows];
    for (int i = 0; i < rows; i++) {
      starts[i] = offsets[i] - first;
      lengths[i] = offsets[i + 1] - offsets[i];
    }
    return new BytesColumn(data, starts, lengths, nulls, rows, vector instanceof VarCharVector);
  }

  private static void zeroNulls(double[] values, boolean[] nulls) {
    if (nulls != null) {
      for (int i = 0; i < values.length; i++) {
        if (nulls[i]) {
          values[i] = 0;
        }
      }
    }
  }

  private static ByteBuffer data(FieldVector vector, long bytes) {
    return vector.getDataBuffer().nioBuffer(0, (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The vector's data buffer, checked to hold {@code bytes} bytes (reads from it are then in bounds). */
  private static ArrowBuf checkedData(FieldVector vector, long bytes) {
    ArrowBuf data = vector.getDataBuffer();
    if (data.capacity() < bytes) {
      throw new IllegalStateException("vector " + vector.getField().getName() + " holds fewer than the batch's rows");
    }
    return data;
  }

  /** Null flags from the validity bytes, or null when there are no nulls. */
  private static boolean[] nulls(FieldVector vector, int rows) {
    if (vector.getNullCount() == 0) {
      return null;
    }
    ArrowBuf validity = vector.getValidityBuffer();
    boolean[] nulls = new boolean[rows];
    for (int i = 0; i < rows; i++) {
      nulls[i] = (validity.getByte(i >>> 3) & (1 << (i & 7))) == 0;
    }
    return nulls;
  }

  /** Boxed engine values as a column, typed when every non-null value has the same typed representation. */
  public static Column pack(Object[] values) {
    Object first = null;
    boolean[] nulls = null;
    int n = values.length;
    for (int i = 0; i < n; i++) {
      if (values[i] == null) {
        nulls = nulls == null ? new boolean[n] : nulls;
        nulls[i] = true;
      } else if (first == null) {
        first = values[i];
      } else if (values[i].getClass() != first.getClass()) {
        return new ObjectColumn(values);
      }
    }
    if (first instanceof Long || first instanceof Integer || first instanceof BigDecimal) {
      int scale = first instanceof BigDecimal d ? d.scale() : 0;
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        if (values[i] instanceof BigDecimal d) {
          if (d.scale() != scale || d.unscaledValue().bitLength() >= 64) {
            return new ObjectColumn(values);
          }
          out[i] = d.unscaledValue().longValue();
        } else if (values[i] != null) {
          out[i] = ((Number) values[i]).longValue();
        }
      }
      LongColumn.Kind kind = first instanceof BigDecimal ? LongColumn.Kind.DECIMAL
          : first instanceof Integer ? LongColumn.Kind.DATE : LongColumn.Kind.INTEGER;
      return new LongColumn(out, nulls, n, kind, scale);
    }
    if (first instanceof Double) {
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = values[i] == null ? 0 : (Double) values[i];
      }
      return new DoubleColumn(out, nulls, n);
    }
    if (first instanceof Boolean) {
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = values[i] != null && (Boolean) values[i];
      }
      return new BoolColumn(out, nulls, n);
    }
    return new ObjectColumn(values);
  }

  /** {@code value} (an engine value) on {@code size} rows. */
  public static Column constant(Object value, int size) {
    if (value instanceof String s) {
      return BytesColumn.constant(s.getBytes(StandardCharsets.UTF_8), size, true);
    }
    if (value instanceof Long || value instanceof Integer) {
      long[] values = new long[size];
      Arrays.fill(values, ((Number) value).longValue());
      return new LongColumn(values, null, size, value instanceof Integer ? LongColumn.Kind.DATE
          : LongColumn.Kind.INTEGER, 0);
    }
    if (value instanceof BigDecimal d && d.unscaledValue().bitLength() < 64) {
      long[] values = new long[size];
      Arrays.fill(values, d.unscaledValue().longValue());
      return new LongColumn(values, null, size, LongColumn.Kind.DECIMAL, d.scale());
    }
    if (value instanceof Double d) {
      double[] values = new double[size];
      Arrays.fill(values, d);
      return new DoubleColumn(values, null, size);
    }
    if (value instanceof Boolean b) {
      boolean[] values = new boolean[size];
      Arrays.fill(values, b);
      return new BoolColumn(values, null, size);
    }
    Object[] values = new Object[size];
    Arrays.fill(values, value);
    return pack(values);
  }

  /** The columns one after another. */
  public static Column concat(List<Column> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    ColumnBuilder builder = new ColumnBuilder();
    for (Column part : parts) {
      builder.appendAll(part);
    }
    return builder.build();
  }
}
