package io.floe.engine.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import io.floe.table.Table;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CALL system.generate_tpch} and {@link TpchGenerator}: the tables it writes have the test warehouse's
 * layout and rows ({@link TpchWarehouse}, generated independently), bad calls fail with their SQLStates and leave
 * nothing behind.
 */
class GenerateTpchProcedureTest {
  @TempDir
  Path warehouse;

  @Test
  void generatesTheTablesOfTheTestWarehouse() throws Exception {
    List<List<Object>> called;
    try (FloeSession session = FloeSession.open(warehouse, "gen")) {
      called = ResultRows.of(session.execute("CALL system.generate_tpch(scale => 0.01, schema => 'gen')"));
    }
    assertEquals(TpchTables.names(), called.stream().map(r -> r.get(0)).toList());
    TpchWarehouse reference = TpchWarehouse.at(Path.of("target").resolve("tpch-sf0.01"), 0.01);
    try (Catalog generated = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toString()));
         Catalog expected = Catalogs.load(Map.of(Catalogs.WAREHOUSE, reference.root().toString()));
         FloeSession generatedSql = FloeSession.open(warehouse, "gen");
         FloeSession expectedSql = FloeSession.open(reference.root(), TpchWarehouse.SCHEMA)) {
      for (int i = 0; i < called.size(); i++) {
        String name = TpchTables.names().get(i);
        Table mine = generated.loadTable(TableIdentifier.of(Namespace.of("gen"), name));
        Table theirs = expected.loadTable(TableIdentifier.of(Namespace.of(TpchWarehouse.SCHEMA), name));
        assertEquals(theirs.schema().toString(), mine.schema().toString(), name);
        assertEquals(theirs.spec().toString(), mine.spec().toString(), name);
        assertEquals(1, mine.snapshots().size(), name + " is loaded in one snapshot");
        assertEquals(mine.currentSnapshot().snapshotId(), called.get(i).get(2), name);
        String fingerprint = fingerprint(name, mine);
        List<List<Object>> rows;
        try (QueryResult result = generatedSql.execute(fingerprint)) {
          rows = ResultRows.of(result);
        }
        try (QueryResult result = expectedSql.execute(fingerprint)) {
          assertEquals(ResultRows.of(result), rows, name);
        }
        assertEquals(rows.get(0).get(0), called.get(i).get(1), name + " row count");
      }
    }
  }

  /** Row count and, per column, the number of distinct values (and the sum of the numeric ones). */
  private static String fingerprint(String name, Table table) {
    List<String> terms = new ArrayList<>(List.of("count(*)"));
    table.schema().columns().forEach(c -> terms.add("count(DISTINCT " + c.name() + ")"));
    table.schema().columns().stream().filter(c -> c.type().toString().startsWith("decimal")
        || c.type().toString().equals("long") || c.type().toString().equals("int"))
        .forEach(c -> terms.add("sum(" + c.name() + ")"));
    return "SELECT " + String.join(", ", terms) + " FROM " + name;
  }

  @Test
  void refusesExistingTablesAndBadArgumentsWithoutTrace() throws Exception {
    try (FloeSession session = FloeSession.open(warehouse, "tpch")) {
      try (QueryResult result = session.execute("CALL generate_tpch(0.001)")) {
        assertEquals(8, ResultRows.of(result).size());
      }
      SQLException exists = assertThrows(SQLException.class, () -> session.execute("CALL generate_tpch(0.001, tpch)"));
      assertEquals("42S01", exists.getSQLState(), exists.getMessage());
      assertTrue(exists.getMessage().contains("tpch.customer"), exists.getMessage());

      SQLException zero = assertThrows(SQLException.class,
          () -> session.execute("CALL system.generate_tpch(scale => 0, schema => 'other')"));
      assertEquals("22023", zero.getSQLState(), zero.getMessage());
      SQLException unknown = assertThrows(SQLException.class,
          () -> session.execute("CALL system.generate_tpch(sf => 0.01)"));
      assertEquals("42000", unknown.getSQLState(), unknown.getMessage());
      assertTrue(unknown.getMessage().contains("sf"), unknown.getMessage());
      SQLException notString = assertThrows(SQLException.class,
          () -> session.execute("CALL system.generate_tpch(0.01, 42)"));
      assertEquals("42000", notString.getSQLState(), "ill-typed, as for every procedure: " + notString.getMessage());
      assertTrue(notString.getMessage().contains("schema"), notString.getMessage());
      SQLException notNumber = assertThrows(SQLException.class,
          () -> session.execute("CALL system.generate_tpch(scale => 'big')"));
      assertEquals("42000", notNumber.getSQLState(), notNumber.getMessage());
      assertTrue(notNumber.getMessage().contains("scale"), notNumber.getMessage());

      assertEquals(List.of(List.of("tpch")), ResultRows.of(session.execute("SHOW SCHEMAS")),
          "the failed calls created no schema");
      assertEquals(1, session.catalog().loadTable(TableIdentifier.of(Namespace.of("tpch"), "lineitem"))
          .snapshots().size(), "the failed call did not touch the existing tables");
    }
  }

  @Test
  void aFailedLoadDropsWhatItCreated() throws Exception {
    try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toString()))) {
      TpchGenerator failing = new TpchGenerator(catalog, Namespace.of("broken"), 0.01).listener((table, rows, expected) -> {
        if (table.equals("lineitem") && rows >= 10_000) {
          throw new IllegalStateException("disk full (simulated by the listener)");
        }
      });
      IllegalStateException failure = assertThrows(IllegalStateException.class, failing::generate);
      assertTrue(failure.getMessage().contains("disk full"), failure.getMessage());
      assertEquals(List.of(), catalog.listNamespaces(), "the namespace the load created is dropped");
      try (var files = java.nio.file.Files.walk(warehouse)) {
        assertEquals(List.of(), files.filter(java.nio.file.Files::isRegularFile).map(Path::toString).toList(),
            "no data or metadata file is left");
      }
    }
  }
}
