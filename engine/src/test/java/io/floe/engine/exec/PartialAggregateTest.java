package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * The partial aggregation keeps grouping when it reduces the rows and passes rows through (each its own partial
 * state) when keys are nearly unique, and emits its groups early when they outgrow its share of the memory; either
 * way the final aggregation over its output gives the plain result.
 */
class PartialAggregateTest {
  private static final RelDataType BIGINT = new JavaTypeFactoryImpl().createSqlType(SqlTypeName.BIGINT);

  @Test
  void nearlyUniqueKeysPassThroughAndStillAggregateCorrectly() {
    int rows = 50_000;
    List<String> plain = drain(new HashAggregateOperator(source(rows, 40_000), new int[] {0}, plain()));
    List<Batch> partial = batches(new PartialAggregateOperator(source(rows, 40_000), new int[] {0}, partial(), null));
    assertEquals(rows, partial.stream().mapToInt(Batch::size).sum(),
        "after the sample every row is its own partial state (grouping would give 40000 rows)");
    assertEquals(plain, drain(new HashAggregateOperator(replay(partial), new int[] {0}, combine())));
    assertEquals(40_000, plain.size());
  }

  @Test
  void fewKeysKeepGrouping() {
    List<String> plain = drain(new HashAggregateOperator(source(50_000, 10), new int[] {0}, plain()));
    List<Batch> partial = batches(new PartialAggregateOperator(source(50_000, 10), new int[] {0}, partial(), null));
    assertEquals(10, partial.stream().mapToInt(Batch::size).sum());
    assertEquals(plain, drain(new HashAggregateOperator(replay(partial), new int[] {0}, combine())));
  }

  @Test
  void overItsShareOfTheMemoryItEmitsEarly() {
    // 800,000 rows: each block of 65,536 rows has 8,192 keys of its own (grouping pays), 13 blocks, 106,496 keys
    IntUnaryOperator key = i -> i % 8192 + 8192 * (i / 65_536);
    int rows = 800_000;
    List<String> plain = drain(new HashAggregateOperator(source(rows, key), new int[] {0}, plain()));
    assertEquals(106_496, plain.size());
    // 4 MiB hold about 20,000 groups: the table is emitted every 2 or 3 blocks, splitting a block's keys
    try (BufferAllocator allocator = new RootAllocator(4L << 20)) {
      List<Batch> partial = batches(new PartialAggregateOperator(source(rows, key), new int[] {0}, partial(),
          allocator, 1));
      int partialRows = partial.stream().mapToInt(Batch::size).sum();
      assertTrue(partialRows > plain.size() && partialRows < rows / 4,
          "groups emitted before the end of the input, each key more than once: " + partialRows);
      assertEquals(plain, drain(new HashAggregateOperator(replay(partial), new int[] {0}, combine())));
      assertEquals(0, allocator.getAllocatedMemory());
    }
  }

  /** Rows i = 0..n-1 as (key i % keys, value i, value i or NULL every 7th row) in batches of 1024. */
  private static Operator source(int n, int keys) {
    return source(n, i -> i % keys);
  }

  /** Rows i = 0..n-1 as (key {@code key(i)}, value i, value i or NULL every 7th row) in batches of 1024. */
  private static Operator source(int n, IntUnaryOperator keyOf) {
    Deque<Batch> batches = new ArrayDeque<>();
    for (int from = 0; from < n; from += 1024) {
      int size = Math.min(1024, n - from);
      long[] key = new long[size];
      long[] value = new long[size];
      boolean[] nulls = new boolean[size];
      for (int i = 0; i < size; i++) {
        key[i] = keyOf.applyAsInt(from + i);
        value[i] = from + i;
        nulls[i] = (from + i) % 7 == 0;
      }
      batches.add(new Batch(size, new Column[] {new LongColumn(key, null, size, LongColumn.Kind.INTEGER, 0),
          new LongColumn(value, nulls, size, LongColumn.Kind.INTEGER, 0)}));
    }
    return replay(new ArrayList<>(batches));
  }

  private static Operator replay(List<Batch> batches) {
    Deque<Batch> queue = new ArrayDeque<>(batches);
    return new Operator() {
      @Override
      public Batch next() {
        return queue.poll();
      }

      @Override
      public void close() {
      }
    };
  }

  private static List<AggregateSpec> plain() {
    return List.of(spec(SqlKind.COUNT, List.of()), spec(SqlKind.COUNT, List.of(1)), spec(SqlKind.SUM, List.of(1)),
        spec(SqlKind.MIN, List.of(1)), spec(SqlKind.MAX, List.of(1)));
  }

  private static List<AggregateSpec> partial() {
    return plain();
  }

  /** Final aggregation of the partial states (columns 1..5 after the key). */
  private static List<AggregateSpec> combine() {
    return List.of(spec(SqlKind.SUM0, List.of(1)), spec(SqlKind.SUM0, List.of(2)), spec(SqlKind.SUM, List.of(3)),
        spec(SqlKind.MIN, List.of(4)), spec(SqlKind.MAX, List.of(5)));
  }

  private static AggregateSpec spec(SqlKind kind, List<Integer> args) {
    return new AggregateSpec(kind, args, false, -1, BIGINT, null);
  }

  private static List<Batch> batches(Operator operator) {
    List<Batch> out = new ArrayList<>();
    Batch b;
    while ((b = operator.next()) != null) {
      out.add(b);
    }
    operator.close();
    return out;
  }

  private static List<String> drain(Operator operator) {
    List<String> rows = new ArrayList<>();
    for (Batch b : batches(operator)) {
      for (int r = 0; r < b.size(); r++) {
        rows.add(java.util.Arrays.toString(b.row(r)));
      }
    }
    rows.sort(null);
    return rows;
  }
}
