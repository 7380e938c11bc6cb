package io.floe.engine.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * EXTRACT of a field from boxed DATE and TIMESTAMP values (the fields of {@link DateKernels#field}); MAKE_DATE,
 * TO_TIMESTAMP and STRFTIME's reading of one row's values.
 */
final class DateFunctions {
  private DateFunctions() {
  }

  /**
   * The unit DATE_PART('unit', x) names, as EXTRACT's: year, quarter, month, week, day, hour, minute, second, dow,
   * isodow, doy, epoch; 22023 naming an unknown one.
   */
  static TimeUnitRange extractUnit(String name) {
    try {
      TimeUnitRange unit = TimeUnitRange.valueOf(name.trim().toUpperCase(Locale.ROOT));
      if (DateKernels.EXTRACTABLE.contains(unit)) {
        return unit;
      }
    } catch (IllegalArgumentException e) {
      // not a unit at all: the same error as a unit EXTRACT does not take
    }
    throw new SqlStateException("22023", "unknown date part '" + name + "' (year, quarter, month, week, day, hour, "
        + "minute, second, dow, isodow, doy, epoch)");
  }

  /** A DATE's days ({@code date}) or a TIMESTAMP's microseconds since the epoch as a local date and time. */
  static LocalDateTime localDateTime(long value, boolean date) {
    long micros = date ? Math.multiplyExact(value, CivilDates.MICROS_PER_DAY) : value;
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
  }

  /** MAKE_DATE(year, month, day) as days since the epoch; 22008 for a day that does not exist. */
  static Integer makeDate(long year, long month, long day) {
    try {
      return Math.toIntExact(LocalDate.of(Math.toIntExact(year), Math.toIntExact(month), Math.toIntExact(day))
          .toEpochDay());
    } catch (DateTimeException | ArithmeticException e) {
      throw new SqlStateException("22008", "MAKE_DATE(" + year + ", " + month + ", " + day + "): no such date");
    }
  }

  /** TO_TIMESTAMP(seconds since the epoch) as microseconds (rounded); 22008 beyond the timestamp range. */
  static Long epochSecondsToMicros(Number seconds) {
    BigDecimal micros = (seconds instanceof Double || seconds instanceof Float
        ? BigDecimal.valueOf(seconds.doubleValue()) : Values.toBigDecimal(seconds))
        .movePointRight(6).setScale(0, RoundingMode.HALF_UP);
    if (micros.unscaledValue().bitLength() >= 64) {
      throw new SqlStateException("22008", "TO_TIMESTAMP(" + seconds + "): out of the timestamp range");
    }
    return micros.longValue();
  }

  static Long extract(TimeUnitRange unit, Object value, SqlTypeName type) {
    long days;
    long microsOfDay;
    if (type == SqlTypeName.DATE) {
      days = ((Number) value).longValue();
      microsOfDay = 0;
    } else if (type == SqlTypeName.TIMESTAMP) {
      long micros = (Long) value;
      days = Math.floorDiv(micros, CivilDates.MICROS_PER_DAY);
      microsOfDay = Math.floorMod(micros, CivilDates.MICROS_PER_DAY);
    } else {
      throw new UnsupportedOperationException("not supported: EXTRACT from " + type);
    }
    if (!DateKernels.EXTRACTABLE.contains(unit)) {
      throw new UnsupportedOperationException("not supported: EXTRACT(" + unit + ")");
    }
    return DateKernels.field(unit, days, microsOfDay);
  }
}
