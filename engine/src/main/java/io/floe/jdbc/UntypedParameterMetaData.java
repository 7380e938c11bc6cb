package io.floe.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/** Parameter metadata before planning: the count is known; types are not ({@link Types#OTHER}, nullable, input). */
final class UntypedParameterMetaData implements ParameterMetaData, SelfWrapper {
  private final int count;

  UntypedParameterMetaData(int count) {
    this.count = count;
  }

  private void check(int parameter) throws SQLException {
    if (parameter < 1 || parameter > count) {
      throw new SQLException("parameter index " + parameter + " out of range 1.." + count, JdbcErrors.INVALID_PARAMETER);
    }
  }

  @Override
  public int getParameterCount() {
    return count;
  }

  @Override
  public int isNullable(int parameter) throws SQLException {
    check(parameter);
    return parameterNullableUnknown;
  }

  @Override
  public boolean isSigned(int parameter) throws SQLException {
    check(parameter);
    return false;
  }

  @Override
  public int getPrecision(int parameter) throws SQLException {
    check(parameter);
    return 0;
  }

  @Override
  public int getScale(int parameter) throws SQLException {
    check(parameter);
    return 0;
  }

  @Override
  public int getParameterType(int parameter) throws SQLException {
    check(parameter);
    return Types.OTHER;
  }

  @Override
  public String getParameterTypeName(int parameter) throws SQLException {
    check(parameter);
    return "OTHER";
  }

  @Override
  public String getParameterClassName(int parameter) throws SQLException {
    check(parameter);
    return Object.class.getName();
  }

  @Override
  public int getParameterMode(int parameter) throws SQLException {
    check(parameter);
    return parameterModeIn;
  }
}
