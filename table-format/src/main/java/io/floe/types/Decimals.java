package io.floe.types;

import java.math.BigDecimal;
import java.util.Arrays;

/** Binary forms of decimal values, and the powers of ten that scale unscaled longs. */
public final class Decimals {
  /** Digits of the largest power of ten a long holds. */
  public static final int MAX_LONG_POWER_OF_TEN = 18;
  private static final long[] POWERS_OF_TEN = new long[MAX_LONG_POWER_OF_TEN + 1];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private Decimals() {
  }

  /** 10 to the power {@code exponent} (0 to {@link #MAX_LONG_POWER_OF_TEN}). */
  public static long longPowerOfTen(int exponent) {
    return POWERS_OF_TEN[exponent];
  }

  /**
   * The unscaled value's big-endian two's complement in exactly {@code length} bytes (sign-extended), as Parquet's
   * and Avro's fixed-length decimals store it; IllegalArgumentException when it needs more bytes.
   */
  public static byte[] fixedLengthBytes(BigDecimal value, int length) {
    byte[] minimal = value.unscaledValue().toByteArray();
    if (minimal.length > length) {
      throw new IllegalArgumentException("decimal " + value.toPlainString() + " does not fit in " + length + " bytes");
    }
    if (minimal.length == length) {
      return minimal;
    }
    byte[] out = new byte[length];
    Arrays.fill(out, 0, length - minimal.length, minimal[0] < 0 ? (byte) 0xFF : 0);
    System.arraycopy(minimal, 0, out, length - minimal.length, minimal.length);
    return out;
  }
}
