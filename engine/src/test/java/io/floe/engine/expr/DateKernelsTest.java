package io.floe.engine.expr;

import static io.floe.engine.expr.TestColumns.dates;
import static io.floe.engine.expr.TestColumns.integers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.floe.engine.exec.LongColumn;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** EXTRACT and interval arithmetic on DATE days and TIMESTAMP micros, checked against java.time. */
class DateKernelsTest {
  @Test
  void civilDatesMatchJavaTimeAcrossLeapYearsAndBeforeTheEpoch() {
    for (long day = LocalDate.of(1600, 1, 1).toEpochDay(); day <= LocalDate.of(2401, 3, 1).toEpochDay(); day += 7) {
      LocalDate expected = LocalDate.ofEpochDay(day);
      long civil = CivilDates.civil(day);
      assertEquals(expected.getYear(), CivilDates.year(civil));
      assertEquals(expected.getMonthValue(), CivilDates.month(civil));
      assertEquals(expected.getDayOfMonth(), CivilDates.day(civil));
      assertEquals(day, CivilDates.days(expected.getYear(), expected.getMonthValue(), expected.getDayOfMonth()));
      for (int months : new int[] {1, -1, 13, -25}) {
        assertEquals(expected.plusMonths(months).toEpochDay(), CivilDates.plusMonths(day, months), expected + " + "
            + months);
      }
    }
  }

  @Test
  void extractsEveryFieldFromDatesAndTimestampsLikeJavaTime() {
    Long[] days = {LocalDate.of(2024, 2, 29).toEpochDay(), LocalDate.of(1969, 12, 31).toEpochDay(),
        LocalDate.of(2000, 12, 31).toEpochDay(), LocalDate.of(2023, 1, 1).toEpochDay(), null};
    LocalDateTime t = LocalDateTime.of(1965, 7, 4, 23, 59, 58, 999_999_000);
    long micros = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + 999_999;
    for (TimeUnitRange unit : DateKernels.EXTRACTABLE) {
      LongColumn fromDates = DateKernels.extract(unit, dates(days), false);
      for (int i = 0; i < days.length - 1; i++) {
        assertEquals(DateFunctions.extract(unit, (int) (long) days[i], SqlTypeName.DATE), fromDates.get(i),
            unit + " of " + LocalDate.ofEpochDay(days[i]));
      }
      assertNull(fromDates.get(days.length - 1));
      LongColumn fromTimestamp = DateKernels.extract(unit, integers(micros), true);
      assertEquals(DateFunctions.extract(unit, micros, SqlTypeName.TIMESTAMP), fromTimestamp.get(0), unit + " of " + t);
    }
    assertEquals(60L, DateKernels.extract(TimeUnitRange.DOY, dates(days[0]), false).get(0), "2024 is a leap year");
    assertEquals(5L, DateKernels.extract(TimeUnitRange.DOW, dates(0L), false).get(0), "1970-01-01: Thursday, Sunday = 1");
  }

  @Test
  void yearMonthIntervalsClampToTheEndOfTheMonth() {
    long jan31 = LocalDate.of(2024, 1, 31).toEpochDay();
    LongColumn plus = DateKernels.plusInterval(SqlKind.PLUS, dates(jan31, jan31, null), integers(1L, 13L, 1L), false,
        true);
    assertArrayEquals(new Object[] {(int) LocalDate.of(2024, 2, 29).toEpochDay(),
        (int) LocalDate.of(2025, 2, 28).toEpochDay(), null}, plus.toArray());
    LongColumn minus = DateKernels.plusInterval(SqlKind.MINUS, dates(LocalDate.of(2024, 3, 31).toEpochDay()),
        integers(1L), false, true);
    assertEquals((int) LocalDate.of(2024, 2, 29).toEpochDay(), minus.get(0));

    LocalDateTime t = LocalDateTime.of(2023, 10, 31, 6, 30);
    long micros = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    LongColumn ts = DateKernels.plusInterval(SqlKind.PLUS, integers(micros), integers(4L), true, true);
    assertEquals(LocalDateTime.of(2024, 2, 29, 6, 30).toEpochSecond(ZoneOffset.UTC) * 1_000_000L, ts.get(0));
  }

  @Test
  void dayTimeIntervalsMoveDatesByWholeDaysAndTimestampsByMicros() {
    long day = 86_400_000L;
    LongColumn date = DateKernels.plusInterval(SqlKind.MINUS, dates(0L, 10L), integers(3 * day, day / 2), false,
        false);
    assertArrayEquals(new Object[] {-3, 9}, date.toArray(), "half a day back from day 10 is day 9 (floor)");
    LongColumn ts = DateKernels.plusInterval(SqlKind.PLUS, integers(-1L), integers(1500L), true, false);
    assertEquals(1_499_999L, ts.get(0));
  }
}
