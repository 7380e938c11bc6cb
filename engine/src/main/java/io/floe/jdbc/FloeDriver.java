package io.floe.jdbc;

import io.floe.engine.FloeSession;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The embedded Floe JDBC driver: {@code jdbc:floe:[warehouse][?key=value&...]} opens a {@link FloeSession} over the
 * catalog the URL and properties describe (see {@link ConnectionUrl}). Registered with {@link DriverManager} when
 * loaded (and through {@code META-INF/services/java.sql.Driver}).
 */
public final class FloeDriver implements Driver {
  public static final int MAJOR_VERSION = 0;
  public static final int MINOR_VERSION = 1;

  static {
    try {
      DriverManager.registerDriver(new FloeDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionUrl parsed = ConnectionUrl.parse(url, info);
    int workers = parsed.workers();
    FloeSession session;
    try {
      session = FloeSession.open(parsed.properties(), parsed.schema());
    } catch (RuntimeException e) {
      throw new SQLException("cannot open " + url + ": " + e.getMessage(), "08001", e);
    }
    session.workers(workers);
    return new FloeConnection(url, parsed, session);
  }

  @Override
  public boolean acceptsURL(String url) {
    return ConnectionUrl.accepts(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[] {
        property(ConnectionUrl.WAREHOUSE, "where tables are (a directory, s3://bucket/path, hdfs://...)", info),
        property(ConnectionUrl.SCHEMA, "the default schema (a catalog namespace)", info),
        property("catalog.type", "warehouse (default) or jdbc", info),
        property("uri", "the JDBC URL of a jdbc catalog (jdbc:sqlite:... or jdbc:postgresql://...)", info),
        property("s3.endpoint", "the S3 endpoint (omit for AWS S3)", info),
        property(ConnectionUrl.WORKERS, "local workers for aggregations and joins", info),
    };
  }

  private static DriverPropertyInfo property(String name, String description, Properties info) {
    DriverPropertyInfo property = new DriverPropertyInfo(name, info == null ? null : info.getProperty(name));
    property.description = description;
    return property;
  }

  @Override
  public int getMajorVersion() {
    return MAJOR_VERSION;
  }

  @Override
  public int getMinorVersion() {
    return MINOR_VERSION;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw JdbcErrors.notSupported("java.util.logging (Floe logs through SLF4J)");
  }
}
