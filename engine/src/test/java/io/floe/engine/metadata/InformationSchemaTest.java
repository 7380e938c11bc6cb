package io.floe.engine.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.catalog.Namespace;
import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** information_schema over a warehouse catalog: schemata, tables and views, columns, view definitions. */
class InformationSchemaTest {
  @TempDir
  Path warehouse;
  private FloeSession session;

  @BeforeEach
  void open() throws SQLException {
    session = FloeSession.open(warehouse, "shop");
    session.execute("CREATE SCHEMA shop");
    session.execute("CREATE TABLE orders (id BIGINT NOT NULL COMMENT 'order id', placed TIMESTAMP,"
        + " total DECIMAL(12, 2))");
    session.execute("CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100");
    session.catalog().createNamespace(Namespace.of("shop", "archive"));
    session.execute("CREATE TABLE shop.archive.orders_2025 (id BIGINT)");
  }

  @AfterEach
  void close() {
    session.close();
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void listsSchemasTablesViewsAndColumns() throws Exception {
    assertEquals(List.of(row("floe", "shop"), row("floe", "shop.archive")),
        rows("SELECT catalog_name, schema_name FROM information_schema.schemata ORDER BY schema_name"));
    assertEquals(List.of(row("shop", "big_orders", "VIEW"), row("shop", "orders", "BASE TABLE"),
            row("shop.archive", "orders_2025", "BASE TABLE")),
        rows("SELECT table_schema, table_name, table_type FROM INFORMATION_SCHEMA.TABLES"
            + " ORDER BY table_schema, table_name"));
    assertEquals(List.of(row("id", 1, "NO", "BIGINT", "order id"), row("placed", 2, "YES", "TIMESTAMP", null),
            row("total", 3, "YES", "DECIMAL(12, 2)", null)),
        rows("SELECT column_name, ordinal_position, is_nullable, data_type, comment FROM information_schema.columns"
            + " WHERE table_schema = 'shop' AND table_name = 'orders' ORDER BY ordinal_position"));
    assertEquals(List.of(row("big_orders", "id", "BIGINT"), row("big_orders", "total", "DECIMAL(12, 2)")),
        rows("SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c"
            + " JOIN information_schema.tables t ON c.table_schema = t.table_schema AND c.table_name = t.table_name"
            + " WHERE t.table_type = 'VIEW' ORDER BY c.ordinal_position"));
    assertEquals(List.of(row("big_orders", "SELECT id, total FROM orders WHERE total > 100")),
        rows("SELECT table_name, view_definition FROM information_schema.views"));

    session.execute("DROP VIEW big_orders");
    assertEquals(List.of(row(2L)), rows("SELECT count(*) FROM information_schema.tables"),
        "each query reads the catalog as it is");
  }
}
