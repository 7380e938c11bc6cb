package io.floe.catalog.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The shared catalog suite on the JDBC catalog on SQLite (a database file per test, outside the warehouse). */
class JdbcSqliteCatalogTest extends JdbcCatalogTestBase {
  @Override
  protected String uri() {
    return "jdbc:sqlite:" + root.resolve("catalog.db");
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(uri());
  }

  @Test
  void theSuiteRunsOnSqlite() throws SQLException {
    assertTrue(catalog instanceof JdbcCatalog, catalog.getClass().getName());
    try (Connection c = connect()) {
      assertEquals("SQLite", c.getMetaData().getDatabaseProductName());
    }
  }
}
