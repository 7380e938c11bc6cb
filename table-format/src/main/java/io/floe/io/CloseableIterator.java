package io.floe.io;

import java.util.Iterator;

/** An iterator over resources (files, buffers) that must be released by {@link #close()}. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  /** Releases the resources; never throws a checked exception. */
  @Override
  void close();
}
