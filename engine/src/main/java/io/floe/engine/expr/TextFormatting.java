package io.floe.engine.expr;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * CAST to text as typed loops writing UTF-8 bytes: integers, decimals (plain notation at their scale), DATE
 * ({@code yyyy-MM-dd}), TIMESTAMP ({@code yyyy-MM-dd HH:mm:ss} and the fraction without trailing zeros), TIME
 * ({@code HH:mm:ss[.f]}), doubles and booleans as {@link Casts#toText} writes them.
 */
final class TextFormatting {
  private TextFormatting() {
  }

  /** The values of {@code x} (SQL type {@code source}) as text, or null for columns it does not handle. */
  static BytesColumn format(Column x, SqlTypeName source) {
    int n = x.size();
    BytesBuilder out = new BytesBuilder(n, n * 12);
    byte[] scratch = new byte[48];
    if (x instanceof LongColumn l) {
      long[] v = l.values();
      boolean date = source == SqlTypeName.DATE;
      boolean timestamp = CastKernels.isTimestamp(source);
      boolean time = source == SqlTypeName.TIME;
      boolean number = SqlTypeName.INT_TYPES.contains(source) || source == SqlTypeName.DECIMAL;
      if (!date && !timestamp && !time && !number) {
        return null;
      }
      for (int i = 0; i < n; i++) {
        if (l.isNull(i)) {
          out.setNull(i);
          continue;
        }
        int length;
        if (date) {
          length = date(v[i], scratch, 0);
        } else if (timestamp) {
          length = timestamp(v[i], scratch);
        } else if (time) {
          length = timeOfDay(Math.floorMod(v[i], CivilDates.MICROS_PER_DAY), scratch, 0);
        } else {
          length = decimal(v[i], l.scale(), scratch);
        }
        if (length < 0) {
          out.set(i, Casts.toText(l.get(i), source));
        } else {
          out.set(i, scratch, 0, length);
        }
      }
      return out.build(true);
    }
    if (!(x instanceof DoubleColumn) && !(x instanceof BoolColumn)) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      if (x.isNull(i)) {
        out.setNull(i);
      } else if (x instanceof BoolColumn b) {
        out.set(i, b.values()[i] ? "true" : "false");
      } else {
        out.set(i, Double.toString(((DoubleColumn) x).values()[i]));
      }
    }
    return out.build(true);
  }

  /** Unscaled {@code v} at {@code scale} in plain notation into {@code out}; its length. */
  static int decimal(long v, int scale, byte[] out) {
    if (v == Long.MIN_VALUE) {
      return -1;
    }
    int length = 0;
    if (v < 0) {
      out[length++] = '-';
      v = -v;
    }
    int digits = 1;
    while (digits < 19 && v >= Kernels.powerOfTen(digits)) {
      digits++;
    }
    int total = Math.max(digits, scale + 1);
    int end = length + total + (scale > 0 ? 1 : 0);
    int p = end;
    for (int k = 0; k < total; k++) {
      if (k == scale && scale > 0) {
        out[--p] = '.';
      }
      out[--p] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return end;
  }

  /** Epoch day {@code days} as {@code yyyy-MM-dd} at {@code at}; its end, or -1 outside years 0-9999. */
  static int date(long days, byte[] out, int at) {
    long civil = CivilDates.civil(days);
    int year = CivilDates.year(civil);
    if (year < 0 || year > 9999) {
      return -1;
    }
    int p = digits(year, 4, out, at);
    out[p++] = '-';
    p = digits(CivilDates.month(civil), 2, out, p);
    out[p++] = '-';
    return digits(CivilDates.day(civil), 2, out, p);
  }

  private static int timestamp(long micros, byte[] out) {
    int p = date(Math.floorDiv(micros, CivilDates.MICROS_PER_DAY), out, 0);
    if (p < 0) {
      return -1;
    }
    out[p++] = ' ';
    return timeOfDay(Math.floorMod(micros, CivilDates.MICROS_PER_DAY), out, p);
  }

  /** Microseconds of a day as {@code HH:mm:ss} and the fraction without trailing zeros at {@code p}; the end. */
  static int timeOfDay(long ofDay, byte[] out, int p) {
    long seconds = ofDay / 1_000_000L;
    p = digits((int) (seconds / 3600), 2, out, p);
    out[p++] = ':';
    p = digits((int) (seconds / 60 % 60), 2, out, p);
    out[p++] = ':';
    p = digits((int) (seconds % 60), 2, out, p);
    int fraction = (int) (ofDay % 1_000_000L);
    if (fraction != 0) {
      out[p++] = '.';
      int width = 6;
      while (fraction % 10 == 0) {
        fraction /= 10;
        width--;
      }
      p = digits(fraction, width, out, p);
    }
    return p;
  }

  private static int digits(int v, int width, byte[] out, int at) {
    for (int k = width - 1; k >= 0; k--) {
      out[at + k] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return at + width;
  }
}
