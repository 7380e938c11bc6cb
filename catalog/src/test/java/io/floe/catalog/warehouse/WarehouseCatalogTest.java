package io.floe.catalog.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.io.FileIO;
import io.floe.io.InputFile;
import io.floe.io.LocalFileIO;
import io.floe.io.OutputFile;
import io.floe.partition.PartitionSpec;
import io.floe.table.AlreadyExistsException;
import io.floe.table.Table;
import io.floe.table.TableFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the warehouse catalog does: its default, its directory layout, and its file-based rules. */
class WarehouseCatalogTest {
  @TempDir
  Path dir;

  private WarehouseCatalog open() {
    return (WarehouseCatalog) Catalogs.load(Map.of("warehouse", dir.resolve("wh").toString()));
  }

  @Test
  void withNothingConfiguredTheWarehouseIsDotWarehouse() {
    boolean existedBefore = Files.exists(Path.of("warehouse"));
    try (Catalog catalog = Catalogs.load(Map.of())) {
      assertTrue(catalog instanceof WarehouseCatalog, catalog.toString());
      assertEquals(Path.of("warehouse").toAbsolutePath().normalize().toString(), ((WarehouseCatalog) catalog).warehouse());
      assertEquals("floe", catalog.name());
    }
    assertEquals(existedBefore, Files.exists(Path.of("warehouse")), "opening the catalog writes nothing");
  }

  @Test
  void tablesAreLaidOutAsIcebergsHadoopCatalogReadsThem() throws Exception {
    TableIdentifier id = TableIdentifier.of(Namespace.of("a", "b"), "t");
    try (WarehouseCatalog catalog = open()) {
      catalog.createNamespace(Namespace.of("a"), Map.of("k", "v"));
      catalog.createNamespace(Namespace.of("a", "b"));
      Table t = catalog.createTable(id, TableFixtures.EVENTS, PartitionSpec.unpartitioned(TableFixtures.EVENTS));
      t.newAppend().appendRecords(TableFixtures.events(0, 6)).commit();
    }
    Path table = dir.resolve("wh/a/b/t");
    assertTrue(Files.exists(table.resolve("metadata/v1.metadata.json")));
    assertTrue(Files.exists(table.resolve("metadata/v2.metadata.json")));
    assertEquals("{\n  \"properties\" : {\n    \"k\" : \"v\"\n  }\n}", Files.readString(dir.resolve("wh/a/.namespace.json")));

    HadoopCatalog hadoop = new HadoopCatalog(new Configuration(), dir.resolve("wh").toString());
    org.apache.iceberg.catalog.TableIdentifier icebergId = org.apache.iceberg.catalog.TableIdentifier.of("a", "b", "t");
    assertEquals(List.of(icebergId), hadoop.listTables(org.apache.iceberg.catalog.Namespace.of("a", "b")));
    Set<Long> ids = new HashSet<>();
    try (CloseableIterable<org.apache.iceberg.data.Record> rows = IcebergGenerics.read(hadoop.loadTable(icebergId)).build()) {
      rows.forEach(r -> ids.add((Long) r.getField("id")));
    }
    assertEquals(Set.of(0L, 1L, 2L, 3L, 4L, 5L), ids);
  }

  @Test
  void aTableAndANamespaceCannotShareADirectory() {
    try (WarehouseCatalog catalog = open()) {
      catalog.createNamespace(Namespace.of("db"));
      catalog.createTable(TableIdentifier.of(Namespace.of("db"), "t"), TableFixtures.EVENTS);
      AlreadyExistsException nsOverTable = assertThrows(AlreadyExistsException.class,
          () -> catalog.createNamespace(Namespace.of("db", "t")));
      assertTrue(nsOverTable.getMessage().contains("db.t"), nsOverTable.getMessage());
      catalog.createNamespace(Namespace.of("db", "n"));
      AlreadyExistsException tableOverNs = assertThrows(AlreadyExistsException.class,
          () -> catalog.createTable(TableIdentifier.of(Namespace.of("db"), "n"), TableFixtures.EVENTS));
      assertTrue(tableOverNs.getMessage().contains("db.n"), tableOverNs.getMessage());
      assertEquals(List.of(TableIdentifier.of(Namespace.of("db"), "t")), catalog.listTables(Namespace.of("db")));
      assertEquals(List.of(Namespace.of("db", "n")), catalog.listNamespaces(Namespace.of("db")));
    }
  }

  @Test
  void aTableDroppedWithoutPurgeIsRegisteredAgainFromItsSavedMetadata() throws Exception {
    TableIdentifier id = TableIdentifier.of(Namespace.of("db"), "t");
    try (WarehouseCatalog catalog = open()) {
      catalog.createNamespace(Namespace.of("db"));
      Table t = catalog.createTable(id, TableFixtures.EVENTS);
      t.newAppend().appendRecords(TableFixtures.events(0, 9)).commit();
      long snapshot = t.currentSnapshot().snapshotId();
      assertTrue(catalog.dropTable(id, false));
      assertFalse(catalog.tableExists(id));
      Path saved;
      try (Stream<Path> files = Files.list(dir.resolve("wh/db/t/metadata"))) {
        saved = files.filter(p -> p.getFileName().toString().startsWith("dropped-")).findFirst().orElseThrow();
      }
      Table back = catalog.registerTable(id, saved.toString());
      assertEquals(snapshot, back.currentSnapshot().snapshotId());
      assertEquals(9, back.newScan().records().size());
    }
  }

  @Test
  void aFileIOThatCannotListIsRefused() {
    FileIO local = new LocalFileIO();
    FileIO unlisted = new FileIO() {
      @Override
      public InputFile newInputFile(String location) {
        return local.newInputFile(location);
      }

      @Override
      public OutputFile newOutputFile(String location) {
        return local.newOutputFile(location);
      }

      @Override
      public void deleteFile(String location) {
        local.deleteFile(location);
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new WarehouseCatalog("c", dir.toString(), unlisted));
    assertTrue(e.getMessage().contains("SupportsListing"), e.getMessage());
  }
}
