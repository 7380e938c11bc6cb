package io.floe.jdbc;

import java.sql.SQLException;

/** Connection methods Floe does not support: each fails with SQLState 0A000. */
abstract class BaseConnection implements java.sql.Connection, SelfWrapper {
  @Override
  public void abort(java.util.concurrent.Executor executor) throws SQLException {
    throw notSupported("abort");
  }

  @Override
  public void clearWarnings() throws SQLException {
    throw notSupported("clearWarnings");
  }

  @Override
  public void close() throws SQLException {
    throw notSupported("close");
  }

  @Override
  public void commit() throws SQLException {
    throw notSupported("commit");
  }

  @Override
  public java.sql.Array createArrayOf(String string, Object[] objects2) throws SQLException {
    throw notSupported("createArrayOf");
  }

  @Override
  public java.sql.Blob createBlob() throws SQLException {
    throw notSupported("createBlob");
  }

  @Override
  public java.sql.Clob createClob() throws SQLException {
    throw notSupported("createClob");
  }

  @Override
  public java.sql.NClob createNClob() throws SQLException {
    throw notSupported("createNClob");
  }

  @Override
  public java.sql.SQLXML createSQLXML() throws SQLException {
    throw notSupported("createSQLXML");
  }

  @Override
  public java.sql.Statement createStatement() throws SQLException {
    throw notSupported("createStatement");
  }

  @Override
  public java.sql.Statement createStatement(int int1, int int2, int int3) throws SQLException {
    throw notSupported("createStatement");
  }

  @Override
  public java.sql.Statement createStatement(int int1, int int2) throws SQLException {
    throw notSupported("createStatement");
  }

  @Override
  public java.sql.Struct createStruct(String string, Object[] objects2) throws SQLException {
    throw notSupported("createStruct");
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    throw notSupported("getAutoCommit");
  }

  @Override
  public String getCatalog() throws SQLException {
    throw notSupported("getCatalog");
  }

  @Override
  public java.util.Properties getClientInfo() throws SQLException {
    throw notSupported("getClientInfo");
  }

  @Override
  public String getClientInfo(String label) throws SQLException {
    throw notSupported("getClientInfo");
  }

  @Override
  public int getHoldability() throws SQLException {
    throw notSupported("getHoldability");
  }

  @Override
  public java.sql.DatabaseMetaData getMetaData() throws SQLException {
    throw notSupported("getMetaData");
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    throw notSupported("getNetworkTimeout");
  }

  @Override
  public String getSchema() throws SQLException {
    throw notSupported("getSchema");
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    throw notSupported("getTransactionIsolation");
  }

  @Override
  public java.util.Map<String, Class<?>> getTypeMap() throws SQLException {
    throw notSupported("getTypeMap");
  }

  @Override
  public java.sql.SQLWarning getWarnings() throws SQLException {
    throw notSupported("getWarnings");
  }

  @Override
  public boolean isClosed() throws SQLException {
    throw notSupported("isClosed");
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    throw notSupported("isReadOnly");
  }

  @Override
  public boolean isValid(int int1) throws SQLException {
    throw notSupported("isValid");
  }

  @Override
  public String nativeSQL(String string) throws SQLException {
    throw notSupported("nativeSQL");
  }

  @Override
  public java.sql.CallableStatement prepareCall(String string, int int2, int int3, int int4) throws SQLException {
    throw notSupported("prepareCall");
  }

  @Override
  public java.sql.CallableStatement prepareCall(String string, int int2, int int3) throws SQLException {
    throw notSupported("prepareCall");
  }

  @Override
  public java.sql.CallableStatement prepareCall(String string) throws SQLException {
    throw notSupported("prepareCall");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(String string, int[] ints2) throws SQLException {
    throw notSupported("prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(String string, String[] strings2) throws SQLException {
    throw notSupported("prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(String string, int int2, int int3, int int4) throws SQLException {
    throw notSupported("prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(String string, int int2, int int3) throws SQLException {
    throw notSupported("prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(String string, int int2) throws SQLException {
    throw notSupported("prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(String string) throws SQLException {
    throw notSupported("prepareStatement");
  }

  @Override
  public void releaseSavepoint(java.sql.Savepoint savepoint) throws SQLException {
    throw notSupported("releaseSavepoint");
  }

  @Override
  public void rollback() throws SQLException {
    throw notSupported("rollback");
  }

  @Override
  public void rollback(java.sql.Savepoint savepoint) throws SQLException {
    throw notSupported("rollback");
  }

  @Override
  public void setAutoCommit(boolean boolean1) throws SQLException {
    throw notSupported("setAutoCommit");
  }

  @Override
  public void setCatalog(String string) throws SQLException {
    throw notSupported("setCatalog");
  }

  @Override
  public void setHoldability(int parameter) throws SQLException {
    throw notSupported("setHoldability");
  }

  @Override
  public void setNetworkTimeout(java.util.concurrent.Executor executor, int value) throws SQLException {
    throw notSupported("setNetworkTimeout");
  }

  @Override
  public void setReadOnly(boolean boolean1) throws SQLException {
    throw notSupported("setReadOnly");
  }

  @Override
  public java.sql.Savepoint setSavepoint() throws SQLException {
    throw notSupported("setSavepoint");
  }

  @Override
  public java.sql.Savepoint setSavepoint(String string) throws SQLException {
    throw notSupported("setSavepoint");
  }

  @Override
  public void setSchema(String string) throws SQLException {
    throw notSupported("setSchema");
  }

  @Override
  public void setTransactionIsolation(int parameter) throws SQLException {
    throw notSupported("setTransactionIsolation");
  }

  @Override
  public void setTypeMap(java.util.Map<String, Class<?>> map) throws SQLException {
    throw notSupported("setTypeMap");
  }

  private static SQLException notSupported(String method) {
    return JdbcErrors.notSupported("Connection." + method);
  }
}
