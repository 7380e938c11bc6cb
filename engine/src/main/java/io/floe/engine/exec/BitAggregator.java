package io.floe.engine.exec;

import java.util.Arrays;
import org.apache.calcite.sql.SqlKind;

/**
 * BIT_AND, BIT_OR and BIT_XOR of integer values for all groups at once: each group's bits in one {@code long[]},
 * updated in one loop per batch. NULLs are skipped; a group without a value gives NULL. Each is its own combining
 * function, so it splits into partial and final aggregation like SUM.
 */
final class BitAggregator extends GroupAggregator {
  private final SqlKind kind;
  private long[] bits = new long[16];
  private boolean[] has = new boolean[16];

  BitAggregator(AggregateSpec spec) {
    super(spec);
    this.kind = spec.kind();
  }

  static boolean handles(SqlKind kind) {
    return kind == SqlKind.BIT_AND || kind == SqlKind.BIT_OR || kind == SqlKind.BIT_XOR;
  }

  @Override
  void grow(int groups) {
    int capacity = capacity(bits.length, groups);
    if (capacity != bits.length) {
      bits = Arrays.copyOf(bits, capacity);
      has = Arrays.copyOf(has, capacity);
    }
  }

  @Override
  boolean addAll(Batch batch, int[] ids, boolean[] selected) {
    if (!(batch.column(spec.args().get(0)) instanceof LongColumn column)) {
      return false;
    }
    long[] values = column.values();
    boolean[] nulls = column.nulls();
    for (int r = 0; r < batch.size(); r++) {
      if ((selected == null || selected[r]) && (nulls == null || !nulls[r])) {
        add(ids[r], values[r]);
      }
    }
    return true;
  }

  @Override
  void addRow(Batch batch, int row, int group) {
    Object value = batch.column(spec.args().get(0)).get(row);
    if (value != null) {
      add(group, ((Number) value).longValue());
    }
  }

  private void add(int group, long value) {
    if (!has[group]) {
      bits[group] = value;
      has[group] = true;
    } else if (kind == SqlKind.BIT_AND) {
      bits[group] &= value;
    } else if (kind == SqlKind.BIT_OR) {
      bits[group] |= value;
    } else {
      bits[group] ^= value;
    }
  }

  @Override
  Column result(int from, int to) {
    int n = to - from;
    boolean[] nulls = nullsWhereMissing(has, from, to);
    return new LongColumn(Arrays.copyOfRange(bits, from, to), nulls, n, LongColumn.Kind.INTEGER, 0);
  }

  @Override
  long memoryBytes() {
    return 9L * bits.length;
  }
}
