package io.floe.table;

import io.floe.io.FileIO;
import io.floe.io.FileInfo;
import io.floe.io.InputFile;
import io.floe.io.LocalFileIO;
import io.floe.io.OutputFile;
import io.floe.io.SupportsListing;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real local file system, running a hook once, just before the next data file (a {@code .parquet} location) is
 * opened for writing: lets a test slip a concurrent commit into the middle of an operation.
 */
final class HookedFileIO implements FileIO, SupportsListing {
  private final LocalFileIO delegate = new LocalFileIO();
  private final AtomicReference<Runnable> beforeNextDataFile = new AtomicReference<>();

  void beforeNextDataFile(Runnable hook) {
    beforeNextDataFile.set(hook);
  }

  @Override
  public InputFile newInputFile(String location) {
    return delegate.newInputFile(location);
  }

  @Override
  public OutputFile newOutputFile(String location) {
    if (location.endsWith(".parquet")) {
      Runnable hook = beforeNextDataFile.getAndSet(null);
      if (hook != null) {
        hook.run();
      }
    }
    return delegate.newOutputFile(location);
  }

  @Override
  public void deleteFile(String location) {
    delegate.deleteFile(location);
  }

  @Override
  public List<FileInfo> listPrefix(String prefix) {
    return delegate.listPrefix(prefix);
  }
}
