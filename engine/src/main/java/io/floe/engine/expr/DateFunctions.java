package io.floe.engine.expr;

import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.type.SqlTypeName;

/** EXTRACT of a field from boxed DATE and TIMESTAMP values (the fields of {@link DateKernels#field}). */
final class DateFunctions {
  private DateFunctions() {
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
