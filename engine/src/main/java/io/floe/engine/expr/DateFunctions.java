package io.floe.engine.expr;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.type.SqlTypeName;

/** EXTRACT of a field from DATE and TIMESTAMP values. */
final class DateFunctions {
  private DateFunctions() {
  }

  static Long extract(TimeUnitRange unit, Object value, SqlTypeName type) {
    LocalDateTime t;
    if (type == SqlTypeName.DATE) {
      t = LocalDate.ofEpochDay((Integer) value).atStartOfDay();
    } else if (type == SqlTypeName.TIMESTAMP) {
      long micros = (Long) value;
      t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
          (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    } else {
      throw new UnsupportedOperationException("not supported: EXTRACT from " + type);
    }
    switch (unit) {
      case YEAR:
        return (long) t.getYear();
      case QUARTER:
        return (long) (t.getMonthValue() - 1) / 3 + 1;
      case MONTH:
        return (long) t.getMonthValue();
      case DAY:
        return (long) t.getDayOfMonth();
      case DOW:
        return (long) t.getDayOfWeek().getValue() % 7 + 1;
      case ISODOW:
        return (long) t.getDayOfWeek().getValue();
      case DOY:
        return (long) t.getDayOfYear();
      case HOUR:
        return (long) t.getHour();
      case MINUTE:
        return (long) t.getMinute();
      case SECOND:
        return (long) t.getSecond();
      default:
        throw new UnsupportedOperationException("not supported: EXTRACT(" + unit + ")");
    }
  }
}
