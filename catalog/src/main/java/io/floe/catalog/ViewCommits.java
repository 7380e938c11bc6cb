package io.floe.catalog;

import io.floe.commit.CommitFailedException;
import io.floe.table.AlreadyExistsException;
import io.floe.view.ViewDefinition;
import io.floe.view.ViewMetadata;
import io.floe.view.ViewMetadataParser;

/**
 * CREATE [OR REPLACE] VIEW on any catalog's {@link ViewStore}: the next metadata built from the current one (the
 * same UUID, the new version added), committed optimistically and rebuilt on the current metadata when another
 * commit came first.
 */
public final class ViewCommits {
  private static final int ATTEMPTS = 20;

  private ViewCommits() {
  }

  /**
   * Creates the view in {@code catalog}, whose views {@code store} keeps, or with {@code replace} makes
   * {@code definition} the current version of the existing one.
   */
  public static View createOrReplace(Catalog catalog, ViewStore store, TableIdentifier id, ViewDefinition definition,
      boolean replace) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (catalog.tableExists(id)) {
        throw new AlreadyExistsException("cannot create view " + id + " in catalog " + catalog.name()
            + ": a table of that name exists", null);
      }
      String base = store.metadataLocation(id);
      if (base != null && !replace) {
        throw new AlreadyExistsException("view " + id + " already exists in catalog " + catalog.name(), null);
      }
      long now = System.currentTimeMillis();
      ViewMetadata metadata = base == null ? ViewMetadata.create(store.newViewLocation(id), definition, now)
          : ViewMetadataParser.read(store.io(), base).replace(definition, now);
      String written = store.commit(id, base, metadata);
      if (written != null) {
        return new View(id, written, metadata);
      }
      // another commit came first: the next attempt sees what it made (a view, a table, a new version)
    }
    throw new CommitFailedException("could not commit view " + id + " of catalog " + catalog.name()
        + ": another commit came first on each of " + ATTEMPTS + " attempts");
  }
}
