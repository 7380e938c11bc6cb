package io.floe.table;

import io.floe.arrow.ArrowRowView;
import io.floe.arrow.ArrowRows;
import io.floe.data.Record;
import io.floe.expressions.Expressions;
import io.floe.io.FileIO;
import io.floe.scan.ArrowScanReader;
import io.floe.scan.FileScanTask;
import io.floe.scan.ScanMetrics;
import io.floe.types.Schema;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads every live row of one data file (those its delete files leave), for operations that rewrite files
 * (copy-on-write deletes, compaction).
 */
final class DataFileRows {
  private DataFileRows() {
  }

  /** How many rows a read found in the file, and how many of them its delete files left. */
  record Counts(long fileRows, long liveRows) {
  }

  /**
   * Passes each live row of {@code task}'s file, in {@code schema} (columns matched by field id), to {@code sink}.
   * The row is a view valid only during the call: copy it ({@link io.floe.data.Records#copy}) to keep it.
   */
  static Counts read(FileIO io, FileScanTask task, Schema schema, BufferAllocator allocator,
                     Consumer<Record> sink) {
    long rows = 0;
    ScanMetrics metrics = new ScanMetrics();
    try (ArrowScanReader batches = new ArrowScanReader(io, List.of(task), schema, schema, Expressions.alwaysTrue(),
        allocator, 8192, metrics)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          ArrowRowView view = ArrowRows.rowView(batch, schema, 0);
          for (int i = 0; i < batch.getRowCount(); i++) {
            sink.accept(view.at(i));
          }
          rows += batch.getRowCount();
        }
      }
    }
    return new Counts(metrics.rowsRead(), rows);
  }
}
