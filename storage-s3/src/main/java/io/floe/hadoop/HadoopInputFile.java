package io.floe.hadoop;

import io.floe.io.InputFile;
import io.floe.io.SeekableInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A file on a Hadoop file system, to read. */
final class HadoopInputFile implements InputFile {
  private final FileSystem fs;
  private final Path path;
  private final String location;
  private long length = -1;

  HadoopInputFile(FileSystem fs, Path path, String location) {
    this.fs = fs;
    this.path = path;
    this.location = location;
  }

  @Override
  public long getLength() throws IOException {
    if (length < 0) {
      length = fs.getFileStatus(path).getLen();
    }
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    return new Stream(fs.open(path));
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public boolean exists() {
    try {
      return fs.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look up " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return location;
  }

  /** Floe's seekable stream over Hadoop's. */
  private static final class Stream extends SeekableInputStream {
    private final FSDataInputStream in;

    Stream(FSDataInputStream in) {
      this.in = in;
    }

    @Override
    public long getPos() throws IOException {
      return in.getPos();
    }

    @Override
    public void seek(long newPos) throws IOException {
      in.seek(newPos);
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public void readFully(byte[] bytes, int off, int len) throws IOException {
      in.readFully(bytes, off, len);
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
