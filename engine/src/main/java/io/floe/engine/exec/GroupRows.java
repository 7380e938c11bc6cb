package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * The rows an order-sensitive aggregate keeps (STRING_AGG, percentiles): chosen columns of the rows added, with
 * each row's group, appended into typed {@link ColumnBuilder}s; {@link #byGroup} orders them group by group, within
 * a group by a collation of the kept columns (rows in the order they were added where it ties).
 */
final class GroupRows {
  /** The kept columns and, for each group g, its rows {@code rows[groupStarts[g] .. groupStarts[g + 1])}. */
  record Sorted(Column[] columns, int[] rows, int[] groupStarts) {
  }

  private final int[] columns;
  private final ColumnBuilder[] builders;
  private int[] groups = new int[64];
  private int size;

  /** Rows keeping the input columns {@code columns} (kept column i is input column columns[i]). */
  GroupRows(int[] columns) {
    this.columns = columns.clone();
    this.builders = new ColumnBuilder[columns.length];
    for (int c = 0; c < columns.length; c++) {
      builders[c] = new ColumnBuilder();
    }
  }

  /** Rows keeping the input columns {@code values}, then the keys of {@code order} not among them. */
  static GroupRows keeping(List<Integer> values, List<RelFieldCollation> order) {
    List<Integer> kept = new ArrayList<>(values);
    for (RelFieldCollation f : order) {
      if (!kept.contains(f.getFieldIndex())) {
        kept.add(f.getFieldIndex());
      }
    }
    return new GroupRows(kept.stream().mapToInt(Integer::intValue).toArray());
  }

  /** {@code order} (over input columns) over the kept columns. */
  List<RelFieldCollation> keptOrder(List<RelFieldCollation> order) {
    List<RelFieldCollation> kept = new ArrayList<>();
    for (RelFieldCollation f : order) {
      kept.add(f.withFieldIndex(keptIndex(f.getFieldIndex())));
    }
    return kept;
  }

  /**
   * Writes to the start of {@code rows} the rows of a batch an aggregate reads: selected by its FILTER
   * ({@code selected}, null: all) and not NULL in {@code tested}; returns how many.
   */
  static int selectedNonNull(Column tested, boolean[] selected, int[] rows) {
    int count = 0;
    for (int r = 0; r < rows.length; r++) {
      if ((selected == null || selected[r]) && !tested.isNull(r)) {
        rows[count++] = r;
      }
    }
    return count;
  }

  /**
   * Keeps the rows of {@code batch} an aggregate reads (selected by its FILTER, {@code selected} null: all, and not
   * NULL in input column {@code tested}), row r in group {@code ids[r]}.
   */
  void addSelectedNonNull(Batch batch, int[] ids, boolean[] selected, int tested) {
    int[] keep = new int[batch.size()];
    int count = selectedNonNull(batch.column(tested), selected, keep);
    add(batch, ids, keep, count);
  }

  /** Keeps the rows of {@code batch} selected by an aggregate's FILTER ({@code selected}, null: all), NULLs too. */
  void addSelected(Batch batch, int[] ids, boolean[] selected) {
    int[] keep = new int[batch.size()];
    int count = 0;
    for (int r = 0; r < keep.length; r++) {
      if (selected == null || selected[r]) {
        keep[count++] = r;
      }
    }
    add(batch, ids, keep, count);
  }

  /** Keeps the rows {@code rows[0..count)} of {@code batch}, row r in group {@code ids[r]}. */
  void add(Batch batch, int[] ids, int[] rows, int count) {
    if (count == 0) {
      return;
    }
    for (int c = 0; c < columns.length; c++) {
      builders[c].appendAll(batch.column(columns[c]).select(rows, count));
    }
    if (size + count > groups.length) {
      groups = Arrays.copyOf(groups, Math.max(size + count, groups.length * 2));
    }
    for (int i = 0; i < count; i++) {
      groups[size + i] = ids[rows[i]];
    }
    size += count;
  }

  /** The rows kept, grouped (groups {@code 0..groupCount)}) and ordered within groups by {@code order}. */
  Sorted byGroup(int groupCount, List<RelFieldCollation> order) {
    int[] starts = new int[groupCount + 1];
    for (int i = 0; i < size; i++) {
      starts[groups[i] + 1]++;
    }
    for (int g = 0; g < groupCount; g++) {
      starts[g + 1] += starts[g];
    }
    int[] next = Arrays.copyOf(starts, groupCount);
    int[] rows = new int[size];
    for (int i = 0; i < size; i++) {
      rows[next[groups[i]]++] = i;
    }
    Column[] kept = new Column[builders.length];
    for (int c = 0; c < kept.length; c++) {
      kept[c] = builders[c].build();
    }
    if (!order.isEmpty()) {
      RowComparator.IndexComparator comparator = RowComparator.of(kept, order);
      for (int g = 0; g < groupCount; g++) {
        if (starts[g + 1] - starts[g] > 1) {
          IndexSort.sort(rows, starts[g], starts[g + 1], comparator);
        }
      }
    }
    return new Sorted(kept, rows, starts);
  }

  /** The kept column index of input column {@code column} (which must be kept). */
  int keptIndex(int column) {
    for (int c = 0; c < columns.length; c++) {
      if (columns[c] == column) {
        return c;
      }
    }
    throw new IllegalArgumentException("column " + column + " is not kept");
  }

  long memoryBytes() {
    long bytes = 4L * groups.length;
    for (ColumnBuilder builder : builders) {
      bytes += builder.memoryBytes();
    }
    return bytes;
  }
}
