package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.engine.expr.RowFilter;
import io.floe.expressions.StrictMetricsEvaluator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/** Which of the scan's columns a {@link ScanFilter} decodes for a join key filter's test. */
class ScanFilterDecodingTest {
  private static final int ROWS = 10;

  @Test
  void aJoinKeyFilterDecodesItsKeyColumnOnlyWhileItTestsRows() {
    try (BufferAllocator allocator = new RootAllocator();
        BigIntVector output = vector(allocator, "v");
        BigIntVector key = vector(allocator, "k")) {
      FieldVector[] vectors = {output, key};
      JoinKeyFilter filter = new JoinKeyFilter(1);
      JoinKeyFilterRows test = new JoinKeyFilterRows(filter, new int[] {1}, new JoinKeyFilterRows.Counts());
      List<StrictMetricsEvaluator> noStatistics = new ArrayList<>();
      noStatistics.add(null);
      // the key column 1 is read only by the filter; the batches hold column 0
      ScanFilter scan = new ScanFilter(List.of(new RowFilter.Conjunct(test, new int[] {1}, false, null)),
          noStatistics, 1, new RowGroupSkips());
      List<Integer> decoded = new ArrayList<>();
      ScanFilter.ColumnSource source = (c, rows, count) -> {
        decoded.add(c);
        return vectors[c];
      };

      // not ready (no build part added): every row passes, the key column is not decoded
      Batch before = scan.apply(source, 2, ROWS, null);
      assertEquals(ROWS, before.size());
      assertEquals(List.of(0), decoded);

      // ready with the build keys 3 and 5: the key column is decoded and tested
      LongColumn buildKeys = new LongColumn(new long[] {3, 5}, null, 2, LongColumn.Kind.INTEGER, 0);
      filter.add(Keys.hashes(new Batch(2, new Column[] {buildKeys}), new int[] {0}), 2, null);
      decoded.clear();
      Batch after = scan.apply(source, 2, ROWS, null);
      assertEquals(List.of(1, 0), decoded);
      assertEquals(List.of(3L, 5L), Arrays.asList(after.column(0).toArray()));
    }
  }

  /** A vector of {@link #ROWS} values 0, 1, ...: the key column's values are the output column's. */
  private static BigIntVector vector(BufferAllocator allocator, String name) {
    BigIntVector vector = new BigIntVector(name, allocator);
    vector.allocateNew(ROWS);
    for (int i = 0; i < ROWS; i++) {
      vector.set(i, i);
    }
    vector.setValueCount(ROWS);
    return vector;
  }
}
