package io.floe.engine.expr;

import java.util.regex.Pattern;

/** String functions: LIKE patterns, SUBSTRING, POSITION. */
public final class StringFunctions {
  private StringFunctions() {
  }

  /** The regular expression matching SQL LIKE {@code pattern} with escape character {@code escape} (or null). */
  public static Pattern likePattern(String pattern, String escape) {
    StringBuilder regex = new StringBuilder();
    char esc = escape == null || escape.isEmpty() ? 0 : escape.charAt(0);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (esc != 0 && c == esc && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** SQL SUBSTRING with a 1-based start and an optional length. */
  static String substring(String s, long start, Long length) {
    long from = start;
    long to = length == null ? Long.MAX_VALUE : start + length;
    if (length != null && length < 0) {
      throw new SqlStateException("22011", "negative substring length " + length);
    }
    int begin = (int) Math.max(1, Math.min(from, s.length() + 1L));
    int end = (int) Math.max(begin, Math.min(to, s.length() + 1L));
    return s.substring(begin - 1, end - 1);
  }

  /** TRIM of the characters of {@code chars} from the start ({@code leading}) and end ({@code trailing}) of s. */
  static String trim(String chars, String s, boolean leading, boolean trailing) {
    int begin = 0;
    int end = s.length();
    while (leading && begin < end && chars.indexOf(s.charAt(begin)) >= 0) {
      begin++;
    }
    while (trailing && end > begin && chars.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(begin, end);
  }
}
