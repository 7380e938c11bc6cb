package io.floe.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** A local file opened for writing; see {@link LocalFileIO} for the atomic create. */
final class LocalOutputFile implements OutputFile {
  private final String location;
  private final Path path;

  LocalOutputFile(String location, Path path) {
    this.location = location;
    this.path = path;
  }

  @Override
  public PositionOutputStream create() throws IOException {
    if (Files.exists(path)) {
      throw new FileAlreadyExistsException(location);
    }
    return open(true);
  }

  @Override
  public PositionOutputStream createOrOverwrite() throws IOException {
    return open(false);
  }

  private PositionOutputStream open(boolean exclusive) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = parent.resolve("." + path.getFileName() + "." + UUID.randomUUID() + ".tmp");
    FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new TempFileStream(channel, temp, exclusive);
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public InputFile toInputFile() {
    return new LocalInputFile(location, path);
  }

  @Override
  public String toString() {
    return location;
  }

  /** Writes to a temporary file and publishes it on close: hard link (exclusive) or atomic rename. */
  private final class TempFileStream extends PositionOutputStream {
    private final FileChannel channel;
    private final OutputStream out;
    private final Path temp;
    private final boolean exclusive;
    private long pos;
    private boolean closed;

    TempFileStream(FileChannel channel, Path temp, boolean exclusive) {
      this.channel = channel;
      this.out = Channels.newOutputStream(channel);
      this.temp = temp;
      this.exclusive = exclusive;
    }

    @Override
    public long getPos() {
      return pos;
    }

    private void checkOpen() throws IOException {
      if (closed) {
        throw new IOException("stream of " + location + " is closed");
      }
    }

    @Override
    public void write(int b) throws IOException {
      checkOpen();
      out.write(b);
      pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      checkOpen();
      out.write(b, off, len);
      pos += len;
    }

    @Override
    public void abort() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        channel.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        channel.force(true);
        channel.close();
        if (exclusive) {
          Files.createLink(path, temp);
        } else {
          Files.move(temp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
