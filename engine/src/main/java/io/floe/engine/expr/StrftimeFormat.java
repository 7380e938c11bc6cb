package io.floe.engine.expr;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A date format compiled once into parts, in one of two dialects. Any other specifier fails with 22023 naming it.
 * <ul>
 *   <li>{@link Dialect#STRFTIME} (DuckDB's {@code strftime}, C's specifiers): {@code %Y %y %m %d %j} (the year,
 *   2-digit year, month, day, day of the year, zero-padded; {@code %-m %-d %-j %-y} without padding),
 *   {@code %H %I %M %S %f %p} (hour, 12-hour hour, minute, second, microseconds of 6 digits, AM/PM; {@code %-H %-I
 *   %-M %-S}), {@code %a %A %b %B %w} (English day and month names, weekday 0 for Sunday), {@code %%};</li>
 *   <li>{@link Dialect#MYSQL} (Trino's {@code date_format}): {@code %Y %y %m %c %d %e %j %H %k %h %I %l %i %S %s %f
 *   %p %r %T %a %W %b %M %%}.</li>
 * </ul>
 */
final class StrftimeFormat {
  /** Whose specifiers a format uses. */
  enum Dialect {
    STRFTIME,
    MYSQL
  }

  private final List<Function<LocalDateTime, String>> parts;

  private StrftimeFormat(List<Function<LocalDateTime, String>> parts) {
    this.parts = parts;
  }

  static StrftimeFormat compile(String format, Dialect dialect) {
    List<Function<LocalDateTime, String>> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        text.append(c);
        continue;
      }
      boolean unpadded = dialect == Dialect.STRFTIME && i + 1 < format.length() && format.charAt(i + 1) == '-';
      int at = unpadded ? i + 2 : i + 1;
      if (at >= format.length()) {
        throw new SqlStateException("22023", "strftime format '" + format + "' ends with an incomplete specifier");
      }
      char spec = format.charAt(at);
      i = at;
      if (spec == '%') {
        text.append('%');
        continue;
      }
      if (!text.isEmpty()) {
        String literal = text.toString();
        parts.add(t -> literal);
        text.setLength(0);
      }
      parts.add(dialect == Dialect.STRFTIME ? part(spec, unpadded ? 1 : 0, format) : mysqlPart(spec, format));
    }
    if (!text.isEmpty()) {
      String literal = text.toString();
      parts.add(t -> literal);
    }
    return new StrftimeFormat(parts);
  }

  /** The part of specifier {@code spec}; {@code minWidth} 1 for the unpadded ({@code %-x}) forms, else 0. */
  private static Function<LocalDateTime, String> part(char spec, int minWidth, String format) {
    int two = minWidth == 1 ? 1 : 2;
    return switch (spec) {
      case 'Y' -> t -> Integer.toString(t.getYear());
      case 'y' -> t -> pad(Math.floorMod(t.getYear(), 100), two);
      case 'm' -> t -> pad(t.getMonthValue(), two);
      case 'd' -> t -> pad(t.getDayOfMonth(), two);
      case 'j' -> t -> pad(t.getDayOfYear(), minWidth == 1 ? 1 : 3);
      case 'H' -> t -> pad(t.getHour(), two);
      case 'I' -> t -> pad(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, two);
      case 'M' -> t -> pad(t.getMinute(), two);
      case 'S' -> t -> pad(t.getSecond(), two);
      case 'f' -> t -> pad(t.getNano() / 1000, 6);
      case 'p' -> t -> t.getHour() < 12 ? "AM" : "PM";
      case 'a' -> t -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case 'A' -> t -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case 'b' -> t -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case 'B' -> t -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case 'w' -> t -> Integer.toString(t.getDayOfWeek().getValue() % 7);
      default -> throw new SqlStateException("22023", "unsupported strftime specifier %" + spec + " in '" + format
          + "'");
    };
  }

  /** The part of MySQL's (Trino's date_format) specifier {@code spec}. */
  private static Function<LocalDateTime, String> mysqlPart(char spec, String format) {
    return switch (spec) {
      case 'c' -> part('m', 1, format);
      case 'e' -> part('d', 1, format);
      case 'k' -> part('H', 1, format);
      case 'h' -> part('I', 0, format);
      case 'l' -> part('I', 1, format);
      case 'i' -> part('M', 0, format);
      case 's' -> part('S', 0, format);
      case 'W' -> part('A', 0, format);
      case 'M' -> part('B', 0, format);
      case 'r' -> t -> pad(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, 2) + ":" + pad(t.getMinute(), 2) + ":"
          + pad(t.getSecond(), 2) + (t.getHour() < 12 ? " AM" : " PM");
      case 'T' -> t -> pad(t.getHour(), 2) + ":" + pad(t.getMinute(), 2) + ":" + pad(t.getSecond(), 2);
      case 'Y', 'y', 'm', 'd', 'j', 'H', 'I', 'S', 'f', 'p', 'a', 'b' -> part(spec, 0, format);
      default -> throw new SqlStateException("22023", "unsupported date_format specifier %" + spec + " in '"
          + format + "'");
    };
  }

  private static String pad(int value, int width) {
    String digits = Integer.toString(value);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  /** {@code time} formatted. */
  String format(LocalDateTime time) {
    StringBuilder out = new StringBuilder();
    for (Function<LocalDateTime, String> part : parts) {
      out.append(part.apply(time));
    }
    return out.toString();
  }
}
