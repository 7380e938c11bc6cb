package io.floe.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.dictionary.DictionaryValuesReader;
import org.apache.parquet.io.api.Binary;

/**
 * The values section of one data page, read in order: PLAIN fixed-width and byte-array values straight from the
 * page buffer (fixed-width runs copied in bulk), dictionary ids through a decoded dictionary, and any other
 * encoding through Parquet's own {@link ValuesReader}.
 */
abstract class PageValues {
  abstract boolean readBoolean();

  abstract int readInt();

  abstract long readLong();

  abstract float readFloat();

  abstract double readDouble();

  /** Writes the next byte-array value at {@code index} of {@code vector}. */
  abstract void readBinary(BaseVariableWidthVector vector, int index);

  /** Copies the next {@code bytes} bytes of fixed-width values to {@code target} at {@code offset}; false if it cannot. */
  boolean copyFixed(ArrowBuf target, long offset, int bytes) {
    return false;
  }

  /** PLAIN values of INT32, INT64, FLOAT, DOUBLE or BYTE_ARRAY, read from the little-endian page buffer. */
  static final class Plain extends PageValues {
    private final ByteBuffer buffer;
    private final byte[] array;
    private final int arrayOffset;
    private int position;

    Plain(ByteBuffer buffer) {
      this.buffer = buffer.order(ByteOrder.LITTLE_ENDIAN);
      this.position = buffer.position();
      this.array = buffer.hasArray() ? buffer.array() : null;
      this.arrayOffset = buffer.hasArray() ? buffer.arrayOffset() : 0;
    }

    @Override
    boolean readBoolean() {
      throw new UnsupportedOperationException("PLAIN booleans are bit-packed");
    }

    @Override
    int readInt() {
      int value = buffer.getInt(position);
      position += 4;
      return value;
    }

    @Override
    long readLong() {
      long value = buffer.getLong(position);
      position += 8;
      return value;
    }

    @Override
    float readFloat() {
      return Float.intBitsToFloat(readInt());
    }

    @Override
    double readDouble() {
      return Double.longBitsToDouble(readLong());
    }

    /** Copies from the backing array when there is one (a heap buffer would be duplicated per value). */
    @Override
    void readBinary(BaseVariableWidthVector vector, int index) {
      int length = buffer.getInt(position);
      if (array != null) {
        vector.setSafe(index, array, arrayOffset + position + 4, length);
      } else {
        vector.setSafe(index, buffer, position + 4, length);
      }
      position += 4 + length;
    }

    @Override
    boolean copyFixed(ArrowBuf target, long offset, int bytes) {
      target.setBytes(offset, buffer, position, bytes);
      position += bytes;
      return true;
    }
  }

  /** Dictionary ids of a page, looked up in the column chunk's dictionary. */
  static final class DictionaryIds extends PageValues {
    private final DictionaryValuesReader ids;
    private final DecodedDictionary dictionary;

    DictionaryIds(DictionaryValuesReader ids, DecodedDictionary dictionary) {
      this.ids = ids;
      this.dictionary = dictionary;
    }

    @Override
    boolean readBoolean() {
      return dictionary.dictionary().decodeToBoolean(ids.readValueDictionaryId());
    }

    @Override
    int readInt() {
      return dictionary.dictionary().decodeToInt(ids.readValueDictionaryId());
    }

    @Override
    long readLong() {
      return dictionary.dictionary().decodeToLong(ids.readValueDictionaryId());
    }

    @Override
    float readFloat() {
      return dictionary.dictionary().decodeToFloat(ids.readValueDictionaryId());
    }

    @Override
    double readDouble() {
      return dictionary.dictionary().decodeToDouble(ids.readValueDictionaryId());
    }

    @Override
    void readBinary(BaseVariableWidthVector vector, int index) {
      dictionary.writeBinary(ids.readValueDictionaryId(), vector, index);
    }
  }

  /** Any other encoding, through Parquet's reader for it. */
  static final class Decoded extends PageValues {
    private final ValuesReader reader;

    Decoded(ValuesReader reader) {
      this.reader = reader;
    }

    @Override
    boolean readBoolean() {
      return reader.readBoolean();
    }

    @Override
    int readInt() {
      return reader.readInteger();
    }

    @Override
    long readLong() {
      return reader.readLong();
    }

    @Override
    float readFloat() {
      return reader.readFloat();
    }

    @Override
    double readDouble() {
      return reader.readDouble();
    }

    @Override
    void readBinary(BaseVariableWidthVector vector, int index) {
      Binary value = reader.readBytes();
      ByteBuffer bytes = value.toByteBuffer();
      vector.setSafe(index, bytes, bytes.position(), bytes.remaining());
    }
  }

  /** A column chunk's dictionary, with byte-array entries laid out in one array for copying. */
  static final class DecodedDictionary {
    private final org.apache.parquet.column.Dictionary dictionary;
    private final byte[] bytes;
    private final int[] offsets;

    DecodedDictionary(org.apache.parquet.column.Dictionary dictionary, boolean binary) {
      this.dictionary = dictionary;
      if (!binary) {
        this.bytes = null;
        this.offsets = null;
        return;
      }
      int size = dictionary.getMaxId() + 1;
      this.offsets = new int[size + 1];
      for (int id = 0; id < size; id++) {
        offsets[id + 1] = Math.addExact(offsets[id], dictionary.decodeToBinary(id).length());
      }
      this.bytes = new byte[offsets[size]];
      for (int id = 0; id < size; id++) {
        Binary value = dictionary.decodeToBinary(id);
        ByteBuffer source = value.toByteBuffer();
        source.get(bytes, offsets[id], value.length());
      }
    }

    org.apache.parquet.column.Dictionary dictionary() {
      return dictionary;
    }

    void writeBinary(int id, BaseVariableWidthVector vector, int index) {
      vector.setSafe(index, bytes, offsets[id], offsets[id + 1] - offsets[id]);
    }
  }
}
