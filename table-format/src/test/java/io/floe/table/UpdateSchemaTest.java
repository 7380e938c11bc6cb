package io.floe.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.metadata.TableMetadata;
import io.floe.partition.PartitionSpec;
import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Types;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Each schema change and each refused change, the ids and versions they produce, and concurrent changes. */
class UpdateSchemaTest {
  static final Schema NESTED = new Schema(0, List.of(
      NestedField.required(1, "id", Types.LONG),
      NestedField.optional(2, "i", Types.INT),
      NestedField.optional(3, "s", Types.STRING),
      NestedField.optional(4, "st", Types.struct(
          NestedField.optional(5, "a", Types.INT),
          NestedField.required(6, "b", Types.INT))),
      NestedField.optional(7, "lst", Types.list(8, Types.struct(NestedField.optional(9, "x", Types.INT)), true)),
      NestedField.optional(10, "mp", Types.map(11, Types.STRING, 12, Types.INT, true)),
      NestedField.optional(13, "dec", Types.decimal(9, 2)),
      NestedField.optional(14, "fl", Types.FLOAT),
      NestedField.required(15, "ts", Types.TIMESTAMP)), Set.of(1));

  private static final Map<String, String> PATIENT = Map.of("commit.retry.num-retries", "200",
      "commit.retry.min-wait-ms", "2", "commit.retry.max-wait-ms", "100");

  @TempDir
  Path dir;

  private Table create(Schema schema, PartitionSpec spec) {
    return new Tables(new LocalFileIO()).create(schema, spec, dir.resolve("t").toString(), PATIENT);
  }

  private Table create() {
    return create(NESTED, PartitionSpec.builderFor(NESTED).day("ts").build());
  }

  private long versions() throws IOException {
    try (var files = Files.list(dir.resolve("t/metadata"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".metadata.json")).count();
    }
  }

  @Test
  void addColumnWritesAMetadataVersionButNoSnapshot() throws Exception {
    Table table = create();
    table.newAppend().appendRecords(List.of(EvolutionRows.rec(NESTED.asStruct(), "id", 1L, "ts",
        java.time.LocalDateTime.of(2026, 1, 1, 0, 0), "st", EvolutionRows.rec(NESTED.findField("st").type().asStruct(),
            "b", 1)))).commit();
    long snapshotId = table.currentSnapshot().snapshotId();
    long before = versions();
    Schema schema = table.updateSchema().addColumn("email", Types.STRING, "contact").commit();
    assertEquals(before + 1, versions(), "one new metadata version");
    assertEquals(1, table.snapshots().size(), "no new snapshot");
    assertEquals(snapshotId, table.currentSnapshot().snapshotId());
    NestedField email = schema.findField("email");
    assertEquals(16, email.id());
    assertFalse(email.required());
    assertEquals("contact", email.doc());
    assertEquals(1, schema.schemaId());
    assertEquals(16, table.metadata().lastColumnId());
    assertEquals(2, table.metadata().schemas().size());
    assertEquals(0, table.metadata().snapshots().get(0).schemaId(), "the snapshot keeps the schema it was written with");

    Table reloaded = new Tables(new LocalFileIO()).load(table.location());
    assertTrue(reloaded.schema().sameColumns(schema));
    assertEquals(1, reloaded.metadata().currentSchemaId());
    assertEquals(table.metadata().metadataLog().size(), reloaded.metadata().metadataLog().size());
  }

  @Test
  void nestedTypesGetFreshIds() {
    Table table = create();
    Schema schema = table.updateSchema()
        .addColumn("props", Types.struct(
            NestedField.optional(1, "k", Types.STRING),
            NestedField.optional(2, "tags", Types.list(3, Types.STRING, false)),
            NestedField.optional(4, "m", Types.map(5, Types.STRING, 6, Types.LONG, true))))
        .addColumn("st", "c", Types.list(1, Types.INT, true))
        .addColumn("lst", "y", Types.STRING)
        .commit();
    assertEquals(16, schema.findField("props").id());
    assertEquals(17, schema.findField("props.k").id());
    assertEquals(18, schema.findField("props.tags").id());
    assertEquals(19, schema.findField("props.m").id());
    assertEquals(20, schema.findField("props.tags.element").id());
    assertEquals(21, schema.findField("props.m.key").id());
    assertEquals(22, schema.findField("props.m.value").id());
    assertEquals(23, schema.findField("st.c").id());
    assertEquals(24, schema.findField("st.c.element").id());
    assertEquals(25, schema.findField("lst.element.y").id());
    assertEquals(25, table.metadata().lastColumnId());
  }

  @Test
  void renameUpdateOptionalDocAndMove() {
    Table table = create();
    Schema schema = table.updateSchema()
        .renameColumn("s", "label")
        .renameColumn("st.a", "alpha")
        .renameColumn("lst.element.x", "ex")
        .updateColumn("i", Types.LONG)
        .updateColumn("fl", Types.DOUBLE)
        .updateColumn("dec", Types.decimal(20, 2))
        .updateColumn("mp.value", Types.LONG)
        .makeColumnOptional("st.b")
        .makeColumnOptional("lst.element")
        .updateColumnDoc("i", "a counter")
        .moveFirst("ts")
        .moveAfter("id", "dec")
        .moveBefore("st.b", "st.a")
        .commit();
    assertEquals(List.of("ts", "i", "label", "st", "lst", "mp", "dec", "id", "fl"), schema.columnNames());
    assertEquals("label", schema.findField(3).name());
    assertEquals("st.alpha", schema.findColumnName(5));
    assertEquals("lst.element.ex", schema.findColumnName(9));
    assertEquals(Types.LONG, schema.findField("i").type());
    assertEquals("a counter", schema.findField("i").doc());
    assertEquals(Types.DOUBLE, schema.findField("fl").type());
    assertEquals(Types.decimal(20, 2), schema.findField("dec").type());
    assertEquals(Types.LONG, ((MapType) schema.findField("mp").type()).valueType());
    assertFalse(schema.findField("st.b").required());
    assertFalse(((ListType) schema.findField("lst").type()).elementRequired());
    assertEquals(List.of("b", "alpha"), ((StructType) schema.findField("st").type()).fields().stream().map(NestedField::name).toList());
    assertEquals(15, table.metadata().lastColumnId(), "no new ids");
    assertEquals(Set.of(1), schema.identifierFieldIds());
    assertTrue(new Tables(new LocalFileIO()).load(table.location()).schema().sameColumns(schema));
  }

  @Test
  void anIdenticalSchemaReusesItsIdAndANoOpWritesNothing() throws Exception {
    Table table = create();
    table.updateSchema().addColumn("tmp", Types.INT).commit();
    assertEquals(1, table.metadata().currentSchemaId());
    table.updateSchema().deleteColumn("tmp").commit();
    assertEquals(0, table.metadata().currentSchemaId(), "the schema is schema 0 again");
    assertEquals(2, table.metadata().schemas().size());
    assertEquals(16, table.metadata().lastColumnId(), "ids are never reused");

    long before = versions();
    table.updateSchema().commit();
    table.updateSchema().updateColumn("i", Types.INT).makeColumnOptional("s").updateColumnDoc("s", null).commit();
    assertEquals(before, versions(), "no-op changes write nothing");

    table.updateSchema().addColumn("tmp", Types.INT).commit();
    assertEquals(2, table.metadata().currentSchemaId(), "a column with a new id is a new schema");
  }

  @Test
  void dropAPartitionSourceOnlyAfterRemovingThePartitionField() {
    Table table = create();
    table.newAppend().appendRecords(List.of(EvolutionRows.rec(NESTED.asStruct(), "id", 1L, "ts",
        java.time.LocalDateTime.of(2026, 1, 1, 0, 0), "st", EvolutionRows.rec(NESTED.findField("st").type().asStruct(),
            "b", 1)))).commit();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> table.updateSchema().deleteColumn("ts"));
    assertTrue(e.getMessage().contains("'ts'") && e.getMessage().contains("ts_day"), e.getMessage());

    table.updateSpec().removeField("ts_day").commit();
    table.updateSchema().deleteColumn("ts").commit();
    assertNull(table.schema().findField("ts"));
    Table reloaded = new Tables(new LocalFileIO()).load(table.location());
    assertEquals("ts", reloaded.metadata().specById(0).schema().findColumnName(15),
        "the old spec stays bound to the schema that has its source");
    List<Record> rows = reloaded.newScan().records();
    assertEquals(1, rows.size());
    assertEquals(8, rows.get(0).size());
  }

  @Test
  void identifierFields() {
    Table table = create();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> table.updateSchema().deleteColumn("id").commit());
    assertTrue(e.getMessage().contains("'id'") && e.getMessage().contains("identifier"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> table.updateSchema().makeColumnOptional("id").commit());
    assertTrue(e.getMessage().contains("'id'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> table.updateSchema().setIdentifierFields("fl").commit());
    assertTrue(e.getMessage().contains("'fl'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> table.updateSchema().setIdentifierFields("st.b").commit());
    assertTrue(e.getMessage().contains("'st.b'") && e.getMessage().contains("optional struct 'st'"), e.getMessage());

    Schema s = table.updateSchema().setIdentifierFields("ts").deleteColumn("id").commit();
    assertEquals(Set.of(15), s.identifierFieldIds());
    s = table.updateSchema().renameColumn("ts", "time").commit();
    assertEquals(Set.of(15), s.identifierFieldIds(), "renames keep identifier fields");
  }

  @Test
  void invalidChangesNameTheColumn() {
    Table table = create();
    assertRefused("'email'", () -> table.updateSchema().addRequiredColumn("email", Types.STRING));
    assertRefused("'st.z'", () -> table.updateSchema().addRequiredColumn("st", "z", Types.STRING));
    assertRefused("'s'", () -> table.updateSchema().addColumn("s", Types.INT));
    assertRefused("'st.a'", () -> table.updateSchema().addColumn("st", "a", Types.INT));
    assertRefused("'x'", () -> table.updateSchema().addColumn("x", Types.INT).addColumn("x", Types.LONG));
    assertRefused("'a.b'", () -> table.updateSchema().addColumn("a.b", Types.INT));
    assertRefused("'x.y'", () -> table.updateSchema().addColumn("st", "x.y", Types.INT));
    assertRefused("'mp'", () -> table.updateSchema().addColumn("mp", "x", Types.INT));
    assertRefused("'nope'", () -> table.updateSchema().addColumn("nope", "x", Types.INT));
    assertRefused("'i'", () -> table.updateSchema().addColumn("i", "x", Types.INT));
    assertRefused("'nope'", () -> table.updateSchema().deleteColumn("nope"));
    assertRefused("'nope'", () -> table.updateSchema().renameColumn("nope", "x"));
    assertRefused("'nope'", () -> table.updateSchema().updateColumn("nope", Types.LONG));
    assertRefused("'nope'", () -> table.updateSchema().makeColumnOptional("nope"));
    assertRefused("'nope'", () -> table.updateSchema().updateColumnDoc("nope", "x"));
    assertRefused("'nope'", () -> table.updateSchema().moveFirst("nope"));
    assertRefused("'nope'", () -> table.updateSchema().moveAfter("i", "nope"));
    // narrowing and other type changes
    assertRefused("'id'", () -> table.updateSchema().updateColumn("id", Types.INT));
    assertRefused("'i'", () -> table.updateSchema().updateColumn("i", Types.STRING));
    assertRefused("'i'", () -> table.updateSchema().updateColumn("i", Types.DOUBLE));
    assertRefused("'fl'", () -> table.updateSchema().updateColumn("fl", Types.INT));
    assertRefused("'dec'", () -> table.updateSchema().updateColumn("dec", Types.decimal(8, 2)));
    assertRefused("'dec'", () -> table.updateSchema().updateColumn("dec", Types.decimal(12, 3)));
    assertRefused("'st'", () -> table.updateSchema().updateColumn("st", Types.LONG));
    assertRefused("'mp.key'", () -> table.updateSchema().updateColumn("mp.key", Types.LONG));
    assertRefused("'ts'", () -> table.updateSchema().updateColumn("ts", Types.TIMESTAMPTZ));
    // duplicate names after renames and adds
    assertRefused("'i'", () -> table.updateSchema().renameColumn("s", "i").commit());
    assertRefused("'st.a'", () -> table.updateSchema().renameColumn("st.b", "a").commit());
    assertRefused("'s'", () -> table.updateSchema().renameColumn("s", "a.b"));
    assertRefused("'lst.element'", () -> table.updateSchema().deleteColumn("lst.element"));
    assertRefused("'mp.value'", () -> table.updateSchema().renameColumn("mp.value", "v"));
    // conflicting changes within one update
    assertRefused("'s'", () -> table.updateSchema().deleteColumn("s").renameColumn("s", "t"));
    assertRefused("'s'", () -> table.updateSchema().renameColumn("s", "t").deleteColumn("s"));
    assertRefused("'st'", () -> table.updateSchema().addColumn("st", "c", Types.INT).deleteColumn("st"));
    assertRefused("'st'", () -> table.updateSchema().deleteColumn("st").addColumn("st", "c", Types.INT));
    assertRefused("'st'", () -> table.updateSchema().deleteColumn("st.a").deleteColumn("st.b").commit());
    // moves
    assertRefused("'st.a'", () -> table.updateSchema().moveBefore("st.a", "i"));
    assertRefused("'i'", () -> table.updateSchema().moveAfter("i", "i"));
    assertRefused("'lst.element'", () -> table.updateSchema().moveFirst("lst.element"));
    table.updateSpec().removeField("ts_day").commit();
    assertRefused("every column", () -> {
      UpdateSchema u = table.updateSchema().setIdentifierFields();
      for (String c : NESTED.columnNames()) {
        u.deleteColumn(c);
      }
      u.commit();
    });
    assertEquals(0, table.refresh().metadata().currentSchemaId(), "nothing was committed");
    assertTrue(table.schema().sameColumns(NESTED));
  }

  @Test
  void mapKeysNeverChange() {
    Schema schema = new Schema(NestedField.required(1, "id", Types.LONG),
        NestedField.optional(2, "mk", Types.map(3, Types.struct(NestedField.required(5, "a", Types.INT),
            NestedField.required(6, "b", Types.INT)), 4, Types.STRING, false)));
    Table table = create(schema, PartitionSpec.unpartitioned(schema));
    assertRefused("'mk.key.a'", () -> table.updateSchema().deleteColumn("mk.key.a"));
    assertRefused("'mk.key.a'", () -> table.updateSchema().renameColumn("mk.key.a", "c"));
    assertRefused("'mk.key.a'", () -> table.updateSchema().updateColumn("mk.key.a", Types.LONG));
    assertRefused("'mk.key.a'", () -> table.updateSchema().updateColumnDoc("mk.key.a", "x"));
    assertRefused("'mk.key'", () -> table.updateSchema().addColumn("mk.key", "c", Types.INT));
    assertRefused("'mk.key'", () -> table.updateSchema().deleteColumn("mk.key"));
    Schema s = table.updateSchema().makeColumnOptional("mk.value").updateColumnDoc("mk", "a map").commit();
    assertFalse(((MapType) s.findField("mk").type()).valueRequired());
  }

  @Test
  void aRefusedCallLeavesTheUpdateUsable() {
    Table table = create();
    UpdateSchema update = table.updateSchema().addColumn("a", Types.INT);
    assertThrows(IllegalArgumentException.class, () -> update.updateColumn("a", Types.STRING));
    Schema s = update.updateColumn("a", Types.LONG).commit();
    assertEquals(Types.LONG, s.findField("a").type());
    assertThrows(IllegalStateException.class, update::commit);
  }

  @Test
  void aLostRaceReappliesTheChangeToTheNewSchema() {
    Table table = create();
    Table other = new Tables(new LocalFileIO()).load(table.location());
    UpdateSchema mine = table.updateSchema().addColumn("mine", Types.INT).renameColumn("s", "label");
    other.updateSchema().addColumn("theirs", Types.STRING).commit();
    Schema s = mine.commit();
    assertEquals(16, s.findField("theirs").id());
    assertEquals(17, s.findField("mine").id(), "ids of the re-applied change come after the other commit's");
    assertEquals("label", s.findField(3).name());
    assertEquals(2, table.metadata().currentSchemaId());
    assertEquals(3, table.metadata().schemas().size());
  }

  @Test
  void aLostRaceThatMadeTheChangeInvalidFails() {
    Table table = create();
    Table other = new Tables(new LocalFileIO()).load(table.location());
    UpdateSchema rename = table.updateSchema().renameColumn("s", "label");
    UpdateSchema add = table.updateSchema().addColumn("x", Types.INT);
    UpdateSchema widen = table.updateSchema().updateColumn("i", Types.LONG);
    other.updateSchema().renameColumn("s", "text").addColumn("x", Types.STRING).deleteColumn("i").commit();
    assertRefused("'s'", rename::commit);
    assertRefused("'x'", add::commit);
    assertRefused("'i'", widen::commit);
    assertTrue(table.refresh().schema().sameColumns(other.schema()));
  }

  @Test
  void threadsAddingColumnsAllLand() throws Exception {
    Table table = create();
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      String column = "c" + w;
      futures.add(pool.submit(() -> new Tables(new LocalFileIO()).load(table.location())
          .updateSchema().addColumn(column, Types.LONG).commit()));
    }
    for (Future<?> f : futures) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertAllAdded(new Tables(new LocalFileIO()).load(table.location()), writers);
  }

  @Test
  void processesAddingColumnsAllLand() throws Exception {
    Table table = create();
    int writers = 4;
    List<Process> processes = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      processes.add(ChildJvm.start(SchemaWorker.class, dir.resolve("worker-" + w + ".log"), table.location(), "c" + w));
    }
    for (int w = 0; w < writers; w++) {
      Process p = processes.get(w);
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "worker " + w + " finished");
      assertEquals(0, p.exitValue(), "worker " + w + " failed: " + Files.readString(dir.resolve("worker-" + w + ".log")));
    }
    assertAllAdded(new Tables(new LocalFileIO()).load(table.location()), writers);
  }

  private static void assertAllAdded(Table t, int writers) {
    Set<String> added = new TreeSet<>();
    Set<Integer> ids = new TreeSet<>();
    for (NestedField f : t.schema().columns()) {
      if (f.name().matches("c\\d")) {
        added.add(f.name());
        ids.add(f.id());
      }
    }
    assertEquals(writers, added.size(), "every column landed: " + t.schema());
    assertEquals(writers, ids.size());
    assertEquals(15 + writers, t.metadata().lastColumnId());
    assertEquals(writers + 1, t.metadata().schemas().size(), "one schema per change");
    TableMetadata m = t.metadata();
    assertEquals(writers, m.metadataLog().size(), "one metadata version per change");
    assertTrue(t.snapshots().isEmpty(), "no snapshots");
  }

  static void assertRefused(String expectedInMessage, Executable change) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, change);
    assertTrue(e.getMessage().contains(expectedInMessage), "'" + expectedInMessage + "' not in: " + e.getMessage());
  }

  /** A process that adds one column: {@code SchemaWorker <table> <column>}. */
  public static final class SchemaWorker {
    private SchemaWorker() {
    }

    public static void main(String[] args) {
      Table table = new Tables(new LocalFileIO()).load(args[0]);
      Schema s = table.updateSchema().addColumn(args[1], Types.LONG).commit();
      System.out.println("added " + args[1] + " as field " + s.findField(args[1]).id());
    }
  }
}
