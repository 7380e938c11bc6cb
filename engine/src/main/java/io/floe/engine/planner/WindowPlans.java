package io.floe.engine.planner;

import io.floe.engine.exec.WindowCall;
import io.floe.engine.exec.WindowFrame;
import io.floe.engine.exec.WindowOperator;
import io.floe.engine.expr.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowExclusion;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates Calcite's {@link Window} into the window operator's windows: frames (ROWS and RANGE, offsets from the
 * window's constants), and calls of the supported functions; anything else fails with "not supported: ...".
 */
final class WindowPlans {
  /** The window functions the engine computes. */
  static final Set<SqlKind> FUNCTIONS = EnumSet.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0, SqlKind.MIN,
      SqlKind.MAX, SqlKind.ROW_NUMBER, SqlKind.RANK, SqlKind.DENSE_RANK, SqlKind.NTILE, SqlKind.PERCENT_RANK,
      SqlKind.CUME_DIST, SqlKind.LAG, SqlKind.LEAD, SqlKind.FIRST_VALUE, SqlKind.LAST_VALUE, SqlKind.NTH_VALUE);

  /** The window functions that take IGNORE NULLS. */
  private static final Set<SqlKind> NULL_TREATMENT = EnumSet.of(SqlKind.LAG, SqlKind.LEAD, SqlKind.FIRST_VALUE,
      SqlKind.LAST_VALUE, SqlKind.NTH_VALUE);

  /** The window aggregates that take DISTINCT. */
  private static final Set<SqlKind> DISTINCT = EnumSet.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0, SqlKind.MIN,
      SqlKind.MAX);

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private WindowPlans() {
  }

  static List<WindowOperator.Window> windows(Window window) {
    int inputWidth = window.getInput().getRowType().getFieldCount();
    List<WindowOperator.Window> out = new ArrayList<>();
    for (Window.Group group : window.groups) {
      List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
      RelDataType keyType = order.isEmpty() ? null
          : window.getInput().getRowType().getFieldList().get(order.get(0).getFieldIndex()).getType();
      WindowFrame frame = new WindowFrame(group.isRows, bound(group.lowerBound, group.isRows, keyType, window),
          bound(group.upperBound, group.isRows, keyType, window), exclusion(group.exclude));
      List<WindowCall> calls = new ArrayList<>();
      for (Window.RexWinAggCall call : group.aggCalls) {
        calls.add(call(call, inputWidth, window));
      }
      out.add(new WindowOperator.Window(group.keys.toArray(), order, frame, calls));
    }
    return out;
  }

  private static WindowFrame.Exclusion exclusion(RexWindowExclusion exclude) {
    switch (exclude) {
      case EXCLUDE_NO_OTHER:
        return WindowFrame.Exclusion.NO_OTHERS;
      case EXCLUDE_CURRENT_ROW:
        return WindowFrame.Exclusion.CURRENT_ROW;
      case EXCLUDE_GROUP:
        return WindowFrame.Exclusion.GROUP;
      case EXCLUDE_TIES:
        return WindowFrame.Exclusion.TIES;
      default:
        throw new UnsupportedOperationException("not supported: window frame " + exclude);
    }
  }

  private static WindowCall call(Window.RexWinAggCall call, int inputWidth, Window window) {
    SqlKind kind = call.getOperator().getKind();
    String name = call.getOperator().getName();
    if (!FUNCTIONS.contains(kind)) {
      throw new UnsupportedOperationException("not supported: window function " + name);
    }
    if (call.distinct && !DISTINCT.contains(kind)) {
      throw new UnsupportedOperationException("not supported: window function " + name + " with DISTINCT");
    }
    if (call.ignoreNulls && !NULL_TREATMENT.contains(kind)) {
      throw new UnsupportedOperationException("not supported: window function " + name + " with IGNORE NULLS");
    }
    List<RexNode> operands = call.getOperands();
    switch (kind) {
      case NTILE:
        return new WindowCall(kind, -1, constantLong(operands.get(0), inputWidth, window, name), -1, -1, null, false,
            false, call.getType());
      case NTH_VALUE:
      case LAG:
      case LEAD:
        // the offset (n of NTH_VALUE): a constant or a column
        RexNode count = operands.size() > 1 ? operands.get(1) : null;
        int countColumn = count instanceof RexInputRef ref && ref.getIndex() < inputWidth ? ref.getIndex() : -1;
        long constantCount = count == null ? 1 : countColumn >= 0 ? 0 : constantLong(count, inputWidth, window, name);
        int defaultColumn = -1;
        Object defaultValue = null;
        if (kind != SqlKind.NTH_VALUE && operands.size() > 2) {
          RexNode d = operands.get(2);
          if (d instanceof RexInputRef ref && ref.getIndex() < inputWidth) {
            defaultColumn = ref.getIndex();
          } else {
            defaultValue = as(Values.literal(constant(d, inputWidth, window, name)), call.getType());
          }
        }
        return new WindowCall(kind, column(operands.get(0), inputWidth, name), constantCount, countColumn,
            defaultColumn, defaultValue, call.ignoreNulls, false, call.getType());
      case COUNT:
        if (operands.size() > 1) {
          throw new UnsupportedOperationException("not supported: window function COUNT with several arguments");
        }
        if (operands.size() == 1 && operands.get(0) instanceof RexInputRef ref && ref.getIndex() >= inputWidth) {
          // COUNT(constant): all rows, or none for COUNT(NULL)
          if (Values.literal(constant(ref, inputWidth, window, name)) == null || call.distinct) {
            throw new UnsupportedOperationException("not supported: window function "
                + (call.distinct ? "COUNT(DISTINCT constant)" : "COUNT(NULL)"));
          }
          return WindowCall.of(kind, -1, call.getType());
        }
        return new WindowCall(kind, operands.isEmpty() ? -1 : column(operands.get(0), inputWidth, name), 0, -1, -1,
            null, false, call.distinct, call.getType());
      default:
        if (operands.size() > 1) {
          throw new UnsupportedOperationException("not supported: window function " + name
              + " with several arguments");
        }
        return new WindowCall(kind, operands.isEmpty() ? -1 : column(operands.get(0), inputWidth, name), 0, -1, -1,
            null, call.ignoreNulls, call.distinct, call.getType());
    }
  }

  private static int column(RexNode operand, int inputWidth, String function) {
    if (!(operand instanceof RexInputRef ref) || ref.getIndex() >= inputWidth) {
      throw new UnsupportedOperationException("not supported: argument " + operand + " of window function "
          + function + " (a column is needed)");
    }
    return ref.getIndex();
  }

  /** A literal, or a reference to one of the window's constants. */
  private static RexLiteral constant(RexNode node, int inputWidth, Window window, String what) {
    if (node instanceof RexLiteral literal) {
      return literal;
    }
    if (node instanceof RexInputRef ref && ref.getIndex() >= inputWidth) {
      return window.constants.get(ref.getIndex() - inputWidth);
    }
    throw new UnsupportedOperationException("not supported: non-constant " + node + " in " + what);
  }

  private static long constantLong(RexNode node, int inputWidth, Window window, String what) {
    Object v = Values.literal(constant(node, inputWidth, window, what));
    if (!(v instanceof Long l)) {
      throw new UnsupportedOperationException("not supported: " + node + " in " + what + " (an integer is needed)");
    }
    return l;
  }

  /** A constant in the representation of {@code type}'s values (LAG/LEAD defaults). */
  private static Object as(Object value, RelDataType type) {
    if (value == null) {
      return null;
    }
    switch (type.getSqlTypeName()) {
      case DECIMAL:
        return Values.toBigDecimal(value).setScale(type.getScale(), RoundingMode.HALF_UP);
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return value instanceof Number n ? (Object) n.longValue() : value;
      case DOUBLE:
      case REAL:
      case FLOAT:
        return value instanceof Number n ? (Object) n.doubleValue() : value;
      default:
        return value;
    }
  }

  private static WindowFrame.Bound bound(RexWindowBound bound, boolean rows, RelDataType keyType, Window window) {
    if (bound.isUnbounded()) {
      return WindowFrame.Bound.of(bound.isPreceding() ? WindowFrame.Kind.UNBOUNDED_PRECEDING
          : WindowFrame.Kind.UNBOUNDED_FOLLOWING);
    }
    if (bound.isCurrentRow()) {
      return WindowFrame.Bound.of(WindowFrame.Kind.CURRENT_ROW);
    }
    WindowFrame.Kind kind = bound.isPreceding() ? WindowFrame.Kind.PRECEDING : WindowFrame.Kind.FOLLOWING;
    int inputWidth = window.getInput().getRowType().getFieldCount();
    RexLiteral literal = constant(bound.getOffset(), inputWidth, window, "window frame");
    Object offset = Values.literal(literal);
    if (offset == null || offset instanceof Number n && Values.toBigDecimal(n).signum() < 0) {
      throw new UnsupportedOperationException("not supported: window frame offset " + literal);
    }
    if (rows) {
      if (!(offset instanceof Long count)) {
        throw new UnsupportedOperationException("not supported: ROWS frame offset " + literal);
      }
      return new WindowFrame.Bound(kind, count, null);
    }
    return new WindowFrame.Bound(kind, 0, rangeOffset(literal, offset, keyType));
  }

  /** A RANGE offset in the units of the ORDER BY key ({@link WindowFrame.RangeOffset}). */
  private static WindowFrame.RangeOffset rangeOffset(RexLiteral literal, Object offset, RelDataType keyType) {
    SqlTypeName key = keyType == null ? null : keyType.getSqlTypeName();
    SqlTypeName unit = literal.getType().getSqlTypeName();
    boolean yearMonth = SqlTypeName.YEAR_INTERVAL_TYPES.contains(unit);
    boolean dayTime = SqlTypeName.DAY_INTERVAL_TYPES.contains(unit);
    long value = offset instanceof Long l ? l : 0;
    if (key != null && SqlTypeName.NUMERIC_TYPES.contains(key) && !yearMonth && !dayTime) {
      return new WindowFrame.RangeOffset(Values.toBigDecimal(offset), 0, false);
    }
    if (key == SqlTypeName.DATE && dayTime) {
      return new WindowFrame.RangeOffset(BigDecimal.valueOf(value).divide(BigDecimal.valueOf(MILLIS_PER_DAY), 12,
          RoundingMode.HALF_UP), 0, false);
    }
    boolean timestamp = key == SqlTypeName.TIMESTAMP || key == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    if ((timestamp || key == SqlTypeName.TIME) && dayTime) {
      return new WindowFrame.RangeOffset(BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(1000)), 0, false);
    }
    if ((timestamp || key == SqlTypeName.DATE) && yearMonth) {
      return new WindowFrame.RangeOffset(null, value, timestamp);
    }
    throw new UnsupportedOperationException("not supported: RANGE frame offset " + literal
        + " on ORDER BY key of type " + keyType);
  }
}
