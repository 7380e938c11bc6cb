package io.floe.engine.exec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** Making columns: from Arrow vectors (typed bulk copies, no boxing), from boxed values, constants. */
public final class Columns {
  /** Decimals up to this precision fit an unscaled long. */
  public static final int MAX_LONG_PRECISION = 18;

  private Columns() {
  }

  /**
   * The first {@code rows} values of an Arrow vector as a column: fixed-width values read straight from the data
   * buffer (bulk copies where the width matches, one pass widening ints and taking the low words of decimals),
   * strings as one copy of their bytes, nulls from the validity bytes; null slots of numeric columns hold 0.
   */
  public static Column fromArrow(FieldVector vector, int rows) {
    return ArrowReads.all(vector, rows);
  }

  /**
   * Rows {@code selection[0..count)} (increasing) of an Arrow vector, one after another, as a column of
   * {@code count} rows: only those rows' values, bytes and validity bits are read.
   */
  public static Column fromArrow(FieldVector vector, int[] selection, int count) {
    return ArrowReads.selected(vector, selection, count);
  }

  /**
   * Rows {@code selection[0..count)} (increasing) of an Arrow vector at their own positions in a column of
   * {@code rows} rows, for filters that test the selected rows in place: the other rows must not be read. The values
   * go into the array of {@code reuse} when it is a column of the same representation that nothing else holds any
   * more (null: a new array).
   */
  public static Column fromArrowInPlace(FieldVector vector, int rows, int[] selection, int count, Column reuse) {
    return ArrowReads.selectedInPlace(vector, rows, selection, count, reuse);
  }

  /** Boxed engine values as a column, typed when every non-null value has the same typed representation. */
  public static Column pack(Object[] values) {
    Object first = null;
    boolean[] nulls = null;
    int n = values.length;
    for (int i = 0; i < n; i++) {
      if (values[i] == null) {
        nulls = nulls == null ? new boolean[n] : nulls;
        nulls[i] = true;
      } else if (first == null) {
        first = values[i];
      } else if (values[i].getClass() != first.getClass()) {
        return new ObjectColumn(values);
      }
    }
    if (first instanceof Long || first instanceof Integer || first instanceof BigDecimal) {
      int scale = first instanceof BigDecimal d ? d.scale() : 0;
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        if (values[i] instanceof BigDecimal d) {
          if (d.scale() != scale || d.unscaledValue().bitLength() >= 64) {
            return new ObjectColumn(values);
          }
          out[i] = d.unscaledValue().longValue();
        } else if (values[i] != null) {
          out[i] = ((Number) values[i]).longValue();
        }
      }
      LongColumn.Kind kind = first instanceof BigDecimal ? LongColumn.Kind.DECIMAL
          : first instanceof Integer ? LongColumn.Kind.DATE : LongColumn.Kind.INTEGER;
      return new LongColumn(out, nulls, n, kind, scale);
    }
    if (first instanceof Double) {
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = values[i] == null ? 0 : (Double) values[i];
      }
      return new DoubleColumn(out, nulls, n);
    }
    if (first instanceof Boolean) {
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = values[i] != null && (Boolean) values[i];
      }
      return new BoolColumn(out, nulls, n);
    }
    return new ObjectColumn(values);
  }

  /** {@code value} (an engine value) on {@code size} rows. */
  public static Column constant(Object value, int size) {
    if (value instanceof String s) {
      return BytesColumn.constant(s.getBytes(StandardCharsets.UTF_8), size, true);
    }
    if (value instanceof Long || value instanceof Integer) {
      long[] values = new long[size];
      Arrays.fill(values, ((Number) value).longValue());
      return new LongColumn(values, null, size, value instanceof Integer ? LongColumn.Kind.DATE
          : LongColumn.Kind.INTEGER, 0);
    }
    if (value instanceof BigDecimal d && d.unscaledValue().bitLength() < 64) {
      long[] values = new long[size];
      Arrays.fill(values, d.unscaledValue().longValue());
      return new LongColumn(values, null, size, LongColumn.Kind.DECIMAL, d.scale());
    }
    if (value instanceof Double d) {
      double[] values = new double[size];
      Arrays.fill(values, d);
      return new DoubleColumn(values, null, size);
    }
    if (value instanceof Boolean b) {
      boolean[] values = new boolean[size];
      Arrays.fill(values, b);
      return new BoolColumn(values, null, size);
    }
    Object[] values = new Object[size];
    Arrays.fill(values, value);
    return pack(values);
  }

  /**
   * {@code base} with its rows {@code targets[0..count)} (ascending) replaced by rows {@code 0..count} of
   * {@code values}: typed when the two columns are typed alike ({@link ColumnBuilder}), else boxed.
   */
  public static Column replaceRows(Column base, int[] targets, int count, Column values) {
    ColumnBuilder out = new ColumnBuilder();
    for (int r = 0, next = 0; r < base.size(); r++) {
      if (next < count && targets[next] == r) {
        out.append(values, next++);
      } else {
        out.append(base, r);
      }
    }
    return out.build();
  }

  /** The columns one after another. */
  public static Column concat(List<Column> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    ColumnBuilder builder = new ColumnBuilder();
    for (Column part : parts) {
      builder.appendAll(part);
    }
    return builder.build();
  }
}
