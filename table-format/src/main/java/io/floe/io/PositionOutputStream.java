package io.floe.io;

import java.io.IOException;
import java.io.OutputStream;

/** An output stream that knows its position. */
public abstract class PositionOutputStream extends OutputStream {
  public abstract long getPos() throws IOException;

  /**
   * Gives up writing after a failure: where the IO can, nothing of the file becomes visible (a local temporary
   * file is removed, an upload is aborted). The default closes the stream; the caller then deletes the file.
   */
  public void abort() throws IOException {
    close();
  }
}
