package io.floe.engine.exec;

import io.floe.engine.expr.Values;
import java.util.Arrays;
import org.apache.calcite.sql.SqlKind;

/**
 * ARG_MIN(value, key) / ARG_MAX (MIN_BY / MAX_BY): the value of the row with the smallest (largest) key of its
 * group; rows whose value or key is NULL are skipped (DuckDB), the first row wins a tie, and a group without such a
 * row gives NULL. Keeps the group's best row as boxed values.
 */
final class ArgExtremeAggregator extends GroupAggregator {
  private final boolean max;
  private Object[] keys = new Object[16];
  private Object[] values = new Object[16];

  ArgExtremeAggregator(AggregateSpec spec) {
    super(spec);
    this.max = spec.kind() == SqlKind.ARG_MAX;
  }

  static boolean handles(SqlKind kind) {
    return kind == SqlKind.ARG_MIN || kind == SqlKind.ARG_MAX;
  }

  @Override
  void grow(int groups) {
    int capacity = capacity(keys.length, groups);
    keys = Arrays.copyOf(keys, capacity);
    values = Arrays.copyOf(values, capacity);
  }

  @Override
  void addRow(Batch batch, int row, int group) {
    Object value = batch.column(spec.args().get(0)).get(row);
    Object key = batch.column(spec.args().get(1)).get(row);
    if (value == null || key == null) {
      return;
    }
    Object best = keys[group];
    if (best == null || (max ? Values.compare(key, best) > 0 : Values.compare(key, best) < 0)) {
      keys[group] = key;
      values[group] = value;
    }
  }

  @Override
  Column result(int from, int to) {
    return Columns.pack(Arrays.copyOfRange(values, from, to));
  }

  @Override
  long memoryBytes() {
    return 64L * keys.length;
  }
}
