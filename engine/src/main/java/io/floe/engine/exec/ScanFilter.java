package io.floe.engine.exec;

import io.floe.engine.expr.RowFilter;
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
  private final List<RowFilter.Conjunct> conjuncts;
  private final int outputWidth;
  private int[] rows = new int[0];
  /** Per column, the column made for an earlier batch that no output holds (its arrays are written over). */
  private Column[] spare = new Column[0];

  /**
   * {@code conjuncts} over the scan's columns, run in their order; the batches hold the scan's first
   * {@code outputWidth} columns (the others are read only for the conjuncts).
   */
  public ScanFilter(List<RowFilter.Conjunct> conjuncts, int outputWidth) {
    this.conjuncts = List.copyOf(conjuncts);
    this.outputWidth = outputWidth;
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

  /** The output columns of the rows among the vectors' first {@code n} where the condition is TRUE; null if none. */
  public Batch apply(FieldVector[] vectors, int n) {
    return apply((c, selected, count) -> vectors[c], vectors.length, n);
  }

  /**
   * The output columns of the rows among the first {@code n} of the source's {@code width} columns where the
   * condition is TRUE; null if none.
   * Columns are asked for as the conjuncts first read them, for the rows still selected, and the other output
   * columns at the end, for the rows kept.
   */
  public Batch apply(ColumnSource source, int width, int n) {
    if (rows.length < n) {
      rows = new int[n];
    }
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    if (spare.length != width) {
      spare = new Column[width];
    }
    Column[] columns = new Column[width];
    Batch view = new Batch(n, columns);
    int count = n;
    for (int f = 0; f < conjuncts.size() && count > 0; f++) {
      RowFilter.Conjunct conjunct = conjuncts.get(f);
      for (int c : conjunct.columns()) {
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
