package io.floe.catalog;

import io.floe.io.FileIO;
import io.floe.view.ViewMetadata;
import io.floe.view.ViewMetadataParser;
import java.util.Optional;

/** How one catalog keeps views: where their metadata files are, and the atomic move to a new one. */
public interface ViewStore {
  FileIO io();

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

  /** The view by that name, read from its current metadata file, or empty when there is none. */
  default Optional<View> load(TableIdentifier id) {
    String file = metadataLocation(id);
    return file == null ? Optional.empty() : Optional.of(new View(id, file, ViewMetadataParser.read(io(), file)));
  }
}
