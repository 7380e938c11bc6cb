package io.floe.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Schema;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;

/**
 * Writes data and delete files of a table with Apache Iceberg's own writers, as Spark and Trino do for merge-on-read:
 * the other side of Floe's reading of delete files.
 */
public final class IcebergDeleteWriter {
  private IcebergDeleteWriter() {
  }

  /** One Parquet data file per partition, row groups of about {@code rowGroupBytes}. */
  public static List<DataFile> writeData(Table table, List<Record> rows, int rowGroupBytes) throws Exception {
    List<DataFile> files = new ArrayList<>();
    for (Map.Entry<PartitionKey, List<Record>> group : byPartition(table, rows).entrySet()) {
      DataWriter<Record> writer = Parquet.writeData(out(table, group.getKey()))
          .forTable(table)
          .withSpec(table.spec())
          .withPartition(group.getKey())
          .set("write.parquet.row-group-size-bytes", Integer.toString(rowGroupBytes))
          .set("write.parquet.row-group-check-min-record-count", "10")
          .set("write.parquet.row-group-check-max-record-count", "50")
          .createWriterFunc(GenericParquetWriter::create)
          .overwrite()
          .build();
      try (writer) {
        group.getValue().forEach(writer::write);
      }
      files.add(writer.toDataFile());
    }
    return files;
  }

  /** A position delete file of {@code file}'s partition deleting {@code positions} (ascending) of {@code path}s. */
  public static DeleteFile positionDeletes(Table table, DataFile file, Map<String, long[]> positionsByPath)
      throws Exception {
    PartitionKey partition = new PartitionKey(table.spec(), table.schema());
    StructLike values = file.partition();
    for (int i = 0; i < table.spec().fields().size(); i++) {
      partition.set(i, values.get(i, Object.class));
    }
    PositionDeleteWriter<Record> writer = Parquet.writeDeletes(out(table, partition))
        .withSpec(table.spec())
        .withPartition(partition)
        .overwrite()
        .buildPositionWriter();
    PositionDelete<Record> delete = PositionDelete.create();
    try (writer) {
      for (String path : positionsByPath.keySet().stream().sorted().toList()) {
        for (long position : positionsByPath.get(path)) {
          writer.write(delete.set(path, position));
        }
      }
    }
    return writer.toDeleteFile();
  }

  /**
   * An equality delete file of {@code partition} (null for an unpartitioned table) comparing the columns of
   * {@code deleteSchema}, one row per key.
   */
  public static DeleteFile equalityDeletes(Table table, PartitionKey partition, Schema deleteSchema,
                                           List<Object[]> keys) throws Exception {
    int[] ids = deleteSchema.columns().stream().mapToInt(f -> f.fieldId()).toArray();
    EqualityDeleteWriter<Record> writer = Parquet.writeDeletes(out(table, partition))
        .forTable(table)
        .withSpec(table.spec())
        .withPartition(partition)
        .rowSchema(deleteSchema)
        .equalityFieldIds(ids)
        .createWriterFunc(GenericParquetWriter::create)
        .overwrite()
        .buildEqualityWriter();
    try (writer) {
      for (Object[] key : keys) {
        GenericRecord r = GenericRecord.create(deleteSchema);
        for (int i = 0; i < key.length; i++) {
          r.set(i, key[i]);
        }
        writer.write(r);
      }
    }
    return writer.toDeleteFile();
  }

  /** The partition of {@code table}'s spec holding {@code row}. */
  public static PartitionKey partitionOf(Table table, Record row) {
    PartitionKey key = new PartitionKey(table.spec(), table.schema());
    key.partition(new InternalRecordWrapper(table.schema().asStruct()).wrap(row));
    return key;
  }

  /**
   * Deletes the row whose {@code column} holds {@code value} by its position (a position delete file of one row,
   * committed as a row delta that checks the data file still exists), as a merge-on-read engine deletes a row.
   */
  public static void deleteByPosition(Table table, String column, Object value) throws Exception {
    table.refresh();
    long start = table.currentSnapshot().snapshotId();
    for (FileScanTask task : table.newScan().planFiles()) {
      long position = values(table, task.file(), column).indexOf(value);
      if (position >= 0) {
        DeleteFile delete = positionDeletes(table, task.file(),
            Map.of(task.file().path().toString(), new long[] {position}));
        table.newRowDelta().addDeletes(delete).validateFromSnapshot(start)
            .validateDataFilesExist(List.of(task.file().path())).commit();
        return;
      }
    }
    throw new IllegalStateException("no row with " + column + " = " + value + " in " + table.location());
  }

  /** The values of {@code column} in {@code file}, in file order (its row positions). */
  public static List<Object> values(Table table, DataFile file, String column) throws Exception {
    Schema projection = table.schema().select(column);
    List<Object> values = new ArrayList<>();
    try (CloseableIterable<Record> rows = Parquet.read(table.io().newInputFile(file.path().toString()))
        .project(projection)
        .createReaderFunc(type -> GenericParquetReaders.buildReader(projection, type))
        .build()) {
      for (Record r : rows) {
        values.add(r.get(0));
      }
    }
    return values;
  }

  private static Map<PartitionKey, List<Record>> byPartition(Table table, List<Record> rows) {
    Map<PartitionKey, List<Record>> groups = new HashMap<>();
    for (Record r : rows) {
      groups.computeIfAbsent(partitionOf(table, r), k -> new ArrayList<>()).add(r);
    }
    return groups;
  }

  private static OutputFile out(Table table, PartitionKey partition) {
    String name = UUID.randomUUID() + ".parquet";
    return table.io().newOutputFile(partition == null || table.spec().isUnpartitioned()
        ? table.locationProvider().newDataLocation(name)
        : table.locationProvider().newDataLocation(table.spec(), partition, name));
  }
}
