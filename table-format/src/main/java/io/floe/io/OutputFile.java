package io.floe.io;

import java.io.IOException;

/** A writable file. */
public interface OutputFile {
  /**
   * Creates the file; it becomes visible, whole, when the stream is closed. Fails with
   * {@link java.nio.file.FileAlreadyExistsException} if it exists (on close at the latest). Atomic and exclusive.
   */
  PositionOutputStream create() throws IOException;

  /** Creates or replaces the file. */
  PositionOutputStream createOrOverwrite() throws IOException;

  String location();

  InputFile toInputFile();
}
