package io.floe.engine.exec;

import java.util.Arrays;

/**
 * A lossless encoding of a row's group keys into one {@code long}, so that a {@link GroupTable} with several keys
 * or a short string key compares one long per row. Each key has a bit field: a {@link LongColumn} (integers,
 * dates, decimals) stores {@code value - base} in as many bits as its range needs, a {@link BytesColumn} of at
 * most {@value #MAX_BYTES} bytes stores its bytes and its length, a {@link BoolColumn} one bit, and a key that
 * has had a NULL one more bit for it (its value bits then 0). A layout is immutable: when a batch holds keys out
 * of its ranges, {@link #fitting} returns a wider layout (the table re-encodes its groups with {@link #repack}),
 * or null when the keys do not fit in 64 bits or a key column changed type.
 */
final class PackedKeys {
  /** The longest byte string a field holds. */
  static final int MAX_BYTES = 7;

  private enum Type { LONG, BYTES, BOOL }

  /**
   * One key's bits at {@code shift}: {@code valueBits} of value, then a NULL flag if {@code nullable}. A long
   * field holds {@code base..base + 2^valueBits - 1}, a bytes field strings of up to {@code maxLength} bytes.
   */
  private record Field(Type type, LongColumn.Kind kind, int scale, boolean text, long base, int maxLength,
      int valueBits, boolean nullable, int shift) {
    int bits() {
      return valueBits + (nullable ? 1 : 0);
    }

    Field at(int newShift) {
      return new Field(type, kind, scale, text, base, maxLength, valueBits, nullable, newShift);
    }

    /** Whether {@code column} has this field's type, kind, scale and text flag. */
    boolean sameType(Column column) {
      switch (type) {
        case LONG:
          return column instanceof LongColumn l && l.kind() == kind && l.scale() == scale;
        case BYTES:
          return column instanceof BytesColumn b && b.text() == text;
        default:
          return column instanceof BoolColumn;
      }
    }

    /** The highest long value this field holds. */
    long top() {
      long top = base + mask(valueBits);
      return top < base ? Long.MAX_VALUE : top;
    }

    /** This field's value bits for a canonical value (see {@link PackedKeys#canonical}). */
    long encode(long canonical) {
      switch (type) {
        case LONG:
          return canonical - base;
        case BYTES:
          return canonical & mask(8 * maxLength) | (canonical >>> 56) << (8 * maxLength);
        default:
          return canonical;
      }
    }

    /** The canonical value of this field's value bits. */
    long decode(long bits) {
      switch (type) {
        case LONG:
          return base + bits;
        case BYTES:
          return bits & mask(8 * maxLength) | (bits >>> (8 * maxLength)) << 56;
        default:
          return bits;
      }
    }
  }

  /** What a batch holds in one key column: whether a NULL, and the range (longs) or longest length (bytes). */
  private record Extent(boolean anyNull, boolean anyValue, long min, long max, int maxLength) {
  }

  private final Field[] fields;

  private PackedKeys(Field[] fields) {
    this.fields = fields;
  }

  /** The exact layout for the keys of {@code n} rows, or null if they cannot be packed into one long. */
  static PackedKeys plan(Column[] cols, int n) {
    Field[] fields = new Field[cols.length];
    int shift = 0;
    for (int k = 0; k < cols.length; k++) {
      Extent e = extent(cols[k], n);
      if (e == null) {
        return null;
      }
      Field f = exactField(cols[k], e, shift);
      if (f == null || shift + f.bits() > 64) {
        return null;
      }
      fields[k] = f;
      shift += f.bits();
    }
    return new PackedKeys(fields);
  }

  /**
   * This layout if it holds the keys of {@code n} rows of {@code cols}, else a layout that holds them and every
   * key this one holds (long ranges get twice the room they need when there is space), or null if none fits.
   */
  PackedKeys fitting(Column[] cols, int n) {
    Extent[] extents = new Extent[fields.length];
    boolean fits = true;
    for (int k = 0; k < fields.length; k++) {
      if (!fields[k].sameType(cols[k])) {
        return null;
      }
      extents[k] = extent(cols[k], n);
      fits &= holds(fields[k], extents[k]);
    }
    if (fits) {
      return this;
    }
    PackedKeys roomy = widened(extents, 1);
    return roomy != null ? roomy : widened(extents, 0);
  }

  private PackedKeys widened(Extent[] extents, int slackBits) {
    Field[] out = new Field[fields.length];
    int shift = 0;
    for (int k = 0; k < fields.length; k++) {
      Field f = fields[k];
      Extent e = extents[k];
      Field w = holds(f, e) ? f.at(shift) : widenedField(f, e, shift, slackBits);
      if (w == null || shift + w.bits() > 64) {
        return null;
      }
      out[k] = w;
      shift += w.bits();
    }
    return new PackedKeys(out);
  }

  private static Field widenedField(Field f, Extent e, int shift, int slackBits) {
    boolean nullable = f.nullable || e.anyNull;
    switch (f.type) {
      case LONG: {
        long lo = e.anyValue ? Math.min(f.base, e.min) : f.base;
        long hi = e.anyValue ? Math.max(f.top(), e.max) : f.top();
        int bits = rangeBits(lo, hi);
        if (slackBits > 0 && lo < f.base && bits < 63) {
          // extended downwards: leave as much room again below
          long lower = lo - (1L << bits);
          lo = lower < lo ? lower : Long.MIN_VALUE;
          bits = rangeBits(lo, hi);
        } else if (slackBits > 0 && hi > f.top()) {
          bits += slackBits;
        }
        if (bits > 63) {
          return null;
        }
        return new Field(Type.LONG, f.kind, f.scale, false, lo, 0, bits, nullable, shift);
      }
      case BYTES: {
        int length = Math.max(f.maxLength, e.maxLength);
        if (length > MAX_BYTES) {
          return null;
        }
        return new Field(Type.BYTES, null, 0, f.text, 0, length, bytesBits(length), nullable, shift);
      }
      default:
        return new Field(Type.BOOL, null, 0, false, 0, 0, 1, nullable, shift);
    }
  }

  private static boolean holds(Field f, Extent e) {
    if (e.anyNull && !f.nullable) {
      return false;
    }
    if (!e.anyValue) {
      return true;
    }
    switch (f.type) {
      case LONG:
        return e.min >= f.base && e.max <= f.top();
      case BYTES:
        return e.maxLength <= f.maxLength;
      default:
        return true;
    }
  }

  private static Field exactField(Column c, Extent e, int shift) {
    if (c instanceof LongColumn l) {
      int bits = e.anyValue ? rangeBits(e.min, e.max) : 0;
      return bits > 63 ? null
          : new Field(Type.LONG, l.kind(), l.scale(), false, e.anyValue ? e.min : 0, 0, bits, e.anyNull, shift);
    }
    if (c instanceof BytesColumn b) {
      return e.maxLength > MAX_BYTES ? null
          : new Field(Type.BYTES, null, 0, b.text(), 0, e.maxLength, bytesBits(e.maxLength), e.anyNull, shift);
    }
    return new Field(Type.BOOL, null, 0, false, 0, 0, 1, e.anyNull, shift);
  }

  /** The bits {@code hi - lo} needs (64 when it does not fit a signed long's range). */
  private static int rangeBits(long lo, long hi) {
    long range = hi - lo;
    return range < 0 ? 64 : 64 - Long.numberOfLeadingZeros(range);
  }

  /** Bytes and length of strings of up to {@code maxLength} bytes. */
  private static int bytesBits(int maxLength) {
    return 8 * maxLength + 32 - Integer.numberOfLeadingZeros(maxLength);
  }

  private static long mask(int bits) {
    return bits >= 64 ? -1L : (1L << bits) - 1;
  }

  /** The extent of the first {@code n} rows of {@code c}, or null if its type cannot be packed. */
  private static Extent extent(Column c, int n) {
    if (!(c instanceof LongColumn || c instanceof BytesColumn || c instanceof BoolColumn)) {
      return null;
    }
    boolean[] nulls = ((NullableColumn) c).nulls();
    int nullCount = 0;
    for (int r = 0; nulls != null && r < n; r++) {
      nullCount += nulls[r] ? 1 : 0;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int longest = 0;
    if (c instanceof LongColumn l) {
      long[] values = l.values();
      for (int r = 0; r < n; r++) {
        if (nulls == null || !nulls[r]) {
          min = Math.min(min, values[r]);
          max = Math.max(max, values[r]);
        }
      }
    } else if (c instanceof BytesColumn b) {
      for (int r = 0; r < n; r++) {
        if (nulls == null || !nulls[r]) {
          longest = Math.max(longest, b.length(r));
        }
      }
    }
    return new Extent(nullCount > 0, nullCount < n, min, max, longest);
  }

  /** Writes the packed keys of the first {@code n} rows of {@code cols} (which this layout holds) to {@code out}. */
  void encode(Column[] cols, int n, long[] out) {
    Arrays.fill(out, 0, n, 0L);
    for (int k = 0; k < fields.length; k++) {
      Field f = fields[k];
      int shift = f.shift;
      boolean[] nulls = ((NullableColumn) cols[k]).nulls();
      long nullBit = f.nullable ? 1L << (shift + f.valueBits) : 0;
      if (f.type == Type.LONG) {
        long[] values = ((LongColumn) cols[k]).values();
        long base = f.base;
        if (nulls == null) {
          for (int r = 0; r < n; r++) {
            out[r] |= (values[r] - base) << shift;
          }
        } else {
          for (int r = 0; r < n; r++) {
            out[r] |= nulls[r] ? nullBit : (values[r] - base) << shift;
          }
        }
      } else if (f.type == Type.BYTES) {
        BytesColumn b = (BytesColumn) cols[k];
        byte[] data = b.data();
        int lengthShift = shift + 8 * f.maxLength;
        if (f.maxLength == 1 && nulls == null) {
          // one-character flags (TPC-H's l_returnflag): the byte and a length bit
          for (int r = 0; r < n; r++) {
            out[r] |= b.length(r) == 0 ? 0 : (data[b.start(r)] & 0xFFL | 0x100L) << shift;
          }
          continue;
        }
        for (int r = 0; r < n; r++) {
          if (nulls != null && nulls[r]) {
            out[r] |= nullBit;
            continue;
          }
          int start = b.start(r);
          int length = b.length(r);
          long v = 0;
          for (int i = 0; i < length; i++) {
            v |= (data[start + i] & 0xFFL) << (8 * i);
          }
          out[r] |= v << shift | (long) length << lengthShift;
        }
      } else {
        boolean[] values = ((BoolColumn) cols[k]).values();
        for (int r = 0; r < n; r++) {
          out[r] |= nulls != null && nulls[r] ? nullBit : values[r] ? 1L << shift : 0;
        }
      }
    }
  }

  /** {@code packed} (a key in layout {@code from}, which this layout holds) in this layout. */
  long repack(long packed, PackedKeys from) {
    long out = 0;
    for (int k = 0; k < fields.length; k++) {
      Field old = from.fields[k];
      Field f = fields[k];
      long bits = packed >>> old.shift & mask(old.bits());
      if (old.nullable && bits >>> old.valueBits != 0) {
        out |= 1L << (f.shift + f.valueBits);
      } else {
        out |= f.encode(old.decode(bits)) << f.shift;
      }
    }
    return out;
  }

  /** The key columns of packed keys {@code packed[from..to)}. */
  Column[] decode(long[] packed, int from, int to) {
    int n = to - from;
    Column[] out = new Column[fields.length];
    for (int k = 0; k < fields.length; k++) {
      Field f = fields[k];
      long fieldMask = mask(f.bits());
      boolean[] nulls = null;
      long[] canonical = new long[n];
      for (int i = 0; i < n; i++) {
        long bits = packed[from + i] >>> f.shift & fieldMask;
        if (f.nullable && bits >>> f.valueBits != 0) {
          nulls = nulls == null ? new boolean[n] : nulls;
          nulls[i] = true;
        } else {
          canonical[i] = f.decode(bits);
        }
      }
      out[k] = column(f, canonical, nulls, n);
    }
    return out;
  }

  private static Column column(Field f, long[] canonical, boolean[] nulls, int n) {
    switch (f.type) {
      case LONG:
        return new LongColumn(canonical, nulls, n, f.kind, f.scale);
      case BOOL: {
        boolean[] values = new boolean[n];
        for (int i = 0; i < n; i++) {
          values[i] = canonical[i] != 0;
        }
        return new BoolColumn(values, nulls, n);
      }
      default: {
        int[] starts = new int[n];
        int[] lengths = new int[n];
        byte[] data = new byte[n * f.maxLength];
        int size = 0;
        for (int i = 0; i < n; i++) {
          int length = nulls != null && nulls[i] ? 0 : (int) (canonical[i] >>> 56);
          starts[i] = size;
          lengths[i] = length;
          for (int b = 0; b < length; b++) {
            data[size++] = (byte) (canonical[i] >>> (8 * b));
          }
        }
        return new BytesColumn(data, starts, lengths, nulls, n, f.text);
      }
    }
  }
}
