package io.floe.scan;

import io.floe.arrow.ArrowRowView;
import io.floe.arrow.ArrowRows;
import io.floe.io.CloseableIterator;
import io.floe.io.FileIO;
import io.floe.manifest.DataFile;
import io.floe.manifest.FileContent;
import io.floe.parquet.ParquetArrowReader;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads the delete files a scan's data files need ({@link FileScanTask#deletes()}), each once per loader: position
 * delete files into the sorted deleted positions of each data file they name, equality delete files into the set of
 * their rows' values (in the table schema's types). Delete files are immutable, so what is read is kept.
 */
final class DeleteLoader {
  private static final Schema POSITION_DELETE_SCHEMA = new Schema(
      NestedField.required(DeleteFileIndex.FILE_PATH_ID, "file_path", Types.STRING),
      NestedField.required(DeleteFileIndex.POS_ID, "pos", Types.LONG));

  private final FileIO io;
  private final Schema tableSchema;
  private final BufferAllocator allocator;
  private final Map<String, Map<String, long[]>> positionFiles = new HashMap<>();
  private final Map<String, Set<List<Object>>> equalityFiles = new HashMap<>();

  DeleteLoader(FileIO io, Schema tableSchema, BufferAllocator allocator) {
    this.io = io;
    this.tableSchema = tableSchema;
    this.allocator = allocator;
  }

  /** The field ids whose values the equality delete files of {@code tasks} compare, top-level columns all. */
  static Set<Integer> equalityFieldIds(Schema tableSchema, List<FileScanTask> tasks) {
    Set<Integer> ids = new HashSet<>();
    for (FileScanTask task : tasks) {
      for (DataFile delete : task.deletes()) {
        if (delete.content() == FileContent.EQUALITY_DELETES) {
          ids.addAll(equalityColumns(tableSchema, delete).stream().map(NestedField::id).toList());
        }
      }
    }
    return ids;
  }

  /** The deletes of {@code task}'s file. */
  FileDeletes forTask(FileScanTask task) {
    List<long[]> positionLists = new ArrayList<>();
    List<FileDeletes.EqualityDeletes> equality = new ArrayList<>();
    for (DataFile delete : task.deletes()) {
      if (delete.content() == FileContent.POSITION_DELETES) {
        long[] positions = positionFiles.computeIfAbsent(delete.path(), p -> readPositions(delete))
            .get(task.file().path());
        if (positions != null) {
          positionLists.add(positions);
        }
      } else {
        Schema columns = new Schema(equalityColumns(tableSchema, delete));
        Set<List<Object>> keys = equalityFiles.computeIfAbsent(delete.path(), p -> readKeys(delete, columns));
        if (!keys.isEmpty()) {
          equality.add(new FileDeletes.EqualityDeletes(columns, keys));
        }
      }
    }
    return new FileDeletes(merge(positionLists), equality);
  }

  private static List<NestedField> equalityColumns(Schema tableSchema, DataFile delete) {
    List<Integer> ids = delete.equalityFieldIds();
    if (ids == null || ids.isEmpty()) {
      throw new IllegalStateException("equality delete file " + delete.path() + " lists no equality field ids");
    }
    List<NestedField> columns = new ArrayList<>();
    for (int id : ids) {
      NestedField field = tableSchema.asStruct().field(id);
      if (field == null) {
        throw new UnsupportedOperationException("not supported: equality delete file " + delete.path()
            + " compares field id " + id + ", which is not a top-level column of the table's schema");
      }
      columns.add(field);
    }
    return columns;
  }

  private Map<String, long[]> readPositions(DataFile delete) {
    Map<String, LongList> byPath = new HashMap<>();
    read(delete, POSITION_DELETE_SCHEMA, batch -> {
      VarCharVector paths = (VarCharVector) batch.getVector(0);
      BigIntVector positions = (BigIntVector) batch.getVector(1);
      String last = null;
      byte[] lastBytes = null;
      LongList list = null;
      for (int i = 0; i < batch.getRowCount(); i++) {
        byte[] path = paths.get(i);
        if (path == null || positions.isNull(i)) {
          throw new IllegalStateException("position delete file " + delete.path() + " has a null file_path or pos");
        }
        if (!Arrays.equals(path, lastBytes)) {
          lastBytes = path;
          last = new String(path, StandardCharsets.UTF_8);
          list = byPath.computeIfAbsent(last, p -> new LongList());
        }
        list.add(positions.get(i));
      }
    });
    Map<String, long[]> sorted = new HashMap<>();
    byPath.forEach((path, list) -> sorted.put(path, list.sortedDistinct()));
    return sorted;
  }

  private Set<List<Object>> readKeys(DataFile delete, Schema columns) {
    Set<List<Object>> keys = new HashSet<>();
    read(delete, columns, batch -> {
      ArrowRowView row = ArrowRows.rowView(batch, columns, 0);
      for (int i = 0; i < batch.getRowCount(); i++) {
        row.at(i);
        Object[] key = new Object[row.size()];
        for (int c = 0; c < key.length; c++) {
          key[c] = row.get(c);
        }
        keys.add(Arrays.asList(key));
      }
    });
    return keys;
  }

  private void read(DataFile delete, Schema schema, Consumer<VectorSchemaRoot> sink) {
    try (CloseableIterator<VectorSchemaRoot> batches = ParquetArrowReader.read(io.newInputFile(delete.path()), schema,
        allocator, 8192, null)) {
      while (batches.hasNext()) {
        try (VectorSchemaRoot batch = batches.next()) {
          sink.accept(batch);
        }
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read delete file " + delete.path(), e);
    }
  }

  /** The positions of {@code lists} (each sorted and distinct) in one sorted array without repeats. */
  private static long[] merge(List<long[]> lists) {
    if (lists.size() == 1) {
      return lists.get(0);
    }
    LongList all = new LongList();
    for (long[] list : lists) {
      for (long position : list) {
        all.add(position);
      }
    }
    return all.sortedDistinct();
  }

  /** A growable list of longs. */
  private static final class LongList {
    private long[] values = new long[16];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long[] sortedDistinct() {
      long[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      int distinct = 0;
      for (int i = 0; i < sorted.length; i++) {
        if (i == 0 || sorted[i] != sorted[i - 1]) {
          sorted[distinct++] = sorted[i];
        }
      }
      return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
    }
  }
}
