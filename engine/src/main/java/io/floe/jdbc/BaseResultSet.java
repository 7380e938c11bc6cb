package io.floe.jdbc;

import java.sql.SQLException;

/** A forward-only, read-only result set: updates, scrolling and LOB/stream getters are not supported; getters by label find the column and use the getter by index. */
abstract class BaseResultSet implements java.sql.ResultSet, SelfWrapper {
  @Override
  public boolean absolute(int int1) throws SQLException {
    throw notSupported("absolute");
  }

  @Override
  public void afterLast() throws SQLException {
    throw notSupported("afterLast");
  }

  @Override
  public void beforeFirst() throws SQLException {
    throw notSupported("beforeFirst");
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    throw notSupported("cancelRowUpdates");
  }

  @Override
  public void deleteRow() throws SQLException {
    throw notSupported("deleteRow");
  }

  @Override
  public boolean first() throws SQLException {
    throw notSupported("first");
  }

  @Override
  public java.sql.Array getArray(String label) throws SQLException {
    return getArray(findColumn(label));
  }

  @Override
  public java.sql.Array getArray(int column) throws SQLException {
    throw notSupported("getArray");
  }

  @Override
  public java.io.InputStream getAsciiStream(String label) throws SQLException {
    return getAsciiStream(findColumn(label));
  }

  @Override
  public java.io.InputStream getAsciiStream(int column) throws SQLException {
    throw notSupported("getAsciiStream");
  }

  @Override
  public java.math.BigDecimal getBigDecimal(String label, int int2) throws SQLException {
    return getBigDecimal(findColumn(label), int2);
  }

  @Override
  public java.math.BigDecimal getBigDecimal(String label) throws SQLException {
    return getBigDecimal(findColumn(label));
  }

  @Override
  public java.io.InputStream getBinaryStream(String label) throws SQLException {
    return getBinaryStream(findColumn(label));
  }

  @Override
  public java.io.InputStream getBinaryStream(int column) throws SQLException {
    throw notSupported("getBinaryStream");
  }

  @Override
  public java.sql.Blob getBlob(String label) throws SQLException {
    return getBlob(findColumn(label));
  }

  @Override
  public java.sql.Blob getBlob(int column) throws SQLException {
    throw notSupported("getBlob");
  }

  @Override
  public boolean getBoolean(String label) throws SQLException {
    return getBoolean(findColumn(label));
  }

  @Override
  public byte getByte(String label) throws SQLException {
    return getByte(findColumn(label));
  }

  @Override
  public byte[] getBytes(String label) throws SQLException {
    return getBytes(findColumn(label));
  }

  @Override
  public java.io.Reader getCharacterStream(String label) throws SQLException {
    return getCharacterStream(findColumn(label));
  }

  @Override
  public java.io.Reader getCharacterStream(int column) throws SQLException {
    throw notSupported("getCharacterStream");
  }

  @Override
  public java.sql.Clob getClob(String label) throws SQLException {
    return getClob(findColumn(label));
  }

  @Override
  public java.sql.Clob getClob(int column) throws SQLException {
    throw notSupported("getClob");
  }

  @Override
  public String getCursorName() throws SQLException {
    throw notSupported("getCursorName");
  }

  @Override
  public java.sql.Date getDate(String label, java.util.Calendar calendar2) throws SQLException {
    return getDate(findColumn(label), calendar2);
  }

  @Override
  public java.sql.Date getDate(String label) throws SQLException {
    return getDate(findColumn(label));
  }

  @Override
  public double getDouble(String label) throws SQLException {
    return getDouble(findColumn(label));
  }

  @Override
  public float getFloat(String label) throws SQLException {
    return getFloat(findColumn(label));
  }

  @Override
  public int getInt(String label) throws SQLException {
    return getInt(findColumn(label));
  }

  @Override
  public long getLong(String label) throws SQLException {
    return getLong(findColumn(label));
  }

  @Override
  public java.io.Reader getNCharacterStream(String label) throws SQLException {
    return getNCharacterStream(findColumn(label));
  }

  @Override
  public java.io.Reader getNCharacterStream(int column) throws SQLException {
    throw notSupported("getNCharacterStream");
  }

  @Override
  public java.sql.NClob getNClob(String label) throws SQLException {
    return getNClob(findColumn(label));
  }

  @Override
  public java.sql.NClob getNClob(int column) throws SQLException {
    throw notSupported("getNClob");
  }

  @Override
  public String getNString(String label) throws SQLException {
    return getNString(findColumn(label));
  }

  @Override
  public <T> T getObject(String label, Class<T> class2) throws SQLException {
    return getObject(findColumn(label), class2);
  }

  @Override
  public Object getObject(String label, java.util.Map<String, Class<?>> map2) throws SQLException {
    return getObject(findColumn(label), map2);
  }

  @Override
  public Object getObject(String label) throws SQLException {
    return getObject(findColumn(label));
  }

  @Override
  public java.sql.Ref getRef(String label) throws SQLException {
    return getRef(findColumn(label));
  }

  @Override
  public java.sql.Ref getRef(int column) throws SQLException {
    throw notSupported("getRef");
  }

  @Override
  public java.sql.RowId getRowId(String label) throws SQLException {
    return getRowId(findColumn(label));
  }

  @Override
  public java.sql.RowId getRowId(int column) throws SQLException {
    throw notSupported("getRowId");
  }

  @Override
  public java.sql.SQLXML getSQLXML(String label) throws SQLException {
    return getSQLXML(findColumn(label));
  }

  @Override
  public java.sql.SQLXML getSQLXML(int column) throws SQLException {
    throw notSupported("getSQLXML");
  }

  @Override
  public short getShort(String label) throws SQLException {
    return getShort(findColumn(label));
  }

  @Override
  public String getString(String label) throws SQLException {
    return getString(findColumn(label));
  }

  @Override
  public java.sql.Time getTime(String label, java.util.Calendar calendar2) throws SQLException {
    return getTime(findColumn(label), calendar2);
  }

  @Override
  public java.sql.Time getTime(String label) throws SQLException {
    return getTime(findColumn(label));
  }

  @Override
  public java.sql.Timestamp getTimestamp(String label, java.util.Calendar calendar2) throws SQLException {
    return getTimestamp(findColumn(label), calendar2);
  }

  @Override
  public java.sql.Timestamp getTimestamp(String label) throws SQLException {
    return getTimestamp(findColumn(label));
  }

  @Override
  public java.net.URL getURL(String label) throws SQLException {
    return getURL(findColumn(label));
  }

  @Override
  public java.net.URL getURL(int column) throws SQLException {
    throw notSupported("getURL");
  }

  @Override
  public java.io.InputStream getUnicodeStream(String label) throws SQLException {
    return getUnicodeStream(findColumn(label));
  }

  @Override
  public java.io.InputStream getUnicodeStream(int column) throws SQLException {
    throw notSupported("getUnicodeStream");
  }

  @Override
  public void insertRow() throws SQLException {
    throw notSupported("insertRow");
  }

  @Override
  public boolean last() throws SQLException {
    throw notSupported("last");
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    throw notSupported("moveToCurrentRow");
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    throw notSupported("moveToInsertRow");
  }

  @Override
  public boolean previous() throws SQLException {
    throw notSupported("previous");
  }

  @Override
  public void refreshRow() throws SQLException {
    throw notSupported("refreshRow");
  }

  @Override
  public boolean relative(int int1) throws SQLException {
    throw notSupported("relative");
  }

  @Override
  public void updateArray(String label, java.sql.Array value) throws SQLException {
    throw notSupported("updateArray");
  }

  @Override
  public void updateArray(int column, java.sql.Array value) throws SQLException {
    throw notSupported("updateArray");
  }

  @Override
  public void updateAsciiStream(String label, java.io.InputStream value, int int3) throws SQLException {
    throw notSupported("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(String label, java.io.InputStream value, long long3) throws SQLException {
    throw notSupported("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(String label, java.io.InputStream value) throws SQLException {
    throw notSupported("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(int column, java.io.InputStream value, int int3) throws SQLException {
    throw notSupported("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(int column, java.io.InputStream value, long long3) throws SQLException {
    throw notSupported("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(int column, java.io.InputStream value) throws SQLException {
    throw notSupported("updateAsciiStream");
  }

  @Override
  public void updateBigDecimal(String label, java.math.BigDecimal value) throws SQLException {
    throw notSupported("updateBigDecimal");
  }

  @Override
  public void updateBigDecimal(int column, java.math.BigDecimal value) throws SQLException {
    throw notSupported("updateBigDecimal");
  }

  @Override
  public void updateBinaryStream(String label, java.io.InputStream value, int int3) throws SQLException {
    throw notSupported("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(String label, java.io.InputStream value, long long3) throws SQLException {
    throw notSupported("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(String label, java.io.InputStream value) throws SQLException {
    throw notSupported("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(int column, java.io.InputStream value, int int3) throws SQLException {
    throw notSupported("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(int column, java.io.InputStream value, long long3) throws SQLException {
    throw notSupported("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(int column, java.io.InputStream value) throws SQLException {
    throw notSupported("updateBinaryStream");
  }

  @Override
  public void updateBlob(String label, java.io.InputStream value, long long3) throws SQLException {
    throw notSupported("updateBlob");
  }

  @Override
  public void updateBlob(String label, java.io.InputStream value) throws SQLException {
    throw notSupported("updateBlob");
  }

  @Override
  public void updateBlob(String label, java.sql.Blob value) throws SQLException {
    throw notSupported("updateBlob");
  }

  @Override
  public void updateBlob(int column, java.io.InputStream value, long long3) throws SQLException {
    throw notSupported("updateBlob");
  }

  @Override
  public void updateBlob(int column, java.io.InputStream value) throws SQLException {
    throw notSupported("updateBlob");
  }

  @Override
  public void updateBlob(int column, java.sql.Blob value) throws SQLException {
    throw notSupported("updateBlob");
  }

  @Override
  public void updateBoolean(String label, boolean value) throws SQLException {
    throw notSupported("updateBoolean");
  }

  @Override
  public void updateBoolean(int column, boolean value) throws SQLException {
    throw notSupported("updateBoolean");
  }

  @Override
  public void updateByte(String label, byte value) throws SQLException {
    throw notSupported("updateByte");
  }

  @Override
  public void updateByte(int column, byte value) throws SQLException {
    throw notSupported("updateByte");
  }

  @Override
  public void updateBytes(String label, byte[] value) throws SQLException {
    throw notSupported("updateBytes");
  }

  @Override
  public void updateBytes(int column, byte[] value) throws SQLException {
    throw notSupported("updateBytes");
  }

  @Override
  public void updateCharacterStream(String label, java.io.Reader value, int int3) throws SQLException {
    throw notSupported("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(String label, java.io.Reader value, long long3) throws SQLException {
    throw notSupported("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(String label, java.io.Reader value) throws SQLException {
    throw notSupported("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(int column, java.io.Reader value, int int3) throws SQLException {
    throw notSupported("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(int column, java.io.Reader value, long long3) throws SQLException {
    throw notSupported("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(int column, java.io.Reader value) throws SQLException {
    throw notSupported("updateCharacterStream");
  }

  @Override
  public void updateClob(String label, java.io.Reader value, long long3) throws SQLException {
    throw notSupported("updateClob");
  }

  @Override
  public void updateClob(String label, java.io.Reader value) throws SQLException {
    throw notSupported("updateClob");
  }

  @Override
  public void updateClob(String label, java.sql.Clob value) throws SQLException {
    throw notSupported("updateClob");
  }

  @Override
  public void updateClob(int column, java.io.Reader value, long long3) throws SQLException {
    throw notSupported("updateClob");
  }

  @Override
  public void updateClob(int column, java.io.Reader value) throws SQLException {
    throw notSupported("updateClob");
  }

  @Override
  public void updateClob(int column, java.sql.Clob value) throws SQLException {
    throw notSupported("updateClob");
  }

  @Override
  public void updateDate(String label, java.sql.Date value) throws SQLException {
    throw notSupported("updateDate");
  }

  @Override
  public void updateDate(int column, java.sql.Date value) throws SQLException {
    throw notSupported("updateDate");
  }

  @Override
  public void updateDouble(String label, double value) throws SQLException {
    throw notSupported("updateDouble");
  }

  @Override
  public void updateDouble(int column, double value) throws SQLException {
    throw notSupported("updateDouble");
  }

  @Override
  public void updateFloat(String label, float value) throws SQLException {
    throw notSupported("updateFloat");
  }

  @Override
  public void updateFloat(int column, float value) throws SQLException {
    throw notSupported("updateFloat");
  }

  @Override
  public void updateInt(String label, int value) throws SQLException {
    throw notSupported("updateInt");
  }

  @Override
  public void updateInt(int column, int value) throws SQLException {
    throw notSupported("updateInt");
  }

  @Override
  public void updateLong(String label, long value) throws SQLException {
    throw notSupported("updateLong");
  }

  @Override
  public void updateLong(int column, long value) throws SQLException {
    throw notSupported("updateLong");
  }

  @Override
  public void updateNCharacterStream(String label, java.io.Reader value, long long3) throws SQLException {
    throw notSupported("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(String label, java.io.Reader value) throws SQLException {
    throw notSupported("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(int column, java.io.Reader value, long long3) throws SQLException {
    throw notSupported("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(int column, java.io.Reader value) throws SQLException {
    throw notSupported("updateNCharacterStream");
  }

  @Override
  public void updateNClob(String label, java.io.Reader value, long long3) throws SQLException {
    throw notSupported("updateNClob");
  }

  @Override
  public void updateNClob(String label, java.io.Reader value) throws SQLException {
    throw notSupported("updateNClob");
  }

  @Override
  public void updateNClob(String label, java.sql.NClob value) throws SQLException {
    throw notSupported("updateNClob");
  }

  @Override
  public void updateNClob(int column, java.io.Reader value, long long3) throws SQLException {
    throw notSupported("updateNClob");
  }

  @Override
  public void updateNClob(int column, java.io.Reader value) throws SQLException {
    throw notSupported("updateNClob");
  }

  @Override
  public void updateNClob(int column, java.sql.NClob value) throws SQLException {
    throw notSupported("updateNClob");
  }

  @Override
  public void updateNString(String label, String value) throws SQLException {
    throw notSupported("updateNString");
  }

  @Override
  public void updateNString(int column, String value) throws SQLException {
    throw notSupported("updateNString");
  }

  @Override
  public void updateNull(String label) throws SQLException {
    throw notSupported("updateNull");
  }

  @Override
  public void updateNull(int column) throws SQLException {
    throw notSupported("updateNull");
  }

  @Override
  public void updateObject(String label, Object value, int int3) throws SQLException {
    throw notSupported("updateObject");
  }

  @Override
  public void updateObject(String label, Object value) throws SQLException {
    throw notSupported("updateObject");
  }

  @Override
  public void updateObject(int column, Object value, int int3) throws SQLException {
    throw notSupported("updateObject");
  }

  @Override
  public void updateObject(int column, Object value) throws SQLException {
    throw notSupported("updateObject");
  }

  @Override
  public void updateRef(String label, java.sql.Ref value) throws SQLException {
    throw notSupported("updateRef");
  }

  @Override
  public void updateRef(int column, java.sql.Ref value) throws SQLException {
    throw notSupported("updateRef");
  }

  @Override
  public void updateRow() throws SQLException {
    throw notSupported("updateRow");
  }

  @Override
  public void updateRowId(String label, java.sql.RowId value) throws SQLException {
    throw notSupported("updateRowId");
  }

  @Override
  public void updateRowId(int column, java.sql.RowId value) throws SQLException {
    throw notSupported("updateRowId");
  }

  @Override
  public void updateSQLXML(String label, java.sql.SQLXML value) throws SQLException {
    throw notSupported("updateSQLXML");
  }

  @Override
  public void updateSQLXML(int column, java.sql.SQLXML value) throws SQLException {
    throw notSupported("updateSQLXML");
  }

  @Override
  public void updateShort(String label, short value) throws SQLException {
    throw notSupported("updateShort");
  }

  @Override
  public void updateShort(int column, short value) throws SQLException {
    throw notSupported("updateShort");
  }

  @Override
  public void updateString(String label, String value) throws SQLException {
    throw notSupported("updateString");
  }

  @Override
  public void updateString(int column, String value) throws SQLException {
    throw notSupported("updateString");
  }

  @Override
  public void updateTime(String label, java.sql.Time value) throws SQLException {
    throw notSupported("updateTime");
  }

  @Override
  public void updateTime(int column, java.sql.Time value) throws SQLException {
    throw notSupported("updateTime");
  }

  @Override
  public void updateTimestamp(String label, java.sql.Timestamp value) throws SQLException {
    throw notSupported("updateTimestamp");
  }

  @Override
  public void updateTimestamp(int column, java.sql.Timestamp value) throws SQLException {
    throw notSupported("updateTimestamp");
  }

  private static SQLException notSupported(String method) {
    return JdbcErrors.notSupported("ResultSet." + method);
  }
}
