package io.floe.engine.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.TableIdentifier;
import io.floe.catalog.View;
import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import io.floe.view.SqlViewRepresentation;
import io.floe.view.ViewDefinition;
import io.floe.view.ViewVersion;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE VIEW, queries through views, SHOW and DROP VIEW, and their errors, over a warehouse catalog. */
class ViewSqlTest {
  @TempDir
  Path warehouse;
  private FloeSession session;

  @BeforeEach
  void open() throws SQLException {
    session = FloeSession.open(warehouse, "db");
    update("CREATE SCHEMA db");
    update("CREATE TABLE sales (id BIGINT, region VARCHAR, amount DECIMAL(10, 2), sold DATE) PARTITIONED BY (region)");
    for (String region : List.of("eu", "us", "apac")) {
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < 50; i++) {
        values.append(i == 0 ? "" : ", ").append(String.format("(%d, '%s', %d.25, DATE '2026-01-%02d')",
            region.length() * 1000 + i, region, i * 7 % 300, 1 + i % 28));
      }
      update("INSERT INTO sales VALUES " + values);
    }
  }

  @AfterEach
  void close() {
    session.close();
  }

  private int update(String sql) throws SQLException {
    return (int) session.execute(sql).updateCount();
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }

  private SQLException fails(String sql) {
    return assertThrows(SQLException.class, () -> session.execute(sql).close());
  }

  @Test
  void aViewReadsLikeItsQueryJoinedNestedAndAggregated() throws Exception {
    String big = "SELECT id, region, amount FROM sales WHERE amount > 100";
    update("CREATE VIEW big_sales COMMENT 'over 100' AS " + big + ";\n");
    assertEquals(rows(big + " ORDER BY id"), rows("SELECT * FROM big_sales ORDER BY id"));
    String grouped = "SELECT region, sum(amount), count(*) FROM %s GROUP BY region ORDER BY region";
    assertEquals(rows(String.format(grouped, "(" + big + ")")), rows(String.format(grouped, "big_sales")));
    assertEquals(rows("SELECT s.id, s.sold FROM sales s JOIN (" + big + ") b ON s.id = b.id WHERE b.region = 'eu'"
            + " ORDER BY s.id"),
        rows("SELECT s.id, s.sold FROM sales s JOIN big_sales b ON s.id = b.id WHERE b.region = 'eu' ORDER BY s.id"));

    update("CREATE VIEW per_region (reg COMMENT 'the region', n, total) AS "
        + "SELECT region, count(*), sum(amount) FROM big_sales GROUP BY ALL");
    assertEquals(rows("SELECT region, count(*), sum(amount) FROM sales WHERE amount > 100 GROUP BY region"
        + " ORDER BY region"), rows("SELECT reg, n, total FROM per_region ORDER BY reg"));
    assertEquals(rows("SELECT region, count(*) FROM sales WHERE amount > 100 AND region = 'apac' GROUP BY region"),
        rows("SELECT reg, n FROM db.per_region WHERE reg = 'apac'"));

    assertEquals(List.of(List.of("big_sales"), List.of("per_region")), rows("SHOW VIEWS"));
    assertEquals(List.of(List.of("sales")), rows("SHOW TABLES"));
    String shown = (String) rows("SHOW CREATE VIEW per_region").get(0).get(0);
    assertEquals("CREATE VIEW \"db\".\"per_region\" (\"reg\" COMMENT 'the region', \"n\", \"total\") AS\n"
        + "SELECT region, count(*), sum(amount) FROM big_sales GROUP BY ALL", shown);
    List<List<Object>> before = rows("SELECT * FROM per_region ORDER BY reg");
    update("DROP VIEW per_region");
    update(shown);
    assertEquals(before, rows("SELECT * FROM per_region ORDER BY reg"), "SHOW CREATE VIEW recreates the view");

    assertEquals(List.of(Arrays.asList("reg", "VARCHAR", true, "the region"), Arrays.asList("n", "BIGINT", false, null),
        Arrays.asList("total", "DECIMAL(38, 2)", true, null)), rows("DESCRIBE per_region"));
    View stored = session.catalog().loadView(TableIdentifier.of("db", "big_sales")).orElseThrow();
    assertEquals("SELECT id, region, amount FROM sales WHERE amount > 100",
        stored.metadata().currentVersion().sql("floe").orElseThrow().sql(), "the query as written, without the ';'");
    assertEquals(List.of("db"), stored.metadata().currentVersion().defaultNamespace());
    assertEquals("over 100", stored.metadata().properties().get("comment"));
    assertEquals("[\"id\",\"region\",\"amount\"]", stored.metadata().properties().get("floe.query-column-names"));
    assertEquals(List.of(Types.LONG, Types.STRING, Types.decimal(10, 2)),
        stored.metadata().schema().columns().stream().map(NestedField::type).toList());
  }

  @Test
  void viewsOfTopNWithAndUnionQueriesKeepTheirLimitsAndOrder() throws Exception {
    update("CREATE VIEW top3 AS SELECT id, amount FROM sales ORDER BY amount DESC, id LIMIT 3");
    assertEquals(rows("SELECT id, amount FROM sales ORDER BY amount DESC, id LIMIT 3"), rows("SELECT * FROM top3"));
    assertEquals(List.of(List.of(3L)), rows("SELECT count(*) FROM top3"));
    assertEquals(rows("SELECT t.id, s.region FROM (SELECT id FROM sales ORDER BY amount DESC, id LIMIT 3) t"
        + " JOIN sales s ON s.id = t.id ORDER BY t.id"), rows("SELECT t.id, s.region FROM top3 t JOIN sales s"
        + " ON s.id = t.id ORDER BY t.id"));
    String with = "WITH eu AS (SELECT id, amount FROM sales WHERE region = 'eu') "
        + "SELECT id FROM eu WHERE amount > 50 UNION ALL SELECT id FROM sales WHERE region = 'us' AND amount < 20";
    update("CREATE VIEW mixed AS\n" + with);
    assertEquals(rows(with + " ORDER BY id"), rows("SELECT * FROM mixed ORDER BY id"));
    assertEquals(rows("SELECT count(*) FROM (" + with + ")"), rows("SELECT count(*) FROM mixed"));
  }

  @Test
  void filtersOnAViewPruneThePartitionsOfTheTableBelow() throws Exception {
    update("CREATE VIEW all_sales AS SELECT * FROM sales");
    String direct = String.join("\n", rows("EXPLAIN SELECT count(*) FROM sales WHERE region = 'eu'").stream()
        .map(r -> (String) r.get(0)).toList());
    assertTrue(direct.contains("50 rows in kept files"), direct);
    String plan = String.join("\n", rows("EXPLAIN SELECT count(*) FROM all_sales WHERE region = 'eu'").stream()
        .map(r -> (String) r.get(0)).toList());
    assertTrue(plan.contains("50 rows in kept files"), plan);
    assertTrue(plan.contains("0 pruned by partition") || plan.contains("files kept 1 of 1"), plan);
    assertEquals(List.of(List.of(50L)), rows("SELECT count(*) FROM all_sales WHERE region = 'eu'"));
  }

  @Test
  void singlePartNamesOfAViewResolveInTheSchemaItWasCreatedIn() throws Exception {
    update("CREATE VIEW eu AS SELECT id FROM sales WHERE region = 'eu'");
    update("CREATE SCHEMA other");
    update("CREATE TABLE other.sales (id BIGINT, region VARCHAR, amount DECIMAL(10, 2), sold DATE)");
    update("INSERT INTO other.sales VALUES (1, 'eu', 1.00, DATE '2026-01-01')");
    try (FloeSession elsewhere = FloeSession.open(warehouse, "other")) {
      assertEquals(List.of(List.of(50L)), ResultRows.query(elsewhere, "SELECT count(*) FROM db.eu"));
      assertEquals(List.of(List.of(1L)), ResultRows.query(elsewhere, "SELECT count(*) FROM sales"));
    }
  }

  @Test
  void replacingKeepsTheViewsHistoryAndAVersionCanReadAnOldSnapshot() throws Exception {
    long first = (Long) rows("SELECT snapshot_id FROM \"sales$snapshots\" ORDER BY committed_at LIMIT 1").get(0)
        .get(0);
    update("CREATE VIEW first_load AS SELECT count(*) AS n FROM sales FOR VERSION AS OF " + first);
    assertEquals(List.of(List.of(50L)), rows("SELECT n FROM first_load"));
    assertEquals(0, update("CREATE VIEW IF NOT EXISTS first_load AS SELECT 1 AS n"));
    assertEquals(List.of(List.of(50L)), rows("SELECT n FROM first_load"), "IF NOT EXISTS kept the view");
    update("CREATE OR REPLACE VIEW first_load AS SELECT count(*) AS n FROM sales");
    assertEquals(List.of(List.of(150L)), rows("SELECT n FROM first_load"));
    List<ViewVersion> versions = session.catalog().loadView(TableIdentifier.of("db", "first_load")).orElseThrow()
        .metadata().versions();
    assertEquals(2, versions.size());
  }

  @Test
  void aViewOfAllColumnsKeepsItsColumnsWhenTheTableGainsOneAndNamesItselfWhenOneGoes() throws Exception {
    update("CREATE VIEW everything AS SELECT * FROM sales");
    update("ALTER TABLE sales ADD COLUMN note VARCHAR");
    assertEquals(List.of("id", "region", "amount", "sold"), columns("SELECT * FROM everything"));
    assertEquals(List.of(List.of(150L)), rows("SELECT count(*) FROM everything"));

    update("CREATE VIEW amounts AS SELECT id, amount FROM sales");
    update("ALTER TABLE sales DROP COLUMN amount");
    SQLException gone = fails("SELECT * FROM amounts");
    assertEquals("42S22", gone.getSQLState(), gone.getMessage());
    assertTrue(gone.getMessage().contains("view db.amounts cannot be read") && gone.getMessage().contains("amount"),
        gone.getMessage());
    SQLException stale = fails("SELECT * FROM everything");
    assertEquals("55000", stale.getSQLState(), stale.getMessage());
    assertTrue(stale.getMessage().contains("view db.everything is stale"), stale.getMessage());
    assertEquals(List.of(List.of(150L)), rows("SELECT count(*) FROM sales"), "the next query runs normally");

    update("CREATE TABLE strict (id BIGINT NOT NULL, note VARCHAR)");
    update("INSERT INTO strict VALUES (1, 'a')");
    update("CREATE VIEW strict_ids AS SELECT id FROM strict");
    assertEquals(List.of(List.of(1L)), rows("SELECT id FROM strict_ids WHERE id IS NOT NULL"));
    session.catalog().loadTable(TableIdentifier.of("db", "strict")).updateSchema().makeColumnOptional("id").commit();
    SQLException nullable = fails("SELECT id FROM strict_ids WHERE id IS NOT NULL");
    assertEquals("55000", nullable.getSQLState(), nullable.getMessage());
    assertTrue(nullable.getMessage().contains("its column id is NOT NULL, but the query's may now be NULL"),
        nullable.getMessage());
  }

  private List<String> columns(String sql) throws SQLException {
    try (var result = session.execute(sql)) {
      return result.schema().getFields().stream().map(f -> f.getName()).toList();
    }
  }

  @Test
  void badViewStatementsFailClearlyAndChangeNothing() throws Exception {
    update("CREATE VIEW v AS SELECT id FROM sales");
    SQLException exists = fails("CREATE VIEW v AS SELECT 1 AS id");
    assertEquals("42S01", exists.getSQLState());
    assertTrue(exists.getMessage().contains("view db.v already exists"), exists.getMessage());
    SQLException tableThere = fails("CREATE VIEW sales AS SELECT 1 AS id");
    assertEquals("42S01", tableThere.getSQLState());
    SQLException viewThere = fails("CREATE TABLE v (id BIGINT)");
    assertEquals("42S01", viewThere.getSQLState(), viewThere.getMessage());
    SQLException itself = fails("CREATE OR REPLACE VIEW v AS SELECT id FROM v");
    assertEquals("42000", itself.getSQLState());
    assertTrue(itself.getMessage().contains("cannot read itself"), itself.getMessage());
    update("CREATE VIEW w AS SELECT id FROM v");
    SQLException cycle = fails("CREATE OR REPLACE VIEW v AS SELECT id FROM w");
    assertTrue(cycle.getMessage().contains("cannot read itself"), cycle.getMessage());
    SQLException syntax = fails("CREATE VIEW x AS\nSELECT id FROM sales WHERE");
    assertEquals("42000", syntax.getSQLState());
    assertTrue(syntax.getMessage().contains("line 2"), syntax.getMessage());
    SQLException unknown = fails("CREATE VIEW x AS\nSELECT nope FROM sales");
    assertEquals("42S22", unknown.getSQLState());
    assertTrue(unknown.getMessage().contains("line 2, column 8"), unknown.getMessage());
    SQLException names = fails("CREATE VIEW x (a, b) AS SELECT id FROM sales");
    assertTrue(names.getMessage().contains("names 2 columns, its query gives 1"), names.getMessage());
    SQLException twice = fails("CREATE VIEW x (id, ID) AS SELECT id, region FROM sales");
    assertTrue(twice.getMessage().contains("two columns named ID"), twice.getMessage());
    SQLException dropTable = fails("DROP TABLE v");
    assertTrue(dropTable.getMessage().contains("is a view, not a table: use DROP VIEW"), dropTable.getMessage());
    SQLException dropView = fails("DROP VIEW sales");
    assertTrue(dropView.getMessage().contains("is a table, not a view: use DROP TABLE"), dropView.getMessage());
    SQLException missing = fails("DROP VIEW nothing");
    assertEquals("42S02", missing.getSQLState());
    assertEquals(0, update("DROP VIEW IF EXISTS nothing"));
    SQLException insert = fails("INSERT INTO v VALUES (1)");
    assertEquals("0A000", insert.getSQLState());
    assertTrue(insert.getMessage().contains("INSERT on db.v, a view (views are read-only)"), insert.getMessage());
    SQLException delete = fails("DELETE FROM v WHERE id = 1");
    assertTrue(delete.getMessage().contains("a view (views are read-only)"), delete.getMessage());

    assertEquals(List.of(List.of("v"), List.of("w")), rows("SHOW VIEWS"), "nothing else was created");
    assertEquals(rows("SELECT id FROM sales ORDER BY id"), rows("SELECT id FROM w ORDER BY id"));
    assertEquals(0, update("DROP VIEW w"));
    assertEquals(List.of(List.of("v")), rows("SHOW VIEWS IN db"));
    update("DROP SCHEMA db CASCADE");
    assertTrue(session.catalog().listNamespaces().isEmpty(), "CASCADE drops the views with the tables");
  }

  @Test
  void aViewWithoutFloeSqlFailsNamingItsDialects() throws Exception {
    Schema schema = new Schema(new NestedField(1, "n", Types.LONG, false, null));
    session.catalog().createView(TableIdentifier.of("db", "by_spark"), new ViewDefinition(schema,
        new SqlViewRepresentation("SELECT count(1) AS n FROM sales", "spark"), List.of("db"), Map.of(), Map.of()),
        false);
    SQLException e = fails("SELECT * FROM by_spark");
    assertEquals("0A000", e.getSQLState());
    assertTrue(e.getMessage().contains("view db.by_spark has no SQL in Floe's dialect ('floe'), only in [spark]"),
        e.getMessage());
    assertTrue(((String) rows("SHOW CREATE VIEW by_spark").get(0).get(0)).contains("-- in the spark dialect\n"));
  }

  @Test
  void icebergsJdbcCatalogReadsAViewCreatedInSqlAndFloeQueriesOneIcebergWrote() throws Exception {
    String uri = "jdbc:sqlite:" + warehouse.resolve("catalog.db");
    String location = warehouse.resolve("jdbc").toString();
    try (FloeSession jdbc = FloeSession.open(Map.of("catalog.type", "jdbc", "uri", uri, "warehouse", location),
        "db")) {
      jdbc.execute("CREATE SCHEMA db").close();
      jdbc.execute("CREATE TABLE orders (id BIGINT NOT NULL, total DECIMAL(10, 2))").close();
      jdbc.execute("INSERT INTO orders VALUES (1, 10.00), (2, 250.00), (3, 999.99)").close();
      jdbc.execute("CREATE VIEW big (id COMMENT 'order id', total) COMMENT 'large orders' AS "
          + "SELECT id, total FROM orders WHERE total > 100").close();
      org.apache.iceberg.jdbc.JdbcCatalog iceberg = new org.apache.iceberg.jdbc.JdbcCatalog();
      iceberg.setConf(new org.apache.hadoop.conf.Configuration());
      iceberg.initialize("floe", Map.of("uri", uri, "warehouse", location, "jdbc.schema-version", "V1"));
      try {
        org.apache.iceberg.catalog.Namespace db = org.apache.iceberg.catalog.Namespace.of("db");
        org.apache.iceberg.view.View view = iceberg.loadView(org.apache.iceberg.catalog.TableIdentifier.of(db, "big"));
        assertEquals("SELECT id, total FROM orders WHERE total > 100",
            ((org.apache.iceberg.view.SQLViewRepresentation) view.sqlFor("floe")).sql());
        assertEquals("large orders", view.properties().get("comment"));
        assertEquals(List.of("id", "total"), view.schema().columns().stream().map(f -> f.name()).toList());
        assertEquals("order id", view.schema().findField("id").doc());
        assertTrue(view.schema().findField("id").isRequired());
        assertEquals(List.of("db"), List.of(view.currentVersion().defaultNamespace().levels()));

        iceberg.buildView(org.apache.iceberg.catalog.TableIdentifier.of(db, "small"))
            .withSchema(new org.apache.iceberg.Schema(org.apache.iceberg.types.Types.NestedField.required(1, "id",
                org.apache.iceberg.types.Types.LongType.get())))
            .withDefaultNamespace(db)
            .withQuery("spark", "SELECT id FROM orders WHERE total <= 100")
            .withQuery("floe", "SELECT id FROM orders WHERE total <= 100")
            .create();
      } finally {
        iceberg.close();
      }
      assertEquals(List.of(List.of(1L)), ResultRows.query(jdbc, "SELECT * FROM small"));
      assertEquals(List.of(List.of(2L), List.of(3L)), ResultRows.query(jdbc, "SELECT id FROM big ORDER BY id"));
      assertEquals(List.of(List.of("big"), List.of("small")), ResultRows.query(jdbc, "SHOW VIEWS"));
    }
  }

  @Test
  void jdbcMetadataListsViewsWithTheirColumns() throws Exception {
    update("CREATE VIEW eu (id COMMENT 'sale id', amount) AS SELECT id, amount FROM sales WHERE region = 'eu'");
    try (Connection c = DriverManager.getConnection("jdbc:floe:" + warehouse)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, "db", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
        }
      }
      assertEquals(List.of("sales:TABLE", "eu:VIEW"), tables);
      try (ResultSet rs = c.getMetaData().getTables(null, "db", "%", new String[] {"VIEW"})) {
        assertTrue(rs.next());
        assertEquals("eu", rs.getString("TABLE_NAME"));
        assertTrue(!rs.next());
      }
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getColumns(null, "db", "eu", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME") + ":" + rs.getString("REMARKS"));
        }
      }
      assertEquals(List.of("id:BIGINT:sale id", "amount:DECIMAL:"), columns);
      try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM db.eu")) {
        assertTrue(rs.next());
        assertEquals(50, rs.getLong(1));
      }
    }
  }
}
