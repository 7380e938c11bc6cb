package io.floe.engine.expr;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * The planner's constant folding: Calcite's executor, except for expressions with TIME or TIMESTAMP values or a
 * CAST of a datetime to text, which Calcite's executor computes in milliseconds and prints without the fraction
 * of a second: those are
 * evaluated by the engine's own kernels (text, boolean, date and timestamp results), so a folded constant has the
 * value the same expression over a column has. Expressions the engine has no kernel for stay with Calcite.
 */
public final class ConstantFolding implements RexExecutor {
  public static final ConstantFolding INSTANCE = new ConstantFolding();

  private ConstantFolding() {
  }

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    for (RexNode expression : constExps) {
      RexNode literal = convertsDatetime(expression) ? evaluate(rexBuilder, expression) : null;
      if (literal != null) {
        reducedValues.add(literal);
      } else {
        List<RexNode> reduced = new ArrayList<>(1);
        RexUtil.EXECUTOR.reduce(rexBuilder, List.of(expression), reduced);
        reducedValues.addAll(reduced);
      }
    }
  }

  /** {@code expression} evaluated by the engine's kernels as a literal, or null for types it has no literal of. */
  private static RexNode evaluate(RexBuilder rexBuilder, RexNode expression) {
    RelDataType type = expression.getType();
    VectorExpr compiled;
    try {
      compiled = new ExprCompiler(rexBuilder).compile(expression);
    } catch (UnsupportedOperationException e) {
      return null; // no kernel for part of it (a CAST of text to TIME): Calcite's executor folds it
    }
    Object value = compiled.eval(new Batch(1, new Column[0])).get(0);
    if (value == null) {
      return rexBuilder.makeNullLiteral(type);
    }
    switch (type.getSqlTypeName()) {
      case CHAR:
      case VARCHAR:
      case BOOLEAN:
        return rexBuilder.makeLiteral(value, type, true);
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return rexBuilder.makeExactLiteral(java.math.BigDecimal.valueOf((Long) value), type);
      case DATE:
        return rexBuilder.makeDateLiteral(DateString.fromDaysSinceEpoch(((Number) value).intValue()));
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
        long micros = (Long) value;
        TimestampString text = TimestampString.fromMillisSinceEpoch(Math.floorDiv(micros, 1000L))
            .withNanos((int) Math.floorMod(micros, 1_000_000L) * 1000);
        RexNode literal = type.getSqlTypeName() == SqlTypeName.TIMESTAMP
            ? rexBuilder.makeTimestampLiteral(text, type.getPrecision())
            : rexBuilder.makeTimestampWithLocalTimeZoneLiteral(text, type.getPrecision());
        return rexBuilder.ensureType(type, literal, true);
      }
      default:
        return null;
    }
  }

  /**
   * Whether {@code expression} computes with sub-second datetimes (a TIME or TIMESTAMP value anywhere in it, which
   * Calcite's executor holds in milliseconds) or casts a DATE to or from text.
   */
  private static boolean convertsDatetime(RexNode expression) {
    SqlTypeName type = expression.getType().getSqlTypeName();
    if (type == SqlTypeName.TIME || CastKernels.isTimestamp(type)) {
      return true;
    }
    if (!(expression instanceof RexCall call)) {
      return false;
    }
    if (call.getKind() == SqlKind.CAST && SqlTypeName.CHAR_TYPES.contains(type)
        && SqlTypeName.DATETIME_TYPES.contains(call.getOperands().get(0).getType().getSqlTypeName())) {
      return true;
    }
    for (RexNode operand : call.getOperands()) {
      if (convertsDatetime(operand)) {
        return true;
      }
    }
    return false;
  }
}
