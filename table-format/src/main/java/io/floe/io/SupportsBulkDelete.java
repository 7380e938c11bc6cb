package io.floe.io;

import java.util.Collection;

/** A {@link FileIO} that deletes many files in few requests (used by maintenance: expiry, orphan removal). */
public interface SupportsBulkDelete {
  /**
   * Deletes the files; missing files are not an error. Fails with {@link BulkDeleteException} naming the files it
   * could not delete after deleting all the others.
   */
  void deleteFiles(Collection<String> locations);
}
