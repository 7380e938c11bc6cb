package io.floe.arrow;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Copies chosen rows of one vector into a new vector of the same type: fixed- and variable-width vectors by runs of
 * consecutive rows (one buffer copy per run, validity bit by bit), other vectors value by value.
 */
final class VectorGather {
  private VectorGather() {
  }

  /** Fills {@code target} (new, empty, of {@code source}'s type) with rows {@code rows[0..count)} of {@code source}. */
  static void gather(FieldVector source, FieldVector target, int[] rows, int count) {
    if (source instanceof BaseFixedWidthVector from && !(source instanceof BitVector)) {
      fixedWidth(from, (BaseFixedWidthVector) target, rows, count);
    } else if (source instanceof BaseVariableWidthVector from) {
      variableWidth(from, (BaseVariableWidthVector) target, rows, count);
    } else {
      target.setInitialCapacity(count);
      target.allocateNew();
      for (int i = 0; i < count; i++) {
        target.copyFromSafe(rows[i], i, source);
      }
    }
    target.setValueCount(count);
  }

  private static void fixedWidth(BaseFixedWidthVector source, BaseFixedWidthVector target, int[] rows, int count) {
    target.allocateNew(count);
    long width = source.getTypeWidth();
    ArrowBuf from = source.getDataBuffer();
    ArrowBuf to = target.getDataBuffer();
    for (int i = 0; i < count; ) {
      int run = run(rows, i, count);
      to.setBytes(i * width, from, rows[i] * width, run * width);
      i += run;
    }
    validity(source.getValidityBuffer(), source.getNullCount() == 0, target.getValidityBuffer(), rows, count);
  }

  private static void variableWidth(BaseVariableWidthVector source, BaseVariableWidthVector target, int[] rows,
                                    int count) {
    ArrowBuf offsets = source.getOffsetBuffer();
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      bytes += offsets.getInt((rows[i] + 1L) * 4) - offsets.getInt(rows[i] * 4L);
    }
    target.allocateNew(Math.max(1, bytes), count);
    ArrowBuf targetOffsets = target.getOffsetBuffer();
    ArrowBuf from = source.getDataBuffer();
    ArrowBuf to = target.getDataBuffer();
    int end = 0;
    targetOffsets.setInt(0, 0);
    for (int i = 0; i < count; ) {
      int run = run(rows, i, count);
      int start = offsets.getInt(rows[i] * 4L);
      int length = offsets.getInt((rows[i] + (long) run) * 4) - start;
      to.setBytes(end, from, start, length);
      for (int k = 0; k < run; k++) {
        targetOffsets.setInt((i + k + 1L) * 4, end + offsets.getInt((rows[i] + k + 1L) * 4) - start);
      }
      end += length;
      i += run;
    }
    validity(source.getValidityBuffer(), source.getNullCount() == 0, target.getValidityBuffer(), rows, count);
    target.setLastSet(count - 1);
  }

  /** The length of the run of consecutive rows starting at {@code rows[i]}. */
  private static int run(int[] rows, int i, int count) {
    int j = i + 1;
    while (j < count && rows[j] == rows[j - 1] + 1) {
      j++;
    }
    return j - i;
  }

  private static void validity(ArrowBuf from, boolean noNulls, ArrowBuf to, int[] rows, int count) {
    if (noNulls) {
      for (int i = 0; i < count; i++) {
        BitVectorHelper.setBit(to, i);
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      if (BitVectorHelper.get(from, rows[i]) != 0) {
        BitVectorHelper.setBit(to, i);
      }
    }
  }
}
