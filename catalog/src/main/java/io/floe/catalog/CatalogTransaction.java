package io.floe.catalog;

import io.floe.commit.CommitFailedException;
import io.floe.table.Table;

/**
 * Atomic commits across tables. {@link #table} gives a view of a table whose commits (appends, overwrites, deletes)
 * are staged: their data, manifest and metadata files are written, but the table's pointer does not move, so
 * nobody else sees them. {@link #commit()} then moves every staged table's pointer at once, provided no other
 * commit moved any of them since this transaction read it; otherwise nothing changes and it throws
 * {@link CommitFailedException} naming the table (redo the whole transaction on fresh tables to retry).
 */
public interface CatalogTransaction extends AutoCloseable {
  /** The staged view of a table; the same view for the same identifier within this transaction. */
  Table table(TableIdentifier id);

  /** Makes every staged commit visible atomically, or none of them. */
  void commit();

  /** Discards the staged commits and their files (also what {@link #close()} does if not committed). */
  void abort();

  @Override
  default void close() {
    abort();
  }
}
