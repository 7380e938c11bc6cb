package io.floe.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Random internal values of every primitive type, biased towards edge cases, for property tests. */
public final class RandomValues {
  /** One type of every kind, with a few decimal shapes. */
  public static final List<PrimitiveType> PRIMITIVES = List.of(
      Types.BOOLEAN, Types.INT, Types.LONG, Types.FLOAT, Types.DOUBLE, Types.decimal(9, 2), Types.decimal(18, 6),
      Types.decimal(38, 10), Types.decimal(5, 0), Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIMESTAMPTZ,
      Types.STRING, Types.UUID, Types.fixed(7), Types.BINARY);

  /** Micros of 0001-01-01T00:00 and 9999-12-31T23:59:59.999999, the range java.time handles everywhere. */
  public static final long MIN_TS = -62135596800_000_000L;
  public static final long MAX_TS = 253402300799_999_999L;
  private static final int MIN_DATE = -719162;
  private static final int MAX_DATE = 2932896;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private RandomValues() {
  }

  public static Object value(Random r, PrimitiveType type) {
    return switch (type.typeId()) {
      case BOOLEAN -> r.nextBoolean();
      case INT -> randomInt(r);
      case LONG -> randomLong(r);
      case FLOAT -> randomFloat(r);
      case DOUBLE -> randomDouble(r);
      case DECIMAL -> randomDecimal(r, type);
      case DATE -> pick(r, 8) ? pickOne(r, 0, -1, 1, MIN_DATE, MAX_DATE, -365, 365, 17486) : MIN_DATE + r.nextInt(MAX_DATE - MIN_DATE);
      case TIME -> pick(r, 8) ? pickOne(r, 0L, MICROS_PER_DAY - 1, 81068000000L) : Math.floorMod(r.nextLong(), MICROS_PER_DAY);
      case TIMESTAMP, TIMESTAMPTZ -> randomTimestamp(r);
      case STRING -> randomString(r, r.nextInt(12));
      case UUID -> pick(r, 8) ? pickOne(r, new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 0), new UUID(0, Long.MIN_VALUE))
          : new UUID(r.nextLong(), r.nextLong());
      case FIXED -> ByteBuffer.wrap(randomBytes(r, type.length()));
      case BINARY -> ByteBuffer.wrap(randomBytes(r, r.nextInt(10)));
      case STRUCT, LIST, MAP -> throw new IllegalArgumentException(type.toString());
    };
  }

  public static int randomInt(Random r) {
    if (pick(r, 6)) {
      return pickOne(r, 0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1, 34, -34);
    }
    return r.nextBoolean() ? r.nextInt(2001) - 1000 : r.nextInt();
  }

  public static long randomLong(Random r) {
    if (pick(r, 6)) {
      return pickOne(r, 0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, 34L);
    }
    return r.nextBoolean() ? r.nextInt(2001) - 1000 : r.nextLong();
  }

  public static long randomTimestamp(Random r) {
    if (pick(r, 6)) {
      return pickOne(r, 0L, -1L, 1L, -1_000_000L, -3_600_000_000L, -MICROS_PER_DAY, -MICROS_PER_DAY - 1, MIN_TS, MAX_TS,
          1510871468000000L, -31536000000000L, -31536000000001L);
    }
    long span = MAX_TS - MIN_TS;
    long v = MIN_TS + Math.floorMod(r.nextLong(), span);
    // round to whole seconds or hours now and then, to land on unit boundaries
    return switch (r.nextInt(4)) {
      case 0 -> v - Math.floorMod(v, 1_000_000L);
      case 1 -> v - Math.floorMod(v, 3_600_000_000L);
      default -> v;
    };
  }

  public static float randomFloat(Random r) {
    if (pick(r, 5)) {
      return pickOne(r, 0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE, 1.0f, -1.5f);
    }
    return r.nextBoolean() ? (r.nextFloat() - 0.5f) * 1000 : Float.intBitsToFloat(r.nextInt());
  }

  public static double randomDouble(Random r) {
    if (pick(r, 5)) {
      return pickOne(r, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 1.0, -2.25);
    }
    return r.nextBoolean() ? (r.nextDouble() - 0.5) * 1e6 : Double.longBitsToDouble(r.nextLong());
  }

  public static BigDecimal randomDecimal(Random r, PrimitiveType type) {
    int digits = 1 + r.nextInt(type.precision());
    BigInteger unscaled = new BigInteger(digits * 4, r).mod(BigInteger.TEN.pow(digits));
    if (r.nextBoolean()) {
      unscaled = unscaled.negate();
    }
    return new BigDecimal(unscaled, type.scale());
  }

  /** A valid string of {@code length} code points mixing ASCII, 2- and 3-byte BMP chars and supplementary ones. */
  public static String randomString(Random r, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int cp = switch (r.nextInt(6)) {
        case 0, 1, 2 -> 'a' + r.nextInt(4);
        case 3 -> 0xE9 + r.nextInt(3);
        case 4 -> pick(r, 2) ? 0xFFFD + r.nextInt(3) : 0x4E00 + r.nextInt(3);
        default -> 0x1F600 + r.nextInt(3);
      };
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  public static byte[] randomBytes(Random r, int length) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (r.nextBoolean() ? r.nextInt(4) - 2 : r.nextInt());
    }
    return b;
  }

  private static boolean pick(Random r, int oneIn) {
    return r.nextInt(oneIn) == 0;
  }

  @SafeVarargs
  private static <T> T pickOne(Random r, T... options) {
    return options[r.nextInt(options.length)];
  }
}
