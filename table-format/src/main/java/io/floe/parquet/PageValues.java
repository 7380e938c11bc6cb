package io.floe.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Binary;

/**
 * The values section of one data page, read in order and in bulk: PLAIN fixed-width and byte-array values straight
 * from the page buffer (fixed-width runs copied in bulk), dictionary ids decoded a run at a time and looked up in a
 * decoded dictionary, and any other encoding through Parquet's own {@link ValuesReader}.
 */
abstract class PageValues {
  abstract boolean readBoolean();

  /** Reads the next {@code n} INT32 values into {@code out[0..n)}. */
  abstract void readInts(int[] out, int n);

  /** Reads the next {@code n} INT64 values into {@code out[0..n)}. */
  abstract void readLongs(long[] out, int n);

  /** Reads the next {@code n} FLOAT values into {@code out[0..n)}. */
  abstract void readFloats(float[] out, int n);

  /** Reads the next {@code n} DOUBLE values into {@code out[0..n)}. */
  abstract void readDoubles(double[] out, int n);

  /** Appends the next {@code n} byte-array values to {@code out}. */
  abstract void readBinaries(BinaryRunWriter out, int n);

  /**
   * Passes over the next {@code n} values without decoding them; {@code plainWidth} is the bytes of one PLAIN value
   * of the column (0 for byte arrays, whose lengths are read).
   */
  abstract void skip(int n, int plainWidth);

  /**
   * Of the next {@code n} values (all defined), reads those at indexes {@code rows[from..to) - base} (increasing,
   * below {@code n}) into {@code out[0..to - from)} ({@code out} holds at least {@code n}): the encodings that can
   * pick values (PLAIN, dictionary ids) look up only those; the others decode all {@code n} into {@code out} and
   * move the picked ones to its front. The same for the other value types below.
   */
  void gatherInts(int[] out, int n, int[] rows, int from, int to, int base) {
    readInts(out, n);
    for (int k = from; k < to; k++) {
      out[k - from] = out[rows[k] - base];
    }
  }

  void gatherLongs(long[] out, int n, int[] rows, int from, int to, int base) {
    readLongs(out, n);
    for (int k = from; k < to; k++) {
      out[k - from] = out[rows[k] - base];
    }
  }

  void gatherFloats(float[] out, int n, int[] rows, int from, int to, int base) {
    readFloats(out, n);
    for (int k = from; k < to; k++) {
      out[k - from] = out[rows[k] - base];
    }
  }

  void gatherDoubles(double[] out, int n, int[] rows, int from, int to, int base) {
    readDoubles(out, n);
    for (int k = from; k < to; k++) {
      out[k - from] = out[rows[k] - base];
    }
  }

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

    /** The next {@code bytes} bytes of values as a little-endian buffer, consumed. */
    private ByteBuffer take(int bytes) {
      ByteBuffer slice = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      slice.position(position).limit(position + bytes);
      position += bytes;
      return slice;
    }

    @Override
    void readInts(int[] out, int n) {
      take(4 * n).asIntBuffer().get(out, 0, n);
    }

    @Override
    void readLongs(long[] out, int n) {
      take(8 * n).asLongBuffer().get(out, 0, n);
    }

    @Override
    void readFloats(float[] out, int n) {
      take(4 * n).asFloatBuffer().get(out, 0, n);
    }

    @Override
    void readDoubles(double[] out, int n) {
      take(8 * n).asDoubleBuffer().get(out, 0, n);
    }

    /** Copies from the backing array when there is one, else through a copy of each value. */
    @Override
    void readBinaries(BinaryRunWriter out, int n) {
      for (int i = 0; i < n; i++) {
        int length = buffer.getInt(position);
        if (length < 0 || position + 4 + length > buffer.limit()) {
          throw new ParquetDecodingException("PLAIN byte-array value of length " + length + " runs past its page");
        }
        if (array != null) {
          out.append(array, arrayOffset + position + 4, length);
        } else {
          byte[] value = new byte[length];
          buffer.get(position + 4, value);
          out.append(value, 0, length);
        }
        position += 4 + length;
      }
    }

    @Override
    void gatherInts(int[] out, int n, int[] rows, int from, int to, int base) {
      for (int k = from; k < to; k++) {
        out[k - from] = buffer.getInt(position + 4 * (rows[k] - base));
      }
      position += 4 * n;
    }

    @Override
    void gatherLongs(long[] out, int n, int[] rows, int from, int to, int base) {
      for (int k = from; k < to; k++) {
        out[k - from] = buffer.getLong(position + 8 * (rows[k] - base));
      }
      position += 8 * n;
    }

    @Override
    void gatherFloats(float[] out, int n, int[] rows, int from, int to, int base) {
      for (int k = from; k < to; k++) {
        out[k - from] = buffer.getFloat(position + 4 * (rows[k] - base));
      }
      position += 4 * n;
    }

    @Override
    void gatherDoubles(double[] out, int n, int[] rows, int from, int to, int base) {
      for (int k = from; k < to; k++) {
        out[k - from] = buffer.getDouble(position + 8 * (rows[k] - base));
      }
      position += 8 * n;
    }

    @Override
    void skip(int n, int plainWidth) {
      if (plainWidth > 0) {
        position += n * plainWidth;
        return;
      }
      for (int i = 0; i < n; i++) {
        int length = buffer.getInt(position);
        if (length < 0 || position + 4 + length > buffer.limit()) {
          throw new ParquetDecodingException("PLAIN byte-array value of length " + length + " runs past its page");
        }
        position += 4 + length;
      }
    }

    @Override
    boolean copyFixed(ArrowBuf target, long offset, int bytes) {
      target.setBytes(offset, buffer, position, bytes);
      position += bytes;
      return true;
    }
  }

  /** Dictionary ids of a page (RLE / bit-packed, decoded in bulk), looked up in the column chunk's dictionary. */
  static final class DictionaryIds extends PageValues {
    private final RleBitPackedDecoder ids;
    private final DecodedDictionary dictionary;
    private int[] scratch = new int[0];

    DictionaryIds(RleBitPackedDecoder ids, DecodedDictionary dictionary) {
      this.ids = ids;
      this.dictionary = dictionary;
    }

    private int[] ids(int n) {
      if (scratch.length < n) {
        scratch = new int[Math.max(n, 1024)];
      }
      ids.read(scratch, 0, n);
      return scratch;
    }

    @Override
    boolean readBoolean() {
      return dictionary.dictionary().decodeToBoolean(ids(1)[0]);
    }

    @Override
    void readInts(int[] out, int n) {
      int[] id = ids(n);
      int[] values = dictionary.ints();
      for (int i = 0; i < n; i++) {
        out[i] = values[id[i]];
      }
    }

    @Override
    void readLongs(long[] out, int n) {
      int[] id = ids(n);
      long[] values = dictionary.longs();
      for (int i = 0; i < n; i++) {
        out[i] = values[id[i]];
      }
    }

    @Override
    void readFloats(float[] out, int n) {
      int[] id = ids(n);
      float[] values = dictionary.floats();
      for (int i = 0; i < n; i++) {
        out[i] = values[id[i]];
      }
    }

    @Override
    void readDoubles(double[] out, int n) {
      int[] id = ids(n);
      double[] values = dictionary.doubles();
      for (int i = 0; i < n; i++) {
        out[i] = values[id[i]];
      }
    }

    @Override
    void readBinaries(BinaryRunWriter out, int n) {
      dictionary.appendBinaries(ids(n), n, out);
    }

    @Override
    void skip(int n, int plainWidth) {
      ids.skip(n);
    }

    @Override
    void gatherInts(int[] out, int n, int[] rows, int from, int to, int base) {
      int[] id = ids(n);
      int[] values = dictionary.ints();
      for (int k = from; k < to; k++) {
        out[k - from] = values[id[rows[k] - base]];
      }
    }

    @Override
    void gatherLongs(long[] out, int n, int[] rows, int from, int to, int base) {
      int[] id = ids(n);
      long[] values = dictionary.longs();
      for (int k = from; k < to; k++) {
        out[k - from] = values[id[rows[k] - base]];
      }
    }

    @Override
    void gatherFloats(float[] out, int n, int[] rows, int from, int to, int base) {
      int[] id = ids(n);
      float[] values = dictionary.floats();
      for (int k = from; k < to; k++) {
        out[k - from] = values[id[rows[k] - base]];
      }
    }

    @Override
    void gatherDoubles(double[] out, int n, int[] rows, int from, int to, int base) {
      int[] id = ids(n);
      double[] values = dictionary.doubles();
      for (int k = from; k < to; k++) {
        out[k - from] = values[id[rows[k] - base]];
      }
    }
  }

  /** Any other encoding, through Parquet's reader for it, value by value. */
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
    void readInts(int[] out, int n) {
      for (int i = 0; i < n; i++) {
        out[i] = reader.readInteger();
      }
    }

    @Override
    void readLongs(long[] out, int n) {
      for (int i = 0; i < n; i++) {
        out[i] = reader.readLong();
      }
    }

    @Override
    void readFloats(float[] out, int n) {
      for (int i = 0; i < n; i++) {
        out[i] = reader.readFloat();
      }
    }

    @Override
    void readDoubles(double[] out, int n) {
      for (int i = 0; i < n; i++) {
        out[i] = reader.readDouble();
      }
    }

    @Override
    void skip(int n, int plainWidth) {
      reader.skip(n);
    }

    @Override
    void readBinaries(BinaryRunWriter out, int n) {
      for (int i = 0; i < n; i++) {
        Binary value = reader.readBytes();
        byte[] bytes = value.getBytesUnsafe();
        out.append(bytes, 0, value.length());
      }
    }
  }

  /**
   * A column chunk's dictionary, decoded once into a primitive array of its type (made on first use), byte-array
   * entries laid out in one array for copying.
   */
  static final class DecodedDictionary {
    private final org.apache.parquet.column.Dictionary dictionary;
    private final int size;
    private final byte[] bytes;
    private final int[] offsets;
    private final int maxLength;
    private int[] ints;
    private long[] longs;
    private float[] floats;
    private double[] doubles;

    DecodedDictionary(org.apache.parquet.column.Dictionary dictionary, boolean binary) {
      this.dictionary = dictionary;
      this.size = dictionary.getMaxId() + 1;
      if (!binary) {
        this.bytes = null;
        this.offsets = null;
        this.maxLength = 0;
        return;
      }
      this.offsets = new int[size + 1];
      for (int id = 0; id < size; id++) {
        offsets[id + 1] = Math.addExact(offsets[id], dictionary.decodeToBinary(id).length());
      }
      this.bytes = new byte[offsets[size] + BinaryRunWriter.PADDING];
      int longest = 0;
      for (int id = 0; id < size; id++) {
        longest = Math.max(longest, offsets[id + 1] - offsets[id]);
        Binary value = dictionary.decodeToBinary(id);
        ByteBuffer source = value.toByteBuffer();
        source.get(bytes, offsets[id], value.length());
      }
      this.maxLength = longest;
    }

    org.apache.parquet.column.Dictionary dictionary() {
      return dictionary;
    }

    int[] ints() {
      if (ints == null) {
        ints = new int[size];
        for (int id = 0; id < size; id++) {
          ints[id] = dictionary.decodeToInt(id);
        }
      }
      return ints;
    }

    long[] longs() {
      if (longs == null) {
        longs = new long[size];
        for (int id = 0; id < size; id++) {
          longs[id] = dictionary.decodeToLong(id);
        }
      }
      return longs;
    }

    float[] floats() {
      if (floats == null) {
        floats = new float[size];
        for (int id = 0; id < size; id++) {
          floats[id] = dictionary.decodeToFloat(id);
        }
      }
      return floats;
    }

    double[] doubles() {
      if (doubles == null) {
        doubles = new double[size];
        for (int id = 0; id < size; id++) {
          doubles[id] = dictionary.decodeToDouble(id);
        }
      }
      return doubles;
    }

    void appendBinaries(int[] ids, int n, BinaryRunWriter out) {
      out.appendDictionary(ids, n, bytes, offsets, maxLength);
    }
  }
}
