package io.floe.types;

import java.math.BigDecimal;
import java.util.Arrays;

/** Binary forms of decimal values. */
public final class Decimals {
  private Decimals() {
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
