package io.floe.parquet;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;

/**
 * Writes a run of byte-array values and nulls into consecutive rows of a variable-width vector: values are
 * gathered in a heap array and land in the vector with one copy, offsets and validity bits after them.
 */
final class BinaryRunWriter {
  private byte[] bytes = new byte[1 << 12];
  /** Per row of the run, its length, or -1 for null. */
  private int[] lengths = new int[1 << 10];
  private int used;
  private int rows;
  private BaseVariableWidthVector vector;
  private int firstRow;

  /** Starts a run at row {@code row} of {@code target}, whose rows before it are written. */
  void begin(BaseVariableWidthVector target, int row) {
    this.vector = target;
    this.firstRow = row;
    this.used = 0;
    this.rows = 0;
  }

  /** Appends a value: {@code length} bytes of {@code source} from {@code offset}. */
  void append(byte[] source, int offset, int length) {
    if (used + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(used + length, bytes.length * 2));
    }
    System.arraycopy(source, offset, bytes, used, length);
    used += length;
    addRow(length);
  }

  /** Appends {@code count} nulls. */
  void appendNulls(int count) {
    for (int i = 0; i < count; i++) {
      addRow(-1);
    }
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
    for (int i = 0; i < rows; i++) {
      int length = lengths[i];
      int row = firstRow + i;
      if (length >= 0) {
        end += length;
        BitVectorHelper.setBit(validity, row);
      }
      offsets.setInt((long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH, end);
    }
    vector.setLastSet(firstRow + rows - 1);
    rows = 0;
    used = 0;
  }
}
