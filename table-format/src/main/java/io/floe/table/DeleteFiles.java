package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.expressions.Expression;

/**
 * Deletes data files, or the rows matching a filter, as one snapshot. Files whose rows all match are dropped;
 * files with some matching rows are rewritten without them (copy-on-write). Ends with {@link #commit()}.
 */
public final class DeleteFiles extends RowLevelOperation<DeleteFiles> {
  DeleteFiles(TableOperations ops) {
    super(ops);
  }

  @Override
  protected DeleteFiles self() {
    return this;
  }

  /** Removes this data file (by its path) from the table. */
  public DeleteFiles deleteFile(String path) {
    addExplicitDelete(path);
    return this;
  }

  /** Removes every row matching the filter. */
  public DeleteFiles deleteFromRowFilter(Expression filter) {
    addRowFilter(filter);
    return this;
  }
}
