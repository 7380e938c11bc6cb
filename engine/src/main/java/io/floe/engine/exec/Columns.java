package io.floe.engine.exec;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
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

  /** The first {@code rows} values of an Arrow vector as a column. */
  public static Column fromArrow(FieldVector vector, int rows) {
    boolean[] nulls = nulls(vector, rows);
    if (vector instanceof BigIntVector || vector instanceof TimeStampVector || vector instanceof TimeMicroVector) {
      long[] v = new long[rows];
      data(vector, 8L * rows).asLongBuffer().get(v);
      return new LongColumn(v, nulls, rows, LongColumn.Kind.INTEGER, 0);
    }
    if (vector instanceof IntVector || vector instanceof DateDayVector) {
      IntBuffer ints = data(vector, 4L * rows).asIntBuffer();
      long[] v = new long[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = ints.get(i);
      }
      return new LongColumn(v, nulls, rows, vector instanceof DateDayVector ? LongColumn.Kind.DATE
          : LongColumn.Kind.INTEGER, 0);
    }
    if (vector instanceof DecimalVector d && d.getPrecision() <= MAX_LONG_PRECISION) {
      // 128-bit little-endian two's complement: up to precision 18 the low 64 bits are the unscaled value
      LongBuffer words = data(vector, 16L * rows).asLongBuffer();
      long[] v = new long[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = words.get(2 * i);
      }
      return new LongColumn(v, nulls, rows, LongColumn.Kind.DECIMAL, d.getScale());
    }
    if (vector instanceof Float8Vector f) {
      double[] v = new double[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = nulls != null && nulls[i] ? 0 : f.get(i);
      }
      return new DoubleColumn(v, nulls, rows);
    }
    if (vector instanceof Float4Vector f) {
      double[] v = new double[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = nulls != null && nulls[i] ? 0 : f.get(i);
      }
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
      BaseVariableWidthVector var = (BaseVariableWidthVector) vector;
      ArrowBuf offsets = var.getOffsetBuffer();
      int first = offsets.getInt(0);
      int last = offsets.getInt(4L * rows);
      byte[] data = new byte[last - first];
      var.getDataBuffer().getBytes(first, data);
      int[] starts = new int[rows];
      int[] lengths = new int[rows];
      int previous = first;
      for (int i = 0; i < rows; i++) {
        int end = offsets.getInt(4L * (i + 1));
        starts[i] = previous - first;
        lengths[i] = end - previous;
        previous = end;
      }
      return new BytesColumn(data, starts, lengths, nulls, rows, vector instanceof VarCharVector);
    }
    Object[] values = new Object[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = vector.isNull(i) ? null : ArrowBatches.value(vector, i);
    }
    return new ObjectColumn(values);
  }

  private static ByteBuffer data(FieldVector vector, long bytes) {
    return vector.getDataBuffer().nioBuffer(0, (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static boolean[] nulls(FieldVector vector, int rows) {
    if (vector.getNullCount() == 0) {
      return null;
    }
    boolean[] nulls = new boolean[rows];
    for (int i = 0; i < rows; i++) {
      nulls[i] = vector.isNull(i);
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
