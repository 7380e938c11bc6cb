package io.floe.engine.expr;

import io.floe.engine.exec.Column;
import java.util.function.BiFunction;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/** Chooses the typed kernel of a binary arithmetic operator from its result and operand types. */
final class ArithmeticCompiler {
  private static final BiFunction<Column, Column, Column> NONE = (x, y) -> null;

  private ArithmeticCompiler() {
  }

  static VectorExpr arithmetic(SqlKind kind, RelDataType type, RelDataType left, RelDataType right,
      VectorExpr x, VectorExpr y) {
    if (kind == SqlKind.MINUS && DateDifferences.isDifference(type, left, right)) {
      DateDifferences.Difference difference = DateDifferences.Difference.of(type, left, right);
      return ExprCompiler.binary(kind.sql, x, y, difference::kernel, difference::applyBoxed);
    }
    return ExprCompiler.binary(kind.sql, x, y, kernel(kind, type, left, right),
        (a, b) -> Arithmetic.apply(kind, type, left, right, a, b));
  }

  private static BiFunction<Column, Column, Column> kernel(SqlKind kind, RelDataType type, RelDataType left,
      RelDataType right) {
    SqlTypeName result = type.getSqlTypeName();
    switch (result) {
      case DATE:
      case TIMESTAMP: {
        boolean datetimeLeft = left.getSqlTypeName() == result;
        SqlTypeName interval = (datetimeLeft ? right : left).getSqlTypeName();
        SqlTypeName datetime = (datetimeLeft ? left : right).getSqlTypeName();
        if (datetime != result || !SqlTypeName.INTERVAL_TYPES.contains(interval)
            || kind != SqlKind.PLUS && (kind != SqlKind.MINUS || !datetimeLeft)) {
          return NONE;
        }
        boolean timestamp = result == SqlTypeName.TIMESTAMP;
        boolean yearMonth = SqlTypeName.YEAR_INTERVAL_TYPES.contains(interval);
        return datetimeLeft ? (x, y) -> DateKernels.plusInterval(kind, x, y, timestamp, yearMonth)
            : (x, y) -> DateKernels.plusInterval(kind, y, x, timestamp, yearMonth);
      }
      case REAL:
      case FLOAT:
      case DOUBLE:
        return (x, y) -> NumericKernels.doubleArithmetic(kind, x, y);
      case DECIMAL:
        if (kind == SqlKind.DIVIDE || kind == SqlKind.MOD) {
          int scale = type.getScale();
          return (x, y) -> NumericKernels.decimalDivide(kind, scale, x, y);
        }
        return (x, y) -> Kernels.arithmetic(kind, type, x, y);
      default:
        if (kind == SqlKind.DIVIDE || kind == SqlKind.MOD) {
          return SqlTypeName.INT_TYPES.contains(result) ? (x, y) -> NumericKernels.integerDivide(kind, x, y) : NONE;
        }
        return (x, y) -> Kernels.arithmetic(kind, type, x, y);
    }
  }
}
