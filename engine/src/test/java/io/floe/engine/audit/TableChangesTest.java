package io.floe.engine.audit;

import static io.floe.engine.VersionedWarehouse.timestampLiteral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Record;
import io.floe.engine.FloeSession;
import io.floe.engine.ResultRows;
import io.floe.engine.VersionedWarehouse;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotAncestry;
import io.floe.table.Table;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code table_changes} compared with what the Table API gives: per snapshot, the multiset difference between the
 * rows it reads and the rows its parent reads.
 */
class TableChangesTest {
  private static final String COLUMNS = "id, name, qty, _change_type, _change_ordinal, _commit_snapshot_id,"
      + " _change_operation";

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

  /** The change rows of {@code sql} (selecting {@link #COLUMNS}) in a canonical order. */
  private static List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = rowsAsReturned(sql);
    rows.sort(ORDER);
    return rows;
  }

  private static List<List<Object>> rowsAsReturned(String sql) throws SQLException {
    return ResultRows.query(session, sql);
  }

  private static final Comparator<List<Object>> ORDER = Comparator
      .comparing((List<Object> row) -> (Integer) row.get(4))
      .thenComparing(row -> (String) row.get(3))
      .thenComparing(row -> (Long) row.get(0));

  private static List<List<Object>> read(Table table, Snapshot snapshot) {
    List<List<Object>> rows = new ArrayList<>();
    if (snapshot != null) {
      for (Record r : table.newScan().useSnapshot(snapshot.snapshotId()).records()) {
        rows.add(Arrays.asList(r.get(0), r.get(1), r.get(2)));
      }
    }
    return rows;
  }

  /** The changes from the Table API: each snapshot's rows minus its parent's (deletes) and the other way round. */
  private static List<List<Object>> expected(Snapshot from, Snapshot to) {
    Table items = tables.items;
    List<Snapshot> range = new ArrayList<>();
    for (Snapshot s : SnapshotAncestry.ancestorsOf(items.metadata(), to)) {
      if (from != null && s.snapshotId() == from.snapshotId()) {
        break;
      }
      range.add(s);
    }
    Collections.reverse(range);
    List<List<Object>> changes = new ArrayList<>();
    for (int ordinal = 0; ordinal < range.size(); ordinal++) {
      Snapshot s = range.get(ordinal);
      Snapshot parent = s.parentSnapshotId() == null ? null : items.snapshot(s.parentSnapshotId());
      List<List<Object>> before = read(items, parent);
      List<List<Object>> after = read(items, s);
      List<List<Object>> deleted = new ArrayList<>(before);
      after.forEach(deleted::remove);
      List<List<Object>> inserted = new ArrayList<>(after);
      before.forEach(inserted::remove);
      for (List<Object> row : deleted) {
        changes.add(change(row, "DELETE", ordinal, s));
      }
      for (List<Object> row : inserted) {
        changes.add(change(row, "INSERT", ordinal, s));
      }
    }
    changes.sort(ORDER);
    return changes;
  }

  private static List<Object> change(List<Object> row, String type, int ordinal, Snapshot s) {
    List<Object> out = new ArrayList<>(row);
    out.addAll(Arrays.asList(type, ordinal, s.snapshotId(), s.operation()));
    return out;
  }

  private static long id(int index) {
    return tables.itemSnapshots.get(index).snapshotId();
  }

  @Test
  void changesOfEverySnapshotMatchTheTableApi() throws SQLException {
    Snapshot last = tables.itemSnapshots.get(3);
    List<List<Object>> actual = rows("SELECT " + COLUMNS + " FROM TABLE(table_changes('tt.items', NULL, NULL))");
    assertEquals(expected(null, last), actual);
    assertEquals(1 + 5 + 3 + 2, actual.size()); // delete of 2; the overwrite deletes and re-inserts 6
  }

  @Test
  void copyOnWriteCarryOverRowsAreNoChanges() throws SQLException {
    // the delete of id 2 rewrote the file of ids 1..5; only id 2 changed
    List<List<Object>> actual = rows("SELECT " + COLUMNS + " FROM TABLE(table_changes('items', " + id(1) + ", "
        + id(2) + "))");
    Snapshot delete = tables.itemSnapshots.get(2);
    assertEquals(List.of(Arrays.asList(2L, "item2", 20L, "DELETE", 0, delete.snapshotId(), delete.operation())),
        actual);
    assertEquals(expected(tables.itemSnapshots.get(1), delete), actual);
    List<List<Object>> overwrite = rowsAsReturned("SELECT id, qty, _change_type FROM TABLE(table_changes('tt.items', "
        + id(2) + ", " + id(3) + ")) ORDER BY _change_type");
    assertEquals(List.of(List.of(6L, 60L, "DELETE"), List.of(6L, 66L, "INSERT")), overwrite);
  }

  @Test
  void timestampsBoundTheChanges() throws SQLException {
    Snapshot first = tables.itemSnapshots.get(0);
    Snapshot third = tables.itemSnapshots.get(2);
    List<List<Object>> actual = rows("SELECT " + COLUMNS + " FROM TABLE(table_changes('tt.items', "
        + timestampLiteral(first.timestampMs(), ZoneOffset.UTC) + ", "
        + timestampLiteral(third.timestampMs(), ZoneOffset.UTC) + "))");
    assertEquals(expected(first, third), actual);
    assertEquals(4, actual.size());
    List<List<Object>> fromStart = rows("SELECT " + COLUMNS + " FROM TABLE(table_changes('tt.items',"
        + " TIMESTAMP '2001-01-01 00:00:00', " + id(0) + "))");
    assertEquals(expected(null, first), fromStart);
    List<List<Object>> commitTimes = rowsAsReturned("SELECT DISTINCT _commit_timestamp, _commit_snapshot_id FROM"
        + " TABLE(table_changes('tt.items', NULL, " + id(0) + "))");
    assertEquals(1, commitTimes.size());
    assertEquals(first.timestampMs() * 1000, commitTimes.get(0).get(0));
  }

  @Test
  void changesJoinAndFilterLikeATable() throws SQLException {
    assertEquals(List.of(List.of(2L, tables.itemSnapshots.get(2).operation()),
        List.of(6L, tables.itemSnapshots.get(3).operation())),
        rowsAsReturned("SELECT c.id, s.operation FROM TABLE(table_changes('tt.items', NULL, NULL)) AS c"
            + " JOIN \"items$snapshots\" AS s ON c._commit_snapshot_id = s.snapshot_id"
            + " WHERE c._change_type = 'DELETE' ORDER BY c.id"));
  }

  @Test
  void badArgumentsFailClearly() {
    SQLException unknownTable = assertThrows(SQLException.class,
        () -> rows("SELECT * FROM TABLE(table_changes('tt.nope', NULL, NULL))"));
    assertEquals("42S02", unknownTable.getSQLState());
    assertTrue(unknownTable.getMessage().contains("tt.nope"), unknownTable.getMessage());
    SQLException unknownSnapshot = assertThrows(SQLException.class,
        () -> rows("SELECT * FROM TABLE(table_changes('tt.items', 42, NULL))"));
    assertEquals("22023", unknownSnapshot.getSQLState());
    SQLException notAncestor = assertThrows(SQLException.class,
        () -> rows("SELECT * FROM TABLE(table_changes('tt.items', " + tables.devHead.snapshotId() + ", NULL))"));
    assertEquals("22023", notAncestor.getSQLState());
    assertTrue(notAncestor.getMessage().contains("ancestor"), notAncestor.getMessage());
  }
}
