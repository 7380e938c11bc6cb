package io.floe.engine.dml;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Columns;
import io.floe.expressions.Expressions;
import io.floe.scan.ArrowScanReader;
import io.floe.scan.FileScanTask;
import io.floe.scan.ScanMetrics;
import io.floe.table.Table;
import io.floe.types.Schema;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads every row of one data file of the target table as engine batches of all the table's columns, typed (the
 * scan's column copies), so a statement's compiled WHERE runs on the expression kernels.
 */
final class TargetFileReader {
  private static final int BATCH_SIZE = 8192;

  private TargetFileReader() {
  }

  /** Passes each batch of {@code task}'s file to {@code sink} until it returns false; columns in table order. */
  static void read(Table table, Schema schema, FileScanTask task, BatchSink sink) {
    read(table, schema, task, false, (batch, positions) -> sink.accept(batch));
  }

  /** As {@link #read}, with the positions in the file of each batch's rows (what a position delete file lists). */
  static void readWithPositions(Table table, Schema schema, FileScanTask task, PositionedBatchSink sink) {
    read(table, schema, task, true, sink);
  }

  private static void read(Table table, Schema schema, FileScanTask task, boolean positions, PositionedBatchSink sink) {
    try (BufferAllocator allocator = new RootAllocator();
         ArrowScanReader batches = new ArrowScanReader(table.io(), List.of(task), table.schema(), schema,
             Expressions.alwaysTrue(), allocator, BATCH_SIZE, new ScanMetrics())) {
      if (positions) {
        batches.trackingPositions();
      }
      while (batches.hasNext()) {
        Batch batch;
        try (VectorSchemaRoot root = batches.next()) {
          int rows = root.getRowCount();
          Column[] columns = new Column[root.getFieldVectors().size()];
          for (int c = 0; c < columns.length; c++) {
            columns[c] = Columns.fromArrow(root.getVector(c), rows);
          }
          batch = new Batch(rows, columns);
        }
        if (batch.size() > 0 && !sink.accept(batch, positions ? batches.positions() : null)) {
          return;
        }
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read data file " + task.file().path() + " of table " + table.name(), e);
    }
  }

  /** Receives batches and the file positions of their rows; returns false to stop reading. */
  @FunctionalInterface
  interface PositionedBatchSink {
    boolean accept(Batch batch, long[] positions);
  }

  /** Receives batches; returns false to stop reading. */
  @FunctionalInterface
  interface BatchSink {
    boolean accept(Batch batch);
  }

}
