package io.floe.partition;

import io.floe.types.ByteBuffers;
import io.floe.types.Type;
import io.floe.types.TypeId;
import io.floe.types.Uuids;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * The arithmetic behind {@link Transform}: bucket hashing, truncation, date/time units and the human-readable
 * forms of partition values used in paths. Dates and timestamps before 1970 round down (floor), as the spec says.
 */
final class Transforms {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_HOUR = 3_600_000_000L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final int EPOCH_YEAR = 1970;

  private Transforms() {
  }

  static boolean identityCanTransform(Type t) {
    return t.isPrimitive();
  }

  static boolean bucketCanTransform(Type t) {
    return switch (t.typeId()) {
      case INT, LONG, DECIMAL, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, STRING, UUID, FIXED, BINARY -> true;
      default -> false;
    };
  }

  static boolean truncateCanTransform(Type t) {
    return switch (t.typeId()) {
      case INT, LONG, DECIMAL, STRING, BINARY -> true;
      default -> false;
    };
  }

  static boolean isDateOrTimestamp(Type t) {
    return t.typeId() == TypeId.DATE || isTimestamp(t);
  }

  static boolean isTimestamp(Type t) {
    return t.typeId() == TypeId.TIMESTAMP || t.typeId() == TypeId.TIMESTAMPTZ;
  }

  /** The spec's 32-bit hash of an internal value (Appendix B). */
  static int hash(Type t, Object v) {
    try {
      return switch (t.typeId()) {
        case INT, DATE -> Murmur3.hashLong((Integer) v);
        case LONG, TIME, TIMESTAMP, TIMESTAMPTZ -> Murmur3.hashLong((Long) v);
        case DECIMAL -> hashBytes(((BigDecimal) v).unscaledValue().toByteArray());
        case STRING -> hashBytes(((CharSequence) v).toString().getBytes(StandardCharsets.UTF_8));
        case UUID -> hashUuid((UUID) v);
        case FIXED, BINARY -> hashBuffer((ByteBuffer) v);
        default -> throw cannot("bucket", t);
      };
    } catch (ClassCastException e) {
      throw notInternal(t, v, e);
    }
  }

  static int bucket(Type t, Object v, int n) {
    return (hash(t, v) & Integer.MAX_VALUE) % n;
  }

  static Object truncate(Type t, Object v, int width) {
    try {
      return switch (t.typeId()) {
        case INT -> {
          int i = (Integer) v;
          yield i - (((i % width) + width) % width);
        }
        case LONG -> {
          long l = (Long) v;
          yield l - (((l % width) + width) % width);
        }
        case DECIMAL -> {
          BigDecimal d = (BigDecimal) v;
          BigInteger unscaled = d.unscaledValue();
          yield new BigDecimal(unscaled.subtract(unscaled.mod(BigInteger.valueOf(width))), d.scale());
        }
        case STRING -> truncateString(((CharSequence) v).toString(), width);
        case BINARY -> truncateBinary((ByteBuffer) v, width);
        default -> throw cannot("truncate[" + width + "]", t);
      };
    } catch (ClassCastException e) {
      throw notInternal(t, v, e);
    }
  }

  /** The first {@code width} code points of {@code s} (never splitting a surrogate pair). */
  static String truncateString(String s, int width) {
    if (s.length() <= width || s.codePointCount(0, s.length()) <= width) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, width));
  }

  private static ByteBuffer truncateBinary(ByteBuffer b, int width) {
    if (b.remaining() <= width) {
      return b;
    }
    ByteBuffer slice = b.duplicate();
    slice.limit(slice.position() + width);
    return slice.slice();
  }

  static int years(Type t, Object v) {
    LocalDate date = LocalDate.ofEpochDay(epochDay(t, v, "year"));
    return date.getYear() - EPOCH_YEAR;
  }

  static int months(Type t, Object v) {
    LocalDate date = LocalDate.ofEpochDay(epochDay(t, v, "month"));
    return (date.getYear() - EPOCH_YEAR) * 12 + date.getMonthValue() - 1;
  }

  static int days(Type t, Object v) {
    return Math.toIntExact(epochDay(t, v, "day"));
  }

  static int hours(Type t, Object v) {
    if (!isTimestamp(t)) {
      throw cannot("hour", t);
    }
    return Math.toIntExact(Math.floorDiv(micros(t, v), MICROS_PER_HOUR));
  }

  private static long epochDay(Type t, Object v, String transform) {
    if (t.typeId() == TypeId.DATE) {
      if (!(v instanceof Integer i)) {
        throw notInternal(t, v, null);
      }
      return i;
    } else if (isTimestamp(t)) {
      return Math.floorDiv(micros(t, v), MICROS_PER_DAY);
    }
    throw cannot(transform, t);
  }

  private static long micros(Type t, Object v) {
    if (!(v instanceof Long l)) {
      throw notInternal(t, v, null);
    }
    return l;
  }

  static String humanIdentity(Type t, Object v) {
    if (v == null) {
      return "null";
    }
    return switch (t.typeId()) {
      case DATE -> humanDay(v);
      case TIME -> LocalTime.ofNanoOfDay((Long) v * 1000).toString();
      case TIMESTAMP -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(localDateTime((Long) v));
      case TIMESTAMPTZ -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(localDateTime((Long) v)) + "+00:00";
      case FIXED, BINARY -> StandardCharsets.ISO_8859_1.decode(Base64.getEncoder().encode(((ByteBuffer) v).duplicate())).toString();
      default -> v.toString();
    };
  }

  static String humanYear(Object v) {
    return v == null ? "null" : String.format(Locale.ROOT, "%04d", EPOCH_YEAR + (Integer) v);
  }

  static String humanMonth(Object v) {
    if (v == null) {
      return "null";
    }
    int months = (Integer) v;
    return String.format(Locale.ROOT, "%04d-%02d", EPOCH_YEAR + Math.floorDiv(months, 12), 1 + Math.floorMod(months, 12));
  }

  static String humanDay(Object v) {
    if (v == null) {
      return "null";
    }
    LocalDate d = LocalDate.ofEpochDay((Integer) v);
    return String.format(Locale.ROOT, "%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  static String humanHour(Object v) {
    if (v == null) {
      return "null";
    }
    LocalDateTime t = localDateTime((Integer) v * MICROS_PER_HOUR);
    return String.format(Locale.ROOT, "%04d-%02d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour());
  }

  private static LocalDateTime localDateTime(long micros) {
    long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
    int nanos = (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  private static int hashBytes(byte[] bytes) {
    return Murmur3.hashBytes(bytes, 0, bytes.length);
  }

  private static int hashBuffer(ByteBuffer b) {
    if (b.hasArray()) {
      return Murmur3.hashBytes(b.array(), b.arrayOffset() + b.position(), b.remaining());
    }
    return hashBytes(ByteBuffers.toByteArray(b));
  }

  private static int hashUuid(UUID u) {
    return hashBytes(Uuids.toBytes(u));
  }

  private static IllegalArgumentException cannot(String transform, Type t) {
    return new IllegalArgumentException("the " + transform + " transform does not apply to type " + t);
  }

  private static IllegalArgumentException notInternal(Type t, Object v, Exception cause) {
    return new IllegalArgumentException("not an internal " + t + " value: " + (v == null ? "null" : v.getClass().getName() + " " + v), cause);
  }
}
