package io.floe.engine.expr;

import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import java.util.List;

/**
 * GREATEST and LEAST of columns already cast to the result type, as PostgreSQL and DuckDB define them: NULL
 * arguments are ignored, the result is NULL only where all are. Longs of one kind and scale, doubles and text
 * (by UTF-8 bytes, which orders as code points); null for other columns.
 */
final class Extremes {
  private Extremes() {
  }

  static Column of(List<Column> columns, boolean greatest, int n) {
    Column first = columns.get(0);
    for (Column c : columns) {
      boolean same = c instanceof LongColumn l && first instanceof LongColumn f && l.sameKind(f)
          && l.scale() == f.scale() || c instanceof DoubleColumn && first instanceof DoubleColumn
          || c instanceof BytesColumn b && first instanceof BytesColumn f2 && b.text() == f2.text();
      if (!same) {
        return null;
      }
    }
    int[] best = new int[n]; // per row, the index of the chosen column, -1 while all seen were NULL
    java.util.Arrays.fill(best, -1);
    for (int k = 0; k < columns.size(); k++) {
      Column c = columns.get(k);
      for (int i = 0; i < n; i++) {
        if (c.isNull(i)) {
          continue;
        }
        if (best[i] < 0) {
          best[i] = k;
          continue;
        }
        int order = compare(c, columns.get(best[i]), i);
        if (greatest ? order > 0 : order < 0) {
          best[i] = k;
        }
      }
    }
    return gather(columns, best, n);
  }

  private static int compare(Column x, Column y, int i) {
    if (x instanceof LongColumn a) {
      return Long.compare(a.values()[i], ((LongColumn) y).values()[i]);
    }
    if (x instanceof DoubleColumn a) {
      return Double.compare(a.values()[i], ((DoubleColumn) y).values()[i]);
    }
    return ((BytesColumn) x).compare(i, (BytesColumn) y, i);
  }

  /** Row i of column {@code chosen[i]} (NULL where it is -1). */
  private static Column gather(List<Column> columns, int[] chosen, int n) {
    boolean[] nulls = new boolean[n];
    Column first = columns.get(0);
    if (first instanceof BytesColumn text) {
      BytesBuilder out = new BytesBuilder(n, n * 8);
      for (int i = 0; i < n; i++) {
        if (chosen[i] < 0) {
          out.setNull(i);
        } else {
          BytesColumn b = (BytesColumn) columns.get(chosen[i]);
          out.set(i, b.data(), b.start(i), b.length(i));
        }
      }
      return out.build(text.text());
    }
    if (first instanceof DoubleColumn) {
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        nulls[i] = chosen[i] < 0;
        out[i] = nulls[i] ? 0 : ((DoubleColumn) columns.get(chosen[i])).values()[i];
      }
      return new DoubleColumn(out, nulls, n);
    }
    LongColumn l = (LongColumn) first;
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      nulls[i] = chosen[i] < 0;
      out[i] = nulls[i] ? 0 : ((LongColumn) columns.get(chosen[i])).values()[i];
    }
    return new LongColumn(out, nulls, n, l.kind(), l.scale());
  }
}
