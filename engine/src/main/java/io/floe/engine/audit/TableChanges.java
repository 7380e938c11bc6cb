package io.floe.engine.audit;

import io.floe.engine.exec.ArrowBatches;
import io.floe.engine.expr.SqlStateException;
import io.floe.engine.expr.Values;
import io.floe.engine.timetravel.TableVersions;
import io.floe.io.CloseableIterator;
import io.floe.manifest.FileContent;
import io.floe.manifest.ManifestEntry;
import io.floe.manifest.ManifestFile;
import io.floe.manifest.ManifestListReader;
import io.floe.manifest.ManifestReader;
import io.floe.metadata.Snapshot;
import io.floe.metadata.SnapshotAncestry;
import io.floe.parquet.ParquetArrowReader;
import io.floe.table.Table;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The rows a table's snapshots inserted and deleted, like Iceberg's changelog: for each snapshot after
 * {@code from} (exclusive) up to {@code to} (inclusive) on {@code to}'s lineage, the rows of the data files it
 * removed that are not among the rows of the files it added (deletes), and the other way round (inserts). Rows a
 * copy-on-write commit merely carried over into a rewritten file cancel out (a multiset difference per snapshot).
 * Each change row is the table's columns (current schema, matched by field id) followed by {@link #CHANGE_COLUMNS}.
 */
public final class TableChanges {
  /** The columns after the table's: change type, snapshot ordinal, snapshot id, operation, commit time. */
  public static final List<String> CHANGE_COLUMNS =
      List.of("_change_type", "_change_ordinal", "_commit_snapshot_id", "_change_operation", "_commit_timestamp");
  public static final String INSERT = "INSERT";
  public static final String DELETE = "DELETE";

  private static final int BATCH_ROWS = 8192;

  private final Table table;
  private final String tableName;

  public TableChanges(Table table, String tableName) {
    this.table = table;
    this.tableName = tableName;
  }

  /** The snapshots whose changes are read, oldest first: after {@code from} (null: from the first) up to {@code to}. */
  public List<Snapshot> snapshotsBetween(Snapshot from, Snapshot to) {
    if (to == null) {
      return List.of();
    }
    List<Snapshot> range = new ArrayList<>();
    for (Snapshot s : SnapshotAncestry.ancestorsOf(table.metadata(), to)) {
      if (from != null && s.snapshotId() == from.snapshotId()) {
        Collections.reverse(range);
        return range;
      }
      range.add(s);
    }
    if (from != null) {
      throw new SqlStateException(TableVersions.UNKNOWN_VERSION, "snapshot " + from.snapshotId() + " of table "
          + tableName + " is not an ancestor of snapshot " + to.snapshotId() + "; changes run along one lineage");
    }
    Collections.reverse(range);
    return range;
  }

  /** The change rows between {@code from} (exclusive; null: the table's creation) and {@code to} (inclusive). */
  public List<Object[]> rows(Snapshot from, Snapshot to) {
    Schema schema = table.schema();
    List<Object[]> out = new ArrayList<>();
    List<Snapshot> snapshots = snapshotsBetween(from, to);
    try (BufferAllocator allocator = new RootAllocator()) {
      for (int ordinal = 0; ordinal < snapshots.size(); ordinal++) {
        Snapshot snapshot = snapshots.get(ordinal);
        Map<List<Object>, List<Object[]>> deleted = new LinkedHashMap<>();
        List<Object[]> inserted = new ArrayList<>();
        for (ManifestEntry entry : changedFiles(snapshot)) {
          if (entry.status() == ManifestEntry.Status.DELETED) {
            for (Object[] row : read(entry, schema, allocator)) {
              deleted.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
            }
          } else {
            inserted.addAll(read(entry, schema, allocator));
          }
        }
        List<Object[]> inserts = new ArrayList<>();
        for (Object[] row : inserted) {
          List<Object[]> same = deleted.get(key(row));
          if (same != null && !same.isEmpty()) {
            same.remove(same.size() - 1);
          } else {
            inserts.add(row);
          }
        }
        Object[] change = {null, (long) ordinal, snapshot.snapshotId(), snapshot.operation(),
            snapshot.timestampMs() * 1000};
        for (List<Object[]> rows : deleted.values()) {
          for (Object[] row : rows) {
            out.add(changeRow(row, DELETE, change));
          }
        }
        for (Object[] row : inserts) {
          out.add(changeRow(row, INSERT, change));
        }
      }
    }
    return out;
  }

  /** The entries of files {@code snapshot} added or deleted (those of manifests it wrote). */
  private List<ManifestEntry> changedFiles(Snapshot snapshot) {
    List<ManifestEntry> changed = new ArrayList<>();
    for (ManifestFile manifest : ManifestListReader.read(table.io(), snapshot.manifestList())) {
      if (manifest.addedSnapshotId() != snapshot.snapshotId()) {
        continue;
      }
      for (ManifestEntry entry : ManifestReader.read(table.io(), manifest, table.metadata().specsById())) {
        boolean ofThisSnapshot = entry.snapshotId() != null && entry.snapshotId() == snapshot.snapshotId();
        if (!ofThisSnapshot || entry.status() == ManifestEntry.Status.EXISTING) {
          continue;
        }
        if (entry.file().content() != FileContent.DATA) {
          throw new UnsupportedOperationException("not supported: changes of table " + tableName + " in snapshot "
              + snapshot.snapshotId() + ", which has delete files (merge-on-read) such as " + entry.file().path());
        }
        changed.add(entry);
      }
    }
    return changed;
  }

  private List<Object[]> read(ManifestEntry entry, Schema schema, BufferAllocator allocator) {
    List<Object[]> rows = new ArrayList<>();
    int width = schema.columns().size();
    try (CloseableIterator<VectorSchemaRoot> batches = ParquetArrowReader.read(
        table.io().newInputFile(entry.file().path()), schema, allocator, BATCH_ROWS, null)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          int count = batch.getRowCount();
          Object[][] columns = new Object[width][];
          for (int c = 0; c < width; c++) {
            columns[c] = ArrowBatches.read(batch.getVector(c), count);
          }
          for (int r = 0; r < count; r++) {
            Object[] row = new Object[width];
            for (int c = 0; c < width; c++) {
              row[c] = columns[c][r];
            }
            rows.add(row);
          }
        }
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read data file " + entry.file().path() + " of table " + tableName, e);
    }
    return rows;
  }

  private static List<Object> key(Object[] row) {
    List<Object> key = new ArrayList<>(row.length);
    for (Object value : row) {
      key.add(Values.key(value));
    }
    return key;
  }

  private static Object[] changeRow(Object[] row, String type, Object[] change) {
    Object[] out = new Object[row.length + change.length];
    System.arraycopy(row, 0, out, 0, row.length);
    System.arraycopy(change, 0, out, row.length, change.length);
    out[row.length] = type;
    return out;
  }
}
