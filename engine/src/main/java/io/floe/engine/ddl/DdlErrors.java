package io.floe.engine.ddl;

import io.floe.catalog.NamespaceNotEmptyException;
import io.floe.catalog.NoSuchNamespaceException;
import io.floe.engine.SqlErrors;
import io.floe.table.AlreadyExistsException;
import io.floe.table.NoSuchTableException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;

/** The SQLExceptions of DDL, SHOW and procedures. */
public final class DdlErrors {
  public static final String UNKNOWN_TABLE = "42S02";
  public static final String TABLE_EXISTS = "42S01";
  public static final String UNKNOWN_COLUMN = "42S22";
  public static final String UNKNOWN_SCHEMA = "3F000";
  public static final String SCHEMA_EXISTS = "42P06";
  public static final String SCHEMA_NOT_EMPTY = "2BP01";
  public static final String INVALID = "42000";
  public static final String NOT_SUPPORTED = "0A000";

  private DdlErrors() {
  }

  public static SQLException unknownTable(Object table) {
    return new SQLException("table " + table + " does not exist", UNKNOWN_TABLE);
  }

  public static SQLException unknownView(Object view) {
    return new SQLException("view " + view + " does not exist", UNKNOWN_TABLE);
  }

  public static SQLException unknownColumn(String column, Object table) {
    return new SQLException("column " + column + " does not exist in table " + table, UNKNOWN_COLUMN);
  }

  public static SQLException unknownSchema(Object schema) {
    return new SQLException("schema " + schema + " does not exist", UNKNOWN_SCHEMA);
  }

  public static SQLException invalid(String message) {
    return new SQLSyntaxErrorException(message, INVALID);
  }

  public static SQLException notSupported(String what) {
    return SqlErrors.notSupported(what);
  }

  /** The SQLException of a catalog or table failure, with the SQLState of its kind. */
  public static SQLException of(RuntimeException e) {
    if (e instanceof NoSuchTableException) {
      return new SQLException(e.getMessage(), UNKNOWN_TABLE, e);
    }
    if (e instanceof AlreadyExistsException) {
      return new SQLException(e.getMessage(), TABLE_EXISTS, e);
    }
    if (e instanceof NoSuchNamespaceException) {
      return new SQLException(e.getMessage(), UNKNOWN_SCHEMA, e);
    }
    if (e instanceof NamespaceNotEmptyException) {
      return new SQLException(e.getMessage(), SCHEMA_NOT_EMPTY, e);
    }
    if (e instanceof UnsupportedOperationException) {
      return SqlErrors.notSupported(e.getMessage(), e);
    }
    if (e instanceof IllegalArgumentException) {
      return new SQLSyntaxErrorException(e.getMessage(), INVALID, e);
    }
    return SqlErrors.internal(e);
  }
}
