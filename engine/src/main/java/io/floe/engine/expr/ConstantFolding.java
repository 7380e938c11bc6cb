package io.floe.engine.expr;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The planner's constant folding: each constant expression is evaluated by the engine's own kernels
 * ({@link ExprCompiler}) over a one-row batch and becomes a literal of the expression's type, so a folded constant
 * has the value the same expression computes at run time, and planning compiles no Java code. Calcite's executor
 * (which generates and compiles a class per call) folds only what the engine has no kernel or literal for. An
 * expression whose evaluation fails with a data error (division by zero, a value out of range, text that is not a
 * number) stays unreduced, as Calcite's executor leaves it, so the error surfaces when a row reaches it.
 */
public final class ConstantFolding implements RexExecutor {
  public static final ConstantFolding INSTANCE = new ConstantFolding();
  private static final Logger LOG = LoggerFactory.getLogger(ConstantFolding.class);

  private static final Batch ONE_ROW = new Batch(1, new Column[0]);

  private ConstantFolding() {
  }

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    for (RexNode expression : constExps) {
      RexNode folded = fold(rexBuilder, expression);
      if (folded != null) {
        reducedValues.add(folded);
      } else {
        List<RexNode> reduced = new ArrayList<>(1);
        RexUtil.EXECUTOR.reduce(rexBuilder, List.of(expression), reduced);
        reducedValues.addAll(reduced);
      }
    }
  }

  /**
   * {@code expression} evaluated by the engine's kernels as a literal, {@code expression} itself when evaluating it
   * fails with a data error, or null when the engine has no kernel or no literal for it.
   */
  static RexNode fold(RexBuilder rexBuilder, RexNode expression) {
    RelDataType type = expression.getType();
    Object value;
    try {
      value = new ExprCompiler(rexBuilder).compile(expression).eval(ONE_ROW).get(0);
    } catch (SqlStateException e) {
      return expression; // a data error: evaluated again at run time, where it fails for the rows that reach it
    } catch (RuntimeException e) {
      // no kernel for part of it (a CAST of text to TIME, UnsupportedOperationException) or none for these operand
      // types: Calcite's executor folds it, as it folded every constant before
      LOG.debug("constant {} left to Calcite's executor: {}", expression, e.toString());
      return null;
    }
    if (value == null) {
      return rexBuilder.makeNullLiteral(type);
    }
    Object literalValue = literalValue(value, type);
    return literalValue == null ? null : rexBuilder.makeLiteral(literalValue, type, true);
  }

  /**
   * {@code value}, in the engine's representation ({@link Values}), as the value a Calcite literal of {@code type}
   * holds, or null for types the engine has no literal of and values that do not fit {@code type}.
   */
  private static Object literalValue(Object value, RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    switch (name) {
      case BOOLEAN:
        return value instanceof Boolean ? value : null;
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return value instanceof Long n && TextParsing.fits(n, name) ? BigDecimal.valueOf(n) : null;
      case DECIMAL:
        return value instanceof BigDecimal d ? exactDecimal(d, type) : null;
      case REAL:
      case FLOAT:
      case DOUBLE:
        if (!(value instanceof Double d)) {
          return null;
        }
        // the shortest decimal that reads back as d; NaN and the infinities as Calcite's DOUBLE literals hold them
        return Double.isFinite(d) ? BigDecimal.valueOf(d) : d;
      case CHAR:
      case VARCHAR:
        return value instanceof String s && fitsLength(s.length(), type) ? s : null;
      case BINARY:
      case VARBINARY:
        return value instanceof byte[] b && fitsLength(b.length, type) ? new ByteString(b) : null;
      case DATE:
        return value instanceof Integer days ? DateString.fromDaysSinceEpoch(days) : null;
      case TIME:
        if (!(value instanceof Long micros)) {
          return null;
        }
        return TimeString.fromMillisOfDay((int) (micros / 1000))
            .withNanos((int) (micros % 1_000_000L) * 1000);
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        if (!(value instanceof Long micros)) {
          return null;
        }
        return TimestampString.fromMillisSinceEpoch(Math.floorDiv(micros, 1000L))
            .withNanos((int) Math.floorMod(micros, 1_000_000L) * 1000);
      default:
        if (SqlTypeName.INTERVAL_TYPES.contains(name) && value instanceof Long n) {
          return BigDecimal.valueOf(n); // months or milliseconds, as Calcite's interval literals hold them
        }
        return null;
    }
  }

  /** {@code d} at {@code type}'s scale, or null when that needs rounding or exceeds its precision. */
  private static BigDecimal exactDecimal(BigDecimal d, RelDataType type) {
    BigDecimal scaled;
    try {
      scaled = d.setScale(type.getScale(), java.math.RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      return null;
    }
    return scaled.precision() - scaled.scale() <= type.getPrecision() - type.getScale() ? scaled : null;
  }

  private static boolean fitsLength(int length, RelDataType type) {
    int precision = type.getPrecision();
    return precision == RelDataType.PRECISION_NOT_SPECIFIED || length <= precision;
  }
}
