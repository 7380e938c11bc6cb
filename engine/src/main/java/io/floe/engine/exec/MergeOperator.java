package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * Merges inputs that are each sorted by a collation into one sorted stream (a k-way merge): the next row is the
 * smallest current row of the inputs under the typed comparison of {@link RowComparator}; equal rows come from the
 * input listed first, so the merge is stable across inputs.
 */
public final class MergeOperator implements Operator {
  private static final int OUTPUT_BATCH = 4096;

  private final List<Operator> inputs;
  private final List<RelFieldCollation> collation;
  private final Column[][] current;
  private final int[] sizes;
  private final int[] positions;
  private final boolean[] done;

  public MergeOperator(List<Operator> inputs, List<RelFieldCollation> collation) {
    this.inputs = List.copyOf(inputs);
    this.collation = List.copyOf(collation);
    this.current = new Column[inputs.size()][];
    this.sizes = new int[inputs.size()];
    this.positions = new int[inputs.size()];
    this.done = new boolean[inputs.size()];
  }

  @Override
  public Batch next() {
    List<ColumnBuilder> out = null;
    int rows = 0;
    while (rows < OUTPUT_BATCH) {
      int best = -1;
      for (int i = 0; i < current.length; i++) {
        if (!advance(i)) {
          continue;
        }
        if (best < 0
            || RowComparator.compare(current[i], positions[i], current[best], positions[best], collation) < 0) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      Column[] columns = current[best];
      if (out == null) {
        out = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
          out.add(new ColumnBuilder());
        }
      }
      for (int c = 0; c < columns.length; c++) {
        out.get(c).append(columns[c], positions[best]);
      }
      positions[best]++;
      rows++;
    }
    if (out == null) {
      return null;
    }
    Column[] columns = new Column[out.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = out.get(c).build();
    }
    return new Batch(rows, columns);
  }

  /** Whether input {@code i} has a current row, reading its next non-empty batch when it needs one. */
  private boolean advance(int i) {
    while (!done[i] && (current[i] == null || positions[i] >= sizes[i])) {
      Cancellation.check();
      Batch b = inputs.get(i).next();
      if (b == null) {
        done[i] = true;
        current[i] = null;
      } else {
        current[i] = b.vectors();
        sizes[i] = b.size();
        positions[i] = 0;
      }
    }
    return !done[i];
  }

  @Override
  public void close() {
    inputs.forEach(Operator::close);
  }
}
