package io.floe.engine.expr;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Columns;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.Nulls;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code column <kind> constant} tested in place on the selected rows: integers, decimals and dates as longs (the
 * constant brought to the column's scale), doubles, and strings or binaries; the comparison means what
 * {@link Kernels#compare} means. A column it has no loop for, or a constant that does not fit the column's scale,
 * goes to the general filter.
 */
final class ConstantComparisonFilter implements RowFilter {
  private final int column;
  private final SqlKind kind;
  private final Column constant;
  private final RowFilter general;

  ConstantComparisonFilter(int column, SqlKind kind, Object value, RowFilter general) {
    this.column = column;
    this.kind = kind;
    this.constant = Columns.constant(value, 1);
    this.general = general;
  }

  @Override
  public int select(Batch batch, int[] rows, int count) {
    Column x = batch.column(column);
    if (x instanceof LongColumn a && constant instanceof LongColumn c
        && (a.kind() == c.kind() || NumericKernels.exact(a) && NumericKernels.exact(c))
        && a.scale() >= c.scale()) {
      long bound = atScale(c.values()[0], a.scale() - c.scale());
      if (bound != Long.MIN_VALUE) {
        return Nulls.dropNullRows(a.nulls(), rows, selectLongs(a.values(), bound, rows, count));
      }
    } else if (x instanceof DoubleColumn || x instanceof LongColumn && constant instanceof DoubleColumn) {
      double[] values = NumericKernels.doubles(x);
      double[] bound = NumericKernels.doubles(constant);
      if (values != null && bound != null) {
        return Nulls.dropNullRows(NumericKernels.nulls(x), rows, selectDoubles(values, bound[0], rows, count));
      }
    } else if (x instanceof BytesColumn a && constant instanceof BytesColumn c && a.text() == c.text()) {
      return Nulls.dropNullRows(a.nulls(), rows, selectBytes(a, c, rows, count));
    }
    return general.select(batch, rows, count);
  }

  /** {@code value * 10^by}, or {@code Long.MIN_VALUE} when that overflows. */
  private static long atScale(long value, int by) {
    if (by > 18) {
      return Long.MIN_VALUE;
    }
    try {
      return Math.multiplyExact(value, Kernels.powerOfTen(by));
    } catch (ArithmeticException e) { // beyond a long: the general filter rescales the column or reads doubles
      return Long.MIN_VALUE;
    }
  }

  /** One loop per comparison, appending each row and counting it when it passes (no branch on the test). */
  private int selectLongs(long[] v, long c, int[] rows, int count) {
    int out = 0;
    switch (kind) {
      case EQUALS:
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          rows[out] = row;
          out += v[row] == c ? 1 : 0;
        }
        break;
      case NOT_EQUALS:
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          rows[out] = row;
          out += v[row] != c ? 1 : 0;
        }
        break;
      case LESS_THAN:
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          rows[out] = row;
          out += v[row] < c ? 1 : 0;
        }
        break;
      case LESS_THAN_OR_EQUAL:
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          rows[out] = row;
          out += v[row] <= c ? 1 : 0;
        }
        break;
      case GREATER_THAN:
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          rows[out] = row;
          out += v[row] > c ? 1 : 0;
        }
        break;
      default:
        for (int i = 0; i < count; i++) {
          int row = rows[i];
          rows[out] = row;
          out += v[row] >= c ? 1 : 0;
        }
    }
    return out;
  }

  private int selectDoubles(double[] v, double c, int[] rows, int count) {
    int out = 0;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      rows[out] = row;
      out += Kernels.test(kind, Double.compare(v[row], c)) ? 1 : 0;
    }
    return out;
  }

  private int selectBytes(BytesColumn a, BytesColumn c, int[] rows, int count) {
    boolean equality = kind == SqlKind.EQUALS || kind == SqlKind.NOT_EQUALS;
    boolean wantEqual = kind == SqlKind.EQUALS;
    int out = 0;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      rows[out] = row;
      boolean pass = equality ? a.bytesEqual(row, c, 0) == wantEqual : Kernels.test(kind, a.compare(row, c, 0));
      out += pass ? 1 : 0;
    }
    return out;
  }
}
