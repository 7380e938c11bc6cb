package io.floe.parquet;

import io.floe.types.Decimals;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes rows of an Arrow batch, column by column, to the column writers of the current row group: for a schema of
 * top-level primitive columns only, whose vectors are the columns' Arrow types ({@link io.floe.arrow.ArrowSchemas}),
 * matched by position. Values are read from the vectors' buffers (no boxing, no record per row). Float and double
 * columns feed the same NaN counts and bounds as {@link RecordColumnWriter}.
 */
final class VectorColumnWriter {
  private final Leaf[] leaves;

  /** Writers of {@code schema}'s columns, sharing {@code floatingStats} (by field id) with the record writer. */
  VectorColumnWriter(Schema schema, MessageType messageType, Map<Integer, FloatingStats> floatingStats) {
    List<NestedField> columns = schema.columns();
    this.leaves = new Leaf[columns.size()];
    for (int c = 0; c < leaves.length; c++) {
      NestedField field = columns.get(c);
      PrimitiveType type = field.type().asPrimitive();
      ColumnDescriptor descriptor = messageType.getColumnDescription(
          new String[] {ParquetSchemas.compatibleName(field.name())});
      leaves[c] = new Leaf(field.name(), type, descriptor, floatingStats.get(field.id()));
    }
  }

  /** Whether the vector writer can write {@code schema}: every column is a primitive at the top level. */
  static boolean supports(Schema schema) {
    return schema.columns().stream().allMatch(f -> f.type().isPrimitive());
  }

  /** Points every column at the column writers of a new row group. */
  void bind(ColumnWriteStore store) {
    for (Leaf leaf : leaves) {
      leaf.writer = store.getColumnWriter(leaf.descriptor);
    }
  }

  /**
   * Writes rows {@code rows[from..to)} of {@code batch} (row numbers {@code from..to} when {@code rows} is null),
   * each column in turn; the caller ends the records. A null in a required column fails naming the column.
   */
  void write(VectorSchemaRoot batch, int[] rows, int from, int to) {
    for (int c = 0; c < leaves.length; c++) {
      leaves[c].write(batch.getVector(c), rows, from, to);
    }
  }

  /** One column: its Parquet writer and how to read its values from the vector's buffers. */
  private static final class Leaf {
    private final String column;
    private final PrimitiveType type;
    private final ColumnDescriptor descriptor;
    private final int maxDef;
    private final boolean required;
    private final FloatingStats stats;
    private final int decimalBytes;
    private final byte[] decimal = new byte[16];
    private byte[] bytes = new byte[64];
    ColumnWriter writer;

    Leaf(String column, PrimitiveType type, ColumnDescriptor descriptor, FloatingStats stats) {
      this.column = column;
      this.type = type;
      this.descriptor = descriptor;
      this.maxDef = descriptor.getMaxDefinitionLevel();
      this.required = maxDef == 0;
      this.stats = stats;
      this.decimalBytes = type.typeId() == io.floe.types.TypeId.DECIMAL ? ParquetSchemas.decimalBytes(type.precision())
          : 0;
    }

    void write(FieldVector vector, int[] rows, int from, int to) {
      boolean mayBeNull = vector.getNullCount() > 0;
      for (int i = from; i < to; i++) {
        int row = rows == null ? i : rows[i];
        if (mayBeNull && vector.isNull(row)) {
          if (required) {
            throw new IllegalArgumentException("null value in required column '" + column + "'");
          }
          writer.writeNull(0, maxDef - 1);
        } else {
          writeValue(vector, row);
        }
      }
    }

    private void writeValue(FieldVector vector, int row) {
      switch (type.typeId()) {
        case BOOLEAN -> writer.write(((BitVector) vector).get(row) != 0, 0, maxDef);
        case INT, DATE -> writer.write(data(vector).getInt(4L * row), 0, maxDef);
        case LONG, TIME, TIMESTAMP, TIMESTAMPTZ -> writer.write(data(vector).getLong(8L * row), 0, maxDef);
        case FLOAT -> {
          float v = data(vector).getFloat(4L * row);
          writer.write(v, 0, maxDef);
          stats.add(v);
        }
        case DOUBLE -> {
          double v = data(vector).getDouble(8L * row);
          writer.write(v, 0, maxDef);
          stats.add(v);
        }
        case DECIMAL -> writeDecimal(data(vector), row);
        case STRING, BINARY -> {
          BaseVariableWidthVector v = (BaseVariableWidthVector) vector;
          int start = v.getStartOffset(row);
          writeBytes(v.getDataBuffer(), start, v.getEndOffset(row) - start);
        }
        case FIXED, UUID -> {
          int width = ((BaseFixedWidthVector) vector).getTypeWidth();
          writeBytes(data(vector), (long) width * row, width);
        }
        default -> throw new UnsupportedOperationException("not supported: writing " + type + " to Parquet");
      }
    }

    private static ArrowBuf data(FieldVector vector) {
      return ((BaseFixedWidthVector) vector).getDataBuffer();
    }

    /** The bytes are copied into a reused array: Parquet copies what it keeps (dictionary entries, bounds). */
    private void writeBytes(ArrowBuf data, long start, int length) {
      if (bytes.length < length) {
        bytes = new byte[Math.max(length, 2 * bytes.length)];
      }
      data.getBytes(start, bytes, 0, length);
      writer.write(Binary.fromReusedByteArray(bytes, 0, length), 0, maxDef);
    }

    /** A 16-byte little-endian unscaled value, which must fit the column's precision. */
    private void writeDecimal(ArrowBuf data, int row) {
      long low = data.getLong(16L * row);
      long high = data.getLong(16L * row + 8);
      boolean fitsLong = high == (low >> 63);
      int precision = type.precision();
      if (precision <= ParquetSchemas.DECIMAL_INT64_MAX_DIGITS) {
        long limit = Decimals.longPowerOfTen(precision);
        if (!fitsLong || low <= -limit || low >= limit) {
          throw doesNotFit(row, data);
        }
        if (precision <= ParquetSchemas.DECIMAL_INT32_MAX_DIGITS) {
          writer.write((int) low, 0, maxDef);
        } else {
          writer.write(low, 0, maxDef);
        }
        return;
      }
      bigEndian(data, row, decimal);
      if (!fitsLong && new BigInteger(decimal).abs().compareTo(BigInteger.TEN.pow(precision)) >= 0) {
        throw doesNotFit(row, data);
      }
      writer.write(Binary.fromReusedByteArray(decimal, 16 - decimalBytes, decimalBytes), 0, maxDef);
    }

    private IllegalArgumentException doesNotFit(int row, ArrowBuf data) {
      byte[] value = new byte[16];
      bigEndian(data, row, value);
      return new IllegalArgumentException("value " + new java.math.BigDecimal(new BigInteger(value), type.scale())
          .toPlainString() + " of column '" + column + "' does not fit " + type);
    }

    /** The 16-byte little-endian value of {@code row} into {@code out}, big-endian. */
    private static void bigEndian(ArrowBuf data, int row, byte[] out) {
      for (int b = 0; b < 16; b++) {
        out[15 - b] = data.getByte(16L * row + b);
      }
    }
  }
}
