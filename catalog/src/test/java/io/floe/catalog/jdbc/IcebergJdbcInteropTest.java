package io.floe.catalog.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.Record;
import io.floe.partition.PartitionSpec;
import io.floe.table.Table;
import io.floe.table.TableFixtures;
import io.floe.view.SqlViewRepresentation;
import io.floe.view.ViewDefinition;
import io.floe.view.ViewMetadata;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Iceberg 1.12's JdbcCatalog and Floe's JDBC catalog on the same SQLite file, with the same catalog name:
 * each lists, loads and reads the other's tables and commits to them.
 */
class IcebergJdbcInteropTest {
  private static final String CATALOG = "shared";

  @TempDir
  Path root;

  private String uri() {
    return "jdbc:sqlite:" + root.resolve("catalog.db");
  }

  private String warehouse() {
    return root.resolve("warehouse").toString();
  }

  private JdbcCatalog floe() {
    return (JdbcCatalog) Catalogs.load(Map.of("catalog.type", "jdbc", "uri", uri(), "catalog.name", CATALOG,
        "warehouse", warehouse()));
  }

  private org.apache.iceberg.jdbc.JdbcCatalog iceberg() {
    return iceberg("V0");
  }

  /** Iceberg's JdbcCatalog with its {@code jdbc.schema-version} (V1: the layout that also holds views). */
  private org.apache.iceberg.jdbc.JdbcCatalog iceberg(String schemaVersion) {
    org.apache.iceberg.jdbc.JdbcCatalog catalog = new org.apache.iceberg.jdbc.JdbcCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize(CATALOG, Map.of("uri", uri(), "warehouse", warehouse(), "jdbc.schema-version", schemaVersion));
    return catalog;
  }

  @Test
  void icebergListsLoadsReadsAndCommitsToATableFloeCreated() throws Exception {
    TableIdentifier id = TableIdentifier.of(Namespace.of("sales"), "orders");
    String hostile = "it's; DROP TABLE iceberg_tables; --";
    try (JdbcCatalog floe = floe()) {
      floe.createNamespace(Namespace.of("sales"), Map.of("owner", "ana"));
      Table t = floe.createTable(id, TableFixtures.EVENTS, PartitionSpec.builderFor(TableFixtures.EVENTS).identity("region").build());
      t.newAppend().appendRecords(TableFixtures.events(0, 30)).commit();
      t.newAppend().appendRecords(TableFixtures.events(30, 10)).commit();
      floe.createTable(TableIdentifier.of(Namespace.of("sales"), hostile), TableFixtures.EVENTS);
    }
    try (org.apache.iceberg.jdbc.JdbcCatalog iceberg = iceberg()) {
      org.apache.iceberg.catalog.Namespace sales = org.apache.iceberg.catalog.Namespace.of("sales");
      assertEquals(List.of(sales), ((SupportsNamespaces) iceberg).listNamespaces());
      assertEquals("ana", iceberg.loadNamespaceMetadata(sales).get("owner"));
      Set<String> tables = new HashSet<>();
      for (org.apache.iceberg.catalog.TableIdentifier ti : iceberg.listTables(sales)) {
        tables.add(ti.name());
      }
      assertEquals(Set.of("orders", hostile), tables, "Iceberg lists Floe's tables, names verbatim");

      org.apache.iceberg.Table table = iceberg.loadTable(org.apache.iceberg.catalog.TableIdentifier.of(sales, "orders"));
      assertEquals(2, size(table.snapshots()));
      assertEquals(idsFrom(0, 40), icebergIds(table));
      appendWithIceberg(table, 1000, 5);
    }
    try (JdbcCatalog floe = floe()) {
      Table t = floe.loadTable(id);
      assertEquals(3, t.snapshots().size(), "Floe sees Iceberg's commit");
      assertEquals(45, t.newScan().records().size());
      t.newAppend().appendRecords(TableFixtures.events(2000, 2)).commit();
    }
    try (org.apache.iceberg.jdbc.JdbcCatalog iceberg = iceberg()) {
      org.apache.iceberg.Table table = iceberg.loadTable(org.apache.iceberg.catalog.TableIdentifier.of("sales", "orders"));
      assertEquals(4, size(table.snapshots()), "Iceberg sees Floe's commit on top of its own");
      assertEquals(47, icebergIds(table).size());
    }
  }

  @Test
  void floeListsLoadsReadsAndCommitsToATableIcebergCreated() throws Exception {
    Schema schema = new Schema(
        Types.NestedField.required(1, "id", Types.LongType.get()),
        Types.NestedField.optional(2, "name", Types.StringType.get()));
    try (org.apache.iceberg.jdbc.JdbcCatalog iceberg = iceberg()) {
      org.apache.iceberg.catalog.Namespace nested = org.apache.iceberg.catalog.Namespace.of("lake", "raw");
      iceberg.createNamespace(org.apache.iceberg.catalog.Namespace.of("lake"), Map.of("team", "data"));
      iceberg.createNamespace(nested);
      org.apache.iceberg.Table table = iceberg.createTable(org.apache.iceberg.catalog.TableIdentifier.of(nested, "people"),
          schema);
      appendWithIceberg(table, 0, 8);
    }
    try (Connection c = DriverManager.getConnection(uri());
         ResultSet rs = c.getMetaData().getColumns(null, null, "iceberg_tables", "iceberg_type")) {
      assertFalse(rs.next(), "Iceberg created its V0 layout (without iceberg_type), which Floe also reads");
    }
    TableIdentifier id = TableIdentifier.of(Namespace.of("lake", "raw"), "people");
    try (JdbcCatalog floe = floe()) {
      assertEquals(List.of(Namespace.of("lake")), floe.listNamespaces());
      assertEquals(List.of(Namespace.of("lake", "raw")), floe.listNamespaces(Namespace.of("lake")));
      assertEquals(Map.of("team", "data"), floe.loadNamespaceProperties(Namespace.of("lake")));
      assertEquals(List.of(id), floe.listTables(Namespace.of("lake", "raw")));
      assertEquals(List.of(), floe.listViews(Namespace.of("lake", "raw")));
      UnsupportedOperationException noViews = assertThrows(UnsupportedOperationException.class,
          () -> floe.createView(TableIdentifier.of(Namespace.of("lake", "raw"), "v"), new ViewDefinition(
              TableFixtures.EVENTS, new SqlViewRepresentation("SELECT 1", "floe"), List.of("lake"), Map.of(),
              Map.of()), false));
      assertTrue(noViews.getMessage().startsWith("not supported: views"), noViews.getMessage());
      Table t = floe.loadTable(id);
      assertEquals(1, t.snapshots().size());
      Set<Long> ids = new HashSet<>();
      for (Record r : t.newScan().records()) {
        ids.add((Long) r.get(0));
      }
      assertEquals(idsFrom(0, 8), ids);
      t.newAppend().appendRecords(List.of(io.floe.data.GenericRecord.of(t.schema().asStruct(), 100L, "floe"))).commit();
      floe.renameTable(id, TableIdentifier.of(Namespace.of("lake"), "people_v2"));
    }
    try (org.apache.iceberg.jdbc.JdbcCatalog iceberg = iceberg()) {
      org.apache.iceberg.Table table = iceberg.loadTable(org.apache.iceberg.catalog.TableIdentifier.of("lake", "people_v2"));
      assertEquals(2, size(table.snapshots()), "Iceberg sees Floe's commit and rename");
      Set<Long> expected = idsFrom(0, 8);
      expected.add(100L);
      assertEquals(expected, icebergIds(table));
      assertFalse(iceberg.tableExists(org.apache.iceberg.catalog.TableIdentifier.of("lake", "raw", "people")));
    }
  }

  /** Appends rows with ids [first, first+count) written by Iceberg's own Parquet writer (region EU, if any). */
  @Test
  void icebergAndFloeReadEachOthersViews() {
    Namespace ns = Namespace.of("sales");
    TableIdentifier byFloe = TableIdentifier.of(ns, "recent");
    try (JdbcCatalog floe = floe()) {
      floe.createNamespace(ns);
      io.floe.types.Schema schema = new io.floe.types.Schema(
          new io.floe.types.NestedField(1, "id", io.floe.types.Types.LONG, false, "the id"),
          new io.floe.types.NestedField(2, "region", io.floe.types.Types.STRING, false, null));
      floe.createView(byFloe, new ViewDefinition(schema, new SqlViewRepresentation("SELECT id, region FROM orders",
          "floe"), ns.levels(), Map.of("comment", "recent orders"), Map.of("engine-name", "floe")), false);
      floe.createView(byFloe, new ViewDefinition(schema, new SqlViewRepresentation(
          "SELECT id, region FROM orders WHERE id > 10", "floe"), ns.levels(), Map.of(), Map.of()), true);
    }
    org.apache.iceberg.catalog.Namespace sales = org.apache.iceberg.catalog.Namespace.of("sales");
    try (org.apache.iceberg.jdbc.JdbcCatalog iceberg = iceberg("V1")) {
      org.apache.iceberg.catalog.TableIdentifier id = org.apache.iceberg.catalog.TableIdentifier.of(sales, "recent");
      assertEquals(List.of(id), iceberg.listViews(sales));
      assertEquals(List.of(), iceberg.listTables(sales));
      org.apache.iceberg.view.View view = iceberg.loadView(id);
      assertEquals("SELECT id, region FROM orders WHERE id > 10",
          ((org.apache.iceberg.view.SQLViewRepresentation) view.sqlFor("floe")).sql());
      assertEquals(2, view.currentVersion().versionId());
      assertEquals(2, view.history().size());
      assertEquals(List.of("sales"), List.of(view.currentVersion().defaultNamespace().levels()));
      assertEquals("id", view.schema().columns().get(0).name());
      assertEquals(Types.LongType.get(), view.schema().columns().get(0).type());
      assertEquals("the id", view.schema().columns().get(0).doc());
      assertEquals(Types.StringType.get(), view.schema().columns().get(1).type());

      iceberg.buildView(org.apache.iceberg.catalog.TableIdentifier.of(sales, "by_spark"))
          .withSchema(new Schema(Types.NestedField.required(1, "n", Types.IntegerType.get())))
          .withDefaultNamespace(sales)
          .withQuery("spark", "SELECT count(*) AS n FROM orders")
          .withQuery("floe", "SELECT CAST(count(*) AS INT) AS n FROM orders")
          .withProperty("comment", "by Iceberg")
          .create();
    }
    try (JdbcCatalog floe = floe()) {
      TableIdentifier id = TableIdentifier.of(ns, "by_spark");
      assertEquals(List.of(id, byFloe), floe.listViews(ns));
      ViewMetadata metadata = floe.loadView(id).orElseThrow().metadata();
      assertEquals("SELECT CAST(count(*) AS INT) AS n FROM orders", metadata.currentVersion().sql("floe")
          .orElseThrow().sql());
      assertEquals("SELECT count(*) AS n FROM orders", metadata.currentVersion().sql("spark").orElseThrow().sql());
      assertEquals("by Iceberg", metadata.properties().get("comment"));
      assertEquals(List.of("n"), metadata.schema().columns().stream().map(f -> f.name()).toList());
      assertTrue(floe.dropView(id));
    }
    try (org.apache.iceberg.jdbc.JdbcCatalog iceberg = iceberg("V1")) {
      assertFalse(iceberg.viewExists(org.apache.iceberg.catalog.TableIdentifier.of(sales, "by_spark")));
    }
  }

  private static void appendWithIceberg(org.apache.iceberg.Table table, long first, int count) throws Exception {
    List<org.apache.iceberg.data.Record> rows = new ArrayList<>();
    for (long id = first; id < first + count; id++) {
      GenericRecord r = GenericRecord.create(table.schema());
      r.setField("id", id);
      if (table.schema().findField("ts") != null) {
        r.setField("ts", TableFixtures.START.plusHours(id));
        r.setField("region", "EU");
      }
      rows.add(r);
    }
    PartitionKey key = new PartitionKey(table.spec(), table.schema());
    key.partition(rows.get(0));
    org.apache.iceberg.io.OutputFile out = table.io().newOutputFile(
        table.locationProvider().newDataLocation(table.spec(), key, UUID.randomUUID() + ".parquet"));
    DataWriter<org.apache.iceberg.data.Record> writer = Parquet.writeData(out)
        .schema(table.schema())
        .withSpec(table.spec())
        .withPartition(key)
        .createWriterFunc(mt -> GenericParquetWriter.create(table.schema(), mt))
        .overwrite()
        .build();
    try (writer) {
      rows.forEach(writer::write);
    }
    table.newAppend().appendFile(writer.toDataFile()).commit();
  }

  private static Set<Long> icebergIds(org.apache.iceberg.Table table) throws Exception {
    Set<Long> ids = new HashSet<>();
    try (CloseableIterable<org.apache.iceberg.data.Record> rows = IcebergGenerics.read(table).build()) {
      for (org.apache.iceberg.data.Record r : rows) {
        ids.add((Long) r.getField("id"));
      }
    }
    return ids;
  }

  private static Set<Long> idsFrom(long first, int count) {
    Set<Long> ids = new HashSet<>();
    for (long i = first; i < first + count; i++) {
      ids.add(i);
    }
    return ids;
  }

  private static int size(Iterable<?> items) {
    List<Object> list = new ArrayList<>();
    items.forEach(list::add);
    return list.size();
  }
}
