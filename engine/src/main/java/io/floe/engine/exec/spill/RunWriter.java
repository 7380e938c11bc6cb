package io.floe.engine.exec.spill;

import io.floe.engine.exec.Batch;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one sorted run (or hash partition) to a spill file, batch by batch: each batch is its row count, its width and its columns
 * ({@link ColumnCodec}); a row count of 0 ends the run. Remembers the largest batch's memory, which is what a reader
 * of the run holds at a time. Plain file streams, not channels: an interrupt (a canceled query) does not close them
 * mid-write; the operators check for cancellation themselves.
 */
final class RunWriter implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 16;

  private final Path file;
  private final DataOutputStream out;
  private long rows;
  private long largestBatchBytes;

  RunWriter(Path file) {
    this(file, BUFFER_BYTES);
  }

  /** A writer buffering {@code bufferBytes} of output in memory. */
  RunWriter(Path file, int bufferBytes) {
    this.file = file;
    try {
      this.out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(file.toFile()), bufferBytes));
    } catch (IOException e) {
      throw SpillErrors.io("cannot write the spill file " + file, e);
    }
  }

  void write(Batch batch) {
    if (batch.size() == 0) {
      return;
    }
    try {
      out.writeInt(batch.size());
      out.writeInt(batch.width());
      for (int c = 0; c < batch.width(); c++) {
        ColumnCodec.write(out, batch.column(c), batch.size());
      }
    } catch (IOException e) {
      throw SpillErrors.io("cannot write the spill file " + file, e);
    }
    rows += batch.size();
    largestBatchBytes = Math.max(largestBatchBytes, batch.memoryBytes());
  }

  long rows() {
    return rows;
  }

  long largestBatchBytes() {
    return largestBatchBytes;
  }

  /** Ends the run and closes the file; returns its size in bytes. */
  long finish() {
    try {
      out.writeInt(0);
      out.close();
      return Files.size(file);
    } catch (IOException e) {
      throw SpillErrors.io("cannot write the spill file " + file, e);
    }
  }

  /** Closes the file without ending the run (after a failure). */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw SpillErrors.io("cannot close the spill file " + file, e);
    }
  }
}
