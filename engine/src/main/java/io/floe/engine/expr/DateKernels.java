package io.floe.engine.expr;

import io.floe.engine.exec.Column;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.Nulls;
import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.SqlKind;

/**
 * Typed loops for dates and timestamps: EXTRACT of a field from DATE days or TIMESTAMP microseconds (civil
 * calendar arithmetic on the longs), and DATE/TIMESTAMP plus or minus a day-time (milliseconds) or year-month
 * (months, the day clamped to the end of a shorter month) interval. Each returns null for columns it does not
 * handle.
 */
final class DateKernels {
  /** The fields {@link #extract} computes. */
  static final Set<TimeUnitRange> EXTRACTABLE = EnumSet.of(TimeUnitRange.YEAR, TimeUnitRange.QUARTER,
      TimeUnitRange.MONTH, TimeUnitRange.DAY, TimeUnitRange.DOW, TimeUnitRange.ISODOW, TimeUnitRange.DOY,
      TimeUnitRange.HOUR, TimeUnitRange.MINUTE, TimeUnitRange.SECOND, TimeUnitRange.WEEK, TimeUnitRange.EPOCH);

  private DateKernels() {
  }

  /** EXTRACT({@code unit} FROM x) of a DATE ({@code timestamp} false) or TIMESTAMP column, as BIGINT. */
  static LongColumn extract(TimeUnitRange unit, Column x, boolean timestamp) {
    if (!(x instanceof LongColumn c) || c.kind() != (timestamp ? LongColumn.Kind.INTEGER : LongColumn.Kind.DATE)) {
      return null;
    }
    int n = c.size();
    long[] v = c.values();
    boolean[] nulls = c.nulls();
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      long days = timestamp ? Math.floorDiv(v[i], CivilDates.MICROS_PER_DAY) : v[i];
      long micros = timestamp ? Math.floorMod(v[i], CivilDates.MICROS_PER_DAY) : 0;
      out[i] = field(unit, days, micros);
    }
    return new LongColumn(out, nulls, n, LongColumn.Kind.INTEGER, 0);
  }

  /** Field {@code unit} of the day {@code days} since the epoch at {@code microsOfDay}. */
  static long field(TimeUnitRange unit, long days, long microsOfDay) {
    switch (unit) {
      case WEEK: { // ISO 8601: the week (from Monday) holding the year's first Thursday is week 1
        long thursday = days - Math.floorMod(days + 3, 7) + 3;
        return (thursday - CivilDates.days(CivilDates.year(CivilDates.civil(thursday)), 1, 1)) / 7 + 1;
      }
      case EPOCH:
        return days * 86_400L + Math.floorDiv(microsOfDay, 1_000_000L);
      case YEAR:
        return CivilDates.year(CivilDates.civil(days));
      case QUARTER:
        return (CivilDates.month(CivilDates.civil(days)) - 1) / 3 + 1;
      case MONTH:
        return CivilDates.month(CivilDates.civil(days));
      case DAY:
        return CivilDates.day(CivilDates.civil(days));
      case DOW: // Sunday = 1 (1970-01-01 was a Thursday)
        return Math.floorMod(days + 4, 7) + 1;
      case ISODOW: // Monday = 1
        return Math.floorMod(days + 3, 7) + 1;
      case DOY:
        return days - CivilDates.days(CivilDates.year(CivilDates.civil(days)), 1, 1) + 1;
      case HOUR:
        return microsOfDay / 3_600_000_000L;
      case MINUTE:
        return microsOfDay / 60_000_000L % 60;
      default: // SECOND
        return microsOfDay / 1_000_000L % 60;
    }
  }

  /**
   * A DATE ({@code timestamp} false: days) or TIMESTAMP (micros) column plus ({@code kind} PLUS) or minus an
   * interval column: months when {@code yearMonth}, else milliseconds (a DATE moves by whole days, as Calcite).
   */
  static LongColumn plusInterval(SqlKind kind, Column datetime, Column interval, boolean timestamp,
      boolean yearMonth) {
    if (!(datetime instanceof LongColumn d) || !(interval instanceof LongColumn i)
        || d.kind() != (timestamp ? LongColumn.Kind.INTEGER : LongColumn.Kind.DATE)
        || i.kind() != LongColumn.Kind.INTEGER) {
      return null;
    }
    int n = d.size();
    long[] t = d.values();
    long[] amount = i.values();
    boolean[] nulls = Nulls.union(d.nulls(), i.nulls(), n);
    long sign = kind == SqlKind.MINUS ? -1 : 1;
    long[] out = new long[n];
    for (int r = 0; r < n; r++) {
      if (nulls != null && nulls[r]) {
        continue;
      }
      long by = sign * amount[r];
      if (yearMonth) {
        if (timestamp) {
          long days = Math.floorDiv(t[r], CivilDates.MICROS_PER_DAY);
          out[r] = CivilDates.plusMonths(days, by) * CivilDates.MICROS_PER_DAY
              + Math.floorMod(t[r], CivilDates.MICROS_PER_DAY);
        } else {
          out[r] = CivilDates.plusMonths(t[r], by);
        }
      } else {
        out[r] = timestamp ? t[r] + by * 1000 : t[r] + Math.floorDiv(by, CivilDates.MILLIS_PER_DAY);
      }
    }
    return new LongColumn(out, nulls, n, timestamp ? LongColumn.Kind.INTEGER : LongColumn.Kind.DATE, 0);
  }
}
