package io.floe.catalog;

import io.floe.io.FileIO;
import io.floe.view.ViewMetadata;

/** How one catalog keeps views: where their metadata files are, and the atomic move to a new one. */
public interface ViewStore {
  FileIO io();

  /** The catalog's name, for messages. */
  String catalogName();

  /** Whether a table (not a view) has this name. */
  boolean tableExists(TableIdentifier id);

  /** The location of the view's current metadata file, or null when there is no view by that name. */
  String metadataLocation(TableIdentifier id);

  /** The base location of a new view's files. */
  String newViewLocation(TableIdentifier id);

  /**
   * Writes {@code metadata} as the view's next metadata file and makes it current if the current one is still
   * {@code base} (null: there is no view yet). The new file's location, or null when another commit came first
   * (nothing of this attempt is left visible).
   */
  String commit(TableIdentifier id, String base, ViewMetadata metadata);
}
