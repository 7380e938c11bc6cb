package io.floe.engine.exec.spill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.exec.AggregateSpec;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.HashAggregateOperator;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.MemoryAccount;
import io.floe.engine.exec.Operator;
import io.floe.engine.expr.SqlStateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HashAggregateOperator} spilling to real files under a small memory limit, against the same aggregation in
 * memory: an integer key with NULLs and a text key, COUNT, SUM with NULLs, MIN of a decimal;
 * partitions too large for the limit are partitioned again; memory is released and the files are deleted after
 * success, an early close and a cancellation; without spilling the aggregation fails with 53200 naming it.
 */
class SpillingAggregateOperatorTest {
  private static final RelDataType BIGINT = new JavaTypeFactoryImpl().createSqlType(SqlTypeName.BIGINT);
  private static final int GROUPS = 300_000;
  private static final int ROWS = 2 * GROUPS;
  private static final int BATCH_ROWS = 4096;
  private static final long LIMIT = 1L << 20;

  @TempDir
  Path dir;

  @Test
  void spilledAggregationEqualsTheAggregationInMemory() throws IOException {
    List<Batch> input = batches();
    List<String> expected = rows(new HashAggregateOperator(SpillingSortOperatorTest.source(input), new int[] {0, 1}, aggregates()));
    // the 300 keys made NULL make 3 groups, one per text key
    assertEquals(GROUPS - 300 + 3, expected.size());
    SpillStats stats = new SpillStats("partitions");
    SpillDirectory directory = SpillDirectory.at(dir);
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      List<String> actual = rows(new HashAggregateOperator(SpillingSortOperatorTest.source(input), new int[] {0, 1}, aggregates(), allocator,
          new Spilling(directory, stats, 1)));
      assertEquals(expected, actual);
      assertEquals(0, allocator.getAllocatedMemory());
    }
    assertTrue(stats.runs() > 16, "partitions of the first level were partitioned again: " + stats);
    assertEquals(stats.runs(), directory.filesCreated());
    assertTrue(stats.rows() > GROUPS, stats.toString());
    assertSpillDirectoryEmpty();
  }

  @Test
  void closingEarlyReleasesTheMemoryAndDeletesTheFiles() throws IOException {
    List<Batch> input = batches();
    SpillDirectory directory = SpillDirectory.at(dir);
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      try (HashAggregateOperator aggregate = new HashAggregateOperator(SpillingSortOperatorTest.source(input), new int[] {0, 1},
          aggregates(), allocator, new Spilling(directory, new SpillStats("partitions"), 1))) {
        assertTrue(aggregate.next().size() > 0);
        try (Stream<Path> files = Files.list(dir)) {
          assertTrue(files.count() > 0, "partitions on disk while the groups in memory are returned");
        }
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
    assertSpillDirectoryEmpty();
  }

  @Test
  void aCanceledAggregationStopsAndDeletesItsFiles() throws IOException {
    List<Batch> input = batches();
    Iterator<Batch> batches = input.iterator();
    // the query is canceled (its thread interrupted) once most of the input is read, after the spill began
    Operator canceling = new Operator() {
      private int read;

      @Override
      public Batch next() {
        if (++read == input.size() - 10) {
          Thread.currentThread().interrupt();
        }
        return batches.hasNext() ? batches.next() : null;
      }

      @Override
      public void close() {
      }
    };
    SpillDirectory directory = SpillDirectory.at(dir);
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      try (HashAggregateOperator aggregate = new HashAggregateOperator(canceling, new int[] {0, 1}, aggregates(),
          allocator, new Spilling(directory, new SpillStats("partitions"), 1))) {
        SqlStateException e = assertThrows(SqlStateException.class, aggregate::next);
        assertEquals("57014", e.sqlState(), e.getMessage());
      } finally {
        Thread.interrupted();
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
    assertTrue(directory.filesCreated() > 0, "the aggregation spilled before it was canceled");
    assertSpillDirectoryEmpty();
  }

  @Test
  void withoutSpillingTheAggregationFailsNamingIt() {
    List<Batch> input = batches();
    try (BufferAllocator allocator = new RootAllocator(LIMIT);
         HashAggregateOperator aggregate = new HashAggregateOperator(SpillingSortOperatorTest.source(input), new int[] {0, 1}, aggregates(),
             allocator, null)) {
      SqlStateException e = assertThrows(SqlStateException.class, aggregate::next);
      assertEquals(MemoryAccount.OUT_OF_MEMORY, e.sqlState(), e.getMessage());
      assertTrue(e.getMessage().contains("in HashAggregate"), e.getMessage());
    }
  }

  /**
   * COUNT(*), SUM(value), MIN(decimal). (A COUNT DISTINCT's values of the groups kept in memory grow while the rest
   * spills; here every group's second row comes after the spill began, more than this limit can hold.)
   */
  private static List<AggregateSpec> aggregates() {
    return List.of(new AggregateSpec(SqlKind.COUNT, List.of(), false, -1, BIGINT, null),
        new AggregateSpec(SqlKind.SUM, List.of(2), false, -1, BIGINT, null),
        new AggregateSpec(SqlKind.MIN, List.of(3), false, -1, BIGINT, null));
  }

  /**
   * Row i: integer key {@code i % GROUPS} (NULL when that is a multiple of 1000), a text key of 1 to 3 letters, a
   * value i (NULL every 7th row) and a decimal with 2 places; the rows of a group are far apart.
   */
  private static List<Batch> batches() {
    List<Batch> out = new ArrayList<>();
    for (int from = 0; from < ROWS; from += BATCH_ROWS) {
      int n = Math.min(BATCH_ROWS, ROWS - from);
      long[] keys = new long[n];
      boolean[] keyNulls = new boolean[n];
      long[] values = new long[n];
      boolean[] valueNulls = new boolean[n];
      long[] decimals = new long[n];
      StringBuilder text = new StringBuilder();
      int[] starts = new int[n];
      int[] lengths = new int[n];
      for (int r = 0; r < n; r++) {
        int i = from + r;
        int key = i % GROUPS;
        keys[r] = key;
        keyNulls[r] = key % 1000 == 0;
        values[r] = i;
        valueNulls[r] = i % 7 == 0;
        decimals[r] = (i * 31L) % 10_000 - 5000;
        String word = "abc".substring(0, 1 + key % 3);
        starts[r] = text.length();
        lengths[r] = word.length();
        text.append(word);
      }
      out.add(new Batch(n, new Column[] {
          new LongColumn(keys, keyNulls, n, LongColumn.Kind.INTEGER, 0),
          new BytesColumn(text.toString().getBytes(StandardCharsets.UTF_8), starts, lengths, null, n, true),
          new LongColumn(values, valueNulls, n, LongColumn.Kind.INTEGER, 0),
          new LongColumn(decimals, null, n, LongColumn.Kind.DECIMAL, 2)}));
    }
    return out;
  }

  private static List<String> rows(Operator operator) {
    return SpillingSortOperatorTest.sortedRowTexts(operator);
  }

  private void assertSpillDirectoryEmpty() throws IOException {
    SpillingSortOperatorTest.assertNoFilesIn(dir);
  }
}
