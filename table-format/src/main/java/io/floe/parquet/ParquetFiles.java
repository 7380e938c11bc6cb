package io.floe.parquet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.DelegatingPositionOutputStream;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Adapts Floe's {@link io.floe.io.InputFile} / {@link io.floe.io.OutputFile} to Parquet's own file abstractions,
 * so Parquet reads and writes through any Floe {@link io.floe.io.FileIO} (local, S3) without Hadoop paths.
 */
public final class ParquetFiles {
  private static final int WRITE_BUFFER_BYTES = 64 * 1024;

  private ParquetFiles() {
  }

  /** A Parquet input file reading from a Floe input file; its length is looked up once. */
  public static org.apache.parquet.io.InputFile input(io.floe.io.InputFile file) {
    return new Input(file);
  }

  /** A Parquet output file writing to a Floe output file; {@code create} is Floe's atomic, exclusive create. */
  public static org.apache.parquet.io.OutputFile output(io.floe.io.OutputFile file) {
    return new Output(file);
  }

  private static final class Input implements org.apache.parquet.io.InputFile {
    private final io.floe.io.InputFile file;
    private long length = -1;

    Input(io.floe.io.InputFile file) {
      this.file = file;
    }

    @Override
    public long getLength() throws IOException {
      if (length < 0) {
        length = file.getLength();
      }
      return length;
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
      io.floe.io.SeekableInputStream in = file.newStream();
      return new DelegatingSeekableInputStream(in) {
        @Override
        public long getPos() throws IOException {
          return in.getPos();
        }

        @Override
        public void seek(long newPos) throws IOException {
          in.seek(newPos);
        }
      };
    }

    @Override
    public String toString() {
      return file.location();
    }
  }

  static final class Output implements org.apache.parquet.io.OutputFile {
    private final io.floe.io.OutputFile file;
    private io.floe.io.PositionOutputStream created;

    Output(io.floe.io.OutputFile file) {
      this.file = file;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
      created = file.create();
      return wrap(created);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
      created = file.createOrOverwrite();
      return wrap(created);
    }

    /** Discards the file being written (see {@link io.floe.io.PositionOutputStream#abort()}). */
    void abort() throws IOException {
      if (created != null) {
        created.abort();
      }
    }

    private static PositionOutputStream wrap(io.floe.io.PositionOutputStream out) throws IOException {
      long start = out.getPos();
      return new CountingStream(new BufferedOutputStream(out, WRITE_BUFFER_BYTES), start);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    @Override
    public String getPath() {
      return file.location();
    }

    @Override
    public String toString() {
      return file.location();
    }
  }

  /** Counts bytes itself because the buffered bytes have not reached the Floe stream yet. */
  private static final class CountingStream extends DelegatingPositionOutputStream {
    private long pos;

    CountingStream(OutputStream out, long start) {
      super(out);
      this.pos = start;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void write(int b) throws IOException {
      super.write(b);
      pos++;
    }

    @Override
    public void write(byte[] b) throws IOException {
      write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      super.write(b, off, len);
      pos += len;
    }
  }
}
