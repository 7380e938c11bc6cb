package io.floe.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/** Column names, JDBC types, precision and scale of a result. */
final class FloeResultSetMetaData implements ResultSetMetaData, SelfWrapper {
  private final List<ColumnInfo> columns;

  FloeResultSetMetaData(List<ColumnInfo> columns) {
    this.columns = columns;
  }

  private ColumnInfo column(int column) throws SQLException {
    if (column < 1 || column > columns.size()) {
      throw new SQLException("column index " + column + " out of range 1.." + columns.size(), JdbcErrors.INVALID_PARAMETER);
    }
    return columns.get(column - 1);
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    int type = column(column).jdbcType();
    return type == java.sql.Types.VARCHAR;
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return column(column).nullable();
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return JdbcTypes.isNumeric(column(column).jdbcType());
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    ColumnInfo info = column(column);
    int precision = info.precision();
    if (precision == 0) {
      return 64;
    }
    return JdbcTypes.isNumeric(info.jdbcType()) ? precision + 2 : precision;
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return column(column).name();
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return column(column).name();
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return column(column).precision();
  }

  @Override
  public int getScale(int column) throws SQLException {
    return column(column).scale();
  }

  @Override
  public String getTableName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return column(column).jdbcType();
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return column(column).typeName();
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return JdbcTypes.javaClass(column(column).jdbcType()).getName();
  }
}
