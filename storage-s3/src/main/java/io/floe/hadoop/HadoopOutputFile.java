package io.floe.hadoop;

import io.floe.io.InputFile;
import io.floe.io.OutputFile;
import io.floe.io.PositionOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A file on a Hadoop file system, to write; see {@link HadoopFileIO} for what {@link #create()} guarantees where. */
final class HadoopOutputFile implements OutputFile {
  private final FileSystem fs;
  private final Path path;
  private final String location;

  HadoopOutputFile(FileSystem fs, Path path, String location) {
    this.fs = fs;
    this.path = path;
    this.location = location;
  }

  /** Writes a hidden temporary file, renamed to the target on close unless the target exists. */
  @Override
  public PositionOutputStream create() throws IOException {
    if (fs.exists(path)) {
      throw new FileAlreadyExistsException(location);
    }
    Path temp = new Path(path.getParent(), "." + path.getName() + "." + UUID.randomUUID() + ".tmp");
    return new Stream(fs.create(temp, false), temp);
  }

  @Override
  public PositionOutputStream createOrOverwrite() throws IOException {
    return new Stream(fs.create(path, true), null);
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public InputFile toInputFile() {
    return new HadoopInputFile(fs, path, location);
  }

  @Override
  public String toString() {
    return location;
  }

  /** Writes to {@code temp} (published on close) or, when null, to the target itself. */
  private final class Stream extends PositionOutputStream {
    private final FSDataOutputStream out;
    private final Path temp;
    private boolean closed;

    Stream(FSDataOutputStream out, Path temp) {
      this.out = out;
      this.temp = temp;
    }

    @Override
    public long getPos() {
      return out.getPos();
    }

    @Override
    public void write(int b) throws IOException {
      checkOpen();
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      checkOpen();
      out.write(b, off, len);
    }

    private void checkOpen() throws IOException {
      if (closed) {
        throw new IOException("stream of " + location + " is closed");
      }
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.close();
        if (temp != null) {
          publish();
        }
      } catch (IOException | RuntimeException e) {
        discard(e);
        throw e;
      }
    }

    private void publish() throws IOException {
      if (fs.exists(path)) {
        throw new FileAlreadyExistsException(location);
      }
      if (!fs.rename(temp, path)) {
        if (fs.exists(path)) {
          throw new FileAlreadyExistsException(location);
        }
        throw new IOException("cannot create " + location + ": renaming " + temp + " into place failed");
      }
    }

    @Override
    public void abort() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.close();
      } finally {
        if (temp != null) {
          fs.delete(temp, false);
        } else {
          fs.delete(path, false);
        }
      }
    }

    /** Removes the temporary file after a failure (the cause keeps any error of this). */
    private void discard(Throwable cause) {
      if (temp == null) {
        return;
      }
      try {
        fs.delete(temp, false);
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
  }
}
