package io.floe.engine.dml;

import com.google.common.collect.ImmutableList;
import io.floe.catalog.TableIdentifier;
import io.floe.engine.FloeSession;
import io.floe.engine.catalog.FloeCalciteTable;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Columns;
import io.floe.engine.exec.IndexSort;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.RowIdColumns;
import io.floe.engine.expr.SqlStateException;
import io.floe.engine.planner.FloeTableScan;
import io.floe.scan.FileScanTask;
import io.floe.table.TableWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * The target rows a row-level statement changes, found by one query that the engine plans and runs as any other (its
 * subqueries decorrelated into joins, on the session's workers) over the snapshot the statement started from, and
 * held in memory by data file with the values the query computed for them: {@code SELECT _file, _pos [, the SET
 * values] FROM target [WHERE condition]} for a DELETE or UPDATE with correlated subqueries or a merge-on-read UPDATE,
 * a join with the source for a MERGE ({@link MergeQueries}); see {@link RowIdColumns}. The statement then rewrites,
 * or lists in delete files, exactly those rows of those files.
 */
final class MatchedRows {
  private static final int WRITE_BATCH = 8192;
  private final Map<String, FileRows> byFile;
  private final Column[] values;

  /** The matched rows of one data file: their positions, increasing, and each one's row of the SET values. */
  private record FileRows(long[] positions, int[] valueRows) {
  }

  private MatchedRows(Map<String, FileRows> byFile, Column[] values) {
    this.byFile = byFile;
    this.values = values;
  }

  /**
   * Runs the query over {@code statement}'s table at its starting snapshot.
   *
   * @param scan the scan of the target table in the statement's converted plan
   * @param filter the statement's WHERE above {@code scan} with its (remaining) {@code condition}, or null
   * @param set the UPDATE's projection (the table's columns, then the SET values), or null for a DELETE
   * @param setValues the SET values over the filter's output ({@code set}'s expressions after the table's columns)
   */
  static MatchedRows find(FloeSession session, RowLevelStatement statement, FloeTableScan scan, Filter filter,
      RexNode condition, Project set, List<RexNode> setValues) throws SQLException {
    FloeTableScan target = rowIdScan(statement, scan);
    int width = scan.getRowType().getFieldCount();
    RelNode rows = target;
    if (filter != null) {
      rows = filter.copy(filter.getTraitSet(), rows, condition); // keeps the correlation variables it sets
    }
    List<RexNode> outputs = new ArrayList<>();
    outputs.add(RexInputRef.of(width, target.getRowType()));
    outputs.add(RexInputRef.of(width + 1, target.getRowType()));
    outputs.addAll(setValues);
    List<String> names = new ArrayList<>(List.of(RowIdColumns.FILE, RowIdColumns.POSITION));
    for (int i = 0; i < setValues.size(); i++) {
      names.add("v" + i);
    }
    RelDataType outputType = RexUtil.createStructType(scan.getCluster().getTypeFactory(), outputs, names, null);
    RelNode query = set != null ? set.copy(set.getTraitSet(), rows, outputs, outputType)
        : LogicalProject.create(rows, List.of(), outputs, names, Set.of());
    return collect(session, statement.id(), query, setValues.size(),
        set == null ? null : "UPDATE of " + statement.id() + ": a row is given more than one value");
  }

  /**
   * The scan of {@code statement}'s table at its starting snapshot with the {@link RowIdColumns} after the columns of
   * {@code scan}, the target's scan in the statement's plan ({@code 40001} if the table's columns changed since).
   */
  static FloeTableScan rowIdScan(RowLevelStatement statement, FloeTableScan scan) throws SQLException {
    TableIdentifier id = statement.id();
    FloeCalciteTable rowIdTable = new FloeCalciteTable(id, statement.table()).withRowIds();
    RelOptTable planned = scan.getTable();
    RelDataType rowType = rowIdTable.getRowType(scan.getCluster().getTypeFactory());
    int width = planned.getRowType().getFieldCount();
    if (!RelOptUtil.areRowTypesEqual(planned.getRowType(),
        scan.getCluster().getTypeFactory().createStructType(rowType.getFieldList().subList(0, width)), false)) {
      throw new SQLException("table " + id + " changed its columns while the statement was planned; run it again",
          DmlErrors.SERIALIZATION_FAILURE);
    }
    RelOptTable withRowIds = RelOptTableImpl.create(planned.getRelOptSchema(), rowType, rowIdTable,
        ImmutableList.copyOf(planned.getQualifiedName()));
    return FloeTableScan.create(scan.getCluster(), withRowIds, rowIdTable);
  }

  /**
   * Optimizes and runs {@code query}, whose columns are {@code _file}, {@code _pos} and {@code valueCount} values,
   * and holds its rows by file.
   *
   * @param duplicate the message of the {@code 21000} error when a row is found twice (null: it counts once)
   */
  static MatchedRows collect(FloeSession session, TableIdentifier id, RelNode query, int valueCount,
      String duplicate) throws SQLException {
    List<Batch> batches = new ArrayList<>();
    try {
      DmlPlanning.run(session, query, b -> {
        if (b.size() > 0) {
          batches.add(b);
        }
        return true;
      });
    } catch (RuntimeException e) {
      throw DmlErrors.of(e, id);
    }
    return group(batches, valueCount, duplicate);
  }

  /** The rows of {@code batches} ({@code _file}, {@code _pos}, values...) by file, positions sorted. */
  private static MatchedRows group(List<Batch> batches, int valueCount, String duplicate) {
    Map<String, Found> found = new HashMap<>();
    int row = 0;
    for (Batch b : batches) {
      Column files = b.column(0);
      Column positions = b.column(1);
      Found file = null;
      for (int r = 0; r < b.size(); r++, row++) {
        // a file's rows come in runs: its name is read again only where it changes
        if (file == null || !sameAsBefore(files, r)) {
          file = found.computeIfAbsent((String) files.get(r), f -> new Found());
        }
        file.add(positions instanceof LongColumn l ? l.values()[r] : ((Number) positions.get(r)).longValue(), row);
      }
    }
    Map<String, FileRows> byFile = new HashMap<>();
    found.forEach((file, rows) -> byFile.put(file, sorted(rows.positions, rows.valueRows, rows.count, duplicate)));
    Column[] values = new Column[valueCount];
    for (int v = 0; v < valueCount; v++) {
      List<Column> parts = new ArrayList<>();
      for (Batch b : batches) {
        parts.add(b.column(2 + v));
      }
      values[v] = parts.isEmpty() ? Columns.pack(new Object[0]) : Columns.concat(parts);
    }
    return new MatchedRows(byFile, values);
  }

  /** Whether row {@code r} of {@code files} names the file row {@code r - 1} names. */
  private static boolean sameAsBefore(Column files, int r) {
    return r > 0 && (files instanceof BytesColumn bytes ? bytes.bytesEqual(r, bytes, r - 1)
        : files.get(r).equals(files.get(r - 1)));
  }

  /** The rows of one file found so far, in the query's order: positions and rows of the values. */
  private static final class Found {
    long[] positions = new long[16];
    int[] valueRows = new int[16];
    int count;

    void add(long position, int valueRow) {
      if (count == positions.length) {
        positions = Arrays.copyOf(positions, 2 * count);
        valueRows = Arrays.copyOf(valueRows, 2 * count);
      }
      positions[count] = position;
      valueRows[count++] = valueRow;
    }
  }

  /**
   * One file's rows sorted by position, each position once: a DELETE may find a row twice (it goes once); an UPDATE
   * or MERGE that finds a row twice would give it two values ({@code 21000} with message {@code duplicate}).
   */
  private static FileRows sorted(long[] positions, int[] valueRows, int count, String duplicate) {
    int[] order = IndexSort.sorted(count, (a, b) -> Long.compare(positions[a], positions[b]));
    long[] p = new long[count];
    int[] v = new int[count];
    int n = 0;
    for (int i : order) {
      if (n > 0 && p[n - 1] == positions[i]) {
        if (duplicate != null) {
          throw new SqlStateException("21000", duplicate);
        }
        continue;
      }
      p[n] = positions[i];
      v[n++] = valueRows[i];
    }
    return new FileRows(Arrays.copyOf(p, n), Arrays.copyOf(v, n));
  }

  /** The tasks of {@code candidates} (the files of the statement's starting snapshot) whose files hold rows found. */
  List<FileScanTask> filesAmong(List<FileScanTask> candidates) {
    return candidates.stream().filter(task -> byFile.containsKey(task.file().path())).toList();
  }

  /**
   * Writes to {@code out} the indexes of the rows of a batch of {@code file} (at {@code positions}, increasing) that
   * matched, increasing, and to {@code valueRows} (if not null) their rows of the SET values; returns how many.
   */
  int match(String file, long[] positions, int[] out, int[] valueRows) {
    FileRows rows = byFile.get(file);
    if (rows == null || positions.length == 0) {
      return 0;
    }
    int n = 0;
    int at = Arrays.binarySearch(rows.positions, positions[0]);
    at = at < 0 ? -at - 1 : at;
    for (int r = 0; r < positions.length && at < rows.positions.length; r++) {
      while (at < rows.positions.length && rows.positions[at] < positions[r]) {
        at++;
      }
      if (at < rows.positions.length && rows.positions[at] == positions[r]) {
        if (valueRows != null) {
          valueRows[n] = rows.valueRows[at];
        }
        out[n++] = r;
      }
    }
    return n;
  }

  /**
   * The positions of the rows found in {@code file} whose row of the values {@code keep} accepts, increasing (none:
   * empty).
   */
  long[] positions(String file, IntPredicate keep) {
    FileRows rows = byFile.get(file);
    if (rows == null) {
      return new long[0];
    }
    long[] kept = new long[rows.positions.length];
    int n = 0;
    for (int i = 0; i < kept.length; i++) {
      if (keep.test(rows.valueRows[i])) {
        kept[n++] = rows.positions[i];
      }
    }
    return n == kept.length ? kept : Arrays.copyOf(kept, n);
  }

  /** Value {@code v} of every row found, in the order of the rows of the query. */
  Column values(int v) {
    return values[v];
  }

  /**
   * Writes the value rows {@code rows[0..count)} as rows of the table, whose column c is value {@code columns[c]}
   * (the new rows of a merge-on-read UPDATE or MERGE); returns {@code count}.
   */
  long write(int[] columns, int[] rows, int count, TableWriter writer, RowConverter converter) {
    try (BufferAllocator allocator = new RootAllocator()) {
      for (int from = 0; from < count; from += WRITE_BATCH) {
        int n = Math.min(WRITE_BATCH, count - from);
        int[] chunk = Arrays.copyOfRange(rows, from, from + n);
        Column[] out = new Column[columns.length];
        for (int c = 0; c < columns.length; c++) {
          out[c] = values[columns[c]].select(chunk, n);
        }
        TypedTableBatch.write(new Batch(n, out), writer, converter, allocator);
      }
    }
    return count;
  }

  /** SET value {@code v} of the given value rows, in their order. */
  Column values(int v, int[] valueRows, int count) {
    return values[v].select(valueRows, count);
  }
}
