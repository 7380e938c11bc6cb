package io.floe.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;

/**
 * A prepared statement's parameters: their types as the validator infers them from where each marker stands (a
 * comparison with a column, an INSERT's target column), or {@link Types#OTHER} where no type is known (a statement
 * the validator does not describe, such as DDL). Every parameter is an input that may be NULL.
 */
final class FloeParameterMetaData implements ParameterMetaData, SelfWrapper {
  private final List<ColumnInfo> parameters;

  FloeParameterMetaData(List<ColumnInfo> parameters) {
    this.parameters = List.copyOf(parameters);
  }

  /** {@code count} parameters of unknown type. */
  static FloeParameterMetaData untyped(int count) {
    return new FloeParameterMetaData(Collections.nCopies(count, ColumnInfo.of("", Types.OTHER)));
  }

  private ColumnInfo parameter(int parameter) throws SQLException {
    if (parameter < 1 || parameter > parameters.size()) {
      throw new SQLException("parameter index " + parameter + " out of range 1.." + parameters.size(),
          JdbcErrors.INVALID_PARAMETER);
    }
    return parameters.get(parameter - 1);
  }

  @Override
  public int getParameterCount() {
    return parameters.size();
  }

  @Override
  public int isNullable(int parameter) throws SQLException {
    parameter(parameter);
    return parameterNullable;
  }

  @Override
  public boolean isSigned(int parameter) throws SQLException {
    return JdbcTypes.isNumeric(parameter(parameter).jdbcType());
  }

  @Override
  public int getPrecision(int parameter) throws SQLException {
    return parameter(parameter).precision();
  }

  @Override
  public int getScale(int parameter) throws SQLException {
    return parameter(parameter).scale();
  }

  @Override
  public int getParameterType(int parameter) throws SQLException {
    return parameter(parameter).jdbcType();
  }

  @Override
  public String getParameterTypeName(int parameter) throws SQLException {
    return parameter(parameter).typeName();
  }

  @Override
  public String getParameterClassName(int parameter) throws SQLException {
    return JdbcTypes.javaClass(parameter(parameter).jdbcType()).getName();
  }

  @Override
  public int getParameterMode(int parameter) throws SQLException {
    parameter(parameter);
    return parameterModeIn;
  }
}
