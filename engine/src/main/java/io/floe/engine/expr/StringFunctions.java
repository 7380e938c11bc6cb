package io.floe.engine.expr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** String functions on Java strings: LIKE patterns, SUBSTRING, TRIM, and the per-row functions of {@link TextKernels}. */
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

  /** The number of code points of {@code s}. */
  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /** The first {@code n} code points ({@code n} < 0: all but the last -n), as PostgreSQL's and DuckDB's LEFT. */
  static String left(String s, long n) {
    int length = length(s);
    long keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
    return s.substring(0, s.offsetByCodePoints(0, (int) keep));
  }

  /** The last {@code n} code points ({@code n} < 0: all but the first -n). */
  static String right(String s, long n) {
    int length = length(s);
    long keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
    return s.substring(s.offsetByCodePoints(0, (int) (length - keep)));
  }

  /**
   * LPAD ({@code left}) or RPAD: {@code s} filled with repetitions of {@code fill} to {@code length} code points, or
   * cut to that length; an empty fill leaves a shorter {@code s} as it is.
   */
  static String pad(String s, long length, String fill, boolean left) {
    if (length > Integer.MAX_VALUE / 4) {
      throw new SqlStateException("22023", "padded length too large: " + length);
    }
    int current = length(s);
    if (length <= current) {
      return left(s, Math.max(0, length));
    }
    if (fill.isEmpty()) {
      return s;
    }
    StringBuilder padding = new StringBuilder();
    int[] fillPoints = fill.codePoints().toArray();
    for (long k = 0; k < length - current; k++) {
      padding.appendCodePoint(fillPoints[(int) (k % fillPoints.length)]);
    }
    return left ? padding + s : s + padding;
  }

  /**
   * {@code s} with each code point found in {@code from} replaced by the code point at the same position in
   * {@code to}, or removed when {@code to} has none there (PostgreSQL's, Trino's and DuckDB's TRANSLATE); the first
   * occurrence in {@code from} counts.
   */
  static String translate(String s, String from, String to) {
    int[] sources = from.codePoints().toArray();
    int[] targets = to.codePoints().toArray();
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      int i = 0;
      while (i < sources.length && sources[i] != c) {
        i++;
      }
      if (i == sources.length) {
        out.appendCodePoint(c);
      } else if (i < targets.length) {
        out.appendCodePoint(targets[i]);
      }
    });
    return out.toString();
  }

  /** {@code s} with its code points in reverse order. */
  static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }

  /** {@code s} repeated {@code times} times (none for a count below one). */
  static String repeat(String s, long times) {
    if (times <= 0 || s.isEmpty()) {
      return "";
    }
    if (times * s.length() > Integer.MAX_VALUE / 4) {
      throw new SqlStateException("22023", "repeated text too long: " + times + " times " + s.length());
    }
    return s.repeat((int) times);
  }

  /** The first letter of each word (letters and digits) in upper case, the others in lower case. */
  static String initcap(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean wordStart = true;
    for (int k = 0; k < s.length(); ) {
      int c = s.codePointAt(k);
      out.appendCodePoint(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
      wordStart = !Character.isLetterOrDigit(c);
      k += Character.charCount(c);
    }
    return out.toString();
  }

  /**
   * The {@code index}-th (1-based) field of {@code s} split at {@code delimiter}: empty past the last field (an empty
   * delimiter: {@code s} is the only field); 22023 for an index below one.
   */
  static String splitPart(String s, String delimiter, long index) {
    if (index < 1) {
      throw new SqlStateException("22023", "field position must be at least 1: " + index);
    }
    if (delimiter.isEmpty()) {
      return index == 1 ? s : "";
    }
    int from = 0;
    for (long k = 1; k < index; k++) {
      int at = s.indexOf(delimiter, from);
      if (at < 0) {
        return "";
      }
      from = at + delimiter.length();
    }
    int end = s.indexOf(delimiter, from);
    return s.substring(from, end < 0 ? s.length() : end);
  }

  /** The code point of the first character (0 for an empty string). */
  static long ascii(String s) {
    return s.isEmpty() ? 0 : s.codePointAt(0);
  }

  /** The character of code point {@code code}; 22023 outside Unicode. */
  /**
   * MD5, SHA1, SHA256, SHA512: the lower-case hex digest of text's UTF-8 bytes or of binary bytes, as in DuckDB and
   * PostgreSQL.
   */
  static String digestHex(String algorithm, Object value) {
    byte[] bytes = value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no " + algorithm + " digest", e);
    }
  }

  /** REGEXP_EXTRACT: group {@code group} of the first match of {@code pattern} in {@code s}; "" when none. */
  static String regexExtract(Pattern pattern, String s, long group) {
    java.util.regex.Matcher m = pattern.matcher(s);
    if (group < 0 || group > m.groupCount()) {
      throw new SqlStateException("22023", "REGEXP_EXTRACT group " + group + " of a pattern with " + m.groupCount()
          + " groups: '" + pattern + "'");
    }
    if (!m.find()) {
      return "";
    }
    String found = m.group((int) group);
    return found == null ? "" : found;
  }

  static String chr(long code) {
    if (code < 0 || code > Character.MAX_CODE_POINT) {
      throw new SqlStateException("22023", "not a Unicode code point: " + code);
    }
    return new String(Character.toChars((int) code));
  }

  /**
   * A replacement string of PostgreSQL's and DuckDB's REGEXP_REPLACE ({@code \1} names a group) as a
   * {@link java.util.regex.Matcher} replacement ({@code $1}, other characters literal).
   */
  static String regexReplacement(String replacement) {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < replacement.length(); k++) {
      char c = replacement.charAt(k);
      if (c == '\\' && k + 1 < replacement.length()) {
        char next = replacement.charAt(++k);
        out.append(Character.isDigit(next) ? "$" + next : java.util.regex.Matcher.quoteReplacement(String.valueOf(
            next)));
      } else {
        out.append(java.util.regex.Matcher.quoteReplacement(String.valueOf(c)));
      }
    }
    return out.toString();
  }

  /**
   * The Java regular expression of a SQL SIMILAR TO pattern: {@code %} and {@code _} as in LIKE, the operators
   * {@code | * + ? {m,n} ( ) [...]} as in regular expressions, every other character literal.
   */
  static String similarPattern(String pattern, String escape) {
    char esc = escape == null || escape.isEmpty() ? 0 : escape.charAt(0);
    StringBuilder regex = new StringBuilder();
    boolean inBrackets = false;
    for (int k = 0; k < pattern.length(); k++) {
      char c = pattern.charAt(k);
      if (esc != 0 && c == esc && k + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++k))));
      } else if (inBrackets) {
        regex.append(c == '\\' ? "\\\\" : String.valueOf(c));
        inBrackets = c != ']';
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else if ("|*+?{}(),".indexOf(c) >= 0 || Character.isDigit(c)) {
        regex.append(c);
      } else if (c == '[') {
        regex.append(c);
        inBrackets = true;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
