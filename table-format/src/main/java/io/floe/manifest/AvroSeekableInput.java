package io.floe.manifest;

import io.floe.io.InputFile;
import io.floe.io.SeekableInputStream;
import java.io.IOException;
import org.apache.avro.file.SeekableInput;

/** Avro's {@link SeekableInput} over a Floe {@link InputFile}. */
final class AvroSeekableInput implements SeekableInput {
  private final SeekableInputStream stream;
  private final long length;

  AvroSeekableInput(InputFile file) throws IOException {
    this.length = file.getLength();
    this.stream = file.newStream();
  }

  @Override
  public void seek(long p) throws IOException {
    stream.seek(p);
  }

  @Override
  public long tell() throws IOException {
    return stream.getPos();
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return stream.read(b, off, len);
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
