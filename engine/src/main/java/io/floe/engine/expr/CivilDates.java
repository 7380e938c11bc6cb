package io.floe.engine.expr;

/**
 * Proleptic Gregorian calendar arithmetic on days since 1970-01-01 without {@code java.time} objects: a day's
 * year, month and day packed into one long, and back.
 */
final class CivilDates {
  static final long MICROS_PER_DAY = 86_400_000_000L;
  static final long MILLIS_PER_DAY = 86_400_000L;

  private CivilDates() {
  }

  /** The year, month (1-12) and day (1-31) of epoch day {@code days}, packed: see {@link #year} etc. */
  static long civil(long days) {
    long z = days + 719_468;
    long era = (z >= 0 ? z : z - 146_096) / 146_097; // floor division, cheaper than Math.floorDiv in loops
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return year << 9 | month << 5 | day;
  }

  static int year(long civil) {
    return (int) (civil >> 9);
  }

  static int month(long civil) {
    return (int) (civil >> 5 & 15);
  }

  static int day(long civil) {
    return (int) (civil & 31);
  }

  /** The epoch day of {@code year-month-day} (month 1-12, day 1-31). */
  static long days(long year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  static boolean leapYear(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  static int lastDayOfMonth(long year, int month) {
    switch (month) {
      case 2:
        return leapYear(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Epoch day {@code days} plus {@code months}, the day clamped to the end of a shorter month (Jan 31 + 1 = Feb 28/29). */
  static long plusMonths(long days, long months) {
    long c = civil(days);
    long total = year(c) * 12L + month(c) - 1 + months;
    long year = Math.floorDiv(total, 12);
    int month = (int) Math.floorMod(total, 12) + 1;
    return days(year, month, Math.min(day(c), lastDayOfMonth(year, month)));
  }
}
