package io.floe.engine.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.engine.ResultRows;
import io.floe.partition.PartitionField;
import io.floe.puffin.ColumnThetaSketches;
import io.floe.table.Table;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.StaticTableOperations;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every DDL, SHOW and DESCRIBE form on a warehouse catalog, checked through the Table API and Apache Iceberg. */
class DdlTest {
  private static final String EVENTS = """
      CREATE TABLE events (
        id BIGINT NOT NULL COMMENT 'event id',
        ts TIMESTAMP,
        name VARCHAR COMMENT 'it''s the name',
        amount DECIMAL(10, 2),
        flag BOOLEAN,
        score DOUBLE,
        small INT,
        ratio REAL,
        day_col DATE,
        tz TIMESTAMP WITH LOCAL TIME ZONE,
        bytes VARBINARY,
        fixed BINARY(8)
      ) COMMENT 'all the events'
      PARTITIONED BY (day(ts), bucket(16, id), truncate(4, name), flag)
      WITH ('write.target-file-size-bytes' = '1048576', owner = 'floe')""";

  @TempDir
  Path warehouse;
  private FloeSession session;

  @BeforeEach
  void open() throws SQLException {
    session = FloeSession.open(warehouse, "db");
    update("CREATE SCHEMA db");
  }

  @AfterEach
  void close() {
    session.close();
  }

  @Test
  void createTableSetsSchemaSpecCommentAndProperties() throws Exception {
    assertEquals(0, update(EVENTS));
    Table table = session.catalog().loadTable(TableIdentifier.of("db", "events"));
    Schema schema = table.schema();
    assertEquals(List.of("id", "ts", "name", "amount", "flag", "score", "small", "ratio", "day_col", "tz", "bytes",
        "fixed"), schema.columnNames());
    NestedField id = schema.findField("id");
    assertEquals(Types.LONG, id.type());
    assertTrue(id.required());
    assertEquals("event id", id.doc());
    assertEquals("it's the name", schema.findField("name").doc());
    assertEquals(Types.TIMESTAMP, schema.findField("ts").type());
    assertEquals(Types.decimal(10, 2), schema.findField("amount").type());
    assertEquals(Types.INT, schema.findField("small").type());
    assertEquals(Types.FLOAT, schema.findField("ratio").type());
    assertEquals(Types.TIMESTAMPTZ, schema.findField("tz").type());
    assertEquals(Types.BINARY, schema.findField("bytes").type());
    assertEquals(Types.fixed(8), schema.findField("fixed").type());
    assertTrue(schema.findField("ts").isOptional());
    assertEquals(List.of("ts_day", "id_bucket", "name_trunc", "flag"),
        table.spec().fields().stream().map(PartitionField::name).toList());
    assertEquals(List.of("day", "bucket[16]", "truncate[4]", "identity"),
        table.spec().fields().stream().map(f -> f.transform().toString()).toList());
    assertEquals("1048576", table.properties().get("write.target-file-size-bytes"));
    assertEquals("floe", table.properties().get("owner"));
    assertEquals("all the events", table.properties().get("comment"));

    org.apache.iceberg.Table iceberg = iceberg(table);
    List<String> icebergColumns = new ArrayList<>();
    for (org.apache.iceberg.types.Types.NestedField field : iceberg.schema().columns()) {
      NestedField floe = schema.findField(field.fieldId());
      assertEquals(floe.name(), field.name());
      assertEquals(floe.required(), field.isRequired());
      assertEquals(floe.doc(), field.doc());
      assertEquals(floe.type(), PrimitiveType.parse(field.type().toString().replace(", ", ",")), field.name());
      icebergColumns.add(field.name());
    }
    assertEquals(schema.columnNames(), icebergColumns);
    List<String> icebergSpec = iceberg.spec().fields().stream()
        .map(f -> f.name() + ":" + f.sourceId() + ":" + f.transform()).toList();
    assertEquals(table.spec().fields().stream().map(f -> f.name() + ":" + f.sourceId() + ":" + f.transform()).toList(),
        icebergSpec);
  }

  @Test
  void showCreateTableRoundTrips() throws Exception {
    update(EVENTS);
    String ddl = single("SHOW CREATE TABLE events");
    assertTrue(ddl.startsWith("CREATE TABLE \"db\".\"events\" (\n  \"id\" BIGINT NOT NULL COMMENT 'event id',"), ddl);
    assertTrue(ddl.contains("PARTITIONED BY (day(\"ts\"), bucket(16, \"id\"), truncate(4, \"name\"), \"flag\")"), ddl);
    assertTrue(ddl.contains("COMMENT 'all the events'"), ddl);
    update(ddl.replace("\"db\".\"events\"", "\"db\".\"events_copy\""));
    Table original = session.catalog().loadTable(TableIdentifier.of("db", "events"));
    Table copy = session.catalog().loadTable(TableIdentifier.of("db", "events_copy"));
    assertEquals(original.schema(), copy.schema());
    assertEquals(original.spec().fields(), copy.spec().fields());
    assertEquals(original.properties(), copy.properties());
    assertEquals(ddl.replace("\"events\"", "\"events_copy\""), single("SHOW CREATE TABLE events_copy"));
  }

  @Test
  void createTableErrorsAndIfNotExists() throws SQLException {
    update("CREATE TABLE t (a INT)");
    assertState("42S01", "CREATE TABLE t (b INT)");
    assertState("42S01", "CREATE TABLE T (b INT)");
    assertEquals(0, update("CREATE TABLE IF NOT EXISTS t (b VARCHAR)"));
    assertEquals(List.of("a"), session.catalog().loadTable(TableIdentifier.of("db", "t")).schema().columnNames());
    assertState("3F000", "CREATE TABLE nowhere.t (a INT)");
    assertState("42S22", "CREATE TABLE u (a INT) PARTITIONED BY (day(b))");
    assertState("42000", "CREATE TABLE u (a INT) PARTITIONED BY (bucket(a))");
    assertState("42000", "CREATE TABLE u (a INT) PARTITIONED BY (fortnight(a))");
    assertState("42000", "CREATE TABLE u (a INT, A BIGINT)");
    assertState("0A000", "CREATE TABLE u (a GEOMETRY)");
    assertState("0A000", "CREATE TABLE u (a INT MULTISET)");
    assertState("42000", "CREATE TABLE u (a INT NOT NULL COMMENTS 'x')");
    assertState("42000", "CREATE TABLE u (a INT) WITH (owner = NULL)");
    assertFalse(session.catalog().tableExists(TableIdentifier.of("db", "u")));
  }

  @Test
  void createTableAsSelectWritesOneSnapshot() throws Exception {
    update("CREATE TABLE src (k VARCHAR, v BIGINT, d DECIMAL(8, 2))");
    Table src = session.catalog().loadTable(TableIdentifier.of("db", "src"));
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(GenericRecord.of(src.schema().asStruct(), "k" + (i % 3), (long) i, new BigDecimal(i + ".25")));
    }
    src.newAppend().appendRecords(rows).commit();

    assertEquals(3, update("CREATE TABLE agg PARTITIONED BY (k) WITH ('owner' = 'ctas') AS "
        + "SELECT k, sum(v) AS total, max(d) AS top FROM src GROUP BY k"));
    Table agg = session.catalog().loadTable(TableIdentifier.of("db", "agg"));
    assertEquals(1, agg.snapshots().size());
    assertEquals(List.of("k", "total", "top"), agg.schema().columnNames());
    assertEquals(Types.LONG, agg.schema().findField("total").type());
    assertEquals("identity", agg.spec().fields().get(0).transform().toString());
    assertEquals("ctas", agg.properties().get("owner"));
    assertEquals(List.of(List.of("k0", 18L, new BigDecimal("9.25")), List.of("k1", 12L, new BigDecimal("7.25")),
        List.of("k2", 15L, new BigDecimal("8.25"))), query("SELECT k, total, top FROM agg ORDER BY k"));

    List<String> icebergRows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(iceberg(agg)).build()) {
      for (Record r : records) {
        icebergRows.add(r.getField("k") + "=" + r.getField("total") + "/" + r.getField("top"));
      }
    }
    assertEquals(List.of("k0=18/9.25", "k1=12/7.25", "k2=15/8.25"), icebergRows.stream().sorted().toList());

    // 100,000 rows: the snapshot gets its distinct counts
    assertEquals(100_000, update("CREATE TABLE big AS SELECT a.v * 10000 + b.v * 1000 + c.v * 100 + d.v * 10 + e.v "
        + "AS n, a.k FROM src a, src b, src c, src d, src e"));
    Table big = session.catalog().loadTable(TableIdentifier.of("db", "big"));
    Map<Integer, Long> ndv = ColumnThetaSketches.distinctCounts(
        big.metadata().statisticsFile(big.currentSnapshot().snapshotId()));
    assertEquals(3L, ndv.get(big.schema().findField("k").id()));
    assertTrue(Math.abs(ndv.get(big.schema().findField("n").id()) - 100_000) < 3_000, ndv.toString());
    // eight batches (a UNION ALL of eight scans): the workers' writers make at most one file each, not one per batch
    StringBuilder branches = new StringBuilder("SELECT v FROM src");
    for (int i = 1; i < 8; i++) {
      branches.append(" UNION ALL SELECT v + ").append(i * 10).append(" FROM src");
    }
    assertEquals(80, update("CREATE TABLE many AS " + branches));
    long files = (Long) query("SELECT count(*) FROM \"many$files\"").get(0).get(0);
    assertTrue(files >= 1 && files <= session.workers(), files + " files for " + session.workers() + " workers");
    assertEquals(List.of(List.of(80L, 80L)), query("SELECT count(*), count(DISTINCT v) FROM many"));

    assertEquals(0, update("CREATE TABLE empty_copy AS WITH x AS (SELECT k FROM src WHERE v < 0) SELECT k FROM x"));
    assertEquals(0, session.catalog().loadTable(TableIdentifier.of("db", "empty_copy")).snapshots().size());
    SQLException unknownColumn = assertState("42S22", "CREATE TABLE bad\nAS SELECT k,\n  nope FROM src");
    assertTrue(unknownColumn.getMessage().contains("line 3, column 3"), unknownColumn.getMessage());
    assertFalse(session.catalog().tableExists(TableIdentifier.of("db", "bad")));
    assertState("0A000", "CREATE TABLE bad2 (k VARCHAR) AS SELECT k FROM src");
  }

  @Test
  void dropTable() throws Exception {
    update("CREATE TABLE keep (a INT)");
    update("CREATE TABLE gone (a INT)");
    Table gone = session.catalog().loadTable(TableIdentifier.of("db", "gone"));
    gone.newAppend().appendRecords(List.of(GenericRecord.of(gone.schema().asStruct(), 1))).commit();
    Path location = Path.of(java.net.URI.create(gone.location().startsWith("/") ? "file://" + gone.location()
        : gone.location()));
    assertTrue(countFiles(location) > 0);
    update("DROP TABLE gone PURGE");
    assertFalse(session.catalog().tableExists(TableIdentifier.of("db", "gone")));
    assertEquals(0, countFiles(location));
    update("DROP TABLE KEEP");
    assertFalse(session.catalog().tableExists(TableIdentifier.of("db", "keep")));
    assertState("42S02", "DROP TABLE keep");
    assertEquals(0, update("DROP TABLE IF EXISTS keep"));
  }

  @Test
  void schemas() throws SQLException {
    update("CREATE SCHEMA sales WITH (owner = 'x')");
    assertEquals("x", session.catalog().loadNamespaceProperties(Namespace.of("sales")).get("owner"));
    assertEquals(List.of(List.of("db"), List.of("sales")), query("SHOW SCHEMAS"));
    assertState("42P06", "CREATE SCHEMA sales");
    assertEquals(0, update("CREATE SCHEMA IF NOT EXISTS SALES"));
    update("CREATE TABLE sales.orders (id BIGINT)");
    assertEquals(List.of(List.of("orders")), query("SHOW TABLES IN sales"));
    assertState("2BP01", "DROP SCHEMA sales");
    update("DROP SCHEMA sales CASCADE");
    assertFalse(session.catalog().namespaceExists(Namespace.of("sales")));
    assertState("3F000", "DROP SCHEMA sales");
    assertEquals(0, update("DROP SCHEMA IF EXISTS sales"));
    assertState("3F000", "SHOW TABLES FROM sales");
  }

  @Test
  void showTablesAndDescribe() throws SQLException {
    update("CREATE TABLE others (x INT)");
    update("CREATE TABLE items (id BIGINT NOT NULL COMMENT 'key', name VARCHAR, amount DECIMAL(12, 3))");
    assertEquals(List.of(List.of("items"), List.of("others")), query("SHOW TABLES"));
    try (QueryResult result = session.execute("DESCRIBE items")) {
      assertEquals(List.of("column_name", "data_type", "nullable", "comment"), result.columnNames());
      assertEquals(List.of(Arrays.asList("id", "BIGINT", false, "key"), Arrays.asList("name", "VARCHAR", true, null),
          Arrays.asList("amount", "DECIMAL(12, 3)", true, null)), ResultRows.of(result));
    }
    assertEquals(List.of(Arrays.asList("name", "VARCHAR", true, null)), query("DESCRIBE TABLE db.items name"));
    assertState("42S22", "DESCRIBE items nope");
    assertState("42S02", "DESCRIBE nope");
  }

  @Test
  void alterTableEvolvesSchemaSpecAndProperties() throws SQLException {
    update("CREATE TABLE t (id INT NOT NULL, name VARCHAR, price DECIMAL(5, 2), ts TIMESTAMP)");
    Table t = session.catalog().loadTable(TableIdentifier.of("db", "t"));
    t.newAppend().appendRecords(List.of(GenericRecord.of(t.schema().asStruct(), 1, "a", new BigDecimal("1.50"), 0L)))
        .commit();

    update("ALTER TABLE t ADD COLUMN note VARCHAR COMMENT 'free text'");
    update("ALTER TABLE t ALTER COLUMN id TYPE BIGINT");
    update("ALTER TABLE t ALTER price SET DATA TYPE DECIMAL(9, 2)");
    update("ALTER TABLE t RENAME COLUMN NAME TO label");
    update("ALTER TABLE t DROP COLUMN ts");
    t.refresh();
    assertEquals(List.of("id", "label", "price", "note"), t.schema().columnNames());
    assertEquals(Types.LONG, t.schema().findField("id").type());
    assertEquals(Types.decimal(9, 2), t.schema().findField("price").type());
    assertEquals("free text", t.schema().findField("note").doc());
    assertEquals(List.of(Arrays.asList(1L, "a", new BigDecimal("1.50"), null)),
        query("SELECT id, label, price, note FROM t"));

    SQLException narrowing = assertState("42000", "ALTER TABLE t ALTER COLUMN label TYPE INTEGER");
    assertTrue(narrowing.getMessage().contains("column label") && narrowing.getMessage().contains("VARCHAR")
        && narrowing.getMessage().contains("INTEGER"), narrowing.getMessage());
    assertState("42S22", "ALTER TABLE t DROP COLUMN nope");
    assertState("42S22", "ALTER TABLE t RENAME COLUMN nope TO x");
    assertState("42000", "ALTER TABLE t ADD COLUMN LABEL INT");
    assertState("42S02", "ALTER TABLE nope ADD COLUMN x INT");

    update("CREATE TABLE p (id BIGINT, ts TIMESTAMP, cat VARCHAR) PARTITIONED BY (day(ts), cat)");
    update("ALTER TABLE p SET PARTITIONING (cat, bucket(8, id))");
    Table p = session.catalog().loadTable(TableIdentifier.of("db", "p"));
    assertEquals(List.of("identity(cat)", "bucket[8](id)"), p.spec().fields().stream()
        .filter(f -> !f.transform().toString().equals("void"))
        .map(f -> f.transform() + "(" + p.schema().findColumnName(f.sourceId()) + ")").toList());
    update("ALTER TABLE p SET PARTITIONING ()");
    p.refresh();
    assertTrue(p.spec().fields().stream().allMatch(f -> f.transform().toString().equals("void")),
        p.spec().toString());

    update("ALTER TABLE p SET PROPERTIES owner = 'me', 'write.metadata.previous-versions-max' = 5");
    p.refresh();
    assertEquals("me", p.properties().get("owner"));
    assertEquals("5", p.properties().get("write.metadata.previous-versions-max"));

    assertState("0A000", "ALTER TABLE p RENAME TO p2");
    assertState("42S01", "ALTER TABLE p RENAME TO t");
  }

  @Test
  void renameTableOnJdbcCatalog() throws SQLException {
    try (FloeSession jdbc = FloeSession.open(Map.of("catalog.type", "jdbc",
        "uri", "jdbc:sqlite:" + warehouse.resolve("catalog.db"), "warehouse", warehouse.resolve("jdbc").toString()),
        "db")) {
      FloeSession warehouseSession = session;
      session = jdbc;
      try {
        update("CREATE SCHEMA db");
        update("CREATE SCHEMA other");
        update("CREATE TABLE p (id BIGINT) WITH (owner = 'me')");
        update("CREATE TABLE q (id BIGINT)");
        update("ALTER TABLE p RENAME TO p2");
        assertFalse(jdbc.catalog().tableExists(TableIdentifier.of("db", "p")));
        assertEquals("me", jdbc.catalog().loadTable(TableIdentifier.of("db", "p2")).properties().get("owner"));
        update("ALTER TABLE db.p2 RENAME TO other.p3");
        assertTrue(jdbc.catalog().tableExists(TableIdentifier.of("other", "p3")));
        assertState("42S01", "ALTER TABLE q RENAME TO other.p3");
        assertState("3F000", "ALTER TABLE q RENAME TO nowhere.q");
      } finally {
        session = warehouseSession;
      }
    }
  }

  private long update(String sql) throws SQLException {
    try (QueryResult result = session.execute(sql)) {
      return result.updateCount();
    }
  }

  private List<List<Object>> query(String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }

  private String single(String sql) throws SQLException {
    List<List<Object>> rows = query(sql);
    assertEquals(1, rows.size());
    return (String) rows.get(0).get(0);
  }

  private SQLException assertState(String state, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> update(sql), sql);
    assertEquals(state, e.getSQLState(), e.getMessage());
    return e;
  }

  private static org.apache.iceberg.Table iceberg(Table table) {
    String metadata = table.metadata().metadataFileLocation();
    return new BaseTable(new StaticTableOperations(metadata, new HadoopFileIO(new Configuration())), table.name());
  }

  private static long countFiles(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
