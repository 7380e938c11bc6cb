package io.floe.jdbc;

import java.sql.SQLException;

/** Statement methods Floe does not support: each fails with SQLState 0A000. */
abstract class BaseStatement implements java.sql.Statement, SelfWrapper {
  @Override
  public void addBatch(String string) throws SQLException {
    throw notSupported("addBatch");
  }

  @Override
  public void cancel() throws SQLException {
    throw notSupported("cancel");
  }

  @Override
  public void clearBatch() throws SQLException {
    throw notSupported("clearBatch");
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
  public void closeOnCompletion() throws SQLException {
    throw notSupported("closeOnCompletion");
  }

  @Override
  public boolean execute(String string, int[] ints2) throws SQLException {
    throw notSupported("execute");
  }

  @Override
  public boolean execute(String string, String[] strings2) throws SQLException {
    throw notSupported("execute");
  }

  @Override
  public boolean execute(String string, int int2) throws SQLException {
    throw notSupported("execute");
  }

  @Override
  public boolean execute(String string) throws SQLException {
    throw notSupported("execute");
  }

  @Override
  public int[] executeBatch() throws SQLException {
    throw notSupported("executeBatch");
  }

  @Override
  public java.sql.ResultSet executeQuery(String string) throws SQLException {
    throw notSupported("executeQuery");
  }

  @Override
  public int executeUpdate(String string, int[] ints2) throws SQLException {
    throw notSupported("executeUpdate");
  }

  @Override
  public int executeUpdate(String string, String[] strings2) throws SQLException {
    throw notSupported("executeUpdate");
  }

  @Override
  public int executeUpdate(String string, int int2) throws SQLException {
    throw notSupported("executeUpdate");
  }

  @Override
  public int executeUpdate(String string) throws SQLException {
    throw notSupported("executeUpdate");
  }

  @Override
  public java.sql.Connection getConnection() throws SQLException {
    throw notSupported("getConnection");
  }

  @Override
  public int getFetchDirection() throws SQLException {
    throw notSupported("getFetchDirection");
  }

  @Override
  public int getFetchSize() throws SQLException {
    throw notSupported("getFetchSize");
  }

  @Override
  public java.sql.ResultSet getGeneratedKeys() throws SQLException {
    throw notSupported("getGeneratedKeys");
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    throw notSupported("getMaxFieldSize");
  }

  @Override
  public int getMaxRows() throws SQLException {
    throw notSupported("getMaxRows");
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    throw notSupported("getMoreResults");
  }

  @Override
  public boolean getMoreResults(int column) throws SQLException {
    throw notSupported("getMoreResults");
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    throw notSupported("getQueryTimeout");
  }

  @Override
  public java.sql.ResultSet getResultSet() throws SQLException {
    throw notSupported("getResultSet");
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    throw notSupported("getResultSetConcurrency");
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    throw notSupported("getResultSetHoldability");
  }

  @Override
  public int getResultSetType() throws SQLException {
    throw notSupported("getResultSetType");
  }

  @Override
  public int getUpdateCount() throws SQLException {
    throw notSupported("getUpdateCount");
  }

  @Override
  public java.sql.SQLWarning getWarnings() throws SQLException {
    throw notSupported("getWarnings");
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    throw notSupported("isCloseOnCompletion");
  }

  @Override
  public boolean isClosed() throws SQLException {
    throw notSupported("isClosed");
  }

  @Override
  public boolean isPoolable() throws SQLException {
    throw notSupported("isPoolable");
  }

  @Override
  public void setCursorName(String string) throws SQLException {
    throw notSupported("setCursorName");
  }

  @Override
  public void setEscapeProcessing(boolean boolean1) throws SQLException {
    throw notSupported("setEscapeProcessing");
  }

  @Override
  public void setFetchDirection(int parameter) throws SQLException {
    throw notSupported("setFetchDirection");
  }

  @Override
  public void setFetchSize(int parameter) throws SQLException {
    throw notSupported("setFetchSize");
  }

  @Override
  public void setMaxFieldSize(int parameter) throws SQLException {
    throw notSupported("setMaxFieldSize");
  }

  @Override
  public void setMaxRows(int parameter) throws SQLException {
    throw notSupported("setMaxRows");
  }

  @Override
  public void setPoolable(boolean boolean1) throws SQLException {
    throw notSupported("setPoolable");
  }

  @Override
  public void setQueryTimeout(int parameter) throws SQLException {
    throw notSupported("setQueryTimeout");
  }

  private static SQLException notSupported(String method) {
    return JdbcErrors.notSupported("Statement." + method);
  }
}
