package io.floe.io;

/**
 * Access to the files of a table: data files, manifests and metadata. Locations are URIs or absolute paths.
 *
 * <p>{@link OutputFile#create()} must be atomic and exclusive for IOs used for commits: the file appears
 * whole or not at all, and exactly one of several racing creators of the same location succeeds
 * (the others get {@link java.nio.file.FileAlreadyExistsException}). Commits rely on this put-if-absent.
 */
public interface FileIO extends AutoCloseable {
  InputFile newInputFile(String location);

  OutputFile newOutputFile(String location);

  /** Deletes a file; deleting a missing file is not an error. */
  void deleteFile(String location);

  @Override
  default void close() {
  }
}
