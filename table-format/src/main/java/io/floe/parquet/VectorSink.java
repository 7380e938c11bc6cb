package io.floe.parquet;

import io.floe.types.PrimitiveType;
import java.nio.ByteBuffer;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Writers of Parquet values into one Arrow vector, used two ways: as a Parquet {@link PrimitiveConverter} during
 * record assembly of nested columns (writing at the index its {@link Slot} gives), and by
 * {@link #readColumn} for top-level columns, decoding a run of values from a {@link ColumnReader} in a tight,
 * non-boxing loop. Each sink accepts the physical types of the Floe types that may be read as its type
 * (int into long, float into double, narrower decimals). The per-type {@code readColumn} loops look alike on
 * purpose: each calls one typed getter of the column reader, keeping the hot loop monomorphic and unboxed.
 */
abstract class VectorSink extends PrimitiveConverter {
  /** Where a converter writes: the index in its vector of the value being assembled. */
  interface Slot {
    int index();
  }

  private Slot slot;

  void slot(Slot where) {
    this.slot = where;
  }

  final int index() {
    return slot.index();
  }

  /** Makes this sink write into {@code vector} (of the Arrow type of its Floe type). */
  abstract void bind(ValueVector vector);

  /** Decodes the next {@code count} values of a column with no repetition into rows 0..count-1. */
  abstract void readColumn(ColumnReader reader, int count, int maxDef);

  static VectorSink forType(PrimitiveType type) {
    return switch (type.typeId()) {
      case BOOLEAN -> new BooleanSink();
      case INT, DATE -> new Int32Sink();
      case LONG, TIME, TIMESTAMP, TIMESTAMPTZ -> new Int64Sink();
      case FLOAT -> new Float32Sink();
      case DOUBLE -> new Float64Sink();
      case DECIMAL -> new DecimalSink();
      case STRING, BINARY -> new VariableWidthSink();
      case UUID, FIXED -> new FixedBinarySink();
      default -> throw new UnsupportedOperationException("not supported: reading " + type + " into Arrow");
    };
  }

  /** Base of sinks into fixed-width vectors, written through their buffers. */
  private abstract static class FixedWidthSink extends VectorSink {
    BaseFixedWidthVector vector;

    @Override
    void bind(ValueVector target) {
      this.vector = (BaseFixedWidthVector) target;
    }

    final void ensureCapacity(int count) {
      while (vector.getValueCapacity() < count) {
        vector.reAlloc();
      }
    }

    final int nextIndex() {
      int index = index();
      ensureCapacity(index + 1);
      BitVectorHelper.setBit(vector.getValidityBuffer(), index);
      return index;
    }
  }

  private static final class BooleanSink extends FixedWidthSink {
    @Override
    public void addBoolean(boolean value) {
      ((BitVector) vector).setSafe(index(), value ? 1 : 0);
    }

    @Override
    void readColumn(ColumnReader reader, int count, int maxDef) {
      ensureCapacity(count);
      BitVector bits = (BitVector) vector;
      for (int i = 0; i < count; i++) {
        if (reader.getCurrentDefinitionLevel() == maxDef) {
          bits.set(i, reader.getBoolean() ? 1 : 0);
        }
        reader.consume();
      }
    }
  }

  private static final class Int32Sink extends FixedWidthSink {
    @Override
    public void addInt(int value) {
      int index = nextIndex();
      vector.getDataBuffer().setInt((long) index * 4, value);
    }

    @Override
    void readColumn(ColumnReader reader, int count, int maxDef) {
      ensureCapacity(count);
      ArrowBuf data = vector.getDataBuffer();
      ArrowBuf validity = vector.getValidityBuffer();
      for (int i = 0; i < count; i++) {
        if (reader.getCurrentDefinitionLevel() == maxDef) {
          data.setInt((long) i * 4, reader.getInteger());
          BitVectorHelper.setBit(validity, i);
        }
        reader.consume();
      }
    }
  }

  private static final class Int64Sink extends FixedWidthSink {
    @Override
    public void addLong(long value) {
      int index = nextIndex();
      vector.getDataBuffer().setLong((long) index * 8, value);
    }

    @Override
    public void addInt(int value) {
      addLong(value);
    }

    @Override
    void readColumn(ColumnReader reader, int count, int maxDef) {
      ensureCapacity(count);
      ArrowBuf data = vector.getDataBuffer();
      ArrowBuf validity = vector.getValidityBuffer();
      boolean fromInt = reader.getDescriptor().getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT32;
      for (int i = 0; i < count; i++) {
        if (reader.getCurrentDefinitionLevel() == maxDef) {
          data.setLong((long) i * 8, fromInt ? reader.getInteger() : reader.getLong());
          BitVectorHelper.setBit(validity, i);
        }
        reader.consume();
      }
    }
  }

  private static final class Float32Sink extends FixedWidthSink {
    @Override
    public void addFloat(float value) {
      int index = nextIndex();
      vector.getDataBuffer().setFloat((long) index * 4, value);
    }

    @Override
    void readColumn(ColumnReader reader, int count, int maxDef) {
      ensureCapacity(count);
      ArrowBuf data = vector.getDataBuffer();
      ArrowBuf validity = vector.getValidityBuffer();
      for (int i = 0; i < count; i++) {
        if (reader.getCurrentDefinitionLevel() == maxDef) {
          data.setFloat((long) i * 4, reader.getFloat());
          BitVectorHelper.setBit(validity, i);
        }
        reader.consume();
      }
    }
  }

  private static final class Float64Sink extends FixedWidthSink {
    @Override
    public void addDouble(double value) {
      int index = nextIndex();
      vector.getDataBuffer().setDouble((long) index * 8, value);
    }

    @Override
    public void addFloat(float value) {
      addDouble(value);
    }

    @Override
    void readColumn(ColumnReader reader, int count, int maxDef) {
      ensureCapacity(count);
      ArrowBuf data = vector.getDataBuffer();
      ArrowBuf validity = vector.getValidityBuffer();
      boolean fromFloat = reader.getDescriptor().getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.FLOAT;
      for (int i = 0; i < count; i++) {
        if (reader.getCurrentDefinitionLevel() == maxDef) {
          data.setDouble((long) i * 8, fromFloat ? reader.getFloat() : reader.getDouble());
          BitVectorHelper.setBit(validity, i);
        }
        reader.consume();
      }
    }
  }

  private static final class DecimalSink extends VectorSink {
    private DecimalVector vector;

    @Override
    void bind(ValueVector target) {
      this.vector = (DecimalVector) target;
    }

    @Override
    public void addInt(int value) {
      vector.setSafe(index(), value);
    }

    @Override
    public void addLong(long value) {
      vector.setSafe(index(), value);
    }

    @Override
    public void addBinary(Binary value) {
      vector.setBigEndianSafe(index(), value.getBytesUnsafe());
    }

    @Override
    void readColumn(ColumnReader reader, int count, int maxDef) {
      PrimitiveTypeName physical = reader.getDescriptor().getPrimitiveType().getPrimitiveTypeName();
      for (int i = 0; i < count; i++) {
        if (reader.getCurrentDefinitionLevel() == maxDef) {
          switch (physical) {
            case INT32 -> vector.setSafe(i, reader.getInteger());
            case INT64 -> vector.setSafe(i, reader.getLong());
            default -> vector.setBigEndianSafe(i, reader.getBinary().getBytesUnsafe());
          }
        }
        reader.consume();
      }
    }
  }

  private static final class VariableWidthSink extends VectorSink {
    private BaseVariableWidthVector vector;

    @Override
    void bind(ValueVector target) {
      this.vector = (BaseVariableWidthVector) target;
    }

    @Override
    public void addBinary(Binary value) {
      ByteBuffer bytes = value.toByteBuffer();
      vector.setSafe(index(), bytes, bytes.position(), bytes.remaining());
    }

    @Override
    void readColumn(ColumnReader reader, int count, int maxDef) {
      for (int i = 0; i < count; i++) {
        if (reader.getCurrentDefinitionLevel() == maxDef) {
          ByteBuffer bytes = reader.getBinary().toByteBuffer();
          vector.setSafe(i, bytes, bytes.position(), bytes.remaining());
        }
        reader.consume();
      }
    }
  }

  private static final class FixedBinarySink extends VectorSink {
    private FixedSizeBinaryVector vector;

    @Override
    void bind(ValueVector target) {
      this.vector = (FixedSizeBinaryVector) target;
    }

    @Override
    public void addBinary(Binary value) {
      vector.setSafe(index(), value.getBytesUnsafe());
    }

    @Override
    void readColumn(ColumnReader reader, int count, int maxDef) {
      for (int i = 0; i < count; i++) {
        if (reader.getCurrentDefinitionLevel() == maxDef) {
          vector.setSafe(i, reader.getBinary().getBytesUnsafe());
        }
        reader.consume();
      }
    }
  }
}
