package io.floe.engine.timetravel;

import static io.floe.engine.VersionedWarehouse.timestampLiteral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.engine.catalog.FloeCalciteTable;
import io.floe.engine.catalog.FloeSchema;
import io.floe.engine.planner.FloeTableScan;
import io.floe.table.Table;
import io.floe.types.Types;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.schema.SchemaPlus;
import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import io.floe.engine.VersionedWarehouse;
import io.floe.engine.planner.SqlPlanner;
import io.floe.metadata.Snapshot;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code FOR SYSTEM_TIME AS OF} and {@code FOR VERSION AS OF} over a table with several snapshots. */
class TimeTravelSqlTest {
  @TempDir
  static Path warehouse;

  private static VersionedWarehouse tables;
  private static FloeSession session;

  @BeforeAll
  static void setUp() throws Exception {
    tables = new VersionedWarehouse(warehouse);
    session = FloeSession.open(tables.catalog, "tt");
  }

  @AfterAll
  static void tearDown() {
    session.close();
    tables.close();
  }

  private static List<List<Object>> rows(String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }

  /** (id, name, qty) of every row of {@code snapshot} read through the Table API, by id. */
  private static List<List<Object>> expected(long snapshotId) {
    List<List<Object>> rows = new ArrayList<>();
    for (Record r : tables.items.newScan().useSnapshot(snapshotId).records()) {
      rows.add(java.util.Arrays.asList(r.get(0), r.get(1), r.get(2)));
    }
    rows.sort(Comparator.comparing(row -> (Long) row.get(0)));
    return rows;
  }

  @Test
  void asOfTimestampReadsTheSnapshotCurrentThen() throws SQLException {
    for (Snapshot s : tables.itemSnapshots) {
      String sql = "SELECT id, name, qty FROM items FOR SYSTEM_TIME AS OF "
          + timestampLiteral(s.timestampMs(), ZoneOffset.UTC) + " ORDER BY id";
      assertEquals(expected(s.snapshotId()), rows(sql), sql);
    }
    // between two commits: the earlier snapshot
    Snapshot second = tables.itemSnapshots.get(1);
    long between = tables.itemSnapshots.get(2).timestampMs() - 1;
    assertTrue(between >= second.timestampMs());
    assertEquals(expected(second.snapshotId()), rows("SELECT id, name, qty FROM items FOR SYSTEM_TIME AS OF "
        + timestampLiteral(between, ZoneOffset.UTC) + " ORDER BY id"));
  }

  @Test
  void timestampsAreReadInTheSessionTimeZone() throws SQLException {
    Snapshot first = tables.itemSnapshots.get(0);
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    String tokyoSql = "SELECT count(*) FROM items FOR SYSTEM_TIME AS OF "
        + timestampLiteral(first.timestampMs(), tokyo);
    try {
      session.timeZone(tokyo);
      assertEquals(List.of(List.of(5L)), rows(tokyoSql));
    } finally {
      session.timeZone(ZoneOffset.UTC);
    }
    // the same wall-clock time read in UTC is nine hours later: the current snapshot then
    assertEquals(List.of(List.of(7L)), rows(tokyoSql));
    // a TIMESTAMP WITH LOCAL TIME ZONE is an instant, whatever the session's time zone
    String instantSql = "SELECT count(*) FROM items FOR SYSTEM_TIME AS OF "
        + timestampLiteral(first.timestampMs(), ZoneOffset.UTC).replace("TIMESTAMP", "TIMESTAMP WITH LOCAL TIME ZONE");
    try {
      session.timeZone(tokyo);
      assertEquals(List.of(List.of(5L)), rows(instantSql));
    } finally {
      session.timeZone(ZoneOffset.UTC);
    }
  }

  @Test
  void joinsTwoVersionsOfOneTable() throws SQLException {
    Snapshot second = tables.itemSnapshots.get(1);
    List<List<Object>> actual = rows("SELECT cur.id, v2.qty, cur.qty FROM items AS cur"
        + " JOIN items FOR SYSTEM_TIME AS OF " + timestampLiteral(second.timestampMs(), ZoneOffset.UTC) + " AS v2"
        + " ON cur.id = v2.id WHERE cur.qty <> v2.qty OR cur.id = 1 ORDER BY cur.id");
    assertEquals(List.of(List.of(1L, 10L, 10L), List.of(6L, 60L, 66L)), actual);
    List<List<Object>> removed = rows("SELECT v2.id FROM items FOR SYSTEM_TIME AS OF "
        + timestampLiteral(second.timestampMs(), ZoneOffset.UTC) + " AS v2"
        + " LEFT JOIN items AS cur ON cur.id = v2.id WHERE cur.id IS NULL");
    assertEquals(List.of(List.of(2L)), removed);
  }

  /** {@code SELECT id, name, qty FROM items FOR VERSION AS OF <version> ORDER BY id}. */
  private static List<List<Object>> asOfVersion(String version) throws SQLException {
    return rows("SELECT id, name, qty FROM items FOR VERSION AS OF " + version + " ORDER BY id");
  }

  @Test
  void asOfVersionReadsASnapshotATagOrABranch() throws Exception {
    for (Snapshot s : tables.itemSnapshots) {
      assertEquals(expected(s.snapshotId()), asOfVersion(Long.toString(s.snapshotId())));
    }
    assertEquals(expected(tables.itemSnapshots.get(0).snapshotId()), asOfVersion("'v1'"));
    List<List<Object>> dev = asOfVersion("'dev'");
    assertEquals(expected(tables.devHead.snapshotId()), dev);
    assertEquals(9, dev.size());
  }

  @Test
  void pinnedScanShowsItsSnapshotAndRowCount() throws Exception {
    Snapshot first = tables.itemSnapshots.get(0);
    String sql = "SELECT id FROM items FOR SYSTEM_TIME AS OF " + timestampLiteral(first.timestampMs(), ZoneOffset.UTC);
    String plan = session.explain(sql);
    assertTrue(plan.contains("snapshot=[" + first.snapshotId() + "]"), plan);

    SchemaPlus root = CalciteSchema.createRootSchema(false, true).plus();
    SchemaPlus tt = root.add("tt", new FloeSchema(tables.catalog, Namespace.of("tt")));
    RelNode rel = new SqlPlanner(tt).plan(sql);
    while (!(rel instanceof FloeTableScan)) {
      rel = rel.getInput(0);
    }
    assertEquals(5.0, rel.estimateRowCount(rel.getCluster().getMetadataQuery()));
    FloeCalciteTable pinned = ((FloeTableScan) rel).floeTable();
    assertEquals(first.snapshotId(), pinned.pinned().snapshotId(), "the reference reads the table as of the snapshot");
    assertEquals(5.0, pinned.rowCount());
    assertEquals(7.0, FloeCalciteTable.rowCount(tables.items, tables.items.currentSnapshot()));
  }

  @Test
  void aVersionShowsTheColumnsOfTheSchemaItWasWrittenWith() throws SQLException {
    Table evolving = tables.catalog.createTable(TableIdentifier.of("tt", "evolving"), VersionedWarehouse.ITEMS);
    Snapshot before = evolving.newAppend().appendRecords(List.of(VersionedWarehouse.item(1, "a", 10),
        VersionedWarehouse.item(3, "c", 30))).commit();
    evolving.updateSchema().renameColumn("name", "label").commit();
    evolving.updateSchema().deleteColumn("qty").commit();
    evolving.updateSchema().addColumn("color", Types.STRING).commit();
    evolving.newAppend().appendRecords(List.of(GenericRecord.of(evolving.schema().asStruct(), 2L, "b", "red")))
        .commit();
    String version = " FROM evolving FOR VERSION AS OF " + before.snapshotId();
    String time = " FROM evolving FOR SYSTEM_TIME AS OF " + timestampLiteral(before.timestampMs(), ZoneOffset.UTC);

    // the old names, the dropped column, not the added one; by version and by time, with and without an alias
    assertEquals(List.of(List.of(1L, "a", 10L), List.of(3L, "c", 30L)), rows("SELECT *" + version + " ORDER BY id"));
    assertEquals(List.of(List.of("a", 10L)), rows("SELECT evolving.name, qty" + time + " WHERE qty < 20"));
    assertEquals(List.of(List.of("c")), rows("SELECT v.name" + version + " v WHERE v.name > 'b'"));
    assertEquals(List.of(Arrays.asList(1L, "a", null), List.of(2L, "b", "red"), Arrays.asList(3L, "c", null)),
        rows("SELECT * FROM evolving ORDER BY id"));
    // two versions of the table, each with its own columns
    assertEquals(List.of(Arrays.asList(1L, "a", 10L, "a", null), Arrays.asList(3L, "c", 30L, "c", null)),
        rows("SELECT o.id, o.name, o.qty, n.label, n.color" + version
            + " o JOIN evolving n ON o.id = n.id ORDER BY 1"));
    SQLException added = assertThrows(SQLException.class, () -> rows("SELECT id, color" + version));
    assertEquals("42S22", added.getSQLState(), added.getMessage());
    assertTrue(added.getMessage().contains("color"), added.getMessage());
    SQLException renamed = assertThrows(SQLException.class, () -> rows("SELECT label" + time));
    assertEquals("42S22", renamed.getSQLState(), renamed.getMessage());
  }

  @Test
  void unknownVersionsAndTooEarlyTimesFailNamingTableAndValue() throws Exception {
    SQLException early = assertThrows(SQLException.class, () -> rows("SELECT * FROM items FOR SYSTEM_TIME AS OF"
        + " TIMESTAMP '2001-01-01 00:00:00'"));
    assertEquals("22023", early.getSQLState());
    assertTrue(early.getMessage().contains("tt.items") && early.getMessage().contains("2001-01-01"),
        early.getMessage());

    // CURRENT_TIMESTAMP is the statement's start instant, a constant: the current version
    assertEquals(rows("SELECT * FROM items ORDER BY 1"), rows("SELECT * FROM items FOR SYSTEM_TIME AS OF"
        + " CURRENT_TIMESTAMP ORDER BY 1"));

    SQLException unknownId = assertThrows(SQLException.class,
        () -> asOfVersion("42"));
    assertEquals("22023", unknownId.getSQLState());
    assertTrue(unknownId.getMessage().contains("tt.items") && unknownId.getMessage().contains("42"),
        unknownId.getMessage());

    SQLException unknownRef = assertThrows(SQLException.class,
        () -> asOfVersion("'nope'"));
    assertEquals("22023", unknownRef.getSQLState());
    assertTrue(unknownRef.getMessage().contains("'nope'") && unknownRef.getMessage().contains("v1"),
        unknownRef.getMessage());
  }
}
