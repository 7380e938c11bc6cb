package io.floe.engine.exec;

import io.floe.engine.expr.Values;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * Typed comparison of rows by sort keys (ORDER BY, window partitions and orders): longs, doubles, byte strings and
 * booleans compare on their primitive storage without boxing; other columns compare their engine values. NULLS
 * FIRST/LAST as the collation says (unspecified: nulls are high, first when descending).
 */
public final class RowComparator {
  /** Compares two rows of the same columns, given by index. */
  @FunctionalInterface
  public interface IndexComparator {
    int compare(int a, int b);
  }

  private RowComparator() {
  }

  /** The order of rows of {@code columns} by {@code collation} (field indexes into {@code columns}). */
  public static IndexComparator of(Column[] columns, List<RelFieldCollation> collation) {
    IndexComparator result = (a, b) -> 0;
    for (int k = collation.size() - 1; k >= 0; k--) {
      RelFieldCollation f = collation.get(k);
      IndexComparator key = key(columns[f.getFieldIndex()], f.direction.isDescending(), nullsFirst(f));
      IndexComparator rest = result;
      result = k == collation.size() - 1 ? key : (a, b) -> {
        int c = key.compare(a, b);
        return c != 0 ? c : rest.compare(a, b);
      };
    }
    return result;
  }

  /**
   * Rows of {@code columns} ascending by {@code keys}, NULLs first and equal to each other: 0 means the same
   * partition (or peer group).
   */
  public static IndexComparator byKeys(Column[] columns, int[] keys) {
    IndexComparator result = (a, b) -> 0;
    for (int k = keys.length - 1; k >= 0; k--) {
      IndexComparator key = key(columns[keys[k]], false, true);
      IndexComparator rest = result;
      result = k == keys.length - 1 ? key : (a, b) -> {
        int c = key.compare(a, b);
        return c != 0 ? c : rest.compare(a, b);
      };
    }
    return result;
  }

  /** Whether nulls sort before other values under {@code f}. */
  public static boolean nullsFirst(RelFieldCollation f) {
    return f.nullDirection == RelFieldCollation.NullDirection.FIRST
        || f.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED && f.direction.isDescending();
  }

  /** One key: the values' order (reversed when descending), nulls first or last. */
  static IndexComparator key(Column c, boolean descending, boolean nullsFirst) {
    IndexComparator values = values(c);
    IndexComparator directed = descending ? (a, b) -> values.compare(b, a) : values;
    if (c instanceof NullableColumn n && n.nulls() == null) {
      return directed;
    }
    int nullFirst = nullsFirst ? -1 : 1;
    return (a, b) -> {
      boolean na = c.isNull(a);
      boolean nb = c.isNull(b);
      if (na || nb) {
        return na == nb ? 0 : na ? nullFirst : -nullFirst;
      }
      return directed.compare(a, b);
    };
  }

  /** Ascending order of the non-null values of {@code c}. */
  public static IndexComparator values(Column c) {
    if (c instanceof LongColumn l) {
      long[] v = l.values();
      return (a, b) -> Long.compare(v[a], v[b]);
    }
    if (c instanceof DoubleColumn d) {
      double[] v = d.values();
      return (a, b) -> compareDoubles(v[a], v[b]);
    }
    if (c instanceof BytesColumn s) {
      return (a, b) -> s.compare(a, s, b);
    }
    if (c instanceof BoolColumn bools) {
      boolean[] v = bools.values();
      return (a, b) -> Boolean.compare(v[a], v[b]);
    }
    return (a, b) -> Values.compare(c.get(a), c.get(b));
  }

  /** SQL order of doubles: -0.0 equals 0.0, NaN above everything. */
  public static int compareDoubles(double x, double y) {
    if (x < y) {
      return -1;
    }
    if (x > y) {
      return 1;
    }
    return x == y ? 0 : Double.compare(x, y);
  }

  /** Row {@code i} of {@code a} against row {@code j} of {@code b} (columns of the same fields) by collation. */
  public static int compare(Column[] a, int i, Column[] b, int j, List<RelFieldCollation> collation) {
    for (RelFieldCollation f : collation) {
      Column x = a[f.getFieldIndex()];
      Column y = b[f.getFieldIndex()];
      boolean nx = x.isNull(i);
      boolean ny = y.isNull(j);
      int c;
      if (nx || ny) {
        if (nx == ny) {
          continue;
        }
        return nx == nullsFirst(f) ? -1 : 1;
      }
      c = compareValues(x, i, y, j);
      if (c != 0) {
        return f.direction.isDescending() ? -c : c;
      }
    }
    return 0;
  }

  private static int compareValues(Column x, int i, Column y, int j) {
    if (x instanceof LongColumn a && y instanceof LongColumn b && a.sameKind(b)) {
      return Long.compare(a.values()[i], b.values()[j]);
    }
    if (x instanceof DoubleColumn a && y instanceof DoubleColumn b) {
      return compareDoubles(a.values()[i], b.values()[j]);
    }
    if (x instanceof BytesColumn a && y instanceof BytesColumn b && a.text() == b.text()) {
      return a.compare(i, b, j);
    }
    if (x instanceof BoolColumn a && y instanceof BoolColumn b) {
      return Boolean.compare(a.values()[i], b.values()[j]);
    }
    return Values.compare(x.get(i), y.get(j));
  }
}
