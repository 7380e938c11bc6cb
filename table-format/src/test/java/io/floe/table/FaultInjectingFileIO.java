package io.floe.table;

import io.floe.io.FileIO;
import io.floe.io.InputFile;
import io.floe.io.LocalFileIO;
import io.floe.io.OutputFile;
import io.floe.io.PositionOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real local file system with injected failures of metadata version creates: the next {@code n} creates of a
 * {@code v<N>.metadata.json} fail with an I/O error either after the file was published (the write "landed" but
 * its answer was lost) or before (nothing written), and reads of version files can be made to fail too.
 */
final class FaultInjectingFileIO implements FileIO {
  enum Fault { AFTER_PUBLISH, BEFORE_PUBLISH }

  private final LocalFileIO delegate = new LocalFileIO();
  private final AtomicInteger failCreates = new AtomicInteger();
  private final AtomicInteger failVersionReads = new AtomicInteger();
  private volatile Fault fault = Fault.AFTER_PUBLISH;

  void failNextVersionCreates(int n, Fault kind) {
    fault = kind;
    failCreates.set(n);
  }

  void failNextVersionReads(int n) {
    failVersionReads.set(n);
  }

  private static boolean isVersionFile(String location) {
    return location.matches(".*/metadata/v\\d+\\.metadata\\.json");
  }

  @Override
  public InputFile newInputFile(String location) {
    InputFile real = delegate.newInputFile(location);
    if (!isVersionFile(location)) {
      return real;
    }
    return new InputFile() {
      @Override
      public long getLength() throws IOException {
        check();
        return real.getLength();
      }

      @Override
      public io.floe.io.SeekableInputStream newStream() throws IOException {
        check();
        return real.newStream();
      }

      private void check() throws IOException {
        if (failVersionReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          throw new IOException("injected read failure of " + location);
        }
      }

      @Override
      public String location() {
        return location;
      }

      @Override
      public boolean exists() {
        return real.exists();
      }
    };
  }

  @Override
  public OutputFile newOutputFile(String location) {
    OutputFile real = delegate.newOutputFile(location);
    if (!isVersionFile(location)) {
      return real;
    }
    return new OutputFile() {
      @Override
      public PositionOutputStream create() throws IOException {
        PositionOutputStream out = real.create();
        if (failCreates.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
          return out;
        }
        return new PositionOutputStream() {
          @Override
          public long getPos() throws IOException {
            return out.getPos();
          }

          @Override
          public void write(int b) throws IOException {
            out.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            if (fault == Fault.AFTER_PUBLISH) {
              out.close();
            } else {
              out.abort();
            }
            throw new IOException("injected failure: connection reset while creating " + location);
          }
        };
      }

      @Override
      public PositionOutputStream createOrOverwrite() throws IOException {
        return real.createOrOverwrite();
      }

      @Override
      public String location() {
        return location;
      }

      @Override
      public InputFile toInputFile() {
        return newInputFile(location);
      }
    };
  }

  @Override
  public void deleteFile(String location) {
    delegate.deleteFile(location);
  }
}
