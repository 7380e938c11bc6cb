package io.floe.engine.expr;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import java.math.BigDecimal;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * CAST of UTF-8 text to numbers, DATE, TIMESTAMP and BOOLEAN, parsed from the bytes: plain numbers ({@code
 * -12.50}), {@code yyyy-MM-dd} and {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, surrounding spaces allowed. A row in
 * any other spelling is cast by {@link Casts} on its String (which accepts exponents and fails with the SQLState
 * naming the value).
 */
final class TextParsing {
  private static final long NOT_PARSED = Long.MIN_VALUE;

  private TextParsing() {
  }

  static Column parse(BytesColumn b, RelDataType from, RelDataType to, Representation target) {
    int n = b.size();
    SqlTypeName dest = to.getSqlTypeName();
    if (target.storage() == Representation.Storage.BOOL) {
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = !b.isNull(i) && (Boolean) Casts.cast(CastKernels.string(b, i), from, to);
      }
      return new BoolColumn(out, b.nulls(), n);
    }
    if (target.storage() == Representation.Storage.DOUBLE) {
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        if (b.isNull(i)) {
          continue;
        }
        long unscaled = number(b, i, 0, true);
        out[i] = unscaled != NOT_PARSED ? scaledDouble(b, i, unscaled)
            : (Double) Casts.cast(CastKernels.string(b, i), from, to);
      }
      return new DoubleColumn(out, b.nulls(), n);
    }
    if (target.storage() != Representation.Storage.LONG) {
      return null;
    }
    boolean decimal = dest == SqlTypeName.DECIMAL;
    boolean integer = SqlTypeName.INT_TYPES.contains(dest);
    if (!decimal && !integer && dest != SqlTypeName.DATE && !CastKernels.isTimestamp(dest)) {
      return null;
    }
    long[] out = new long[n];
    long limit = decimal && to.getPrecision() <= 18 ? Kernels.powerOfTen(to.getPrecision()) : Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      if (b.isNull(i)) {
        continue;
      }
      long v;
      if (decimal || integer) {
        v = number(b, i, decimal ? to.getScale() : 0, false);
        if (v != NOT_PARSED && (v >= limit || v <= -limit || integer && !fits(v, dest))) {
          v = NOT_PARSED; // Casts reports the overflow
        }
      } else if (dest == SqlTypeName.DATE) {
        v = date(b.data(), b.start(i), b.start(i) + b.length(i));
      } else {
        v = timestamp(b.data(), b.start(i), b.start(i) + b.length(i));
      }
      if (v == NOT_PARSED) {
        Object slow = Casts.cast(CastKernels.string(b, i), from, to);
        if (slow instanceof BigDecimal d) {
          if (d.unscaledValue().bitLength() >= 64) {
            return null;
          }
          v = d.unscaledValue().longValue();
        } else {
          v = ((Number) slow).longValue();
          if (integer && !fits(v, dest)) {
            throw CastKernels.outOfRange(CastKernels.string(b, i).trim(), dest.name());
          }
        }
      }
      out[i] = v;
    }
    return new LongColumn(out, b.nulls(), n, target.kind(), target.scale());
  }

  /** Whether {@code v} is in the range of the integer type {@code dest}. */
  static boolean fits(long v, SqlTypeName dest) {
    switch (dest) {
      case TINYINT:
        return v == (byte) v;
      case SMALLINT:
        return v == (short) v;
      case INTEGER:
        return v == (int) v;
      default:
        return true;
    }
  }

  /**
   * A plain decimal number in row {@code row} as an unscaled long at {@code scale} (rounded HALF_UP), or
   * {@link #NOT_PARSED} for anything else. With {@code keepScale} the number's own scale is kept (then read by
   * {@link #scaledDouble}).
   */
  private static long number(BytesColumn b, int row, int scale, boolean keepScale) {
    byte[] d = b.data();
    int from = b.start(row);
    int to = from + b.length(row);
    while (from < to && d[from] == ' ') {
      from++;
    }
    while (to > from && d[to - 1] == ' ') {
      to--;
    }
    boolean negative = from < to && d[from] == '-';
    if (from < to && (d[from] == '-' || d[from] == '+')) {
      from++;
    }
    long value = 0;
    int digits = 0;
    int fraction = -1;
    boolean roundUp = false;
    for (int p = from; p < to; p++) {
      byte c = d[p];
      if (c == '.' && fraction < 0) {
        fraction = 0;
        continue;
      }
      if (c < '0' || c > '9') {
        return NOT_PARSED;
      }
      if (fraction >= 0 && !keepScale && fraction >= scale) {
        if (fraction == scale) {
          roundUp = c >= '5';
        }
        fraction++;
        continue;
      }
      if (++digits > 18) {
        return NOT_PARSED;
      }
      value = value * 10 + (c - '0');
      if (fraction >= 0) {
        fraction++;
      }
    }
    if (digits == 0) {
      return NOT_PARSED;
    }
    int have = Math.max(fraction, 0);
    if (keepScale) {
      if (have > 9 || digits > 17) {
        return NOT_PARSED;
      }
      return negative ? -(value * 10 + have) : value * 10 + have; // the scale in the last digit: see scaledDouble
    }
    int fractionDigits = Math.min(have, scale);
    if (digits + scale - fractionDigits > 18) {
      return NOT_PARSED;
    }
    value *= Kernels.powerOfTen(scale - fractionDigits);
    if (roundUp) {
      value++;
    }
    return negative ? -value : value;
  }

  /** A number parsed with its own scale ({@code number(..., keepScale)}) as the nearest double. */
  private static double scaledDouble(BytesColumn b, int row, long packed) {
    long magnitude = Math.abs(packed);
    int scale = (int) (magnitude % 10);
    long unscaled = magnitude / 10;
    if (scale > 9 || unscaled >= 1L << 53) {
      return Double.parseDouble(CastKernels.string(b, row).trim());
    }
    double v = unscaled / (double) Kernels.powerOfTen(scale);
    return packed < 0 ? -v : v;
  }

  /** {@code yyyy-MM-dd} (spaces around allowed) as epoch days, or {@link #NOT_PARSED}. */
  static long date(byte[] d, int from, int to) {
    while (from < to && d[from] == ' ') {
      from++;
    }
    while (to > from && d[to - 1] == ' ') {
      to--;
    }
    if (to - from != 10 || d[from + 4] != '-' || d[from + 7] != '-') {
      return NOT_PARSED;
    }
    int year = digits(d, from, 4);
    int month = digits(d, from + 5, 2);
    int day = digits(d, from + 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > CivilDates.lastDayOfMonth(year, month)) {
      return NOT_PARSED;
    }
    return CivilDates.days(year, month, day);
  }

  /** {@code yyyy-MM-dd HH:mm:ss[.f{1,6}]} (or a T) as epoch microseconds, or {@link #NOT_PARSED}. */
  private static long timestamp(byte[] d, int from, int to) {
    while (from < to && d[from] == ' ') {
      from++;
    }
    while (to > from && d[to - 1] == ' ') {
      to--;
    }
    if (to - from < 19 || d[from + 10] != ' ' && d[from + 10] != 'T' || d[from + 13] != ':'
        || d[from + 16] != ':') {
      return NOT_PARSED;
    }
    long days = date(d, from, from + 10);
    int hour = digits(d, from + 11, 2);
    int minute = digits(d, from + 14, 2);
    int second = digits(d, from + 17, 2);
    if (days == NOT_PARSED || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return NOT_PARSED;
    }
    long micros = 0;
    int p = from + 19;
    if (p < to) {
      int fractionDigits = to - p - 1;
      if (d[p] != '.' || fractionDigits < 1 || fractionDigits > 6) {
        return NOT_PARSED;
      }
      int fraction = digits(d, p + 1, fractionDigits);
      if (fraction < 0) {
        return NOT_PARSED;
      }
      micros = fraction * Kernels.powerOfTen(6 - fractionDigits);
    }
    return days * CivilDates.MICROS_PER_DAY + ((hour * 60L + minute) * 60 + second) * 1_000_000L + micros;
  }

  /** {@code count} ASCII digits as a number, or -1. */
  private static int digits(byte[] d, int from, int count) {
    int v = 0;
    for (int p = from; p < from + count; p++) {
      if (d[p] < '0' || d[p] > '9') {
        return -1;
      }
      v = v * 10 + d[p] - '0';
    }
    return v;
  }
}
