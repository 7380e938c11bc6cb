package io.floe.engine.exec;

import io.floe.data.Metrics;
import io.floe.engine.expr.RowFilter;
import io.floe.expressions.StrictMetricsEvaluator;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A WHERE condition applied to the scan's Arrow vectors before they become columns, so that only what the condition
 * needs and the rows it keeps are copied: the conjuncts run one after another on a narrowing selection vector, and
 * a column becomes a heap column only when a conjunct first reads it, then only for the rows still selected (at their
 * own positions, so the conjuncts' in-place tests apply unchanged, in arrays reused from batch to batch); at the end
 * only the kept rows of the output columns are gathered from the vectors (or from the columns the conjuncts already
 * made). One instance per scan task.
 */
public final class ScanFilter {
  private static final int[] NONE = new int[0];
  private final List<RowFilter.Conjunct> conjuncts;
  /** Per conjunct, what shows from a row group's statistics that every row meets it (null: nothing does). */
  private final List<StrictMetricsEvaluator> metByAll;
  private final int outputWidth;
  /** The statistics {@link #skipped} was computed for. */
  private Metrics skippedFor;
  /** Per conjunct, whether the current row group's statistics show that every row meets it. */
  private boolean[] skipped;
  private final RowGroupSkips skips;
  private int[] rows = new int[0];
  /** Per column, the column made for an earlier batch that no output holds (its arrays are written over). */
  private Column[] spare = new Column[0];

  /**
   * {@code conjuncts} over the scan's columns, run in their order; the batches hold the scan's first
   * {@code outputWidth} columns (the others are read only for the conjuncts). Conjunct {@code i} is skipped in the
   * row groups whose statistics show, by {@code metByAll.get(i)} (null: never), that every row meets it, counted in
   * {@code skips}; the columns only such conjuncts read are then not decoded.
   */
  public ScanFilter(List<RowFilter.Conjunct> conjuncts, List<StrictMetricsEvaluator> metByAll, int outputWidth,
      RowGroupSkips skips) {
    if (metByAll.size() != conjuncts.size()) {
      throw new IllegalArgumentException(metByAll.size() + " evaluators for " + conjuncts.size() + " conjuncts");
    }
    this.conjuncts = List.copyOf(conjuncts);
    this.metByAll = new ArrayList<>(metByAll);
    this.outputWidth = outputWidth;
    this.skipped = new boolean[conjuncts.size()];
    this.skips = skips;
  }

  /**
   * Where the filter takes the scan's columns from: column {@code c} with (at least) the values of rows
   * {@code rows[0..count)} at their positions, or of all rows when {@code rows} is null. A source may decode only
   * those rows (a {@link io.floe.parquet.LazyBatch}); each column is asked for once per batch.
   */
  @FunctionalInterface
  public interface ColumnSource {
    FieldVector column(int c, int[] rows, int count);
  }

  /**
   * The output columns of the rows among the vectors' first {@code n} where the condition is TRUE (null if none),
   * as {@link #apply(ColumnSource, int, int, Metrics)}, of rows from a row group with statistics {@code rowGroup}
   * (null: unknown).
   */
  public Batch apply(FieldVector[] vectors, int n, Metrics rowGroup) {
    return apply((c, selected, count) -> vectors[c], vectors.length, n, rowGroup);
  }

  /**
   * The output columns of the rows among the first {@code n} of the source's {@code width} columns where the
   * condition is TRUE; null if none.
   * Columns are asked for as the conjuncts first read them, for the rows still selected, and the other output
   * columns at the end, for the rows kept. The rows come from a row group with statistics {@code rowGroup} (null:
   * unknown): the conjuncts they show every row meets are skipped.
   */
  public Batch apply(ColumnSource source, int width, int n, Metrics rowGroup) {
    return apply(source, width, n, null, rowGroup);
  }

  /**
   * As {@link #apply(ColumnSource, int, int, Metrics)}, over only the rows {@code live} (increasing; null: all
   * {@code n}), those that a file's delete files leave.
   */
  public Batch apply(ColumnSource source, int width, int n, int[] live, Metrics rowGroup) {
    if (rowGroup != skippedFor) {
      skippedFor = rowGroup;
      int skipping = 0;
      for (int f = 0; f < conjuncts.size(); f++) {
        StrictMetricsEvaluator evaluator = metByAll.get(f);
        skipped[f] = rowGroup != null && evaluator != null && evaluator.allMatch(rowGroup);
        skipping += skipped[f] ? 1 : 0;
      }
      skips.rowGroup(skipping);
    }
    if (rows.length < n) {
      rows = new int[n];
    }
    int count = live == null ? n : live.length;
    for (int i = 0; i < count; i++) {
      rows[i] = live == null ? i : live[i];
    }
    if (spare.length != width) {
      spare = new Column[width];
    }
    Column[] columns = new Column[width];
    Batch view = new Batch(n, columns);
    for (int f = 0; f < conjuncts.size() && count > 0; f++) {
      if (skipped[f]) {
        continue;
      }
      RowFilter.Conjunct conjunct = conjuncts.get(f);
      // a join key filter not testing rows (not ready, given up) does not have its key column decoded
      for (int c : conjunct.filter().readsColumns() ? conjunct.columns() : NONE) {
        if (columns[c] == null) {
          columns[c] = Columns.fromArrowInPlace(source.column(c, count == n ? null : rows, count), n, rows, count,
              spare[c]);
          spare[c] = columns[c];
        }
      }
      count = conjunct.filter().select(view, rows, count);
    }
    if (count == 0) {
      return null;
    }
    Column[] out = new Column[outputWidth];
    for (int c = 0; c < outputWidth; c++) {
      if (columns[c] == null) {
        out[c] = count == n ? Columns.fromArrow(source.column(c, null, n), n)
            : Columns.fromArrow(source.column(c, rows, count), rows, count);
      } else if (count == n) {
        out[c] = columns[c];
        spare[c] = null; // handed on: not written over
      } else {
        out[c] = columns[c].select(rows, count);
      }
    }
    return new Batch(count, out);
  }
}
