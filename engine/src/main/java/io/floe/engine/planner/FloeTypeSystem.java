package io.floe.engine.planner;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Floe's SQL type rules: decimals up to precision 38, times and timestamps to microseconds, SUM of a decimal widens to precision 38, AVG of a decimal
 * keeps at least 6 fractional digits, and CASE/UNION of strings of different lengths is VARCHAR (no padding).
 */
public final class FloeTypeSystem extends RelDataTypeSystemImpl {
  public static final FloeTypeSystem INSTANCE = new FloeTypeSystem();

  private FloeTypeSystem() {
  }

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIME
        || typeName == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return 6;
    }
    return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxPrecision(typeName);
  }

  /** TIME and TIMESTAMP without a precision hold microseconds, as Iceberg's and DuckDB's do. */
  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIME
        || typeName == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return 6;
    }
    return super.getDefaultPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory factory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return factory.createTypeWithNullability(
          factory.createSqlType(SqlTypeName.DECIMAL, 38, argumentType.getScale()), argumentType.isNullable());
    }
    if (argumentType.getSqlTypeName() == SqlTypeName.INTEGER || argumentType.getSqlTypeName() == SqlTypeName.SMALLINT
        || argumentType.getSqlTypeName() == SqlTypeName.TINYINT) {
      return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.BIGINT), argumentType.isNullable());
    }
    return super.deriveSumType(factory, argumentType);
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return factory.createTypeWithNullability(
          factory.createSqlType(SqlTypeName.DECIMAL, 38, Math.max(6, argumentType.getScale())),
          argumentType.isNullable());
    }
    if (SqlTypeName.INT_TYPES.contains(argumentType.getSqlTypeName())) {
      return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
    return super.deriveAvgAggType(factory, argumentType);
  }

  /** Decimal literals cast to a smaller scale round HALF_UP, as the engine's CAST does. */
  @Override
  public java.math.RoundingMode roundingMode() {
    return java.math.RoundingMode.HALF_UP;
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
