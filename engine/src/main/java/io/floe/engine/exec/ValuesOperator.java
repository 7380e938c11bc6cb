package io.floe.engine.exec;

import java.util.List;

/** A constant relation given by its rows. */
public final class ValuesOperator implements Operator {
  private final List<Object[]> rows;
  private final int width;
  private boolean done;

  public ValuesOperator(List<Object[]> rows, int width) {
    this.rows = List.copyOf(rows);
    this.width = width;
  }

  @Override
  public Batch next() {
    if (done || rows.isEmpty()) {
      return null;
    }
    done = true;
    return Batch.ofRows(rows, width);
  }

  @Override
  public void close() {
    done = true;
  }
}
