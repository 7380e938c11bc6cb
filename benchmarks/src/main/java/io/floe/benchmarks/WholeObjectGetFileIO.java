package io.floe.benchmarks;

import io.floe.io.FileIO;
import io.floe.io.InputFile;
import io.floe.io.OutputFile;
import io.floe.io.SeekableInputStream;
import java.io.EOFException;
import java.io.IOException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The naive way to read S3 objects, as a baseline: each stream downloads its whole object with one plain GET
 * ({@code getObjectAsBytes}), then serves seeks and reads from memory. Writes go to {@code writes}.
 */
final class WholeObjectGetFileIO implements FileIO {
  private final S3Client client;
  private final FileIO writes;

  WholeObjectGetFileIO(S3Client client, FileIO writes) {
    this.client = client;
    this.writes = writes;
  }

  @Override
  public InputFile newInputFile(String location) {
    return new InputFile() {
      private byte[] bytes;

      private byte[] bytes() {
        if (bytes == null) {
          int slash = location.indexOf('/', "s3://".length());
          String bucket = location.substring("s3://".length(), slash);
          bytes = client.getObjectAsBytes(b -> b.bucket(bucket).key(location.substring(slash + 1))).asByteArray();
        }
        return bytes;
      }

      @Override
      public long getLength() {
        return bytes().length;
      }

      @Override
      public SeekableInputStream newStream() {
        return new ByteArrayStream(bytes());
      }

      @Override
      public String location() {
        return location;
      }

      @Override
      public boolean exists() {
        return writes.newInputFile(location).exists();
      }
    };
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return writes.newOutputFile(location);
  }

  @Override
  public void deleteFile(String location) {
    writes.deleteFile(location);
  }

  /** A seekable stream over a byte array. */
  private static final class ByteArrayStream extends SeekableInputStream {
    private final byte[] data;
    private int pos;

    ByteArrayStream(byte[] data) {
      this.data = data;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void seek(long newPos) throws IOException {
      if (newPos < 0 || newPos > data.length) {
        throw new EOFException("seek to " + newPos + " outside [0, " + data.length + "]");
      }
      pos = (int) newPos;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(len, data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
