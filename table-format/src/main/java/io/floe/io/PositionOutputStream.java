package io.floe.io;

import java.io.IOException;
import java.io.OutputStream;

/** An output stream that knows its position. */
public abstract class PositionOutputStream extends OutputStream {
  public abstract long getPos() throws IOException;
}
