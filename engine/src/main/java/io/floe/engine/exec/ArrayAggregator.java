package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.sql.SqlKind;

/**
 * ARRAY_AGG(value [ORDER BY ...]): a group's values, NULLs included, as an ARRAY in the order of the call's ORDER BY,
 * else in the order the rows arrived (PostgreSQL, Trino and DuckDB). A group without rows (a global aggregate over
 * none, or none passing the FILTER) gives NULL. The values are kept ({@link GroupRows}) until the result is asked
 * for.
 */
final class ArrayAggregator extends GroupAggregator {
  private final GroupRows rows;
  private final List<RelFieldCollation> order;
  private int groups;
  private GroupRows.Sorted sorted;

  ArrayAggregator(AggregateSpec spec) {
    super(spec);
    this.rows = GroupRows.keeping(spec.args().subList(0, 1), spec.order());
    this.order = rows.keptOrder(spec.order());
  }

  static boolean handles(SqlKind kind) {
    return kind == SqlKind.ARRAY_AGG;
  }

  @Override
  void grow(int groups) {
    this.groups = Math.max(this.groups, groups);
  }

  @Override
  boolean addAll(Batch batch, int[] ids, boolean[] selected) {
    rows.addSelected(batch, ids, selected);
    return true;
  }

  @Override
  void addRow(Batch batch, int row, int group) {
    throw new IllegalStateException("ArrayAggregator adds whole batches");
  }

  @Override
  Column result(int from, int to) {
    if (sorted == null) {
      sorted = rows.byGroup(groups, order);
    }
    Column values = sorted.columns()[0];
    Object[] out = new Object[to - from];
    for (int g = from; g < to; g++) {
      int first = sorted.groupStarts()[g];
      int end = sorted.groupStarts()[g + 1];
      if (first == end) {
        continue;
      }
      List<Object> array = new ArrayList<>(end - first);
      for (int i = first; i < end; i++) {
        array.add(values.get(sorted.rows()[i]));
      }
      out[g - from] = array;
    }
    return new ObjectColumn(out);
  }

  @Override
  long memoryBytes() {
    return rows.memoryBytes();
  }
}
