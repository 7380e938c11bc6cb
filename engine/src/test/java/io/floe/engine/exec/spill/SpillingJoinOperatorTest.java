package io.floe.engine.exec.spill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.HashJoinOperator;
import io.floe.engine.exec.JoinKeyFilter;
import io.floe.engine.exec.Keys;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.MemoryAccount;
import io.floe.engine.exec.Operator;
import io.floe.engine.expr.SqlStateException;
import io.floe.engine.expr.VectorExpr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.rel.core.JoinRelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link HashJoinOperator} spilling to real files (a grace hash join) under a memory limit far below its build side,
 * against the same join in memory: every join type, building on the right and (SEMI/ANTI) on the left, with and
 * without a residual condition, an integer key with NULLs on both sides and a text key; the partitions of the first
 * level do not fit either and are partitioned again; pairs with one side empty keep their unmatched rows (or are
 * skipped); a join key filter's part is added before the probe side is
 * read; memory is released and the files are deleted after success, an early close and a cancellation; past the
 * deepest level, or without spilling, the join fails with 53200 naming it.
 */
class SpillingJoinOperatorTest {
  private static final int BUILD_ROWS = 400_000;
  private static final int PROBE_ROWS = 200_000;
  private static final int BATCH_ROWS = 4096;
  private static final long LIMIT = 1L << 20;
  /** Left and right: key (column 0), a text key (1) and a payload (2). */
  private static final int WIDTH = 3;
  /** Residual: the two sides' payloads differ modulo 3. */
  private static final VectorExpr PAYLOADS_DIFFER = batch -> {
    int n = batch.size();
    boolean[] values = new boolean[n];
    long[] left = ((LongColumn) batch.column(2)).values();
    long[] right = ((LongColumn) batch.column(WIDTH + 2)).values();
    for (int r = 0; r < n; r++) {
      values[r] = left[r] % 3 != right[r] % 3;
    }
    return new BoolColumn(values, null, n);
  };

  @TempDir
  Path dir;

  static Stream<Arguments> joins() {
    Stream.Builder<Arguments> out = Stream.builder();
    for (JoinRelType type : new JoinRelType[] {JoinRelType.INNER, JoinRelType.LEFT, JoinRelType.RIGHT,
        JoinRelType.FULL, JoinRelType.SEMI, JoinRelType.ANTI}) {
      for (boolean residual : new boolean[] {false, true}) {
        out.add(Arguments.of(type, false, residual));
        if (type == JoinRelType.SEMI || type == JoinRelType.ANTI) {
          out.add(Arguments.of(type, true, residual));
        }
      }
    }
    return out.build();
  }

  @ParameterizedTest(name = "{0} buildLeft={1} residual={2}")
  @MethodSource("joins")
  void spilledJoinEqualsTheJoinInMemory(JoinRelType type, boolean buildLeft, boolean residual) throws IOException {
    // the build side is large (the right input; the left one when building left), the probe side smaller
    List<Batch> large = batches(BUILD_ROWS, 300_000, 1000);
    List<Batch> small = batches(PROBE_ROWS, 350_000, 700);
    List<Batch> left = buildLeft ? large : small;
    List<Batch> right = buildLeft ? small : large;
    VectorExpr condition = residual ? PAYLOADS_DIFFER : null;
    List<String> expected = rows(join(type, buildLeft, left, right, condition, null, null));
    assertTrue(expected.size() > 10_000, "rows: " + expected.size());
    SpillStats stats = new SpillStats("partitions");
    SpillDirectory directory = SpillDirectory.at(dir);
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      List<String> actual = rows(join(type, buildLeft, left, right, condition, allocator,
          new Spilling(directory, stats, 1)));
      assertEquals(expected.size(), actual.size());
      assertEquals(expected, actual);
      assertEquals(0, allocator.getAllocatedMemory());
    }
    assertTrue(stats.runs() > 2 * SpillingJoin.PARTITIONS, "pairs of the first level were partitioned again: "
        + stats);
    assertEquals(stats.runs(), directory.filesCreated());
    assertSpillDirectoryEmpty();
  }

  static Stream<Arguments> joinTypes() {
    return joins().filter(args -> !(Boolean) args.get()[2]).map(args -> Arguments.of(args.get()[0], args.get()[1]));
  }

  /**
   * Pairs with one side empty: the large side's keys fall only in the first-level partitions 0 to 11, the small
   * side's only in 4 to 15, so partitions 0 to 3 have no small-side rows and 12 to 15 no large-side rows; their
   * unmatched rows must come out exactly where the join type keeps them.
   */
  @ParameterizedTest(name = "{0} buildLeft={1}")
  @MethodSource("joinTypes")
  void pairsWithAnEmptySideKeepTheirUnmatchedRows(JoinRelType type, boolean buildLeft) throws IOException {
    List<Batch> large = inPartitions(batches(BUILD_ROWS, 300_000, 1000), 0, 12);
    List<Batch> small = inPartitions(batches(PROBE_ROWS, 350_000, 700), 4, 16);
    List<Batch> left = buildLeft ? large : small;
    List<Batch> right = buildLeft ? small : large;
    List<String> expected = rows(join(type, buildLeft, left, right, null, null, null));
    SpillStats stats = new SpillStats("partitions");
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      List<String> actual = rows(join(type, buildLeft, left, right, null, allocator,
          new Spilling(SpillDirectory.at(dir), stats, 1)));
      assertEquals(expected, actual);
      assertEquals(0, allocator.getAllocatedMemory());
    }
    assertTrue(stats.runs() > 0, "spilled");
    assertSpillDirectoryEmpty();
  }

  /** The rows of {@code batches} whose integer key falls in first-level spill partitions {@code from} to {@code to}. */
  private static List<Batch> inPartitions(List<Batch> batches, int from, int to) {
    List<Batch> out = new ArrayList<>();
    for (Batch batch : batches) {
      int[] partitions = SpillPartitions.partitionOf(Keys.hashes(batch, new int[] {0}), 0, SpillingJoin.PARTITIONS);
      int[] kept = new int[batch.size()];
      int count = 0;
      for (int r = 0; r < batch.size(); r++) {
        if (partitions[r] >= from && partitions[r] < to) {
          kept[count++] = r;
        }
      }
      out.add(batch.select(kept, count));
    }
    return out;
  }

  @Test
  void aTextKeyAndTwoKeysSpillAndMatchTheJoinInMemory() throws IOException {
    List<Batch> left = batches(PROBE_ROWS, 350_000, 700);
    List<Batch> right = batches(BUILD_ROWS, 300_000, 1000);
    for (int[] keys : new int[][] {{1}, {1, 0}}) {
      List<String> expected = rows(new HashJoinOperator(SpillingSortOperatorTest.source(left),
          SpillingSortOperatorTest.source(right), JoinRelType.FULL, keys, keys, new boolean[keys.length],
          keys.length == 1 ? null : PAYLOADS_DIFFER, WIDTH, WIDTH));
      SpillStats stats = new SpillStats("partitions");
      try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
        List<String> actual = rows(new HashJoinOperator(SpillingSortOperatorTest.source(left),
            SpillingSortOperatorTest.source(right), JoinRelType.FULL, keys, keys, new boolean[keys.length],
            keys.length == 1 ? null : PAYLOADS_DIFFER, WIDTH, WIDTH, allocator)
            .spillingTo(new Spilling(SpillDirectory.at(dir), stats, 1)));
        assertEquals(expected, actual);
        assertEquals(0, allocator.getAllocatedMemory());
      }
      assertTrue(stats.runs() > 0, "spilled: " + Arrays.toString(keys));
      assertSpillDirectoryEmpty();
    }
  }

  @Test
  void nullSafeKeysMatchTheirNullsAfterSpilling() throws IOException {
    List<Batch> left = batches(PROBE_ROWS, 350_000, 700);
    List<Batch> right = batches(BUILD_ROWS, 300_000, 1000);
    int[] keys = {0};
    boolean[] nullSafe = {true};
    List<String> expected = rows(new HashJoinOperator(SpillingSortOperatorTest.source(left),
        SpillingSortOperatorTest.source(right), JoinRelType.LEFT, keys, keys, nullSafe, null, WIDTH, WIDTH));
    SpillStats stats = new SpillStats("partitions");
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      List<String> actual = rows(new HashJoinOperator(SpillingSortOperatorTest.source(left),
          SpillingSortOperatorTest.source(right), JoinRelType.LEFT, keys, keys, nullSafe, null, WIDTH, WIDTH,
          allocator).spillingTo(new Spilling(SpillDirectory.at(dir), stats, 1)));
      assertEquals(expected, actual);
    }
    assertTrue(stats.runs() > 0, "spilled");
    assertTrue(expected.stream().anyMatch(row -> row.startsWith("[null, ") && !row.endsWith("null, null, null]")),
        "null keys matched");
    assertSpillDirectoryEmpty();
  }

  @Test
  void aJoinThatSpillsCompletesItsKeyFilterBeforeReadingTheProbeSide() throws IOException {
    List<Batch> left = batches(PROBE_ROWS, 350_000, 700);
    List<Batch> right = batches(BUILD_ROWS, 300_000, 1000);
    JoinKeyFilter filter = new JoinKeyFilter(1, true);
    Iterator<Batch> probe = left.iterator();
    List<Boolean> readyAtFirstProbeBatch = new ArrayList<>();
    // a probe side whose producers wait for the filter reads nothing until the build side's task adds its part
    Operator probing = new Operator() {
      @Override
      public Batch next() {
        if (readyAtFirstProbeBatch.isEmpty()) {
          readyAtFirstProbeBatch.add(filter.ready());
        }
        return probe.hasNext() ? probe.next() : null;
      }

      @Override
      public void close() {
      }
    };
    int[] keys = {0};
    List<String> expected = rows(join(JoinRelType.INNER, false, left, right, null, null, null));
    SpillStats stats = new SpillStats("partitions");
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      List<String> actual = rows(new HashJoinOperator(probing, SpillingSortOperatorTest.source(right),
          JoinRelType.INNER, keys, keys, new boolean[1], null, WIDTH, WIDTH, allocator)
          .publishingKeysTo(filter).spillingTo(new Spilling(SpillDirectory.at(dir), stats, 1)));
      assertEquals(expected, actual);
      assertEquals(0, allocator.getAllocatedMemory());
    }
    assertTrue(stats.runs() > 0, "spilled");
    assertEquals(List.of(true), readyAtFirstProbeBatch, "the filter was complete before the probe side was read");
    assertSpillDirectoryEmpty();
  }

  @Test
  void aKeyTooFrequentToSplitFailsPastTheDeepestLevelAndDeletesItsFiles() throws IOException {
    // every build row has the same key: no partitioning level splits it
    List<Batch> right = batches(BUILD_ROWS, 1, 0);
    List<Batch> left = batches(1000, 1, 0);
    SpillDirectory directory = SpillDirectory.at(dir);
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      try (HashJoinOperator join = join(JoinRelType.INNER, false, left, right, null, allocator,
          new Spilling(directory, new SpillStats("partitions"), 1))) {
        SqlStateException e = assertThrows(SqlStateException.class, join::next);
        assertEquals(MemoryAccount.OUT_OF_MEMORY, e.sqlState(), e.getMessage());
        assertTrue(e.getMessage().contains("in HashJoin (build side)"), e.getMessage());
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
    assertTrue(directory.filesCreated() >= 8, "every level spilled: " + directory.filesCreated());
    assertSpillDirectoryEmpty();
  }

  @Test
  void closingEarlyReleasesTheMemoryAndDeletesTheFiles() throws IOException {
    List<Batch> left = batches(PROBE_ROWS, 350_000, 700);
    List<Batch> right = batches(BUILD_ROWS, 300_000, 1000);
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      try (HashJoinOperator join = join(JoinRelType.INNER, false, left, right, null, allocator,
          new Spilling(SpillDirectory.at(dir), new SpillStats("partitions"), 1))) {
        assertTrue(join.next().size() > 0);
        try (Stream<Path> files = Files.list(dir)) {
          assertTrue(files.count() > 0, "partitions on disk while the first pair is joined");
        }
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
    assertSpillDirectoryEmpty();
  }

  @Test
  void aCanceledJoinStopsAndDeletesItsFiles() throws IOException {
    List<Batch> left = batches(PROBE_ROWS, 350_000, 700);
    List<Batch> right = batches(BUILD_ROWS, 300_000, 1000);
    Iterator<Batch> probe = left.iterator();
    // the query is canceled (its thread interrupted) while the probe side is partitioned, after the build side spilled
    Operator canceling = new Operator() {
      private int read;

      @Override
      public Batch next() {
        if (++read == left.size() / 2) {
          Thread.currentThread().interrupt();
        }
        return probe.hasNext() ? probe.next() : null;
      }

      @Override
      public void close() {
      }
    };
    SpillDirectory directory = SpillDirectory.at(dir);
    int[] keys = {0};
    try (BufferAllocator allocator = new RootAllocator(LIMIT)) {
      try (HashJoinOperator join = new HashJoinOperator(canceling, SpillingSortOperatorTest.source(right),
          JoinRelType.LEFT, keys, keys, new boolean[1], null, WIDTH, WIDTH, allocator)
          .spillingTo(new Spilling(directory, new SpillStats("partitions"), 1))) {
        SqlStateException e = assertThrows(SqlStateException.class, join::next);
        assertEquals("57014", e.sqlState(), e.getMessage());
      } finally {
        Thread.interrupted();
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
    assertTrue(directory.filesCreated() > 0, "the join spilled before it was canceled");
    assertSpillDirectoryEmpty();
  }

  @Test
  void withoutSpillingTheJoinFailsNamingIt() {
    List<Batch> right = batches(BUILD_ROWS, 300_000, 1000);
    try (BufferAllocator allocator = new RootAllocator(LIMIT);
         HashJoinOperator join = join(JoinRelType.INNER, false, batches(10, 10, 0), right, null, allocator, null)) {
      SqlStateException e = assertThrows(SqlStateException.class, join::next);
      assertEquals(MemoryAccount.OUT_OF_MEMORY, e.sqlState(), e.getMessage());
      assertTrue(e.getMessage().contains("in HashJoin (build side)"), e.getMessage());
    }
  }

  /** A join on the integer key (column 0 of each side); spilling as {@code spilling} says (null: never). */
  private static HashJoinOperator join(JoinRelType type, boolean buildLeft, List<Batch> left, List<Batch> right,
      VectorExpr residual, BufferAllocator allocator, Spilling spilling) {
    int[] keys = {0};
    boolean[] nullSafe = {false};
    HashJoinOperator join = buildLeft
        ? HashJoinOperator.buildingLeft(SpillingSortOperatorTest.source(left), SpillingSortOperatorTest.source(right),
            type, keys, keys, nullSafe, residual, WIDTH, WIDTH, allocator)
        : new HashJoinOperator(SpillingSortOperatorTest.source(left), SpillingSortOperatorTest.source(right), type,
            keys, keys, nullSafe, residual, WIDTH, WIDTH, allocator);
    return join.spillingTo(spilling);
  }

  /**
   * {@code count} rows: row i has the integer key {@code (i * 7) % domain} (NULL every {@code nullEvery}th row, never
   * if 0), a text key equal where the integer keys are (and NULL with it) and the payload i.
   */
  private static List<Batch> batches(int count, int domain, int nullEvery) {
    List<Batch> out = new ArrayList<>();
    for (int from = 0; from < count; from += BATCH_ROWS) {
      int n = Math.min(BATCH_ROWS, count - from);
      long[] keys = new long[n];
      boolean[] keyNulls = new boolean[n];
      long[] payloads = new long[n];
      StringBuilder text = new StringBuilder();
      int[] starts = new int[n];
      int[] lengths = new int[n];
      for (int r = 0; r < n; r++) {
        int i = from + r;
        long key = (i * 7L) % domain;
        keys[r] = key;
        keyNulls[r] = nullEvery > 0 && i % nullEvery == 0;
        payloads[r] = i;
        String word = "k" + Long.toString(key, 36);
        starts[r] = text.length();
        lengths[r] = word.length();
        text.append(word);
      }
      out.add(new Batch(n, new Column[] {
          new LongColumn(keys, keyNulls, n, LongColumn.Kind.INTEGER, 0),
          new BytesColumn(text.toString().getBytes(StandardCharsets.UTF_8), starts, lengths, keyNulls, n, true),
          new LongColumn(payloads, null, n, LongColumn.Kind.INTEGER, 0)}));
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
