package io.floe.engine.expr;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.Nulls;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The text functions of {@link FunctionLibrary}: CONCAT and CONCAT_WS (NULL arguments skipped), STARTS_WITH,
 * ENDS_WITH and REPLACE as loops over UTF-8 bytes; the rest (LPAD, RPAD, LEFT, RIGHT, REVERSE, REPEAT, INITCAP,
 * SPLIT_PART, ASCII, CHR, regular expressions) through {@link #perRow}: typed columns in and out, the function
 * applied to each row's values as Java objects (a {@link String} per text value).
 */
final class TextKernels {
  private TextKernels() {
  }

  /**
   * CONCAT_WS: the non-NULL parts joined by {@code separator}; NULL where the separator is. With no separator,
   * CONCAT: NULLs read as empty (PostgreSQL, DuckDB), never NULL. Null when a column is not text.
   */
  static BytesColumn joined(Column separator, List<Column> parts, int n) {
    BytesColumn sep = separator == null ? null : StringKernels.text(separator);
    if (separator != null && sep == null) {
      return null;
    }
    BytesColumn[] texts = new BytesColumn[parts.size()];
    int bytes = 0;
    for (int k = 0; k < texts.length; k++) {
      texts[k] = StringKernels.text(parts.get(k));
      if (texts[k] == null) {
        return null;
      }
      bytes += texts[k].data().length;
    }
    BytesBuilder out = new BytesBuilder(n, bytes);
    for (int i = 0; i < n; i++) {
      if (sep != null && sep.isNull(i)) {
        out.setNull(i);
        continue;
      }
      out.begin(i);
      boolean first = true;
      for (BytesColumn part : texts) {
        if (part.isNull(i)) {
          continue;
        }
        if (!first && sep != null) {
          out.append(i, sep.data(), sep.start(i), sep.length(i));
        }
        out.append(i, part.data(), part.start(i), part.length(i));
        first = false;
      }
    }
    return out.build(true);
  }

  /** STARTS_WITH ({@code atStart}) or ENDS_WITH of {@code s} and {@code affix}. */
  static BoolColumn hasAffix(Column s, Column affix, boolean atStart) {
    return StringKernels.onTexts(s, affix, (a, b, nulls, n) -> {
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        int length = b.length(i);
        if (length > a.length(i)) {
          continue;
        }
        int from = atStart ? a.start(i) : a.start(i) + a.length(i) - length;
        out[i] = Arrays.equals(a.data(), from, from + length, b.data(), b.start(i), b.start(i) + length);
      }
      return new BoolColumn(out, nulls, n);
    });
  }

  /** REPLACE(s, search, replacement): every occurrence; an empty search leaves s as it is. */
  static BytesColumn replace(Column s, Column search, Column replacement) {
    BytesColumn a = StringKernels.text(s);
    BytesColumn b = StringKernels.text(search);
    BytesColumn c = StringKernels.text(replacement);
    if (a == null || b == null || c == null) {
      return null;
    }
    int n = a.size();
    boolean[] nulls = Nulls.union(Nulls.union(a.nulls(), b.nulls(), n), c.nulls(), n);
    BytesBuilder out = new BytesBuilder(n, a.data().length);
    byte[] data = a.data();
    for (int i = 0; i < n; i++) {
      if (nulls != null && nulls[i]) {
        out.setNull(i);
        continue;
      }
      out.begin(i);
      int from = a.start(i);
      int end = from + a.length(i);
      int needle = b.start(i);
      int needleLength = b.length(i);
      int at;
      while (needleLength > 0 && (at = LikeSegments.indexOf(data, from, end, b.data(), needle, needleLength)) >= 0) {
        out.append(i, data, from, at - from);
        out.append(i, c.data(), c.start(i), c.length(i));
        from = at + needleLength;
      }
      out.append(i, data, from, end - from);
    }
    return out.build(true);
  }

  /**
   * {@code f} of each row's argument values (NULL when any is NULL, or when {@code f} returns null), written into a
   * typed column for {@code result}'s representation (text, long integers or booleans).
   */
  static Column perRow(List<Column> arguments, int n, Representation result, Function<Object[], Object> f) {
    Object[] row = new Object[arguments.size()];
    BytesBuilder text = result.storage() == Representation.Storage.TEXT ? new BytesBuilder(n, n * 16) : null;
    long[] longs = result.storage() == Representation.Storage.LONG ? new long[n] : null;
    boolean[] bools = result.storage() == Representation.Storage.BOOL ? new boolean[n] : null;
    if (text == null && longs == null && bools == null) {
      throw new IllegalStateException("no typed column for " + result);
    }
    boolean[] nulls = new boolean[n];
    rows:
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < row.length; k++) {
        Column c = arguments.get(k);
        row[k] = c instanceof BytesColumn b && b.text() && !b.isNull(i) ? CastKernels.string(b, i) : c.get(i);
        if (row[k] == null) {
          nulls[i] = true;
          if (text != null) {
            text.setNull(i);
          }
          continue rows;
        }
      }
      Object value = f.apply(row);
      if (value == null) {
        nulls[i] = true;
        if (text != null) {
          text.setNull(i);
        }
      } else if (text != null) {
        text.set(i, (String) value);
      } else if (longs != null) {
        longs[i] = ((Number) value).longValue();
      } else {
        bools[i] = (Boolean) value;
      }
    }
    if (text != null) {
      return text.build(true);
    }
    return longs != null ? new LongColumn(longs, nulls, n, result.kind(), result.scale())
        : new BoolColumn(bools, nulls, n);
  }
}
