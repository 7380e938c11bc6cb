package io.floe.catalog.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Catalog;
import io.floe.catalog.CatalogTestBase;
import io.floe.catalog.CatalogTransaction;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.commit.CommitFailedException;
import io.floe.commit.TableOperations;
import io.floe.data.Record;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.TableMetadata;
import io.floe.table.Table;
import io.floe.table.TableFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared suite plus what only the JDBC catalog does, on any database; subclasses say which. */
abstract class JdbcCatalogTestBase extends CatalogTestBase {
  /** A connection to the catalog's database for checking its rows directly. */
  protected abstract Connection connect() throws SQLException;

  /** The catalog's JDBC URL. */
  protected abstract String uri();

  @Override
  protected Map<String, String> catalogProperties(String catalogName) {
    return Map.of("catalog.type", "jdbc", "catalog.uri", uri(), "catalog.name", catalogName, "warehouse", warehouse());
  }

  @Override
  protected boolean supportsRename() {
    return true;
  }

  @Override
  protected List<String> tableNamesStoredVerbatim() {
    List<String> names = new ArrayList<>();
    for (String name : hostileNames()) {
      if (!name.isEmpty() && name.indexOf('\0') < 0 && name.length() <= 255) {
        names.add(name);
      }
    }
    return names;
  }

  /** A table that a successful SQL injection would drop. */
  @BeforeEach
  void createSentinelTable() throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      if (!c.getMetaData().getTables(null, null, "x", null).next()) {
        st.executeUpdate("CREATE TABLE x (v INTEGER)");
        st.executeUpdate("INSERT INTO x VALUES (42)");
      }
    }
  }

  @Override
  protected void assertStoreHoldsExactly(Set<TableIdentifier> tables) {
    Set<String> expected = new HashSet<>();
    for (TableIdentifier id : tables) {
      expected.add(id.name());
    }
    try (Connection c = connect()) {
      Set<String> stored = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT table_namespace, table_name, iceberg_type FROM iceberg_tables WHERE catalog_name = ?")) {
        ps.setString(1, catalogName);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            assertEquals("db", rs.getString(1));
            assertEquals("TABLE", rs.getString(3));
            stored.add(rs.getString(2));
          }
        }
      }
      assertEquals(expected, stored, "the rows hold exactly the accepted names, verbatim");
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM x")) {
        assertTrue(rs.next(), "the sentinel table x still exists with its row");
        assertEquals(42, rs.getInt(1));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void rowsFollowIcebergsLayoutAndCommitsSwapThePointer() throws SQLException {
    TableIdentifier id = TableIdentifier.of(NS, "layout");
    Table t = createEvents(id, Map.of());
    String first = t.metadata().metadataFileLocation();
    assertTrue(first.matches(".*/db/layout/metadata/00000-[0-9a-f-]{36}\\.metadata\\.json"), first);
    t.newAppend().appendRecords(TableFixtures.events(0, 3)).commit();
    String second = t.metadata().metadataFileLocation();
    assertTrue(second.matches(".*/db/layout/metadata/00001-[0-9a-f-]{36}\\.metadata\\.json"), second);
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT metadata_location,"
        + " previous_metadata_location, iceberg_type FROM iceberg_tables WHERE catalog_name = ? AND table_namespace = ?"
        + " AND table_name = ?")) {
      ps.setString(1, catalogName);
      ps.setString(2, "db");
      ps.setString(3, "layout");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(second, rs.getString(1));
        assertEquals(first, rs.getString(2));
        assertEquals("TABLE", rs.getString(3));
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void aLostCompareAndSwapFailsAndRemovesItsMetadataFile() {
    TableIdentifier id = TableIdentifier.of(NS, "cas");
    createEvents(id, Map.of());
    TableOperations winner = catalog.newTableOps(id);
    TableOperations loser = catalog.newTableOps(id);
    TableMetadata base = winner.refresh();
    loser.refresh();
    TableMetadata changed = MetadataChanges.withLocation(base, null);
    winner.commit(base, changed);
    int filesBefore = metadataFiles(id).size();
    CommitFailedException e = assertThrows(CommitFailedException.class, () -> loser.commit(base, changed));
    assertTrue(e.getMessage().contains(catalogName + ".db.cas"), e.getMessage());
    assertEquals(filesBefore, metadataFiles(id).size(), "the loser's metadata file was removed");
    assertEquals(winner.current().metadataFileLocation(), catalog.newTableOps(id).refresh().metadataFileLocation());
  }

  private List<String> metadataFiles(TableIdentifier id) {
    List<String> files = new ArrayList<>();
    for (io.floe.io.FileInfo f : ((io.floe.io.SupportsListing) ((JdbcCatalog) catalog).io())
        .listPrefix(catalog.loadTable(id).location() + "/metadata")) {
      if (f.location().endsWith(".metadata.json")) {
        files.add(f.location());
      }
    }
    return files;
  }

  @Test
  void namespacesFollowIcebergsEncoding() throws SQLException {
    catalog.createNamespace(Namespace.of("a", "b").parent());
    catalog.createNamespace(Namespace.of("a", "b"), Map.of("k", "v"));
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT namespace, property_key,"
        + " property_value FROM iceberg_namespace_properties WHERE catalog_name = ? ORDER BY namespace, property_key")) {
      ps.setString(1, catalogName);
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
        }
      }
      assertEquals(List.of("a|exists|true", "a.b|exists|true", "a.b|k|v"), rows);
    }
    assertEquals(Map.of("k", "v"), catalog.loadNamespaceProperties(Namespace.of("a", "b")), "the marker is hidden");
    IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
        () -> catalog.setNamespaceProperties(Namespace.of("a"), Map.of("exists", "false")));
    assertTrue(reserved.getMessage().contains("reserved"), reserved.getMessage());
    IllegalArgumentException dotted = assertThrows(IllegalArgumentException.class,
        () -> catalog.createNamespace(Namespace.of("a", "b.c")));
    assertTrue(dotted.getMessage().contains("'b.c'") && dotted.getMessage().contains("'.'"), dotted.getMessage());
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> catalog.setNamespaceProperties(Namespace.of("a"), Map.of("k", "v".repeat(1001))));
    assertTrue(tooLong.getMessage().contains("1001 characters"), tooLong.getMessage());
  }

  @Test
  void anUnchangedTransactionAndAnAbortedOneChangeNothing() {
    TableIdentifier id = TableIdentifier.of(NS, "t");
    createEvents(id, Map.of());
    String before = catalog.loadTable(id).metadata().metadataFileLocation();
    try (var tx = catalog.newTransaction()) {
      tx.table(id);
      tx.commit();
    }
    var aborted = catalog.newTransaction();
    Table staged = aborted.table(id);
    staged.newAppend().appendRecords(TableFixtures.events(0, 5)).commit();
    List<String> stagedData = dataFiles(staged);
    aborted.abort();
    assertEquals(before, catalog.loadTable(id).metadata().metadataFileLocation());
    for (String f : stagedData) {
      assertFalse(((JdbcCatalog) catalog).io().newInputFile(f).exists(), "aborted data file deleted: " + f);
    }
    assertNull(catalog.loadTable(id).currentSnapshot());
  }

  @Test
  void concurrentTransactionsAndCommitsKeepTwoTablesInStep() throws Exception {
    TableIdentifier a = TableIdentifier.of(NS, "ledger_a");
    TableIdentifier b = TableIdentifier.of(NS, "ledger_b");
    createEvents(a, PATIENT);
    createEvents(b, PATIENT);
    int writers = 3;
    int transactions = 3;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      long base = w * 1000L;
      futures.add(pool.submit(() -> {
        int lost = 0;
        try (Catalog own = openAnother()) {
          for (int k = 0; k < transactions; k++) {
            while (true) {
              CatalogTransaction tx = own.newTransaction();
              tx.table(a).newAppend().appendRecords(TableFixtures.events(base + k, 1)).commit();
              tx.table(b).newAppend().appendRecords(TableFixtures.events(base + k, 1)).commit();
              try {
                tx.commit();
                break;
              } catch (CommitFailedException e) {
                lost++;
              }
            }
          }
        }
        return lost;
      }));
    }
    futures.add(pool.submit(() -> {
      try (Catalog own = openAnother()) {
        for (int k = 0; k < 4; k++) {
          own.loadTable(b).newAppend().appendRecords(TableFixtures.events(90_000 + k, 1)).commit();
        }
      }
      return 0;
    }));
    for (Future<Integer> f : futures) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    Set<Long> expected = new HashSet<>();
    for (int w = 0; w < writers; w++) {
      for (int k = 0; k < transactions; k++) {
        expected.add(w * 1000L + k);
      }
    }
    assertEquals(expected, ids(catalog.loadTable(a)), "table a has exactly the committed transactions");
    Set<Long> expectedB = new HashSet<>(expected);
    for (long k = 0; k < 4; k++) {
      expectedB.add(90_000 + k);
    }
    assertEquals(expectedB, ids(catalog.loadTable(b)), "table b has the same transactions plus its own commits");
    assertEquals(writers * transactions, catalog.loadTable(a).snapshots().size());
    assertEquals(writers * transactions + 4, catalog.loadTable(b).snapshots().size());
  }

  private static Set<Long> ids(Table t) {
    Set<Long> ids = new HashSet<>();
    for (Record r : t.newScan().records()) {
      assertTrue(ids.add(TableFixtures.id(r)), "row " + TableFixtures.id(r) + " appears once");
    }
    return ids;
  }
}
