package io.floe.table;

import io.floe.commit.CommitFailedException;
import io.floe.commit.RetryPolicy;
import io.floe.commit.TableOperations;
import io.floe.metadata.TableMetadata;
import java.util.function.UnaryOperator;

/**
 * The commit loop of changes that write a new metadata version but no snapshot (schema and partition spec
 * updates). The change is a function of the base it is applied to: on a lost race it is applied again to the
 * fresh base, so it re-validates against whatever the other commit did (and fails with its own error if that
 * made the change invalid). A {@link io.floe.commit.CommitStateUnknownException} is not retried: re-applying a
 * change that may have landed could apply it twice.
 */
final class MetadataOnlyCommit {
  private MetadataOnlyCommit() {
  }

  /**
   * Commits {@code change(base)} and returns the metadata committed; returns the base itself, without writing
   * anything, when the change leaves it as it is.
   */
  static TableMetadata commit(TableOperations ops, String what, UnaryOperator<TableMetadata> change) {
    TableMetadata first = ops.current();
    if (first == null) {
      throw new IllegalStateException("table " + ops.tableName() + " does not exist");
    }
    RetryPolicy retry = RetryPolicy.from(first);
    long deadline = System.currentTimeMillis() + retry.totalTimeoutMs();
    for (int attempt = 0; ; attempt++) {
      TableMetadata base = attempt == 0 ? first : ops.refresh();
      if (base == null) {
        throw new IllegalStateException("table " + ops.tableName() + " was dropped");
      }
      TableMetadata updated = change.apply(base);
      if (updated == base) {
        return base;
      }
      try {
        ops.commit(base, updated);
        return ops.current() != null ? ops.current() : updated;
      } catch (CommitFailedException e) {
        if (attempt >= retry.numRetries() || System.currentTimeMillis() > deadline) {
          throw new CommitFailedException("gave up committing the " + what + " of table " + ops.tableName()
              + " after " + (attempt + 1) + " attempts lost to concurrent commits (" + RetryPolicy.NUM_RETRIES + "="
              + retry.numRetries() + ")", e);
        }
      }
      retry.backoff(attempt + 1);
    }
  }
}
