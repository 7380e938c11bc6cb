package io.floe.types;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.UUID;

/**
 * Orderings of internal values (see {@link Type}) as the Iceberg spec defines them for bounds and sorting:
 * numbers numerically, floats and doubles in the total order {@code -Inf < ... < -0.0 < 0.0 < ... < Inf < NaN},
 * strings by Unicode code point (the same as unsigned UTF-8 bytes), binary and fixed by unsigned bytes, uuids by
 * their 16 big-endian bytes compared unsigned, booleans {@code false < true}.
 */
public final class Comparators {
  private static final Comparator<Object> BOOLEANS = (a, b) -> Boolean.compare((Boolean) a, (Boolean) b);
  private static final Comparator<Object> INTS = (a, b) -> Integer.compare((Integer) a, (Integer) b);
  private static final Comparator<Object> LONGS = (a, b) -> Long.compare((Long) a, (Long) b);
  private static final Comparator<Object> FLOATS = (a, b) -> Float.compare((Float) a, (Float) b);
  private static final Comparator<Object> DOUBLES = (a, b) -> Double.compare((Double) a, (Double) b);
  private static final Comparator<Object> DECIMALS = (a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b);
  private static final Comparator<Object> STRINGS = (a, b) -> compareStrings((CharSequence) a, (CharSequence) b);
  private static final Comparator<Object> UUIDS = (a, b) -> compareUuids((UUID) a, (UUID) b);
  private static final Comparator<Object> BYTES = (a, b) -> compareUnsigned((ByteBuffer) a, (ByteBuffer) b);

  private Comparators() {
  }

  /** The ordering of internal values of a primitive type; IllegalArgumentException for nested types. */
  public static Comparator<Object> forType(Type type) {
    return switch (type.typeId()) {
      case BOOLEAN -> BOOLEANS;
      case INT, DATE -> INTS;
      case LONG, TIME, TIMESTAMP, TIMESTAMPTZ -> LONGS;
      case FLOAT -> FLOATS;
      case DOUBLE -> DOUBLES;
      case DECIMAL -> DECIMALS;
      case STRING -> STRINGS;
      case UUID -> UUIDS;
      case FIXED, BINARY -> BYTES;
      case STRUCT, LIST, MAP -> throw new IllegalArgumentException("values of nested type " + type + " have no ordering");
    };
  }

  /** Compares by Unicode code point, which is the order of the strings' UTF-8 bytes compared unsigned. */
  public static int compareStrings(CharSequence a, CharSequence b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        boolean sa = Character.isSurrogate(ca);
        boolean sb = Character.isSurrogate(cb);
        if (sa != sb) {
          // a surrogate encodes a code point above U+FFFF, greater than any char outside the surrogate range
          return sa ? 1 : -1;
        }
        return Character.compare(ca, cb);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /** Lexicographic comparison of the remaining bytes, each unsigned; a proper prefix sorts first. */
  public static int compareUnsigned(ByteBuffer a, ByteBuffer b) {
    int pa = a.position();
    int pb = b.position();
    int n = Math.min(a.remaining(), b.remaining());
    for (int i = 0; i < n; i++) {
      int cmp = Integer.compare(a.get(pa + i) & 0xFF, b.get(pb + i) & 0xFF);
      if (cmp != 0) {
        return cmp;
      }
    }
    return Integer.compare(a.remaining(), b.remaining());
  }

  /** Compares the 16 big-endian bytes unsigned (RFC 9562 order), unlike {@link UUID#compareTo}. */
  public static int compareUuids(UUID a, UUID b) {
    int cmp = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return cmp != 0 ? cmp : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
