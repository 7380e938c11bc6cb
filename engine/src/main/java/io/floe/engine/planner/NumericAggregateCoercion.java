package io.floe.engine.planner;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit type coercion, except that a numeric aggregate (SUM, AVG, the variances and standard
 * deviations) of a character or binary string is rejected at validation (SQLState 42000, "Cannot apply 'SUM' to
 * arguments of type ..."), as DuckDB, Trino and PostgreSQL do, instead of casting every value to a number.
 */
final class NumericAggregateCoercion extends TypeCoercionImpl {
  private static final Set<SqlKind> NUMERIC_AGGREGATES = EnumSet.of(SqlKind.SUM, SqlKind.SUM0, SqlKind.AVG,
      SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP, SqlKind.VAR_SAMP);

  NumericAggregateCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  public boolean builtinFunctionCoercion(SqlCallBinding binding, List<RelDataType> operandTypes,
      List<SqlTypeFamily> expectedFamilies) {
    if (NUMERIC_AGGREGATES.contains(binding.getOperator().getKind())
        && operandTypes.stream().anyMatch(type -> SqlTypeUtil.isCharacter(type) || SqlTypeUtil.isBinary(type))) {
      return false;
    }
    return super.builtinFunctionCoercion(binding, operandTypes, expectedFamilies);
  }
}
