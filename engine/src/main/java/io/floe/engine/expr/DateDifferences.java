package io.floe.engine.expr;

import io.floe.engine.exec.Column;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.Nulls;
import java.math.BigDecimal;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The difference of two datetimes as an interval ({@code (a - b) DAY}, {@code (a - b) MONTH}, and what
 * {@code TIMESTAMPDIFF} becomes), in Calcite's interval representation: day-time intervals in milliseconds,
 * year-month intervals in months, each truncated toward zero to whole units of the interval's last field (so
 * {@code (a - b) HOUR} holds whole hours). Months count complete months (the largest n with a + n months, the day
 * clamped to the end of a shorter month, not past b; symmetric for negative differences), as DuckDB's
 * {@code date_sub}. DATE operands are days, TIME/TIMESTAMP operands microseconds.
 */
final class DateDifferences {
  private DateDifferences() {
  }

  /** Whether {@code left - right} with result {@code result} is a datetime difference. */
  static boolean isDifference(RelDataType result, RelDataType left, RelDataType right) {
    return SqlTypeName.INTERVAL_TYPES.contains(result.getSqlTypeName()) && isDatetime(left) && isDatetime(right);
  }

  private static boolean isDatetime(RelDataType type) {
    return SqlTypeName.DATETIME_TYPES.contains(type.getSqlTypeName());
  }

  /** The difference's shape, checked at plan time: 0A000 for a year-month difference of TIME values. */
  record Difference(boolean leftDate, boolean rightDate, boolean yearMonth, long unit) {
    static Difference of(RelDataType result, RelDataType left, RelDataType right) {
      SqlTypeName interval = result.getSqlTypeName();
      boolean yearMonth = SqlTypeName.YEAR_INTERVAL_TYPES.contains(interval);
      if (yearMonth && (left.getSqlTypeName() == SqlTypeName.TIME || right.getSqlTypeName() == SqlTypeName.TIME)) {
        throw new UnsupportedOperationException("not supported: a " + interval + " difference of TIME values");
      }
      TimeUnit end = interval.getEndUnit();
      long unit = end.multiplier.compareTo(BigDecimal.ONE) > 0 ? end.multiplier.longValueExact() : 1;
      return new Difference(left.getSqlTypeName() == SqlTypeName.DATE, right.getSqlTypeName() == SqlTypeName.DATE,
          yearMonth, unit);
    }

    /** {@code left - right} (days for DATE operands, else micros) as an interval value. */
    long apply(long left, long right) {
      long a = leftDate ? Math.multiplyExact(left, CivilDates.MICROS_PER_DAY) : left;
      long b = rightDate ? Math.multiplyExact(right, CivilDates.MICROS_PER_DAY) : right;
      long value = yearMonth ? completeMonths(b, a) : Math.subtractExact(a, b) / 1000;
      return value / unit * unit;
    }

    /** The boxed form: DATE values are {@link Integer} days, TIME/TIMESTAMP values {@link Long} micros. */
    Object applyBoxed(Object left, Object right) {
      return apply(((Number) left).longValue(), ((Number) right).longValue());
    }

    /** The typed kernel over two datetime columns, or null when they are not the long columns it reads. */
    LongColumn kernel(Column x, Column y) {
      if (!(x instanceof LongColumn l) || !(y instanceof LongColumn r)
          || (l.kind() == LongColumn.Kind.DATE) != leftDate || (r.kind() == LongColumn.Kind.DATE) != rightDate
          || l.kind() == LongColumn.Kind.DECIMAL || r.kind() == LongColumn.Kind.DECIMAL) {
        return null;
      }
      int n = l.size();
      long[] a = l.values();
      long[] b = r.values();
      boolean[] nulls = Nulls.union(l.nulls(), r.nulls(), n);
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        if (nulls == null || !nulls[i]) {
          out[i] = apply(a[i], b[i]);
        }
      }
      return new LongColumn(out, nulls, n, LongColumn.Kind.INTEGER, 0);
    }
  }

  /** Complete months from {@code from} to {@code to} (micros), negative when {@code to} is earlier. */
  static long completeMonths(long from, long to) {
    if (to < from) {
      return -completeMonths(to, from);
    }
    long fromDay = Math.floorDiv(from, CivilDates.MICROS_PER_DAY);
    long toDay = Math.floorDiv(to, CivilDates.MICROS_PER_DAY);
    long fromCivil = CivilDates.civil(fromDay);
    long toCivil = CivilDates.civil(toDay);
    long months = (CivilDates.year(toCivil) * 12L + CivilDates.month(toCivil))
        - (CivilDates.year(fromCivil) * 12L + CivilDates.month(fromCivil));
    long reached = CivilDates.plusMonths(fromDay, months);
    if (reached > toDay || reached == toDay
        && Math.floorMod(from, CivilDates.MICROS_PER_DAY) > Math.floorMod(to, CivilDates.MICROS_PER_DAY)) {
      months--;
    }
    return months;
  }
}
