package io.floe.engine.exec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A column of byte strings: VARCHAR/CHAR as UTF-8 (read as {@link String}) or VARBINARY (read as
 * {@code byte[]}). Row i is {@code data[starts[i] .. starts[i] + lengths[i])}; selecting rows shares the data.
 */
public final class BytesColumn extends NullableColumn {
  private final byte[] data;
  private final int[] starts;
  private final int[] lengths;
  private final boolean text;

  public BytesColumn(byte[] data, int[] starts, int[] lengths, boolean[] nulls, int size, boolean text) {
    super(nulls, size);
    this.data = data;
    this.starts = starts;
    this.lengths = lengths;
    this.text = text;
  }

  /** The same value on {@code size} rows. */
  public static BytesColumn constant(byte[] value, int size, boolean text) {
    int[] lengths = new int[size];
    Arrays.fill(lengths, value.length);
    return new BytesColumn(value, new int[size], lengths, null, size, text);
  }

  public byte[] data() {
    return data;
  }

  public int start(int row) {
    return starts[row];
  }

  public int length(int row) {
    return lengths[row];
  }

  /** Whether the values are text (UTF-8). */
  public boolean text() {
    return text;
  }

  /** Whether row {@code i} equals row {@code j} of {@code other} byte for byte (both non-null). */
  public boolean bytesEqual(int i, BytesColumn other, int j) {
    return Arrays.equals(data, starts[i], starts[i] + lengths[i], other.data, other.starts[j],
        other.starts[j] + other.lengths[j]);
  }

  /** Unsigned byte order of row {@code i} and row {@code j} of {@code other} (UTF-8: code point order). */
  public int compare(int i, BytesColumn other, int j) {
    return Arrays.compareUnsigned(data, starts[i], starts[i] + lengths[i], other.data, other.starts[j],
        other.starts[j] + other.lengths[j]);
  }

  /** A hash of row {@code i}'s bytes. */
  public int hash(int i) {
    int h = 1;
    int end = starts[i] + lengths[i];
    for (int p = starts[i]; p < end; p++) {
      h = 31 * h + data[p];
    }
    return h;
  }

  @Override
  public Object get(int row) {
    if (isNull(row)) {
      return null;
    }
    if (text) {
      return new String(data, starts[row], lengths[row], StandardCharsets.UTF_8);
    }
    return Arrays.copyOfRange(data, starts[row], starts[row] + lengths[row]);
  }

  @Override
  public Column select(int[] rows, int count) {
    int[] s = new int[count];
    int[] l = new int[count];
    for (int i = 0; i < count; i++) {
      s[i] = starts[rows[i]];
      l[i] = lengths[rows[i]];
    }
    return new BytesColumn(data, s, l, Nulls.select(nulls, rows, count), count, text);
  }

  /** The bytes of this column's rows (selections share their data: each counts only its own rows). */
  @Override
  public long memoryBytes() {
    long bytes = 48L + 8L * starts.length + Nulls.bytes(nulls);
    for (int i = 0; i < size; i++) {
      bytes += lengths[i];
    }
    return Math.min(bytes, 48L + 8L * starts.length + Nulls.bytes(nulls) + data.length);
  }
}
