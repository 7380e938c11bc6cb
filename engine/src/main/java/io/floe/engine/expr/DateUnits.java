package io.floe.engine.expr;

import io.floe.engine.exec.Column;
import io.floe.engine.exec.LongColumn;
import java.util.Locale;

/**
 * DATE_TRUNC('unit', x) and DATE_DIFF('unit', a, b) over DATE (days) and TIMESTAMP (microseconds) columns, with
 * units named as in Trino and DuckDB: year, quarter, month, week (ISO, from Monday), day, hour, minute, second,
 * millisecond. DATE_DIFF counts whole units from a to b (Trino's date_diff, DuckDB's date_sub).
 */
final class DateUnits {
  private static final long MICROS_PER_HOUR = 3_600_000_000L;

  /** A unit: months for year/quarter/month, else its length in microseconds. */
  enum Unit {
    YEAR(12, 0), QUARTER(3, 0), MONTH(1, 0), WEEK(0, 7 * CivilDates.MICROS_PER_DAY),
    DAY(0, CivilDates.MICROS_PER_DAY), HOUR(0, MICROS_PER_HOUR), MINUTE(0, 60_000_000L), SECOND(0, 1_000_000L),
    MILLISECOND(0, 1000L);

    final int months;
    final long micros;

    Unit(int months, long micros) {
      this.months = months;
      this.micros = micros;
    }

    /** One unit in the interval kernels' terms: months for year/quarter/month, else milliseconds. */
    long perInterval() {
      return months > 0 ? months : micros / 1000;
    }

    /** The unit a name denotes; 22023 naming it for an unknown one. */
    static Unit of(String name) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new SqlStateException("22023", "unknown date unit '" + name + "' (year, quarter, month, week, day, "
            + "hour, minute, second, millisecond)");
      }
    }
  }

  private DateUnits() {
  }

  /** DATE_TRUNC of a DATE ({@code timestamp} false) or TIMESTAMP column; null for columns it does not read. */
  static LongColumn truncate(Unit unit, Column x, boolean timestamp) {
    if (!(x instanceof LongColumn c) || c.kind() != (timestamp ? LongColumn.Kind.INTEGER : LongColumn.Kind.DATE)) {
      return null;
    }
    int n = c.size();
    long[] v = c.values();
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      if (c.isNull(i)) {
        continue;
      }
      long micros = timestamp ? v[i] : v[i] * CivilDates.MICROS_PER_DAY;
      long truncated = truncate(unit, micros);
      out[i] = timestamp ? truncated : Math.floorDiv(truncated, CivilDates.MICROS_PER_DAY);
    }
    return new LongColumn(out, c.nulls(), n, c.kind(), 0);
  }

  private static long truncate(Unit unit, long micros) {
    long days = Math.floorDiv(micros, CivilDates.MICROS_PER_DAY);
    if (unit.months > 0) {
      long civil = CivilDates.civil(days);
      int month = CivilDates.month(civil);
      int first = unit == Unit.YEAR ? 1 : unit == Unit.QUARTER ? (month - 1) / 3 * 3 + 1 : month;
      return CivilDates.days(CivilDates.year(civil), first, 1) * CivilDates.MICROS_PER_DAY;
    }
    if (unit == Unit.WEEK) {
      return (days - Math.floorMod(days + 3, 7)) * CivilDates.MICROS_PER_DAY; // 1970-01-01 was a Thursday
    }
    return Math.floorDiv(micros, unit.micros) * unit.micros;
  }

  /**
   * DATE_DIFF: whole units from {@code a} to {@code b} (negative when b is earlier), each a DATE ({@code aDate},
   * {@code bDate}) or TIMESTAMP column; null for columns it does not read.
   */
  static LongColumn difference(Unit unit, Column a, Column b, boolean aDate, boolean bDate) {
    DateDifferences.Difference difference = new DateDifferences.Difference(bDate, aDate, unit.months > 0, 1);
    LongColumn raw = difference.kernel(b, a); // months, or milliseconds
    if (raw == null) {
      return null;
    }
    long[] v = raw.values();
    long per = unit.perInterval();
    for (int i = 0; i < v.length; i++) {
      v[i] /= per;
    }
    return raw;
  }

  /** {@code n} times {@code per} (an interval of the unit); 22008 on overflow. */
  static LongColumn times(LongColumn n, long per) {
    long[] v = n.values();
    long[] out = new long[n.size()];
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = n.isNull(i) ? 0 : Math.multiplyExact(v[i], per);
      } catch (ArithmeticException e) {
        throw new SqlStateException("22008", "datetime field overflow: " + v[i] + " units");
      }
    }
    return new LongColumn(out, n.nulls(), n.size(), LongColumn.Kind.INTEGER, 0);
  }
}
