package io.floe.io;

import java.io.IOException;

/** A readable file. */
public interface InputFile {
  /** The length in bytes; {@link java.io.FileNotFoundException} (or NoSuchFileException) when missing. */
  long getLength() throws IOException;

  SeekableInputStream newStream() throws IOException;

  String location();

  boolean exists();
}
