package io.floe.engine.expr;

import static io.floe.engine.expr.TestColumns.decimals;
import static io.floe.engine.expr.TestColumns.integers;
import static io.floe.engine.expr.TestColumns.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.engine.exec.Columns;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** String kernels on UTF-8 bytes, LIKE with {@code _} and escapes, IN lists. */
class StringKernelsTest {
  @Test
  void substringCountsCharactersNotBytes() {
    var s = text("Ünïcode", "", "abc", null, "日本語テキスト");
    assertArrayEquals(new Object[] {"nïc", "", "bc", null, "本語テ"},
        StringKernels.substring(s, integers(2L, 2L, 2L, 2L, 2L), integers(3L, 3L, 3L, 3L, 3L)).toArray());
    assertArrayEquals(new Object[] {"Ün", "", "ab", null, "日本"},
        StringKernels.substring(s, integers(-1L, -1L, -1L, -1L, -1L), integers(4L, 4L, 4L, 4L, 4L)).toArray(),
        "positions before the first character count towards the length, as StringFunctions.substring");
    assertArrayEquals(new Object[] {"code", "", "", null, "キスト"},
        StringKernels.substring(s, integers(4L, 4L, 4L, 4L, 5L), null).toArray());
    for (String value : new String[] {"Ünïcode", "", "abc"}) {
      for (long start = -2; start < 9; start++) {
        for (long length = 0; length < 9; length++) {
          assertEquals(StringFunctions.substring(value, start, length), StringKernels.substring(text(value),
              integers(start), integers(length)).get(0), value + " " + start + " " + length);
        }
      }
    }
    assertEquals("22011", assertThrows(SqlStateException.class,
        () -> StringKernels.substring(text("abc"), integers(1L), integers(-1L))).sqlState());
  }

  @Test
  void lengthCaseTrimPositionAndConcatenation() {
    assertArrayEquals(new Object[] {7L, 0L, null}, StringKernels.charLength(text("Ünïcode", "", null)).toArray());
    assertArrayEquals(new Object[] {"ÜNÏCODE", "ABC-1", null}, StringKernels.changeCase(text("Ünïcode", "abc-1", null),
        true).toArray());
    assertArrayEquals(new Object[] {"ünïcode", "abc-1"}, StringKernels.changeCase(text("ÜNÏCODE", "ABC-1"), false)
        .toArray());
    assertArrayEquals(new Object[] {"x y", "", null}, StringKernels.trim(text(" ", " ", " "),
        text("  x y  ", "   ", null), true, true).toArray());
    assertArrayEquals(new Object[] {"x y", "x y", ""}, StringKernels.trim(text(" ", " ", " "),
        text("  x y  ", "  x y", ""), true, true).toArray());
    assertArrayEquals(new Object[] {"x y  ", "x y"}, StringKernels.trim(text(" ", " "), text("  x y  ", "  x y"),
        true, false).toArray());
    assertArrayEquals(new Object[] {3L, 0L, 1L, null}, StringKernels.position(text("ï", "z", "", "a"),
        text("Ünïcode", "abc", "abc", null)).toArray(), "character positions after multi-byte characters");
    assertArrayEquals(new Object[] {"Ün-1", null, "-"}, StringKernels.concat(text("Ün", null, ""),
        text("-1", "x", "-")).toArray());
  }

  @Test
  void likeMatchesUnderscoreAsOneCharacterAndHonoursEscapes() {
    String[] values = {"Ünïcode", "a_c", "abc", "ac", "", "x%y", "aXbXc", "日本語"};
    String[] patterns = {"_nïcode", "a\\_c", "a_c", "%_", "", "%", "x\\%y", "a%b%c", "a%X_", "__語", "%c%d%", "_%_"};
    for (String pattern : patterns) {
      LikeMatcher matcher = LikeMatcher.compile(pattern, "\\");
      Pattern regex = StringFunctions.likePattern(pattern, "\\");
      for (String value : values) {
        assertEquals(regex.matcher(value).matches(), matcher.match(text(value), false).get(0),
            value + " LIKE " + pattern);
      }
    }
    assertArrayEquals(new Object[] {false, null}, LikeMatcher.compile("a_", null).match(text("ab", null), true)
        .toArray());
    assertNull(LikeMatcher.compile("a_", null).match(Columns.pack(new Object[] {"ab"}), false),
        "boxed strings are left to the general matcher");
  }

  @Test
  void inListsOverLongsDecimalsAndText() {
    InList numbers = new InList(List.of(3L, 1L, new BigDecimal("2.50")));
    assertArrayEquals(new Object[] {true, false, true, null}, numbers.eval(integers(1L, 2L, 3L, null), false)
        .toArray(), "2.50 equals no integer");
    assertArrayEquals(new Object[] {false, true, false}, numbers.eval(decimals(2, "2.5", "2.51", "3.00"), true)
        .toArray(), "NOT IN at the column's scale");
    InList words = new InList(List.of("MAIL", "SHIP", "Ünï"));
    assertArrayEquals(new Object[] {true, false, true, null}, words.eval(text("SHIP", "AIR", "Ünï", null), false)
        .toArray());
  }
}
