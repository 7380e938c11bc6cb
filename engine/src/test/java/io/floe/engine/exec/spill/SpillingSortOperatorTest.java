package io.floe.engine.exec.spill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.MemoryAccount;
import io.floe.engine.exec.ObjectColumn;
import io.floe.engine.exec.Operator;
import io.floe.engine.exec.SortOperator;
import io.floe.engine.expr.SqlStateException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelFieldCollation.Direction;
import org.apache.calcite.rel.RelFieldCollation.NullDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SortOperator} spilling to real files under a small memory limit, against the same sort in memory: every
 * column type round-trips through the run files (integers, dates, decimals, doubles with NaN and -0.0, booleans,
 * text and binary strings, boxed wide decimals and mixed values, NULLs); ties keep their input order; OFFSET after
 * the merge; many runs under a tiny limit merged in several passes; a batch larger than the limit fails with 53200 naming the sort; files are deleted on close.
 */
class SpillingSortOperatorTest {
  private static final int BATCHES = 40;
  private static final int BATCH_ROWS = 500;
  private static final long LIMIT = 1L << 20;

  @TempDir
  Path dir;

  @Test
  void spilledSortEqualsTheSortInMemory() throws IOException {
    List<Batch> input = batches(new Random(42), 2 * BATCHES, BATCH_ROWS);
    List<RelFieldCollation> collation = List.of(
        new RelFieldCollation(6, Direction.ASCENDING, NullDirection.FIRST),     // text, few values, nulls
        new RelFieldCollation(2, Direction.DESCENDING, NullDirection.LAST),     // decimal
        new RelFieldCollation(3, Direction.ASCENDING, NullDirection.LAST));     // double
    List<Object[]> expected = rows(new SortOperator(source(input), collation, 0, -1));
    SpillStats stats = new SpillStats();
    SpillDirectory directory = SpillDirectory.at(dir);
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      List<Object[]> actual = rows(new SortOperator(source(input), collation, 0, -1, allocator,
          new Spilling(directory, stats, 1)));
      assertEquals(expected.size(), actual.size());
      for (int r = 0; r < expected.size(); r++) {
        assertArrayEquals(expected.get(r), actual.get(r), "row " + r);
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
    assertTrue(stats.runs() >= 3, "runs: " + stats.runs());
    assertTrue(stats.bytes() > 0);
    assertEquals(stats.runs(), directory.filesCreated());
    assertSpillDirectoryEmpty();
  }

  @Test
  void manyRunsAreMergedInSeveralPasses() throws IOException {
    List<Batch> input = batches(new Random(11), 400, 50);
    List<RelFieldCollation> collation = List.of(new RelFieldCollation(6, Direction.DESCENDING, NullDirection.LAST),
        new RelFieldCollation(1));
    List<Object[]> expected = rows(new SortOperator(source(input), collation, 0, -1));
    SpillStats stats = new SpillStats();
    try (BufferAllocator allocator = new RootAllocator(48 << 10)) {
      List<Object[]> actual = rows(new SortOperator(source(input), collation, 0, -1, allocator,
          new Spilling(SpillDirectory.at(dir), stats, 1)));
      assertEquals(expected.size(), actual.size());
      for (int r = 0; r < expected.size(); r++) {
        assertArrayEquals(expected.get(r), actual.get(r), "row " + r);
      }
    }
    assertTrue(stats.rows() > expected.size(), "earlier runs were merged into longer ones: " + stats);
    assertSpillDirectoryEmpty();
  }

  @Test
  void offsetAppliesAfterTheMerge() throws IOException {
    List<Batch> input = batches(new Random(7));
    List<RelFieldCollation> collation = List.of(new RelFieldCollation(0));
    List<Object[]> all = rows(new SortOperator(source(input), collation, 0, -1));
    SpillStats stats = new SpillStats();
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      List<Object[]> actual = rows(new SortOperator(source(input), collation, 12345, -1, allocator,
          new Spilling(SpillDirectory.at(dir), stats, 1)));
      assertEquals(all.size() - 12345, actual.size());
      for (int r = 0; r < actual.size(); r++) {
        assertArrayEquals(all.get(12345 + r), actual.get(r), "row " + r);
      }
    }
    assertTrue(stats.runs() > 0);
    assertSpillDirectoryEmpty();
  }

  @Test
  void aBatchLargerThanTheLimitStillFails() throws IOException {
    List<Batch> input = batches(new Random(1), 3, 5000);
    try (BufferAllocator allocator = new RootAllocator(64 << 10);
         SortOperator sort = new SortOperator(source(input), List.of(new RelFieldCollation(0)), 0, -1, allocator,
             new Spilling(SpillDirectory.at(dir), new SpillStats(), 1))) {
      SqlStateException e = assertThrows(SqlStateException.class, sort::next);
      assertEquals(MemoryAccount.OUT_OF_MEMORY, e.sqlState());
      assertTrue(e.getMessage().contains("in Sort"), e.getMessage());
    }
    assertSpillDirectoryEmpty();
  }

  @Test
  void closingBeforeTheEndDeletesTheRuns() throws IOException {
    List<Batch> input = batches(new Random(3));
    SpillStats stats = new SpillStats();
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      try (SortOperator sort = new SortOperator(source(input), List.of(new RelFieldCollation(1)), 0, -1, allocator,
          new Spilling(SpillDirectory.at(dir), stats, 1))) {
        assertTrue(sort.next().size() > 0);
        assertTrue(stats.runs() > 0);
        try (Stream<Path> files = Files.list(dir)) {
          assertEquals(stats.runs(), files.count(), "the runs are on disk during the merge");
        }
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
    assertSpillDirectoryEmpty();
  }

  private void assertSpillDirectoryEmpty() throws IOException {
    assertNoFilesIn(dir);
  }

  /** Asserts that {@code dir} holds no file (every spill file was deleted). */
  static void assertNoFilesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  /** Batches of: long, date, decimal(12,2), double, boolean, binary, text, boxed (wide decimals, mixed values). */
  private static List<Batch> batches(Random random) {
    return batches(random, BATCHES, BATCH_ROWS);
  }

  static List<Batch> batches(Random random, int count, int rows) {
    String[] words = {"alpha", "beta", "gamma", "grüße", "日本", "", "delta"};
    List<Batch> out = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      int n = rows;
      long[] longs = new long[n];
      long[] dates = new long[n];
      long[] decimals = new long[n];
      double[] doubles = new double[n];
      boolean[] bools = new boolean[n];
      boolean[] nulls = new boolean[n];
      Object[] boxed = new Object[n];
      StringBuilder text = new StringBuilder();
      int[] starts = new int[n];
      int[] lengths = new int[n];
      byte[] binary = new byte[4 * n];
      int[] binaryStarts = new int[n];
      int[] binaryLengths = new int[n];
      List<byte[]> parts = new ArrayList<>();
      int position = 0;
      for (int r = 0; r < n; r++) {
        longs[r] = random.nextLong();
        dates[r] = random.nextInt(20000);
        decimals[r] = random.nextInt(2000) - 1000;
        doubles[r] = switch (random.nextInt(20)) {
          case 0 -> Double.NaN;
          case 1 -> -0.0;
          case 2 -> 0.0;
          default -> random.nextInt(100) / 4.0;
        };
        bools[r] = random.nextBoolean();
        nulls[r] = random.nextInt(9) == 0;
        boxed[r] = switch (random.nextInt(4)) {
          case 0 -> null;
          case 1 -> new BigDecimal(new BigInteger(80, random), 3);
          case 2 -> (long) random.nextInt(100);
          default -> BigDecimal.valueOf(random.nextInt(100), 1);
        };
        byte[] word = words[random.nextInt(words.length)].getBytes(StandardCharsets.UTF_8);
        parts.add(word);
        starts[r] = position;
        lengths[r] = word.length;
        position += word.length;
        binaryStarts[r] = 4 * r;
        binaryLengths[r] = random.nextInt(5);
        for (int i = 0; i < 4; i++) {
          binary[4 * r + i] = (byte) random.nextInt(256);
        }
      }
      byte[] data = new byte[position];
      int at = 0;
      for (byte[] part : parts) {
        System.arraycopy(part, 0, data, at, part.length);
        at += part.length;
      }
      out.add(new Batch(n, new Column[] {
          new LongColumn(longs, null, n, LongColumn.Kind.INTEGER, 0),
          new LongColumn(dates, nulls.clone(), n, LongColumn.Kind.DATE, 0),
          new LongColumn(decimals, b % 2 == 0 ? nulls.clone() : null, n, LongColumn.Kind.DECIMAL, 2),
          new DoubleColumn(doubles, null, n),
          new BoolColumn(bools, nulls.clone(), n),
          new BytesColumn(binary, binaryStarts, binaryLengths, null, n, false),
          new BytesColumn(data, starts, lengths, nulls.clone(), n, true),
          new ObjectColumn(boxed)}));
    }
    return out;
  }

  /** An operator returning {@code batches}. */
  static Operator source(List<Batch> batches) {
    Iterator<Batch> next = batches.iterator();
    return new Operator() {
      @Override
      public Batch next() {
        return next.hasNext() ? next.next() : null;
      }

      @Override
      public void close() {
      }
    };
  }

  /** The rows {@code sort} returns, in order (closes it). */
  static List<Object[]> rows(Operator sort) {
    List<Object[]> rows = new ArrayList<>();
    try (sort) {
      Batch b;
      while ((b = sort.next()) != null) {
        for (int r = 0; r < b.size(); r++) {
          rows.add(b.row(r));
        }
      }
    }
    return rows;
  }

  /** The rows {@code operator} returns as text, sorted (closes it): for comparing joins and aggregates in any order. */
  static List<String> sortedRowTexts(Operator operator) {
    List<String> out = new ArrayList<>();
    for (Object[] row : rows(operator)) {
      out.add(Arrays.toString(row));
    }
    out.sort(null);
    return out;
  }
}
