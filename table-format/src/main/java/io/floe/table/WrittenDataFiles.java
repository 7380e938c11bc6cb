package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.data.Record;
import io.floe.manifest.DataFile;
import io.floe.metadata.TableMetadata;
import java.util.ArrayList;
import java.util.List;

/** The data files an operation writes itself, through {@link TableWriter}s; deleted again if the operation fails. */
final class WrittenDataFiles {
  private final TableOperations ops;
  private final TableMetadata metadata;
  private final List<TableWriter> writers = new ArrayList<>();

  WrittenDataFiles(TableOperations ops, TableMetadata metadata) {
    this.ops = ops;
    this.metadata = metadata;
  }

  /** A writer whose files are tracked here; files roll at the table's target file size. */
  TableWriter newWriter() {
    return track(new TableWriter(ops, metadata, false));
  }

  /** A writer whose files are tracked here; files roll at {@code targetFileSize} bytes. */
  TableWriter newWriter(long targetFileSize) {
    return track(new TableWriter(ops, metadata, targetFileSize, false));
  }

  private TableWriter track(TableWriter writer) {
    writers.add(writer);
    return writer;
  }

  /** Writes the rows into new data files and returns them; on failure deletes what this call wrote. */
  List<DataFile> write(Iterable<? extends Record> rows) {
    return writeAll(newWriter(), rows).complete();
  }

  /**
   * Writes the rows into new data files with a writer that sketches the values for an append; returns it,
   * complete. On failure deletes what this call wrote.
   */
  TableWriter writeSketched(Iterable<? extends Record> rows) {
    return writeAll(track(new TableWriter(ops, metadata, true)), rows);
  }

  private static TableWriter writeAll(TableWriter writer, Iterable<? extends Record> rows) {
    try {
      writer.writeAll(rows);
      writer.complete();
      return writer;
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
  }

  /** Deletes every file written here (complete or not); for an operation that failed for sure. */
  void deleteAll() {
    for (TableWriter w : writers) {
      for (String location : w.writtenLocations()) {
        ops.io().deleteFile(location);
      }
    }
  }
}
