package io.floe.engine.catalog;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.ResultRows;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types.DateType;
import org.apache.iceberg.types.Types.DecimalType;
import org.apache.iceberg.types.Types.IntegerType;
import org.apache.iceberg.types.Types.ListType;
import org.apache.iceberg.types.Types.LongType;
import org.apache.iceberg.types.Types.MapType;
import org.apache.iceberg.types.Types.StringType;
import org.apache.iceberg.types.Types.StructType;
import org.apache.iceberg.types.Types.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table with struct, list and map columns, written by Apache Iceberg's library as Spark would, read through Floe's
 * JDBC driver; Iceberg's generic reader is the oracle for every value.
 */
class NestedColumnsTest {
  private static final StructType POINT = StructType.of(optional(10, "x", IntegerType.get()),
      optional(11, "label", StringType.get()), optional(12, "born", DateType.get()));
  private static final StructType EVENT = StructType.of(optional(17, "seen", TimestampType.withoutZone()),
      optional(18, "kind", StringType.get()));
  private static final Schema SCHEMA = new Schema(required(1, "id", LongType.get()),
      optional(2, "p", POINT),
      optional(3, "tags", ListType.ofOptional(13, StringType.get())),
      optional(4, "scores", MapType.ofOptional(14, 15, StringType.get(), DecimalType.of(9, 2))),
      optional(5, "events", ListType.ofOptional(16, EVENT)));

  @TempDir
  Path warehouse;
  Connection connection;
  /** Iceberg's reading of the table: id -> the row's other columns, plain ({@link #plain}). */
  final Map<Long, List<Object>> expected = new TreeMap<>();
  /** Column p's type as Iceberg prints it. */
  String pointType;

  @BeforeEach
  void setUp() throws Exception {
    connection = DriverManager.getConnection("jdbc:floe:" + warehouse);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA s");
    }
    HadoopCatalog catalog = new HadoopCatalog(new Configuration(), warehouse.toString());
    Table table = catalog.createTable(TableIdentifier.of("s", "t"), SCHEMA);
    pointType = table.schema().findType("p").toString();
    Random random = new Random(42);
    for (int file = 0; file < 2; file++) {
      List<Record> rows = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        rows.add(row(random, file * 150L + i));
      }
      append(table, rows, "part-" + file + ".parquet");
    }
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record r : records) {
        List<Object> values = new ArrayList<>();
        for (int c = 1; c < r.size(); c++) {
          values.add(plain(r.get(c)));
        }
        expected.put((Long) r.get(0), values);
      }
    }
    catalog.close();
  }

  @AfterEach
  void tearDown() throws SQLException {
    connection.close();
  }

  private static Record row(Random random, long id) {
    Record row = GenericRecord.create(SCHEMA);
    row.setField("id", id);
    if (random.nextInt(6) > 0) {
      Record p = GenericRecord.create(POINT);
      p.setField("x", random.nextInt(5) == 0 ? null : random.nextInt(100));
      p.setField("label", random.nextInt(5) == 0 ? null : "L" + random.nextInt(4));
      p.setField("born", LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9000)));
      row.setField("p", p);
    }
    if (random.nextInt(6) > 0) {
      List<String> tags = new ArrayList<>();
      for (int n = random.nextInt(4); n > 0; n--) {
        tags.add(random.nextInt(5) == 0 ? null : "t" + random.nextInt(3));
      }
      row.setField("tags", tags);
    }
    if (random.nextInt(6) > 0) {
      Map<String, BigDecimal> scores = new LinkedHashMap<>();
      for (String key : List.of("a", "b", "c")) {
        if (random.nextBoolean()) {
          scores.put(key, random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(100_000), 2));
        }
      }
      row.setField("scores", scores);
    }
    List<Record> events = new ArrayList<>();
    for (int n = random.nextInt(3); n > 0; n--) {
      Record e = GenericRecord.create(EVENT);
      e.setField("seen", LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(random.nextInt(1_000_000)).plusNanos(123_000));
      e.setField("kind", random.nextBoolean() ? "open" : null);
      events.add(e);
    }
    row.setField("events", events);
    return row;
  }

  private static void append(Table table, List<Record> rows, String name) throws Exception {
    OutputFile out = table.io().newOutputFile(table.location() + "/data/" + name);
    // the table's schema: its field ids are the ones the catalog assigned, which the Parquet fields carry
    DataWriter<Record> writer = Parquet.writeData(out).schema(table.schema()).withSpec(PartitionSpec.unpartitioned())
        .createWriterFunc(type -> GenericParquetWriter.create(table.schema(), type)).overwrite().build();
    try (writer) {
      rows.forEach(writer::write);
    }
    table.newAppend().appendFile(writer.toDataFile()).commit();
  }

  /**
   * A value of either reader as plain Java: ROWs (Iceberg records, JDBC structs) and ARRAYs as lists, maps as maps,
   * dates and timestamps as java.time values, text as strings.
   */
  private static Object plain(Object value) throws SQLException {
    if (value instanceof java.sql.Array array) {
      return plain(Arrays.asList((Object[]) array.getArray()));
    }
    if (value instanceof java.sql.Struct struct) {
      return plain(Arrays.asList(struct.getAttributes()));
    }
    if (value instanceof Record record) {
      List<Object> fields = new ArrayList<>();
      for (int i = 0; i < record.size(); i++) {
        fields.add(record.get(i));
      }
      return plain(fields);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object element : list) {
        out.add(plain(element));
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.put(plain(entry.getKey()), plain(entry.getValue()));
      }
      return out;
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toLocalDateTime();
    }
    return value instanceof CharSequence text ? text.toString() : value;
  }

  /** The rows of {@code sql}, each value {@link #plain}. */
  private List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= width; c++) {
          row.add(plain(rs.getObject(c)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void everyColumnReadsAsIcebergReadsIt() throws Exception {
    List<List<Object>> rows = rows("SELECT * FROM s.t ORDER BY id");
    assertEquals(expected.size(), rows.size());
    for (List<Object> row : rows) {
      assertEquals(expected.get((Long) row.get(0)), row.subList(1, row.size()), "row " + row.get(0));
    }
    assertTrue(expected.values().stream().anyMatch(r -> r.get(0) == null), "some ROWs are NULL");
    assertTrue(expected.values().stream().anyMatch(r -> r.get(0) instanceof List<?> p && !p.contains(null)),
        "some ROWs have every field");
    assertTrue(expected.values().stream().anyMatch(r -> r.get(1) instanceof List<?> l && l.contains(null)),
        "some arrays hold NULL elements");
  }

  @Test
  void fieldsElementsAndMapValuesAsExpressions() throws Exception {
    List<List<Object>> rows = rows("SELECT id, p.x, t.p.label, p.born, tags[1], tags[3], cardinality(tags), "
        + "scores['b'], cardinality(scores), events[1].kind, events[2].seen, cardinality(events) FROM s.t ORDER BY id");
    assertEquals(expected.size(), rows.size());
    for (List<Object> row : rows) {
      List<Object> e = expected.get((Long) row.get(0));
      List<?> p = (List<?>) e.get(0);
      List<?> tags = (List<?>) e.get(1);
      Map<?, ?> scores = (Map<?, ?>) e.get(2);
      List<?> events = (List<?>) e.get(3);
      List<Object> want = Arrays.asList(row.get(0), field(p, 0), field(p, 1), field(p, 2), element(tags, 1),
          element(tags, 3), tags == null ? null : tags.size(), scores == null ? null : scores.get("b"),
          scores == null ? null : scores.size(), field(element(events, 1), 1), field(element(events, 2), 0),
          events.size());
      assertEquals(want, row, "row " + row.get(0));
    }
  }

  /** DuckDB, reading the table's Parquet files itself, gives the same fields, elements and lengths. */
  @Test
  void fieldsAndElementsAsDuckDbReadsTheSameParquetFiles() throws Exception {
    List<String> files;
    try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(warehouse.resolve("s/t/data"))) {
      files = walk.map(Path::toString).filter(f -> f.endsWith(".parquet")).sorted().toList();
    }
    assertEquals(2, files.size());
    String select = "SELECT id, p.x, p.label, tags[1], tags[3], %s(tags), events[2].kind FROM %s "
        + "WHERE p.x IS NULL OR p.x < 60 ORDER BY id";
    List<List<Object>> duck = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
         Statement statement = duckdb.createStatement();
         ResultSet rs = statement.executeQuery(String.format(select, "len", "read_parquet(['"
             + String.join("', '", files) + "'])"))) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= 7; c++) {
          row.add(rs.getObject(c));
        }
        duck.add(row);
      }
    }
    assertTrue(duck.size() > 100, "rows compared: " + duck.size());
    assertNull(ResultRows.difference(integral(rows(String.format(select, "cardinality", "s.t"))), integral(duck)));
  }

  /** Whole numbers as longs, whatever the width each engine gives them. */
  private static List<List<Object>> integral(List<List<Object>> rows) {
    return rows.stream().map(row -> row.stream().map(v -> v instanceof Integer || v instanceof Long
        ? (Object) ((Number) v).longValue() : v).toList()).toList();
  }

  @Test
  void arrayAndMapFunctions() throws Exception {
    List<List<Object>> rows = rows("SELECT id, array_contains(tags, 't1'), array_position(tags, 't1'), "
        + "array_to_string(tags, ','), array_join(tags, '-'), array_distinct(tags), map_keys(scores), "
        + "map_values(scores), map_contains_key(scores, 'a') FROM s.t ORDER BY id");
    assertEquals(expected.size(), rows.size());
    for (List<Object> row : rows) {
      List<?> tags = (List<?>) expected.get((Long) row.get(0)).get(1);
      Map<?, ?> scores = (Map<?, ?>) expected.get((Long) row.get(0)).get(2);
      List<String> present = tags == null ? null : tags.stream().filter(java.util.Objects::nonNull)
          .map(String.class::cast).toList();
      List<Object> want = Arrays.asList(row.get(0), tags == null ? null : tags.contains("t1"),
          tags == null ? null : (long) tags.indexOf("t1") + 1, present == null ? null : String.join(",", present),
          present == null ? null : String.join("-", present),
          tags == null ? null : new ArrayList<>(new java.util.LinkedHashSet<>(tags)),
          scores == null ? null : new ArrayList<>(scores.keySet()),
          scores == null ? null : new ArrayList<>(scores.values()), scores == null ? null : scores.containsKey("a"));
      assertEquals(want, row, "row " + row.get(0));
    }
    assertEquals(List.of(Arrays.asList(false, true, 0L, Arrays.asList(1, 2, null))), rows("SELECT "
        + "array_contains(ARRAY['a', NULL], 'b'), array_contains(ARRAY['a', NULL], 'a'), array_position(ARRAY[1], 5), "
        + "array_distinct(ARRAY[1, 2, 1, NULL, NULL])"));
  }

  private static Object element(List<?> list, int position) {
    return list == null || position > list.size() ? null : list.get(position - 1);
  }

  private static Object field(Object row, int index) {
    return row == null ? null : ((List<?>) row).get(index);
  }

  @Test
  void aNullRowStaysNullThroughJoinsUnionsAndGrouping() throws Exception {
    List<List<Object>> direct = rows("SELECT id, p FROM s.t ORDER BY id");
    assertEquals(direct, rows("SELECT a.id, a.p FROM s.t a JOIN s.t b ON a.id = b.id ORDER BY a.id"));
    long nullRows = expected.values().stream().filter(r -> r.get(0) == null).count();
    assertEquals(List.of(List.of(nullRows)),
        rows("SELECT count(*) FROM (SELECT p FROM s.t UNION ALL SELECT p FROM s.t WHERE false) WHERE p IS NULL"));
    Map<Object, Long> groups = new java.util.HashMap<>();
    expected.values().forEach(r -> groups.merge(r.get(0), 1L, Long::sum));
    Map<Object, Long> grouped = new java.util.HashMap<>();
    for (List<Object> row : rows("SELECT p, count(*) FROM s.t GROUP BY p")) {
      assertEquals(null, grouped.put(row.get(0), ((Number) row.get(1)).longValue()), "one group per ROW value");
    }
    assertEquals(groups, grouped);
    assertEquals(new HashSet<>(expected.values().stream().map(r -> r.get(1)).toList()).size(),
        rows("SELECT DISTINCT tags FROM s.t").size());
  }

  @Test
  void filtersOnFieldsAndNestedColumns() throws Exception {
    assertEquals(ids(r -> r.get(0) instanceof List<?> p && p.get(0) != null && (Integer) p.get(0) > 50
            && r.get(1) instanceof List<?> tags && tags.size() >= 2),
        rows("SELECT id FROM s.t WHERE p.x > 50 AND cardinality(tags) >= 2 ORDER BY id"));
    assertEquals(ids(r -> r.get(1) == null), rows("SELECT id FROM s.t WHERE tags IS NULL ORDER BY id"));
    assertEquals(ids(r -> r.get(0) == null), rows("SELECT id FROM s.t WHERE p IS NULL ORDER BY id"));
    assertEquals(ids(r -> r.get(2) instanceof Map<?, ?> m && m.containsKey("a") && m.get("a") != null),
        rows("SELECT id FROM s.t WHERE scores['a'] IS NOT NULL ORDER BY id"));
    assertEquals(ids(r -> r.get(0) instanceof List<?> p && "L2".equals(p.get(1))),
        rows("SELECT id FROM s.t WHERE p.label = 'L2' ORDER BY id"));
    // a struct field's bounds in the manifests prune files, as a column's do
    String plan = String.join("\n", rows("EXPLAIN SELECT id FROM s.t WHERE p.x > 1000").stream()
        .map(r -> (String) r.get(0)).toList());
    assertTrue(plan.contains("pushed filter: p.x > 1000") && plan.contains("files kept 0 of 2"), plan);
    assertEquals(List.of(), rows("SELECT id FROM s.t WHERE p.x > 1000"));
  }

  private List<List<Object>> ids(java.util.function.Predicate<List<Object>> test) {
    List<List<Object>> out = new ArrayList<>();
    expected.forEach((id, row) -> {
      if (test.test(row)) {
        out.add(List.of(id));
      }
    });
    return out;
  }

  @Test
  void unnestOfArraysMapsAndArraysOfRows() throws Exception {
    List<List<Object>> tags = new ArrayList<>();
    List<List<Object>> tagsOuter = new ArrayList<>();
    List<List<Object>> entries = new ArrayList<>();
    List<List<Object>> events = new ArrayList<>();
    expected.forEach((id, row) -> {
      List<?> list = row.get(1) == null ? List.of() : (List<?>) row.get(1);
      for (int i = 0; i < list.size(); i++) {
        tags.add(Arrays.asList(id, list.get(i), i + 1));
        tagsOuter.add(Arrays.asList(id, list.get(i)));
      }
      if (list.isEmpty()) {
        tagsOuter.add(Arrays.asList(id, null));
      }
      if (row.get(2) != null) {
        ((Map<?, ?>) row.get(2)).forEach((k, v) -> entries.add(Arrays.asList(id, k, v)));
      }
      for (Object event : (List<?>) row.get(3)) {
        events.add(Arrays.asList(id, ((List<?>) event).get(0), ((List<?>) event).get(1)));
      }
    });
    assertTrue(tagsOuter.size() > tags.size(), "some rows have no tags");
    assertEquals(tags, rows("SELECT t.id, u.tag, u.n FROM s.t CROSS JOIN UNNEST(t.tags) WITH ORDINALITY AS u(tag, n) "
        + "ORDER BY t.id, u.n"));
    // one input row's elements come out in order: ordered by id alone (stably), the rows are as expected
    assertEquals(tagsOuter, byId(rows("SELECT t.id, u.tag FROM s.t LEFT JOIN UNNEST(t.tags) AS u(tag) ON TRUE")));
    assertEquals(entries, byId(rows("SELECT t.id, m.k, m.v FROM s.t CROSS JOIN UNNEST(t.scores) AS m(k, v)")));
    assertEquals(events,
        byId(rows("SELECT t.id, e.seen, e.kind FROM s.t CROSS JOIN UNNEST(t.events) AS e(seen, kind)")));
    assertEquals(List.of(List.of((long) events.size())), rows("SELECT count(*) FROM s.t, UNNEST(t.events)"));
    assertEquals(List.of(List.of(1, 1), List.of(3, 2)), rows("SELECT * FROM UNNEST(ARRAY[1, 3]) WITH ORDINALITY"));
    SQLException two = assertThrows(SQLException.class,
        () -> rows("SELECT t.id FROM s.t CROSS JOIN UNNEST(t.tags, t.events) AS u(a, b, c)"));
    assertEquals("0A000", two.getSQLState(), two.getMessage());
    assertTrue(two.getMessage().contains("UNNEST of 2 collections"), two.getMessage());
  }

  private static List<List<Object>> byId(List<List<Object>> rows) {
    List<List<Object>> sorted = new ArrayList<>(rows);
    sorted.sort(java.util.Comparator.comparing(row -> (Long) row.get(0)));
    return sorted;
  }

  /** Tables with nested columns made by CREATE TABLE and CREATE TABLE AS, written by INSERT, read by Iceberg. */
  @Test
  void nestedColumnsAreCreatedAndWrittenAsIcebergReadsThem() throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE s.w (id BIGINT NOT NULL, p ROW(x INT, label VARCHAR), tags VARCHAR ARRAY, "
          + "m MAP<VARCHAR, DECIMAL(9, 2)>, evs ROW(seen TIMESTAMP, d DATE) ARRAY)");
      statement.executeUpdate("INSERT INTO s.w VALUES (-1, ROW(NULL, 'n'), ARRAY['a', NULL], MAP['k', 1.5, 'z', NULL], "
          + "ARRAY[ROW(TIMESTAMP '2024-05-06 07:08:09.123456', DATE '2024-05-06'), NULL]), "
          + "(-2, NULL, ARRAY['only'], NULL, NULL)");
      statement.executeUpdate("INSERT INTO s.w SELECT id, ROW(p.x, p.label), tags, scores, NULL FROM s.t");
      statement.execute("CREATE TABLE s.c AS SELECT id, p, tags, scores, events FROM s.t");
    }
    HadoopCatalog catalog = new HadoopCatalog(new Configuration(), warehouse.toString());
    for (String name : List.of("w", "c")) {
      Map<Object, List<Object>> iceberg = new TreeMap<>();
      try (CloseableIterable<Record> records = IcebergGenerics.read(catalog.loadTable(TableIdentifier.of("s", name)))
          .build()) {
        for (Record r : records) {
          iceberg.put(r.get(0), (List<Object>) plain(r));
        }
      }
      Map<Object, List<Object>> floe = new TreeMap<>();
      for (List<Object> row : rows("SELECT * FROM s." + name)) {
        floe.put(row.get(0), row);
      }
      assertEquals(expected.size() + (name.equals("w") ? 2 : 0), floe.size());
      assertEquals(iceberg, floe, "table " + name + " as Iceberg reads it");
    }
    catalog.close();
    List<List<Object>> w = rows("SELECT p.label, tags[2], m['k'], m['z'], evs[1].seen, evs[1].d, cardinality(evs) "
        + "FROM s.w WHERE id = -1");
    assertEquals(List.of(Arrays.asList("n", null, new BigDecimal("1.50"), null,
        LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000), LocalDate.of(2024, 5, 6), 2)), w);
    assertEquals(List.of(expected.values().stream().map(r -> r.get(0)).toList()),
        List.of(rows("SELECT p FROM s.c ORDER BY id").stream().map(r -> r.get(0)).toList()));
    try (Statement statement = connection.createStatement()) {
      assertEquals(1, statement.executeUpdate("UPDATE s.w SET tags = ARRAY['u'], p = ROW(5, 'upd') WHERE id = -1"));
      assertEquals(List.of(List.of("upd", "u")), rows("SELECT p.label, tags[1] FROM s.w WHERE id = -1"));
      assertEquals(1, statement.executeUpdate("DELETE FROM s.w WHERE p.label = 'upd'"));
    }
    // SHOW CREATE TABLE's statement makes a table of the same types
    String ddl = (String) rows("SHOW CREATE TABLE s.w").get(0).get(0);
    try (Statement statement = connection.createStatement()) {
      statement.execute(ddl.replace("\"s\".\"w\"", "\"s\".\"w2\""));
    }
    assertEquals(rows("DESCRIBE s.w").stream().map(r -> r.get(1)).toList(),
        rows("DESCRIBE s.w2").stream().map(r -> r.get(1)).toList());
  }

  /** A sort and an aggregation that spill write nested values to their spill files and read them back. */
  @Test
  void nestedValuesSpill() throws Exception {
    try (Statement statement = connection.createStatement()) {
      for (int copy = 1; copy <= 256; copy *= 2) {
        statement.executeUpdate("INSERT INTO s.t SELECT id + " + copy * 1000 + ", p, tags, scores, events FROM s.t");
      }
    }
    String sort = "SELECT id, p, tags, scores, events FROM t ORDER BY p.label, id";
    // a group per row, each keyed by a ROW and an array: what the aggregation spills
    String group = "SELECT p, tags, id, count(*) FROM t GROUP BY p, tags, id";
    List<List<Object>> sorted;
    List<List<Object>> grouped;
    try (io.floe.engine.FloeSession session = io.floe.engine.FloeSession.open(warehouse, "s")) {
      sorted = ResultRows.query(session, sort);
      grouped = ResultRows.query(session, group);
      assertEquals(0, session.spillDirectory().filesCreated());
    }
    assertEquals(sorted, underEightMiB(sort), "the sort spilled");
    assertEquals(new HashSet<>(grouped), new HashSet<>(underEightMiB(group)), "the aggregation spilled");
  }

  /** The rows of {@code sql} on one worker under a memory limit of 8 MiB, having spilled. */
  private List<List<Object>> underEightMiB(String sql) throws Exception {
    try (io.floe.engine.FloeSession session = io.floe.engine.FloeSession.open(warehouse, "s")) {
      session.workers(1).memoryLimit(8 * 1024 * 1024);
      List<List<Object>> rows = ResultRows.query(session, sql);
      assertTrue(session.spillDirectory().filesCreated() > 0, "spilled: " + sql);
      return rows;
    }
  }

  @Test
  void orderingOrComparingNestedValuesAndWritingThemAreRefused() throws Exception {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("SELECT tags FROM s.t ORDER BY tags", "ORDER BY on a value of type VARCHAR ARRAY");
    refused.put("SELECT id FROM s.t ORDER BY p", "ORDER BY on a value of type ROW(x INTEGER");
    refused.put("SELECT max(scores) FROM s.t", "MAX on a value of type");
    refused.put("SELECT id FROM s.t WHERE tags = ARRAY['t1']", "comparing values of type VARCHAR ARRAY (=)");
    refused.put("SELECT a.id FROM s.t a JOIN s.t b ON a.p = b.p", "comparing values of type ROW(");
    for (Map.Entry<String, String> statement : refused.entrySet()) {
      SQLException e = assertThrows(SQLException.class, () -> {
        try (Statement s = connection.createStatement()) {
          s.execute(statement.getKey());
        }
      }, statement.getKey());
      assertEquals("0A000", e.getSQLState(), statement.getKey() + ": " + e.getMessage());
      assertTrue(e.getMessage().contains(statement.getValue()), e.getMessage());
    }
    assertEquals(List.of(List.of((long) expected.size())), rows("SELECT count(*) FROM s.t"));
  }

  @Test
  void jdbcDescribesNestedColumns() throws Exception {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT p, tags, scores FROM s.t WHERE tags IS NOT NULL ORDER BY id")) {
      ResultSetMetaData meta = rs.getMetaData();
      assertEquals(List.of(Types.STRUCT, Types.ARRAY, Types.JAVA_OBJECT),
          List.of(meta.getColumnType(1), meta.getColumnType(2), meta.getColumnType(3)));
      assertEquals(List.of("ROW", "ARRAY", "MAP"),
          List.of(meta.getColumnTypeName(1), meta.getColumnTypeName(2), meta.getColumnTypeName(3)));
      assertTrue(rs.next());
      assertEquals("VARCHAR", rs.getArray(2).getBaseTypeName());
      assertEquals(rs.getArray(2).toString(), rs.getString(2));
      assertEquals("22018", assertThrows(SQLException.class, () -> rs.getArray(1)).getSQLState());
    }
    List<List<Object>> columns = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getColumns(null, "s", "t", null)) {
      while (rs.next()) {
        columns.add(List.of(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")));
      }
    }
    assertEquals(List.of(List.of("id", Types.BIGINT, "BIGINT"), List.of("p", Types.STRUCT, "ROW"),
        List.of("tags", Types.ARRAY, "ARRAY"), List.of("scores", Types.JAVA_OBJECT, "MAP"),
        List.of("events", Types.ARRAY, "ARRAY")), columns);
    // nested types in Iceberg's notation, with the field ids Iceberg's catalog assigned
    assertEquals(List.of(List.of("id", "BIGINT"), List.of("p", pointType), List.of("tags", "list<string>")),
        rows("DESCRIBE s.t").stream().limit(3).map(r -> List.of(r.get(0), r.get(1))).toList());
  }
}
