package io.floe.engine.exec;

import io.floe.types.Decimals;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
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

/**
 * Writes typed columns into Arrow vectors with typed loops and buffer copies (no boxing): validity bytes from the
 * null mask, longs and doubles copied in bulk, narrower integers, dates and floats in one pass, decimals as 16-byte
 * little-endian two's complement from the unscaled long, strings as offsets plus one copy of their bytes.
 */
public final class ArrowColumnWriter {

  private ArrowColumnWriter() {
  }

  /**
   * Writes the first {@code rows} rows of {@code column} into the (unallocated) {@code vector} and sets its value
   * count; returns false, leaving the vector untouched, when the column's storage has no typed path to the vector.
   */
  public static boolean write(Column column, FieldVector vector, int rows) {
    if (column instanceof LongColumn c) {
      return writeLongs(c, vector, rows);
    }
    if (column instanceof DoubleColumn c && (vector instanceof Float8Vector || vector instanceof Float4Vector)) {
      writeDoubles(c, (BaseFixedWidthVector) vector, rows);
      return true;
    }
    if (column instanceof BoolColumn c && vector instanceof BitVector v) {
      writeBooleans(c, v, rows);
      return true;
    }
    if (column instanceof BytesColumn c && (vector instanceof VarCharVector || vector instanceof VarBinaryVector)) {
      writeBytes(c, (BaseVariableWidthVector) vector, rows);
      return true;
    }
    return false;
  }

  private static boolean writeLongs(LongColumn column, FieldVector vector, int rows) {
    long[] values = column.values();
    if (vector instanceof DecimalVector d) {
      return column.kind() != LongColumn.Kind.DATE && writeDecimals(column, d, rows);
    }
    if (!(vector instanceof BaseFixedWidthVector fixed)) {
      return false;
    }
    if (vector instanceof BigIntVector || vector instanceof TimeStampVector || vector instanceof TimeMicroVector) {
      fixed.allocateNew(rows);
      fixed.getDataBuffer().nioBuffer(0, 8 * rows).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(values, 0, rows);
    } else if (vector instanceof IntVector || vector instanceof DateDayVector) {
      fixed.allocateNew(rows);
      ArrowBuf data = fixed.getDataBuffer();
      for (int i = 0; i < rows; i++) {
        data.setInt(4L * i, (int) values[i]);
      }
    } else if (vector instanceof SmallIntVector) {
      fixed.allocateNew(rows);
      ArrowBuf data = fixed.getDataBuffer();
      for (int i = 0; i < rows; i++) {
        data.setShort(2L * i, (short) values[i]);
      }
    } else if (vector instanceof TinyIntVector) {
      fixed.allocateNew(rows);
      ArrowBuf data = fixed.getDataBuffer();
      for (int i = 0; i < rows; i++) {
        data.setByte(i, (byte) values[i]);
      }
    } else {
      return false;
    }
    finish(fixed, column.nulls(), rows);
    return true;
  }

  /** Unscaled longs rescaled to the vector's scale (HALF_UP when it is smaller); false if a value overflows. */
  private static boolean writeDecimals(LongColumn column, DecimalVector vector, int rows) {
    long[] values = column.values();
    boolean[] nulls = column.nulls();
    int shift = vector.getScale() - column.scale();
    if (Math.abs(shift) > Decimals.MAX_LONG_POWER_OF_TEN) {
      return false;
    }
    long[] unscaled = values;
    if (shift != 0) {
      long factor = Decimals.longPowerOfTen(Math.abs(shift));
      unscaled = new long[rows];
      for (int i = 0; i < rows; i++) {
        if (nulls != null && nulls[i]) {
          continue;
        }
        if (shift > 0) {
          long scaled = values[i] * factor;
          if (Math.multiplyHigh(values[i], factor) != (scaled >> 63)) {
            return false;
          }
          unscaled[i] = scaled;
        } else {
          unscaled[i] = divideHalfUp(values[i], factor);
        }
      }
    }
    vector.allocateNew(rows);
    ArrowBuf data = vector.getDataBuffer();
    for (int i = 0; i < rows; i++) {
      long v = unscaled[i];
      data.setLong(16L * i, v);
      data.setLong(16L * i + 8, v >> 63);
    }
    finish(vector, nulls, rows);
    return true;
  }

  private static long divideHalfUp(long value, long divisor) {
    long quotient = value / divisor;
    long remainder = value % divisor;
    if (Math.abs(remainder) >= divisor - Math.abs(remainder)) {
      quotient += value < 0 ? -1 : 1;
    }
    return quotient;
  }

  private static void writeDoubles(DoubleColumn column, BaseFixedWidthVector vector, int rows) {
    double[] values = column.values();
    vector.allocateNew(rows);
    if (vector instanceof Float8Vector) {
      vector.getDataBuffer().nioBuffer(0, 8 * rows).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer()
          .put(values, 0, rows);
    } else {
      ArrowBuf data = vector.getDataBuffer();
      for (int i = 0; i < rows; i++) {
        data.setFloat(4L * i, (float) values[i]);
      }
    }
    finish(vector, column.nulls(), rows);
  }

  private static void writeBooleans(BoolColumn column, BitVector vector, int rows) {
    vector.allocateNew(rows);
    boolean[] values = column.values();
    ArrowBuf data = vector.getDataBuffer();
    for (int start = 0; start < rows; start += 8) {
      int bits = 0;
      int end = Math.min(rows, start + 8);
      for (int i = start; i < end; i++) {
        if (values[i]) {
          bits |= 1 << (i - start);
        }
      }
      data.setByte(start >>> 3, bits);
    }
    finish(vector, column.nulls(), rows);
  }

  private static void writeBytes(BytesColumn column, BaseVariableWidthVector vector, int rows) {
    boolean[] nulls = column.nulls();
    int total = 0;
    boolean contiguous = true;
    int first = rows == 0 ? 0 : column.start(0);
    int expectedStart = first;
    for (int i = 0; i < rows; i++) {
      if (nulls == null || !nulls[i]) {
        total += column.length(i);
        contiguous &= column.start(i) == expectedStart;
        expectedStart = column.start(i) + column.length(i);
      }
    }
    vector.allocateNew(Math.max(total, 1), rows);
    ArrowBuf offsets = vector.getOffsetBuffer();
    byte[] bytes;
    int from;
    if (contiguous) {
      bytes = column.data();
      from = first;
    } else {
      bytes = new byte[total];
      from = 0;
    }
    int offset = 0;
    offsets.setInt(0, 0);
    for (int i = 0; i < rows; i++) {
      if (nulls == null || !nulls[i]) {
        int length = column.length(i);
        if (!contiguous) {
          System.arraycopy(column.data(), column.start(i), bytes, offset, length);
        }
        offset += length;
      }
      offsets.setInt(4L * (i + 1), offset);
    }
    vector.getDataBuffer().setBytes(0, bytes, from, total);
    vector.setLastSet(rows - 1);
    finish(vector, nulls, rows);
  }

  /** Validity bits from the null mask (all set when it is null), then the value count. */
  private static void finish(FieldVector vector, boolean[] nulls, int rows) {
    ArrowBuf validity = vector.getValidityBuffer();
    for (int start = 0; start < rows; start += 8) {
      int end = Math.min(rows, start + 8);
      int bits = 0;
      for (int i = start; i < end; i++) {
        if (nulls == null || !nulls[i]) {
          bits |= 1 << (i - start);
        }
      }
      validity.setByte(start >>> 3, bits);
    }
    vector.setValueCount(rows);
  }
}
