package io.floe.catalog.jdbc;

import io.floe.catalog.CatalogException;
import io.floe.catalog.CatalogTransaction;
import io.floe.catalog.TableIdentifier;
import io.floe.commit.CommitFailedException;
import io.floe.commit.CommitStateUnknownException;
import io.floe.io.FileIO;
import io.floe.table.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A multi-table transaction of the {@link JdbcCatalog}: commits of the tables it hands out are staged (files
 * written, pointers untouched); {@link #commit()} runs every pointer's compare-and-swap in one database transaction,
 * in a fixed order (by namespace, then name) so concurrent transactions cannot deadlock. If any table's pointer moved
 * since the transaction read it, the database transaction rolls back, the staged files are deleted and
 * {@link CommitFailedException} names that table. Not thread-safe: one transaction belongs to one thread.
 */
final class JdbcCatalogTransaction implements CatalogTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcCatalogTransaction.class);

  private enum State { OPEN, COMMITTED, ABORTED }

  private final JdbcCatalog catalog;
  private final JdbcStore store;
  private final FileIO io;
  private final Map<TableIdentifier, Table> tables = new LinkedHashMap<>();
  private final Map<TableIdentifier, StagedTableOperations> staged = new LinkedHashMap<>();
  private State state = State.OPEN;

  JdbcCatalogTransaction(JdbcCatalog catalog, JdbcStore store, FileIO io) {
    this.catalog = catalog;
    this.store = store;
    this.io = io;
  }

  @Override
  public Table table(TableIdentifier id) {
    requireOpen();
    Table table = tables.get(id);
    if (table == null) {
      StagedTableOperations ops = new StagedTableOperations(io, store.catalogName(), id, catalog.loadTable(id).metadata());
      table = new Table(ops);
      staged.put(id, ops);
      tables.put(id, table);
    }
    return table;
  }

  @Override
  public void commit() {
    requireOpen();
    List<StagedTableOperations> changed = new ArrayList<>();
    for (StagedTableOperations ops : staged.values()) {
      if (ops.changed()) {
        changed.add(ops);
      }
    }
    changed.sort(Comparator.comparing((StagedTableOperations o) -> o.swap().namespace())
        .thenComparing(o -> o.swap().table()));
    List<JdbcStore.Swap> swaps = new ArrayList<>();
    for (StagedTableOperations ops : changed) {
      swaps.add(ops.swap());
    }
    int lost;
    try {
      lost = swaps.isEmpty() ? -1 : store.swapAll(swaps);
    } catch (CommitOutcomeUnknownException e) {
      state = State.COMMITTED;
      throw new CommitStateUnknownException("cannot tell whether the transaction on tables " + names(changed)
          + " landed: " + e.getMessage() + " (its files are kept)", e);
    } catch (SQLException e) {
      throw discarding(new CatalogException("transaction on tables " + names(changed) + " of catalog "
          + store.catalogName() + " failed and was rolled back (no table changed): " + e.getMessage(), e));
    }
    if (lost >= 0) {
      throw discarding(new CommitFailedException("transaction on tables " + names(changed) + " failed: table "
          + changed.get(lost).tableName() + " was changed by another commit after the transaction read it; no table changed"));
    }
    state = State.COMMITTED;
    LOG.debug("transaction committed {} table(s): {}", changed.size(), names(changed));
  }

  @Override
  public void abort() {
    if (state == State.OPEN) {
      RuntimeException failure = discard();
      if (failure != null) {
        throw failure;
      }
    }
  }

  /** Ends the transaction as aborted and returns {@code e}, with any failure to delete staged files attached. */
  private RuntimeException discarding(RuntimeException e) {
    RuntimeException failure = discard();
    if (failure != null) {
      e.addSuppressed(failure);
    }
    return e;
  }

  /** Deletes every staged table's files; returns the first failure (others attached), or null. */
  private RuntimeException discard() {
    state = State.ABORTED;
    RuntimeException failure = null;
    for (StagedTableOperations ops : staged.values()) {
      try {
        ops.discard();
      } catch (RuntimeException e) {
        RuntimeException named = new IllegalStateException("could not delete the staged files of table "
            + ops.tableName() + "; they stay as orphans: " + e.getMessage(), e);
        if (failure == null) {
          failure = named;
        } else {
          failure.addSuppressed(named);
        }
      }
    }
    return failure;
  }

  private void requireOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException("this transaction is already " + state.name().toLowerCase(Locale.ROOT));
    }
  }

  private static List<String> names(List<StagedTableOperations> ops) {
    List<String> names = new ArrayList<>();
    for (StagedTableOperations o : ops) {
      names.add(o.tableName());
    }
    return names;
  }
}
