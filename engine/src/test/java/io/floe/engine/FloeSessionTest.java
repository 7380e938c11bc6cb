package io.floe.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.partition.PartitionSpec;
import io.floe.table.Tables;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.nio.file.Path;
import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import java.util.Map;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL over a small real Floe table: results, pushdown into the scan, and SQLStates of errors. */
class FloeSessionTest {
  @TempDir
  static Path warehouse;

  private static FloeSession session;

  @BeforeAll
  static void setUp() {
    try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toString()))) {
      catalog.createNamespace(Namespace.of("shop"));
    }
    Schema schema = new Schema(
        NestedField.required(1, "id", Types.LONG),
        NestedField.optional(2, "name", Types.STRING),
        NestedField.optional(3, "price", Types.decimal(10, 2)),
        NestedField.optional(4, "sold", Types.DATE));
    var table = new Tables(new LocalFileIO()).create(schema, PartitionSpec.unpartitioned(schema),
        warehouse.resolve("shop").resolve("items").toString());
    List<Record> rows = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      rows.add(GenericRecord.of(schema.asStruct(), (long) i, i % 3 == 0 ? null : "item" + i,
          BigDecimal.valueOf(i * 125, 2), LocalDate.of(2024, 1, i)));
    }
    table.newAppend().appendRecords(rows).commit();
    Schema eventSchema = new Schema(
        NestedField.required(1, "region", Types.STRING),
        NestedField.required(2, "amount", Types.LONG));
    var events = new Tables(new LocalFileIO()).create(eventSchema,
        PartitionSpec.builderFor(eventSchema).identity("region").build(),
        warehouse.resolve("shop").resolve("events").toString());
    List<Record> eventRows = new ArrayList<>();
    for (String region : List.of("EU", "US", "APAC")) {
      for (long i = 0; i < 4; i++) {
        eventRows.add(GenericRecord.of(eventSchema.asStruct(), region, i));
      }
    }
    events.newAppend().appendRecords(eventRows).commit();
    session = FloeSession.open(warehouse, "shop");
  }

  @AfterAll
  static void tearDown() {
    session.close();
  }

  private static List<List<Object>> rows(String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }

  @Test
  void filtersProjectsAndAggregatesWithExactDecimals() throws SQLException {
    List<List<Object>> rows = rows("SELECT count(*), sum(price), count(name), count(DISTINCT id % 3) FROM items "
        + "WHERE sold >= DATE '2024-01-03' AND price * 2 > 5");
    assertEquals(List.of(List.of(8L, new BigDecimal("65.00"), 5L, 3L)), rows);
  }

  @Test
  void stringLiteralsHoldAnyUnicodeCharacter() throws SQLException {
    String text = "\u6771\u4eac \u00e9 \ud83d\ude00";
    assertEquals(List.of(List.of(text, 6, true)),
        rows("SELECT '" + text + "', CHAR_LENGTH('" + text + "'), '\u4e2d' < '\u6771' FROM items WHERE id = 1"));
    assertEquals(List.of(), rows("SELECT id FROM items WHERE name = '\u4e2d'"));
  }

  @Test
  void timeUnitsAndCommonWordsNameColumns() throws SQLException {
    session.execute("CREATE TABLE clock (year INT, month INT, day INT, hour INT, minute INT, second INT, ts TIMESTAMP) "
        + "PARTITIONED BY (year(ts), day)").close();
    session.execute("INSERT INTO clock VALUES (2024, 1, 2, 3, 4, 5, TIMESTAMP '2024-05-06 07:08:09')").close();
    assertEquals(List.of(List.of(2024, 1, 2, 3, 4, 5, 2024L, 5L, 6L, 7L, 8L, 9L, 6L, 29L)),
        rows("SELECT year, month, day, hour, minute, second, year(ts), month(ts), day(ts), hour(ts), minute(ts), "
            + "second(ts), EXTRACT(DAY FROM ts), day(DATE '2024-02-29') FROM clock WHERE day = 2 AND year > 2000"));
    assertEquals(List.of(List.of(java.time.LocalDateTime.of(2024, 5, 7, 9, 8, 9), 2)),
        rows("SELECT ts + INTERVAL '1' DAY + INTERVAL '2' HOUR, CAST(INTERVAL '2' MINUTE AS INTEGER) FROM clock"));
    assertEquals(List.of(List.of("ts_year=2024/day=2")),
        rows("SELECT \"partition\" FROM \"clock$partitions\""));
    session.execute("CREATE TABLE readings (value DOUBLE, start TIMESTAMP, result VARCHAR, language VARCHAR)").close();
    session.execute("INSERT INTO readings VALUES (1.5, TIMESTAMP '2024-01-01 00:00:00', 'ok', 'en')").close();
    assertEquals(List.of(List.of(2.5, "ok", "en")), rows("SELECT value + 1, result, language FROM readings "
        + "WHERE start < TIMESTAMP '2025-01-01 00:00:00' ORDER BY value"));
  }

  @Test
  void aSemicolonMayEndAStatementButNotSeparateTwo() throws SQLException {
    assertEquals(rows("SELECT count(*) FROM items"), rows("SELECT count(*) FROM items;"));
    assertEquals(rows("SELECT count(*) FROM items"), rows("SELECT count(*)\nFROM items ; \n"));
    assertTrue(rows("EXPLAIN SELECT id FROM items;").toString().contains("Fragment"));
    assertEquals(0L, session.execute("CREATE TABLE semi (x INT);").updateCount());
    SQLException two = assertThrows(SQLException.class, () -> session.execute("SELECT 1; SELECT 2").close());
    assertEquals("42000", two.getSQLState());
    assertTrue(two.getMessage().contains("line 1, column 9"), two.getMessage());
  }

  @Test
  void caseCoalesceLikeSubstringAndExtract() throws SQLException {
    List<List<Object>> rows = rows("SELECT id, COALESCE(name, 'none'), CASE WHEN id < 3 THEN 'low' ELSE 'high' END, "
        + "SUBSTRING(name FROM 2 FOR 3), EXTRACT(DAY FROM sold) FROM items WHERE name LIKE 'item_' OR name IS NULL "
        + "ORDER BY id DESC LIMIT 3");
    assertEquals(3, rows.size());
    assertEquals(List.of(9L, "none", "high"), rows.get(0).subList(0, 3));
    assertEquals(List.of(8L, "item8", "high", "tem", 8L), rows.get(1));
  }

  @Test
  void pushesFiltersAndColumnsIntoTheScan() throws SQLException {
    String plan = session.explain("SELECT name FROM items WHERE id = 4 AND price > 1");
    assertTrue(plan.contains("FloeTableScan"), plan);
    assertTrue(plan.contains("filter="), plan);
    assertTrue(!plan.contains("LogicalFilter"), plan);
    assertEquals(List.of(List.of("item4")), rows("SELECT name FROM items WHERE id = 4 AND price > 1"));
  }

  @Test
  void aPushedFilterOnUnselectedColumnsIsEvaluatedAboveAPruneOnlyScan() throws SQLException {
    try (QueryResult result = session.execute(
        "SELECT id, name FROM items WHERE id > 7 AND sold < DATE '2024-01-10' ORDER BY id")) {
      assertEquals(List.of(List.of(8L, "item8"), java.util.Arrays.asList(9L, null)), ResultRows.of(result));
      TableScanStats scan = result.scans().get(0);
      assertEquals(1, scan.metrics().filesOpened());
      assertEquals(10, scan.metrics().rowsReturned(),
          "the scan returns the rows of the file it could not prune; the engine's filter drops the others");
    }
  }

  @Test
  void aPushedFilterPrunesPartitions() throws SQLException {
    try (QueryResult result = session.execute("SELECT sum(amount) FROM events WHERE region = 'US'")) {
      assertEquals(List.of(List.of(6L)), ResultRows.of(result));
      assertEquals(1, result.scans().size());
      TableScanStats scan = result.scans().get(0);
      assertEquals(3, scan.metrics().filesTotal());
      assertEquals(1, scan.metrics().filesOpened(), "only the US partition's file is read");
    }
  }

  @Test
  void joinsAndSubqueries() throws SQLException {
    List<List<Object>> rows = rows("SELECT a.id, b.id FROM items a LEFT JOIN items b ON a.id = b.id + 5 "
        + "WHERE a.id > 8 ORDER BY a.id");
    assertEquals(List.of(List.of(9L, 4L), List.of(10L, 5L)), rows);
    List<List<Object>> semi = rows("SELECT id FROM items i WHERE EXISTS (SELECT 1 FROM items j WHERE j.id = i.id * 4)"
        + " ORDER BY id");
    assertEquals(List.of(List.of(1L), List.of(2L)), semi);
    List<List<Object>> anti = rows("SELECT count(*) FROM items i WHERE NOT EXISTS "
        + "(SELECT 1 FROM items j WHERE j.id = i.id * 2)");
    assertEquals(List.of(List.of(5L)), anti);
  }

  @Test
  void syntaxErrorsHaveStateAndPosition() {
    SQLException e = assertThrows(SQLException.class, () -> session.execute("SELECT id FROM items WHERE"));
    assertEquals("42000", e.getSQLState());
    assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
  }

  @Test
  void unknownTableAndColumn() {
    SQLException table = assertThrows(SQLException.class, () -> session.execute("SELECT * FROM nothing"));
    assertEquals("42S02", table.getSQLState(), table.getMessage());
    assertTrue(table.getMessage().contains("nothing"), table.getMessage());
    // names no table of the catalog can have are unknown tables too, not catalog errors
    for (String name : List.of("\"a/b\"", "\"..\"", "\"items$nosuch\"", "ITEMS$SNAPSHOTS_")) {
      SQLException e = assertThrows(SQLException.class, () -> session.execute("SELECT * FROM " + name));
      assertEquals("42S02", e.getSQLState(), name + ": " + e.getMessage());
    }
    SQLException column = assertThrows(SQLException.class, () -> session.execute("SELECT missing FROM items"));
    assertEquals("42S22", column.getSQLState(), column.getMessage());
    assertTrue(column.getMessage().contains("missing"), column.getMessage());
  }

  @Test
  void numericAggregatesOfStringsAreTypeErrors() throws SQLException {
    for (String call : List.of("sum(name)", "avg(name)", "stddev_samp(name)", "var_pop(name)")) {
      SQLException e = assertThrows(SQLException.class, () -> session.execute("SELECT " + call + " FROM items"));
      assertEquals("42000", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("Cannot apply") && e.getMessage().contains("VARCHAR"), e.getMessage());
    }
    // other coercions stay: a string compared with a date, min/max of strings, a numeric string added to a number
    assertEquals(List.of(List.of(10L)), rows("SELECT count(*) FROM items WHERE sold >= '2024-01-01'"));
    assertEquals(List.of(List.of("item1", "item8")), rows("SELECT min(name), max(name) FROM items"));
    assertEquals(List.of(List.of(11L)), rows("SELECT max(id) + '1' FROM items"));
  }

  @Test
  void divisionByZero() {
    SQLException e = assertThrows(SQLException.class, () -> rows("SELECT id / (id - id) FROM items"));
    assertEquals("22012", e.getSQLState());
  }

  @Test
  void unsupportedFeaturesFailAtPlanTime() {
    SQLException e = assertThrows(SQLFeatureNotSupportedException.class,
        () -> session.execute("SELECT name, count(name, id) OVER (ORDER BY name) FROM items"));
    assertTrue(e.getMessage().startsWith("not supported"), e.getMessage());
  }
}
