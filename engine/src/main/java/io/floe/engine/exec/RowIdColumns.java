package io.floe.engine.exec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The two columns that identify a row of a table, as Iceberg names its metadata columns: {@value #FILE}, the path
 * of the data file holding it, and {@value #POSITION}, its position in that file (from 0, over all row groups). A
 * scan reads them only when asked (row-level statements find the rows they change with them); they are not stored.
 */
public final class RowIdColumns {
  /** The data file's path. */
  public static final String FILE = "_file";
  /** The row's position in its data file. */
  public static final String POSITION = "_pos";

  private RowIdColumns() {
  }

  /** Whether {@code column} names one of the row id columns. */
  public static boolean named(String column) {
    return FILE.equals(column) || POSITION.equals(column);
  }

  /**
   * The vector of row id column {@code column} for rows at {@code positions} (the caller closes it): their
   * positions, or for {@value #FILE} NULLs, which {@link #withFile} replaces by the file's path once the rows are
   * chosen (so the path is not copied for every row read).
   */
  static FieldVector vector(String column, long[] positions, BufferAllocator allocator) {
    return vector(column, positions.length, r -> positions[r], allocator);
  }

  /** As {@link #vector(String, long[], BufferAllocator)} for {@code rows} rows at positions {@code first}, ... */
  static FieldVector vector(String column, long first, int rows, BufferAllocator allocator) {
    return vector(column, rows, r -> first + r, allocator);
  }

  private static FieldVector vector(String column, int rows, IntToLongFunction position, BufferAllocator allocator) {
    if (POSITION.equals(column)) {
      BigIntVector vector = new BigIntVector(POSITION, allocator);
      vector.allocateNew(rows);
      for (int r = 0; r < rows; r++) {
        vector.set(r, position.applyAsLong(r));
      }
      vector.setValueCount(rows);
      return vector;
    }
    VarCharVector vector = new VarCharVector(FILE, allocator);
    vector.allocateNew(0, rows);
    vector.setValueCount(rows);
    return vector;
  }

  /** {@code batch} (of the columns named {@code columns}, all rows of data file {@code file}) with its file column. */
  static Batch withFile(Batch batch, List<String> columns, String file) {
    Column[] out = batch.vectors().clone();
    BytesColumn path = BytesColumn.constant(file.getBytes(StandardCharsets.UTF_8), batch.size(), true);
    for (int c = 0; c < out.length; c++) {
      if (FILE.equals(columns.get(c))) {
        out[c] = path;
      }
    }
    return new Batch(batch.size(), out);
  }
}
