package io.floe.engine.expr;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A {@code strftime} format (DuckDB's and C's specifiers) compiled once into parts: {@code %Y %y %m %d %j} (the
 * year, 2-digit year, month, day, day of the year, zero-padded; {@code %-m %-d %-j %-y} without padding),
 * {@code %H %I %M %S %f %p} (hour, 12-hour hour, minute, second, microseconds of 6 digits, AM/PM; {@code %-H %-I %-M
 * %-S}), {@code %a %A %b %B %w} (English day and month names, weekday 0 for Sunday) and {@code %%}. Any other
 * specifier fails with 22023 naming it.
 */
final class StrftimeFormat {
  private final List<Function<LocalDateTime, String>> parts;

  private StrftimeFormat(List<Function<LocalDateTime, String>> parts) {
    this.parts = parts;
  }

  static StrftimeFormat compile(String format) {
    List<Function<LocalDateTime, String>> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        text.append(c);
        continue;
      }
      boolean unpadded = i + 1 < format.length() && format.charAt(i + 1) == '-';
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
      parts.add(part(spec, unpadded ? 1 : 0, format));
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
