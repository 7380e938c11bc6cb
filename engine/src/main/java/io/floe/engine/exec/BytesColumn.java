package io.floe.engine.exec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A column of byte strings: VARCHAR/CHAR as UTF-8 (read as {@link String}) or VARBINARY (read as
 * {@code byte[]}). Row i is {@code data[starts[i] .. starts[i] + lengths[i])}; selecting rows shares the data.
 */
public final class BytesColumn extends NullableColumn {
  private static final VarHandle LITTLE_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

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

  /**
   * A hash of row {@code i}'s bytes, eight at a time (a multiply and a rotation per 64-bit word, the last word
   * zero-padded, the length mixed in): a byte at a time, the multiply chain was 5.8% of q10's CPU samples (its
   * grouping by five text columns).
   */
  public int hash(int i) {
    int p = starts[i];
    int length = lengths[i];
    int end = p + length;
    long h = length * GOLDEN;
    for (; p <= end - Long.BYTES; p += Long.BYTES) {
      h = Long.rotateLeft((h ^ (long) LITTLE_ENDIAN_LONG.get(data, p)) * GOLDEN, 29);
    }
    long tail = 0;
    for (int shift = 0; p < end; p++, shift += Byte.SIZE) {
      tail |= (data[p] & 0xFFL) << shift;
    }
    h = (h ^ tail) * GOLDEN;
    return (int) (h ^ (h >>> 32));
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
