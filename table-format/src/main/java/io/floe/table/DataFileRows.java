package io.floe.table;

import io.floe.arrow.ArrowRowView;
import io.floe.arrow.ArrowRows;
import io.floe.data.Record;
import io.floe.io.CloseableIterator;
import io.floe.io.FileIO;
import io.floe.manifest.DataFile;
import io.floe.parquet.ParquetArrowReader;
import io.floe.types.Schema;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Reads every row of one data file, for operations that rewrite files (copy-on-write deletes, compaction). */
final class DataFileRows {
  private DataFileRows() {
  }

  /**
   * Passes each row of {@code file}, in {@code schema} (columns matched by field id), to {@code sink} and returns
   * how many there were. The row is a view valid only during the call: copy it ({@link io.floe.data.Records#copy})
   * to keep it.
   */
  static long read(FileIO io, String tableName, DataFile file, Schema schema, BufferAllocator allocator,
                   Consumer<Record> sink) {
    long rows = 0;
    try (CloseableIterator<VectorSchemaRoot> batches = ParquetArrowReader.read(io.newInputFile(file.path()), schema,
        allocator, 8192, null)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          ArrowRowView view = ArrowRows.rowView(batch, schema, 0);
          for (int i = 0; i < batch.getRowCount(); i++) {
            sink.accept(view.at(i));
          }
          rows += batch.getRowCount();
        }
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read data file " + file.path() + " of table " + tableName, e);
    }
    return rows;
  }
}
