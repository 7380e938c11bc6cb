package io.floe.engine.exec;

import io.floe.engine.expr.VectorExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * UNNEST: one output row per element of an ARRAY (or entry of a MAP) each input row holds. An output row is the
 * input row's columns (when kept: a lateral {@code CROSS JOIN UNNEST(t.a)}), then the element (a MAP's key and
 * value; a ROW element's fields when it is spread into columns), then its 1-based position WITH ORDINALITY. A NULL or
 * empty collection yields no row, or one with NULL elements for an outer unnest ({@code LEFT JOIN UNNEST ... ON
 * TRUE}). Output batches hold up to {@value #BATCH_ROWS} rows.
 */
public final class UnnestOperator implements Operator {
  static final int BATCH_ROWS = 8192;

  /** What an UNNEST returns beside its collection's elements. */
  public record Shape(boolean keepInput, int elementColumns, boolean spreadRows, boolean ordinality,
      boolean outer) {
  }

  private final Operator input;
  private final VectorExpr collection;
  private final Shape shape;
  /** The input row of each output row of the batch being filled. */
  private final int[] rows = new int[BATCH_ROWS];
  private Batch batch;
  private Column values;
  private int nextRow;
  private int nextElement;

  public UnnestOperator(Operator input, VectorExpr collection, Shape shape) {
    this.input = input;
    this.collection = collection;
    this.shape = shape;
  }

  @Override
  public Batch next() {
    while (true) {
      if (batch == null || nextRow >= batch.size()) {
        batch = input.next();
        if (batch == null) {
          return null;
        }
        values = collection.eval(batch);
        nextRow = 0;
        nextElement = 0;
      }
      Batch out = fill();
      if (out != null) {
        return out;
      }
    }
  }

  /** Up to {@link #BATCH_ROWS} rows from the current batch, or null when its remaining rows yield none. */
  private Batch fill() {
    List<Object> elements = new ArrayList<>();
    List<Object> positions = new ArrayList<>();
    int count = 0;
    while (nextRow < batch.size() && count < BATCH_ROWS) {
      List<?> items = items(values.get(nextRow));
      if (items.isEmpty() && nextElement == 0 && shape.outer()) {
        rows[count++] = nextRow;
        elements.add(null);
        positions.add(null);
      }
      while (nextElement < items.size() && count < BATCH_ROWS) {
        rows[count++] = nextRow;
        elements.add(items.get(nextElement));
        positions.add((long) ++nextElement);
      }
      if (nextElement >= items.size()) {
        nextRow++;
        nextElement = 0;
      }
    }
    if (count == 0) {
      return null;
    }
    List<Column> columns = new ArrayList<>();
    if (shape.keepInput()) {
      for (Column c : batch.vectors()) {
        columns.add(c.select(rows, count));
      }
    }
    for (int c = 0; c < shape.elementColumns(); c++) {
      Object[] column = new Object[count];
      for (int i = 0; i < count; i++) {
        column[i] = part(elements.get(i), c);
      }
      columns.add(Columns.pack(column));
    }
    if (shape.ordinality()) {
      columns.add(Columns.pack(positions.toArray()));
    }
    return new Batch(count, columns.toArray(new Column[0]));
  }

  /** The elements of an ARRAY, or the entries of a MAP as {@link Map.Entry}s; none for NULL. */
  private static List<?> items(Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof Map<?, ?> map ? new ArrayList<>(map.entrySet()) : (List<?>) value;
  }

  /** Output column {@code c} of an element: a MAP entry's key or value, a spread ROW's field, or the element. */
  private Object part(Object element, int c) {
    if (element == null) {
      return null;
    }
    if (element instanceof Map.Entry<?, ?> entry) {
      return c == 0 ? entry.getKey() : entry.getValue();
    }
    return shape.spreadRows() ? ((List<?>) element).get(c) : element;
  }

  @Override
  public void close() {
    input.close();
  }
}
