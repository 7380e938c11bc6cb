package io.floe.io;

import java.util.List;

/** A {@link FileIO} that can list the files below a directory-like prefix (used by maintenance and recovery). */
public interface SupportsListing {
  /** Every file below {@code prefix} (recursively); empty when there is none. */
  List<FileInfo> listPrefix(String prefix);
}
