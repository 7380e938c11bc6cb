package io.floe.catalog.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared catalog suite on the JDBC catalog on a real PostgreSQL server, started once for the class. */
class JdbcPostgresCatalogTest extends JdbcCatalogTestBase {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Override
  protected String uri() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(uri());
  }

  @Test
  void theSuiteRunsOnARealPostgresServer() throws SQLException {
    assertTrue(catalog instanceof JdbcCatalog, catalog.getClass().getName());
    try (Connection c = connect()) {
      assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
    }
  }
}
