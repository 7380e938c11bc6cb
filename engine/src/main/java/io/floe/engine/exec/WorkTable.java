package io.floe.engine.exec;

import java.util.List;

/**
 * The working table of a recursive query ({@code WITH RECURSIVE r AS (seed UNION [ALL] step)}): the rows the last
 * iteration added, which the next iteration's step reads where it names {@code r}.
 */
public final class WorkTable {
  private final String name;
  private List<Batch> rows = List.of();

  public WorkTable(String name) {
    this.name = name;
  }

  /** The recursive query's name, as written in the WITH clause. */
  public String name() {
    return name;
  }

  void set(List<Batch> batches) {
    rows = List.copyOf(batches);
  }

  /** An operator reading the rows of the round before the one it runs in (taken when it is first read). */
  public Operator scan() {
    return new Operator() {
      private Operator batches;

      @Override
      public Batch next() {
        if (batches == null) {
          batches = new ReplayedBatches(rows);
        }
        return batches.next();
      }

      @Override
      public void close() {
      }
    };
  }
}
