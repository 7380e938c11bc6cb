package io.floe.engine.expr;

import io.floe.engine.exec.BytesColumn;
import java.util.Arrays;

/** Builds a {@link BytesColumn} of a known row count, rows written in any order, each at most once. */
final class BytesBuilder {
  private final int[] starts;
  private final int[] lengths;
  private boolean[] nulls;
  private byte[] data;
  private int used;

  BytesBuilder(int rows, int expectedBytes) {
    starts = new int[rows];
    lengths = new int[rows];
    data = new byte[Math.max(16, expectedBytes)];
  }

  /** Row {@code row} is {@code source[from .. from + length)}. */
  void set(int row, byte[] source, int from, int length) {
    ensure(length);
    System.arraycopy(source, from, data, used, length);
    starts[row] = used;
    lengths[row] = length;
    used += length;
  }

  /** Row {@code row} is the ASCII bytes {@code source[from .. from + length)} in upper or lower case. */
  void setAsciiCase(int row, byte[] source, int from, int length, boolean upper) {
    ensure(length);
    byte low = upper ? (byte) 'a' : (byte) 'A';
    byte high = upper ? (byte) 'z' : (byte) 'Z';
    for (int k = 0; k < length; k++) {
      byte c = source[from + k];
      data[used + k] = c >= low && c <= high ? (byte) (c ^ 0x20) : c;
    }
    starts[row] = used;
    lengths[row] = length;
    used += length;
  }

  /** Row {@code row} is the ASCII/UTF-8 encoding of {@code text}. */
  void set(int row, String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    set(row, bytes, 0, bytes.length);
  }

  /** Starts row {@code row} as empty at the end of the data; extend it with {@link #append}. */
  void begin(int row) {
    starts[row] = used;
    lengths[row] = 0;
  }

  /** Appends bytes to row {@code row}, which must be the last row begun. */
  void append(int row, byte[] source, int from, int length) {
    ensure(length);
    System.arraycopy(source, from, data, used, length);
    used += length;
    lengths[row] += length;
  }

  void setNull(int row) {
    if (nulls == null) {
      nulls = new boolean[starts.length];
    }
    nulls[row] = true;
    lengths[row] = 0;
  }

  private void ensure(int more) {
    if (used + more > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, used + more));
    }
  }

  BytesColumn build(boolean text) {
    return new BytesColumn(data, starts, lengths, nulls, starts.length, text);
  }
}
