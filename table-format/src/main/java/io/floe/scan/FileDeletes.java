package io.floe.scan;

import io.floe.arrow.ArrowRowView;
import io.floe.arrow.ArrowRows;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The rows one data file loses to its delete files: the positions its position deletes name, and the rows whose
 * values of an equality delete file's columns equal one of that file's rows (NULL equal to NULL, as the table spec
 * says).
 */
record FileDeletes(long[] positions, List<EqualityDeletes> equality) {

  /** The rows of one equality delete file and the columns it compares. */
  record EqualityDeletes(Schema columns, Set<List<Object>> keys) {
  }

  boolean isEmpty() {
    return positions.length == 0 && equality.isEmpty();
  }

  /**
   * Writes to {@code kept} the indexes of the {@code rows} rows of a batch (its first row at position
   * {@code firstRow} of the file) that are not deleted, and returns how many there are. {@code columns} gives the
   * batch's vector of a column an equality delete file compares (asked for only if there is one).
   */
  int keep(Function<NestedField, FieldVector> columns, long firstRow, int rows, int[] kept) {
    List<ArrowRowView> views = new ArrayList<>(equality.size());
    for (EqualityDeletes delete : equality) {
      List<FieldVector> vectors = new ArrayList<>();
      for (NestedField field : delete.columns().columns()) {
        vectors.add(columns.apply(field));
      }
      // a view of vectors the batch owns: the root is not closed
      views.add(ArrowRows.rowView(new VectorSchemaRoot(vectors), delete.columns(), 0));
    }
    int next = Arrays.binarySearch(positions, firstRow);
    next = next >= 0 ? next : -next - 1;
    int count = 0;
    for (int i = 0; i < rows; i++) {
      if (next < positions.length && positions[next] == firstRow + i) {
        next++;
        continue;
      }
      if (!equalityDeleted(views, i)) {
        kept[count++] = i;
      }
    }
    return count;
  }

  private boolean equalityDeleted(List<ArrowRowView> views, int row) {
    for (int d = 0; d < views.size(); d++) {
      ArrowRowView view = views.get(d).at(row);
      Object[] key = new Object[view.size()];
      for (int c = 0; c < key.length; c++) {
        key[c] = view.get(c);
      }
      if (equality.get(d).keys().contains(Arrays.asList(key))) {
        return true;
      }
    }
    return false;
  }
}
