package io.floe.jdbc;

import java.sql.SQLException;

/** Prepared-statement methods Floe does not support (streams, LOBs, arrays, refs, ...): each fails with SQLState 0A000. */
abstract class BasePreparedStatement extends FloeStatement implements java.sql.PreparedStatement {
  BasePreparedStatement(FloeConnection connection) {
    super(connection);
  }

  @Override
  public void addBatch() throws SQLException {
    throw notSupported("addBatch");
  }

  @Override
  public void clearParameters() throws SQLException {
    throw notSupported("clearParameters");
  }

  @Override
  public boolean execute() throws SQLException {
    throw notSupported("execute");
  }

  @Override
  public java.sql.ResultSet executeQuery() throws SQLException {
    throw notSupported("executeQuery");
  }

  @Override
  public int executeUpdate() throws SQLException {
    throw notSupported("executeUpdate");
  }

  @Override
  public java.sql.ResultSetMetaData getMetaData() throws SQLException {
    throw notSupported("getMetaData");
  }

  @Override
  public java.sql.ParameterMetaData getParameterMetaData() throws SQLException {
    throw notSupported("getParameterMetaData");
  }

  @Override
  public void setArray(int parameter, java.sql.Array value) throws SQLException {
    throw notSupported("setArray");
  }

  @Override
  public void setAsciiStream(int parameter, java.io.InputStream value, int int3) throws SQLException {
    throw notSupported("setAsciiStream");
  }

  @Override
  public void setAsciiStream(int parameter, java.io.InputStream value, long long3) throws SQLException {
    throw notSupported("setAsciiStream");
  }

  @Override
  public void setAsciiStream(int parameter, java.io.InputStream value) throws SQLException {
    throw notSupported("setAsciiStream");
  }

  @Override
  public void setBigDecimal(int parameter, java.math.BigDecimal value) throws SQLException {
    throw notSupported("setBigDecimal");
  }

  @Override
  public void setBinaryStream(int parameter, java.io.InputStream value, int int3) throws SQLException {
    throw notSupported("setBinaryStream");
  }

  @Override
  public void setBinaryStream(int parameter, java.io.InputStream value, long long3) throws SQLException {
    throw notSupported("setBinaryStream");
  }

  @Override
  public void setBinaryStream(int parameter, java.io.InputStream value) throws SQLException {
    throw notSupported("setBinaryStream");
  }

  @Override
  public void setBlob(int parameter, java.io.InputStream value, long long3) throws SQLException {
    throw notSupported("setBlob");
  }

  @Override
  public void setBlob(int parameter, java.io.InputStream value) throws SQLException {
    throw notSupported("setBlob");
  }

  @Override
  public void setBlob(int parameter, java.sql.Blob value) throws SQLException {
    throw notSupported("setBlob");
  }

  @Override
  public void setBoolean(int parameter, boolean value) throws SQLException {
    throw notSupported("setBoolean");
  }

  @Override
  public void setByte(int parameter, byte value) throws SQLException {
    throw notSupported("setByte");
  }

  @Override
  public void setBytes(int parameter, byte[] value) throws SQLException {
    throw notSupported("setBytes");
  }

  @Override
  public void setCharacterStream(int parameter, java.io.Reader value, int int3) throws SQLException {
    throw notSupported("setCharacterStream");
  }

  @Override
  public void setCharacterStream(int parameter, java.io.Reader value, long long3) throws SQLException {
    throw notSupported("setCharacterStream");
  }

  @Override
  public void setCharacterStream(int parameter, java.io.Reader value) throws SQLException {
    throw notSupported("setCharacterStream");
  }

  @Override
  public void setClob(int parameter, java.io.Reader value, long long3) throws SQLException {
    throw notSupported("setClob");
  }

  @Override
  public void setClob(int parameter, java.io.Reader value) throws SQLException {
    throw notSupported("setClob");
  }

  @Override
  public void setClob(int parameter, java.sql.Clob value) throws SQLException {
    throw notSupported("setClob");
  }

  @Override
  public void setDate(int parameter, java.sql.Date value, java.util.Calendar calendar3) throws SQLException {
    throw notSupported("setDate");
  }

  @Override
  public void setDate(int parameter, java.sql.Date value) throws SQLException {
    throw notSupported("setDate");
  }

  @Override
  public void setDouble(int parameter, double value) throws SQLException {
    throw notSupported("setDouble");
  }

  @Override
  public void setFloat(int parameter, float value) throws SQLException {
    throw notSupported("setFloat");
  }

  @Override
  public void setInt(int parameter, int value) throws SQLException {
    throw notSupported("setInt");
  }

  @Override
  public void setLong(int parameter, long value) throws SQLException {
    throw notSupported("setLong");
  }

  @Override
  public void setNCharacterStream(int parameter, java.io.Reader value, long long3) throws SQLException {
    throw notSupported("setNCharacterStream");
  }

  @Override
  public void setNCharacterStream(int parameter, java.io.Reader value) throws SQLException {
    throw notSupported("setNCharacterStream");
  }

  @Override
  public void setNClob(int parameter, java.io.Reader value, long long3) throws SQLException {
    throw notSupported("setNClob");
  }

  @Override
  public void setNClob(int parameter, java.io.Reader value) throws SQLException {
    throw notSupported("setNClob");
  }

  @Override
  public void setNClob(int parameter, java.sql.NClob value) throws SQLException {
    throw notSupported("setNClob");
  }

  @Override
  public void setNString(int parameter, String value) throws SQLException {
    throw notSupported("setNString");
  }

  @Override
  public void setNull(int parameter, int value, String string3) throws SQLException {
    throw notSupported("setNull");
  }

  @Override
  public void setNull(int parameter, int value) throws SQLException {
    throw notSupported("setNull");
  }

  @Override
  public void setObject(int parameter, Object value, int int3, int int4) throws SQLException {
    throw notSupported("setObject");
  }

  @Override
  public void setObject(int parameter, Object value, int int3) throws SQLException {
    throw notSupported("setObject");
  }

  @Override
  public void setObject(int parameter, Object value) throws SQLException {
    throw notSupported("setObject");
  }

  @Override
  public void setRef(int parameter, java.sql.Ref value) throws SQLException {
    throw notSupported("setRef");
  }

  @Override
  public void setRowId(int parameter, java.sql.RowId value) throws SQLException {
    throw notSupported("setRowId");
  }

  @Override
  public void setSQLXML(int parameter, java.sql.SQLXML value) throws SQLException {
    throw notSupported("setSQLXML");
  }

  @Override
  public void setShort(int parameter, short value) throws SQLException {
    throw notSupported("setShort");
  }

  @Override
  public void setString(int parameter, String value) throws SQLException {
    throw notSupported("setString");
  }

  @Override
  public void setTime(int parameter, java.sql.Time value, java.util.Calendar calendar3) throws SQLException {
    throw notSupported("setTime");
  }

  @Override
  public void setTime(int parameter, java.sql.Time value) throws SQLException {
    throw notSupported("setTime");
  }

  @Override
  public void setTimestamp(int parameter, java.sql.Timestamp value, java.util.Calendar calendar3) throws SQLException {
    throw notSupported("setTimestamp");
  }

  @Override
  public void setTimestamp(int parameter, java.sql.Timestamp value) throws SQLException {
    throw notSupported("setTimestamp");
  }

  @Override
  public void setURL(int parameter, java.net.URL value) throws SQLException {
    throw notSupported("setURL");
  }

  @Override
  public void setUnicodeStream(int parameter, java.io.InputStream value, int int3) throws SQLException {
    throw notSupported("setUnicodeStream");
  }

  private static SQLException notSupported(String method) {
    return JdbcErrors.notSupported("PreparedStatement." + method);
  }
}
