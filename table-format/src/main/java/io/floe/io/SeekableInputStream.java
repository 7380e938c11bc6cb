package io.floe.io;

import java.io.IOException;
import java.io.InputStream;

/** An input stream that can seek. */
public abstract class SeekableInputStream extends InputStream {
  public abstract long getPos() throws IOException;

  public abstract void seek(long newPos) throws IOException;

  /** Reads exactly {@code len} bytes or fails with EOFException. */
  public void readFully(byte[] bytes, int off, int len) throws IOException {
    int done = 0;
    while (done < len) {
      int n = read(bytes, off + done, len - done);
      if (n < 0) {
        throw new java.io.EOFException("reached the end of the stream with " + (len - done) + " bytes left to read");
      }
      done += n;
    }
  }
}
