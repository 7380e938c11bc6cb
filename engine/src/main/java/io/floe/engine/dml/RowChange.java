package io.floe.engine.dml;

import io.floe.engine.exec.Batch;

/**
 * What a row-level statement (DELETE, UPDATE, MERGE) does to one batch of a target file's rows: how many rows it
 * changes and the rows to write back in their place. Called from several threads at once.
 */
@FunctionalInterface
interface RowChange {
  /**
   * The outcome for {@code rows} (all of the table's columns, in table order), rows of data file {@code file} at
   * {@code positions} (increasing).
   */
  Outcome apply(Batch rows, String file, long[] positions);

  /** {@code changed} rows deleted or updated; {@code output} the batch's rows as they are to be written back. */
  record Outcome(long changed, Batch output) {
  }
}
