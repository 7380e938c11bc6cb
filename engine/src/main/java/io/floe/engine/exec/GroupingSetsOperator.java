package io.floe.engine.exec;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The input of an aggregation over several grouping sets (GROUPING SETS, ROLLUP, CUBE): each input batch once per
 * grouping set, with the group keys outside the set replaced by NULL columns and the set's index appended as a
 * last BIGINT column. Grouping by the keys and that index then aggregates every set at once, and the partial/final
 * split of a parallel aggregation stays as it is.
 */
public final class GroupingSetsOperator implements Operator {
  private final Operator input;
  private final int[] keys;
  private final boolean[][] inSet;
  private final ArrayDeque<Batch> pending = new ArrayDeque<>();

  /** {@code inSet[s][k]}: whether key {@code keys[k]} belongs to grouping set s. */
  public GroupingSetsOperator(Operator input, int[] keys, boolean[][] inSet) {
    this.input = input;
    this.keys = keys.clone();
    this.inSet = inSet.clone();
  }

  @Override
  public Batch next() {
    while (pending.isEmpty()) {
      Batch b = input.next();
      if (b == null) {
        return null;
      }
      int n = b.size();
      Column[] nullKeys = new Column[keys.length];
      for (int s = 0; s < inSet.length; s++) {
        Column[] out = new Column[b.width() + 1];
        System.arraycopy(b.vectors(), 0, out, 0, b.width());
        for (int k = 0; k < keys.length; k++) {
          if (!inSet[s][k]) {
            if (nullKeys[k] == null) {
              nullKeys[k] = Gather.nulls(b.column(keys[k]), n);
            }
            out[keys[k]] = nullKeys[k];
          }
        }
        long[] id = new long[n];
        Arrays.fill(id, s);
        out[b.width()] = new LongColumn(id, null, n, LongColumn.Kind.INTEGER, 0);
        pending.add(new Batch(n, out));
      }
    }
    return pending.poll();
  }

  @Override
  public void close() {
    input.close();
  }
}
