package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.data.GenericRecord;
import io.floe.manifest.DataFile;
import io.floe.manifest.FileContent;
import io.floe.parquet.ParquetDataWriter;
import io.floe.parquet.WriteResult;
import io.floe.partition.PartitionSpec;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.util.UUID;

/**
 * Writes the position delete file of one data file (Iceberg spec: rows {@code file_path}, {@code pos} with the
 * reserved field ids, sorted by position), in the data file's partition and spec, next to the table's data files.
 */
public final class PositionDeleteWriter {
  /** The schema of position delete files (without the optional {@code row} column). */
  public static final Schema SCHEMA = new Schema(
      new NestedField(2147483546, "file_path", Types.STRING, true, "Path of a file in which a deleted row is stored"),
      new NestedField(2147483545, "pos", Types.LONG, true, "Ordinal position of a deleted row in the data file"));

  private PositionDeleteWriter() {
  }

  /**
   * Writes the delete file listing {@code positions[0..count)} (increasing) of {@code dataFile} of {@code table};
   * the caller adds it with {@link OverwriteFiles#addPositionDeletes} or deletes it when the commit fails.
   */
  public static DataFile write(Table table, DataFile dataFile, long[] positions, int count) {
    TableOperations ops = table.operations();
    PartitionSpec spec = table.metadata().specById(dataFile.specId());
    String path = spec.isUnpartitioned() ? "" : spec.partitionPath(dataFile.partition());
    String location = ops.dataFileLocation(path, UUID.randomUUID() + "-deletes.parquet");
    ParquetDataWriter writer = ParquetDataWriter.create(ops.io().newOutputFile(location), SCHEMA,
        TableWriter.writeOptions(table.metadata()));
    try {
      for (int i = 0; i < count; i++) {
        if (i > 0 && positions[i] <= positions[i - 1]) {
          throw new IllegalArgumentException("positions of deleted rows of " + dataFile.path()
              + " must increase: " + positions[i - 1] + " then " + positions[i]);
        }
        writer.write(GenericRecord.of(SCHEMA.asStruct(), dataFile.path(), positions[i]));
      }
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    WriteResult result = writer.close();
    return new DataFile(FileContent.POSITION_DELETES, location, "PARQUET", spec.specId(), dataFile.partition(),
        count, result.fileSizeInBytes(), result.metrics(), result.splitOffsets(), null, null);
  }
}
