package io.floe.engine.exec;

import java.nio.charset.StandardCharsets;
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
   * The vector of row id column {@code column} for {@code positions.length} rows of data file {@code file}: the
   * caller closes it.
   */
  static FieldVector vector(String column, String file, long[] positions, BufferAllocator allocator) {
    int rows = positions.length;
    if (POSITION.equals(column)) {
      BigIntVector vector = new BigIntVector(POSITION, allocator);
      vector.allocateNew(rows);
      for (int r = 0; r < rows; r++) {
        vector.set(r, positions[r]);
      }
      vector.setValueCount(rows);
      return vector;
    }
    byte[] path = file.getBytes(StandardCharsets.UTF_8);
    VarCharVector vector = new VarCharVector(FILE, allocator);
    vector.allocateNew((long) path.length * rows, rows);
    for (int r = 0; r < rows; r++) {
      vector.set(r, path);
    }
    vector.setValueCount(rows);
    return vector;
  }
}
