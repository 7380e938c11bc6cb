package io.floe.engine.exec.spill;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Operator;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a run written by {@link RunWriter} back, one batch per {@link #next()}. */
final class RunReader implements Operator {
  private static final int BUFFER_BYTES = 1 << 16;

  private final Path file;
  private DataInputStream in;

  RunReader(Path file) {
    this.file = file;
    try {
      this.in = new DataInputStream(new BufferedInputStream(new FileInputStream(file.toFile()), BUFFER_BYTES));
    } catch (IOException e) {
      throw SpillErrors.io("cannot read the spill file " + file, e);
    }
  }

  @Override
  public Batch next() {
    if (in == null) {
      return null;
    }
    try {
      int rows = in.readInt();
      if (rows == 0) {
        close();
        return null;
      }
      Column[] columns = new Column[in.readInt()];
      for (int c = 0; c < columns.length; c++) {
        columns[c] = ColumnCodec.read(in, rows);
      }
      return new Batch(rows, columns);
    } catch (IOException e) {
      throw SpillErrors.io("cannot read the spill file " + file, e);
    }
  }

  @Override
  public void close() {
    if (in == null) {
      return;
    }
    try {
      in.close();
    } catch (IOException e) {
      throw SpillErrors.io("cannot close the spill file " + file, e);
    } finally {
      in = null;
    }
  }
}
