package io.floe.engine.exec;

import io.floe.engine.expr.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An aggregate over DISTINCT arguments (COUNT(DISTINCT x), SUM(DISTINCT x), ...): the rows whose (group, value) pair
 * was not seen before become a row selection for the same aggregate without DISTINCT, which then runs its typed loop.
 * Single long or double arguments are kept in one open-addressing table of (group, value) pairs
 * ({@link GroupValueSet}); other arguments, several arguments or a column of another shape in a set of boxed pairs.
 */
final class DistinctAggregator extends GroupAggregator {
  private enum Storage { NONE, LONG, DOUBLE, BOXED }

  private record GroupKey(int group, Object key) {
  }

  private final GroupAggregator inner;
  private Storage storage = Storage.NONE;
  private LongColumn.Kind longKind;
  private int scale;
  private GroupValueSet pairs;
  private Set<GroupKey> boxed;

  DistinctAggregator(AggregateSpec spec) {
    super(spec);
    this.inner = GroupAggregator.create(spec.allRows());
  }

  @Override
  void grow(int groups) {
    inner.grow(groups);
  }

  @Override
  boolean addAll(Batch batch, int[] ids, boolean[] selected) {
    boolean[] fresh = new boolean[batch.size()];
    if (spec.args().size() == 1) {
      Column column = batch.column(spec.args().get(0));
      adopt(column);
      if (storage == Storage.LONG) {
        markFresh(((LongColumn) column).values(), ((LongColumn) column).nulls(), ids, selected, fresh);
      } else if (storage == Storage.DOUBLE) {
        markFreshDoubles((DoubleColumn) column, ids, selected, fresh);
      } else {
        markFreshBoxed(batch, ids, selected, fresh);
      }
    } else {
      markFreshBoxed(batch, ids, selected, fresh);
    }
    inner.addSelected(batch, ids, fresh);
    return true;
  }

  /** Chooses the pair storage for the first column, or moves to boxed pairs for a column of another shape. */
  private void adopt(Column column) {
    if (storage == Storage.NONE) {
      if (column instanceof LongColumn l) {
        storage = Storage.LONG;
        longKind = l.kind();
        scale = l.scale();
        pairs = new GroupValueSet();
      } else if (column instanceof DoubleColumn) {
        storage = Storage.DOUBLE;
        pairs = new GroupValueSet();
      } else {
        storage = Storage.BOXED;
      }
      return;
    }
    boolean fits = storage == Storage.BOXED
        || storage == Storage.LONG && column instanceof LongColumn l && l.kind() == longKind && l.scale() == scale
        || storage == Storage.DOUBLE && column instanceof DoubleColumn;
    if (!fits) {
      boxed = new HashSet<>();
      Storage from = storage;
      pairs.forEach((group, value) -> boxed.add(new GroupKey(group, Values.key(box(from, value)))));
      pairs = null;
      storage = Storage.BOXED;
    }
  }

  private Object box(Storage from, long value) {
    if (from == Storage.DOUBLE) {
      return Double.longBitsToDouble(value);
    }
    return new LongColumn(new long[] {value}, null, 1, longKind, scale).get(0);
  }

  private void markFresh(long[] values, boolean[] nulls, int[] ids, boolean[] selected, boolean[] fresh) {
    for (int r = 0; r < fresh.length; r++) {
      if ((nulls == null || !nulls[r]) && (selected == null || selected[r])) {
        fresh[r] = pairs.add(ids[r], values[r]);
      }
    }
  }

  private void markFreshDoubles(DoubleColumn column, int[] ids, boolean[] selected, boolean[] fresh) {
    double[] values = column.values();
    boolean[] nulls = column.nulls();
    for (int r = 0; r < fresh.length; r++) {
      if ((nulls == null || !nulls[r]) && (selected == null || selected[r])) {
        double v = values[r] == 0.0 ? 0.0 : values[r];
        fresh[r] = pairs.add(ids[r], Double.doubleToLongBits(v));
      }
    }
  }

  private void markFreshBoxed(Batch batch, int[] ids, boolean[] selected, boolean[] fresh) {
    if (boxed == null) {
      boxed = new HashSet<>();
    }
    List<Integer> args = spec.args();
    rows:
    for (int r = 0; r < fresh.length; r++) {
      if (selected != null && !selected[r]) {
        continue;
      }
      Object key;
      if (args.size() == 1) {
        Object v = batch.column(args.get(0)).get(r);
        if (v == null) {
          continue;
        }
        key = Values.key(v);
      } else {
        List<Object> values = new ArrayList<>(args.size());
        for (int arg : args) {
          Object v = batch.column(arg).get(r);
          if (v == null) {
            continue rows;
          }
          values.add(Values.key(v));
        }
        key = values;
      }
      fresh[r] = boxed.add(new GroupKey(ids[r], key));
    }
  }

  @Override
  void addRow(Batch batch, int row, int group) {
    throw new IllegalStateException("DistinctAggregator adds whole batches");
  }

  @Override
  Column result(int from, int to) {
    return inner.result(from, to);
  }

  @Override
  long memoryBytes() {
    return inner.memoryBytes() + (pairs == null ? 0 : pairs.memoryBytes())
        + (boxed == null ? 0 : 96L * boxed.size());
  }
}
