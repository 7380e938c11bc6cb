package io.floe.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;

/** Arrow validity bits set in bulk. */
final class ValidityBits {
  private ValidityBits() {
  }

  /** Sets the bits of rows from..from+n-1: bit by bit up to a byte boundary, whole bytes in between. */
  static void setRange(ArrowBuf validity, int from, int n) {
    int end = from + n;
    int i = from;
    for (; i < end && (i & 7) != 0; i++) {
      BitVectorHelper.setBit(validity, i);
    }
    int wholeBytes = (end - i) >>> 3;
    if (wholeBytes > 0) {
      validity.setOne((long) (i >>> 3), wholeBytes);
      i += wholeBytes << 3;
    }
    for (; i < end; i++) {
      BitVectorHelper.setBit(validity, i);
    }
  }
}
