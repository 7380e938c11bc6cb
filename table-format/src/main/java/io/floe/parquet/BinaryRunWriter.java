package io.floe.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;

/**
 * Writes a run of byte-array values and nulls into consecutive rows of a variable-width vector: values are
 * gathered in a heap array and land in the vector with one copy, offsets and validity bits after them.
 */
final class BinaryRunWriter {
  /** Bytes a dictionary keeps after its last entry, for the word-wise copies of short values. */
  static final int PADDING = 16;
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private byte[] bytes = new byte[1 << 12];
  /** Per row of the run, its length, or -1 for null. */
  private int[] lengths = new int[1 << 10];
  private int used;
  private int rows;
  private BaseVariableWidthVector vector;
  private int firstRow;
  private boolean hasNulls;

  /** Starts a run at row {@code row} of {@code target}, whose rows before it are written. */
  void begin(BaseVariableWidthVector target, int row) {
    this.vector = target;
    this.firstRow = row;
    this.used = 0;
    this.rows = 0;
    this.hasNulls = false;
  }

  /** Appends a value: {@code length} bytes of {@code source} from {@code offset}. */
  void append(byte[] source, int offset, int length) {
    ensureBytes(length);
    System.arraycopy(source, offset, bytes, used, length);
    used += length;
    addRow(length);
  }

  /**
   * Appends the values {@code ids[0..n)} of a dictionary whose entry {@code id} is
   * {@code entries[offsets[id]..offsets[id + 1])}, none longer than {@code maxLength}, followed in
   * {@code entries} by at least {@link #PADDING} bytes: values up to 16 bytes are copied as two 8-byte words
   * (bytes past a value are overwritten by the next one).
   */
  void appendDictionary(int[] ids, int n, byte[] entries, int[] offsets, int maxLength) {
    ensureBytes((long) n * maxLength + PADDING);
    if (rows + n > lengths.length) {
      lengths = Arrays.copyOf(lengths, Math.max(rows + n, lengths.length * 2));
    }
    byte[] target = bytes;
    int at = used;
    for (int i = 0; i < n; i++) {
      int id = ids[i];
      int start = offsets[id];
      int length = offsets[id + 1] - start;
      if (length <= PADDING) {
        WORDS.set(target, at, (long) WORDS.get(entries, start));
        WORDS.set(target, at + 8, (long) WORDS.get(entries, start + 8));
      } else {
        System.arraycopy(entries, start, target, at, length);
      }
      at += length;
      lengths[rows + i] = length;
    }
    used = at;
    rows += n;
  }

  private void ensureBytes(long more) {
    long needed = used + more;
    if (needed > bytes.length) {
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("a batch of column values exceeds 2 GiB");
      }
      bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length)));
    }
  }

  /** Appends {@code count} nulls. */
  void appendNulls(int count) {
    for (int i = 0; i < count; i++) {
      addRow(-1);
    }
    hasNulls = true;
  }

  private void addRow(int length) {
    if (rows == lengths.length) {
      lengths = Arrays.copyOf(lengths, rows * 2);
    }
    lengths[rows++] = length;
  }

  /** Writes the run into the vector. */
  void finish() {
    if (rows == 0) {
      return;
    }
    if (vector.getLastSet() < firstRow - 1) {
      vector.fillEmpties(firstRow);
    }
    while (vector.getValueCapacity() < firstRow + rows) {
      vector.reallocValidityAndOffsetBuffers();
    }
    ArrowBuf offsets = vector.getOffsetBuffer();
    int start = offsets.getInt((long) firstRow * BaseVariableWidthVector.OFFSET_WIDTH);
    long needed = (long) start + used;
    if (needed > Integer.MAX_VALUE) {
      throw new IllegalStateException("a batch of column values exceeds 2 GiB");
    }
    while (vector.getDataBuffer().capacity() < needed) {
      vector.reallocDataBuffer();
    }
    vector.getDataBuffer().setBytes(start, bytes, 0, used);
    offsets = vector.getOffsetBuffer();
    ArrowBuf validity = vector.getValidityBuffer();
    int end = start;
    if (hasNulls) {
      for (int i = 0; i < rows; i++) {
        int length = lengths[i];
        int row = firstRow + i;
        if (length >= 0) {
          end += length;
          BitVectorHelper.setBit(validity, row);
        }
        offsets.setInt((long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH, end);
      }
    } else {
      for (int i = 0; i < rows; i++) {
        end += lengths[i];
        offsets.setInt((long) (firstRow + i + 1) * BaseVariableWidthVector.OFFSET_WIDTH, end);
      }
      ValidityBits.setRange(validity, firstRow, rows);
    }
    vector.setLastSet(firstRow + rows - 1);
    rows = 0;
    used = 0;
  }
}
