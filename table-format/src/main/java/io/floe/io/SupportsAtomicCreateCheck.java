package io.floe.io;

/**
 * A {@link FileIO} whose atomic, exclusive {@link OutputFile#create()} depends on the store behind it (an object
 * store must honour conditional writes) and can be verified before a table relies on it for commits.
 */
public interface SupportsAtomicCreateCheck {
  /**
   * Verifies that {@link OutputFile#create()} is atomic and exclusive at {@code location} (it may write and
   * remove a probe file there). Fails with {@link UnsupportedOperationException} naming the store if it is not.
   */
  void verifyAtomicCreate(String location);
}
