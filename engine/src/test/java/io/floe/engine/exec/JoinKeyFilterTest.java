package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The join key filter: never drops a row with a match, drops most rows without, and only once every task built. */
class JoinKeyFilterTest {
  private static final int[] KEY = {0};

  @Test
  void aJoinRefusesToPublishANullSafeKeyWhichTheFilterWouldDropWhereItMatches() {
    HashJoinOperator join = new HashJoinOperator(new ValuesOperator(List.of(), 2), new ValuesOperator(List.of(), 2),
        org.apache.calcite.rel.core.JoinRelType.INNER, new int[] {0, 1}, new int[] {0, 1}, new boolean[] {false, true},
        null, 2, 2);
    join.publishingKeysTo(new JoinKeyFilter(1), new int[] {0});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> join.publishingKeysTo(new JoinKeyFilter(1), new int[] {1}));
    assertTrue(e.getMessage().contains("null-safe key 1"), e.getMessage());
  }

  @Test
  void keepsEveryBuildKeyAndRejectsMostOthersOnceEveryPartIsAdded() {
    Random random = new Random(42);
    Set<Long> build = new HashSet<>();
    while (build.size() < 30_000) {
      build.add(random.nextLong() % 10_000_000L);
    }
    List<Long> keys = new ArrayList<>(build);
    JoinKeyFilter filter = new JoinKeyFilter(3);
    for (int part = 0; part < 3; part++) {
      assertFalse(filter.ready(), "not ready before every part is added");
      Batch partBatch = longs(keys.subList(part * 10_000, (part + 1) * 10_000).toArray(new Long[0]));
      filter.add(Keys.hashes(partBatch, KEY), partBatch.size(), null);
    }
    assertTrue(filter.ready() && filter.applies());
    Batch all = longs(keys.toArray(new Long[0]));
    int[] hashes = Keys.hashes(all, KEY);
    for (int r = 0; r < all.size(); r++) {
      assertTrue(filter.mightContain(hashes[r]), "build key " + keys.get(r) + " kept");
    }
    Long[] absent = new Long[100_000];
    for (int i = 0; i < absent.length; i++) {
      absent[i] = 20_000_000L + i;
    }
    int[] absentHashes = Keys.hashes(longs(absent), KEY);
    int passed = 0;
    for (int h : absentHashes) {
      passed += filter.mightContain(h) ? 1 : 0;
    }
    assertTrue(passed < absent.length / 10, passed + " of " + absent.length + " absent keys passed");
  }

  @Test
  void aJoinOnOneIntegerKeyGetsAnExactBitmapOfItsValues() {
    Random random = new Random(7);
    Set<Long> build = new HashSet<>();
    while (build.size() < 30_000) {
      build.add(1_000L + random.nextInt(1_000_000));
    }
    List<Long> keys = new ArrayList<>(build);
    JoinKeyFilter filter = new JoinKeyFilter(2);
    List<Long> reserved = new ArrayList<>();
    for (int part = 0; part < 2; part++) {
      List<Long> partKeys = new ArrayList<>(keys.subList(part * 15_000, (part + 1) * 15_000));
      partKeys.add(Long.MAX_VALUE); // a null key's slot: neither widens the range nor becomes a build key
      boolean[] nullKey = new boolean[partKeys.size()];
      nullKey[partKeys.size() - 1] = true;
      LongColumn values = new LongColumn(partKeys.stream().mapToLong(Long::longValue).toArray(), null,
          partKeys.size(), LongColumn.Kind.INTEGER, 0);
      Batch batch = new Batch(partKeys.size(), new Column[] {values});
      filter.add(Keys.hashes(batch, KEY), batch.size(), nullKey, values, bytes -> reserved.add(bytes));
    }
    assertTrue(filter.applies());
    LongColumn probe = new LongColumn(new long[] {1}, null, 1, LongColumn.Kind.INTEGER, 0);
    assertTrue(filter.testsValuesOf(probe) && !filter.testsHashes(), filter.describe());
    long min = keys.stream().mapToLong(Long::longValue).min().orElseThrow();
    long max = keys.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertEquals("a bitmap of the build keys' values " + min + ".." + max, filter.describe());
    assertEquals(List.of(8 * ((max - min + 64) / 64)), reserved, "the bitmap's bytes, reserved once");
    for (long v = -5; v < 1_100_000; v++) {
      assertEquals(build.contains(v), filter.containsValue(v), "value " + v);
    }
    assertFalse(filter.containsValue(Long.MAX_VALUE) || filter.containsValue(Long.MIN_VALUE));
    assertFalse(filter.testsValuesOf(new LongColumn(new long[] {1}, null, 1, LongColumn.Kind.DECIMAL, 2)),
        "decimal probe keys are not compared with integer build values");
  }

  @Test
  void keysSpreadTooWideOrOfMixedKindsGetABloomFilter() {
    assertFalse(bitmapOf(longColumn(LongColumn.Kind.INTEGER, 0, 5, 1L << 40)), "a range of 2^40 for 2 keys");
    assertFalse(bitmapOf(longColumn(LongColumn.Kind.INTEGER, 0, Long.MIN_VALUE, Long.MAX_VALUE)),
        "a range that overflows");
    assertTrue(bitmapOf(longColumn(LongColumn.Kind.INTEGER, 0, -3, 60_000)), "a narrow range, whatever the keys");
    assertTrue(bitmapOf(longColumn(LongColumn.Kind.INTEGER, 0, 1, 1 << 20)), "a span of 2^20 values for 2 keys");
    assertFalse(bitmapOf(longColumn(LongColumn.Kind.INTEGER, 0, 0, 1 << 20)), "a span of 2^20 + 1 values for 2 keys");
    // past 2^20, up to 128 values per key: 10,000 keys 128 apart get a bitmap, 129 apart a Bloom filter
    assertTrue(bitmapOf(longColumn(LongColumn.Kind.INTEGER, 0,
        LongStream.range(0, 10_000).map(i -> i * 128).toArray())));
    assertFalse(bitmapOf(longColumn(LongColumn.Kind.INTEGER, 0,
        LongStream.range(0, 10_000).map(i -> i * 129).toArray())));
    assertTrue(bitmapOf(longColumn(LongColumn.Kind.DECIMAL, 2, 150, 275)), "decimals, unscaled");
    assertFalse(bitmapOf(longColumn(LongColumn.Kind.INTEGER, 0, 1, 2), longColumn(LongColumn.Kind.DECIMAL, 2, 1, 2)),
        "parts of two kinds");
    assertFalse(bitmapOf(longColumn(LongColumn.Kind.INTEGER, 0, 1, 2), null), "a part without its values");
  }

  @Test
  void tasksWithAnEmptyBuildSideDoNotTurnTheBitmapIntoABloomFilter() {
    // a partitioned join's task that received no build rows has no long key column (its build is concatenated from
    // no batches) and adds a part of 0 rows without values, first or last
    LongColumn keys = longColumn(LongColumn.Kind.DATE, 0, 9000, 9005);
    Batch batch = new Batch(2, new Column[] {keys});
    for (boolean emptyFirst : new boolean[] {true, false}) {
      JoinKeyFilter filter = new JoinKeyFilter(3);
      if (emptyFirst) {
        filter.add(new int[0], 0, null, null, bytes -> true);
      }
      filter.add(Keys.hashes(batch, KEY), 2, null, keys, bytes -> true);
      filter.add(new int[0], 0, null, longColumn(LongColumn.Kind.INTEGER, 0), bytes -> true);
      if (!emptyFirst) {
        filter.add(new int[0], 0, null, null, bytes -> true);
      }
      assertTrue(filter.applies() && filter.testsValuesOf(keys), filter.describe());
      assertEquals("a bitmap of the build keys' values 9000..9005", filter.describe());
      assertTrue(filter.containsValue(9000) && filter.containsValue(9005) && !filter.containsValue(9001));
    }
  }

  @Test
  void aBitmapAtEitherEndOfTheLongsTestsValuesThatWrapAroundAsAbsent() {
    for (long base : new long[] {Long.MAX_VALUE - 2, Long.MIN_VALUE}) {
      LongColumn keys = longColumn(LongColumn.Kind.INTEGER, 0, base, base + 2);
      JoinKeyFilter filter = new JoinKeyFilter(1);
      filter.add(Keys.hashes(new Batch(2, new Column[] {keys}), KEY), 2, null, keys, bytes -> true);
      assertTrue(filter.applies() && filter.testsValuesOf(keys), filter.describe());
      assertTrue(filter.containsValue(base) && !filter.containsValue(base + 1) && filter.containsValue(base + 2));
      for (long other : new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE - 3, 0, -1}) {
        assertEquals(other == base || other == base + 2, filter.containsValue(other), base + ": " + other);
      }
    }
  }

  /** Whether a filter of parts holding {@code columns}' values (null: not given) came out a bitmap. */
  private static boolean bitmapOf(LongColumn... columns) {
    JoinKeyFilter filter = new JoinKeyFilter(columns.length);
    for (LongColumn column : columns) {
      LongColumn keys = column != null ? column : longColumn(LongColumn.Kind.INTEGER, 0, 1, 2);
      Batch batch = new Batch(keys.size(), new Column[] {keys});
      filter.add(Keys.hashes(batch, KEY), keys.size(), null, column, bytes -> true);
    }
    assertTrue(filter.ready() && filter.testsValuesOf(columns[0]) != filter.testsHashes());
    return !filter.testsHashes();
  }

  private static LongColumn longColumn(LongColumn.Kind kind, int scale, long... values) {
    return new LongColumn(values, null, values.length, kind, scale);
  }

  @Test
  void aBitmapKeepsExactlyTheProbeRowsWithAMatchAndNamesItselfInTheCounts() {
    JoinKeyFilter filter = new JoinKeyFilter(1);
    LongColumn buildKeys = longColumn(LongColumn.Kind.INTEGER, 0, 10, 20, 30);
    filter.add(Keys.hashes(new Batch(3, new Column[] {buildKeys}), KEY), 3, null, buildKeys, bytes -> true);
    JoinKeyFilterRows.Counts counts = new JoinKeyFilterRows.Counts();
    Batch probe = longs(10L, 11L, null, 20L, 9L, 31L, 30L, 30L);
    int[] rows = {0, 1, 2, 3, 4, 5, 6, 7};
    int kept = new JoinKeyFilterRows(filter, KEY, counts).select(probe, rows, rows.length);
    assertEquals(List.of(0, 3, 6, 7), java.util.Arrays.stream(rows, 0, kept).boxed().toList());
    assertEquals("join key filter (a bitmap of the build keys' values 10..30): dropped 4 of 8 probe rows"
        + " (0 passed unchecked: filter not ready or given up)", counts.toString());
    JoinKeyFilter single = new JoinKeyFilter(1);
    LongColumn seven = longColumn(LongColumn.Kind.INTEGER, 0, 7);
    single.add(Keys.hashes(new Batch(1, new Column[] {seven}), KEY), 1, null, seven, bytes -> true);
    assertTrue(single.applies() && single.containsValue(7) && !single.containsValue(6) && !single.containsValue(8),
        "a bitmap whose range is all set still rejects every value outside it");
    JoinKeyFilterRows.Counts decimals = new JoinKeyFilterRows.Counts();
    Batch decimalProbe = new Batch(2, new Column[] {longColumn(LongColumn.Kind.DECIMAL, 1, 100, 5)});
    int[] both = {0, 1};
    assertEquals(2, new JoinKeyFilterRows(filter, KEY, decimals).select(decimalProbe, both, 2),
        "keys of another kind than the bitmap's pass unchecked");
    assertTrue(decimals.toString().contains("2 passed unchecked"), decimals.toString());
  }

  @Test
  void aBuildTooLargeForTheBitsTurnsTheFilterOff() {
    JoinKeyFilter filter = new JoinKeyFilter(1, 64, false);
    Long[] many = new Long[200_000];
    for (int i = 0; i < many.length; i++) {
      many[i] = (long) i;
    }
    Batch batch = longs(many);
    filter.add(Keys.hashes(batch, KEY), batch.size(), null);
    assertTrue(filter.ready());
    assertFalse(filter.applies(), "a filter with most bits set lets every row through");
  }

  @Test
  void aPartWithUnknownKeysTurnsTheFilterOffOnceEveryPartIsAdded() {
    JoinKeyFilter filter = new JoinKeyFilter(2);
    filter.addUnknownKeys(); // a task whose build side spilled
    assertFalse(filter.ready(), "not ready before every part is added");
    Batch build = longs(1L, 2L, 3L);
    filter.add(Keys.hashes(build, KEY), build.size(), null);
    assertTrue(filter.ready());
    assertFalse(filter.applies(), "the spilled task's keys are unknown: every row passes");
  }

  @Test
  void theLastPartsTaskReservesTheBitsAndWithoutRoomTheFilterIsOff() {
    Batch keys = longs(1L, 2L, 3L);
    JoinKeyFilter held = new JoinKeyFilter(2);
    List<Long> asked = new ArrayList<>();
    assertEquals(0, held.add(Keys.hashes(keys, KEY), keys.size(), null, null, bytes -> asked.add(bytes)));
    long bits = held.add(Keys.hashes(keys, KEY), keys.size(), null, null, bytes -> asked.add(bytes));
    assertEquals(List.of(bits), asked, "only the last part reserves, the filter's bytes");
    assertTrue(bits >= 512 && held.applies());
    JoinKeyFilter noRoom = new JoinKeyFilter(1);
    assertEquals(0, noRoom.add(Keys.hashes(keys, KEY), keys.size(), null, null, bytes -> false));
    assertTrue(noRoom.ready());
    assertFalse(noRoom.applies(), "bits that do not fit the memory limit: every row passes");
  }

  @Test
  void aBitmapWhoseBitsDoNotFitFallsBackToTheSmallerBloomFilter() {
    // 1,000 keys 1,000 apart: a bitmap of about 1M bits (124 KiB), a Bloom filter of 16K bits (2 KiB)
    long[] keys = LongStream.range(0, 1_000).map(i -> i * 1_000).toArray();
    LongColumn values = longColumn(LongColumn.Kind.INTEGER, 0, keys);
    Batch batch = new Batch(keys.length, new Column[] {values});
    long bitmapBytes = 8 * ((keys[keys.length - 1] + 64) / 64);
    List<Long> asked = new ArrayList<>();
    JoinKeyFilter filter = new JoinKeyFilter(1);
    long held = filter.add(Keys.hashes(batch, KEY), keys.length, null, values,
        bytes -> asked.add(bytes) && bytes < bitmapBytes);
    assertEquals(2, asked.size(), "asked for the bitmap, then the Bloom filter: " + asked);
    assertEquals(bitmapBytes, asked.get(0));
    assertEquals(asked.get(1), held, "the Bloom filter's bytes are held");
    assertTrue(held < bitmapBytes / 10, held + " bytes");
    assertTrue(filter.applies() && filter.testsHashes() && !filter.testsValuesOf(values), filter.describe());
    assertEquals("a Bloom filter of the build keys' hashes (a bitmap's " + bitmapBytes
        + " bytes did not fit the memory limit)", filter.describe());
    int[] hashes = Keys.hashes(batch, KEY);
    for (int r = 0; r < keys.length; r++) {
      assertTrue(filter.mightContain(hashes[r]), "build key " + keys[r] + " kept");
    }
    long[] absent = LongStream.range(0, 100_000).map(i -> i * 10 + 1).toArray();
    JoinKeyFilterRows.Counts counts = new JoinKeyFilterRows.Counts();
    int[] rows = java.util.stream.IntStream.range(0, absent.length).toArray();
    int passed = new JoinKeyFilterRows(filter, KEY, counts)
        .select(new Batch(absent.length, new Column[] {longColumn(LongColumn.Kind.INTEGER, 0, absent)}), rows,
            absent.length);
    assertTrue(passed < absent.length / 10, passed + " of " + absent.length + " absent keys passed");
    assertTrue(counts.toString().startsWith("join key filter (a Bloom filter of the build keys' hashes (a bitmap's "),
        counts.toString());

    JoinKeyFilter neither = new JoinKeyFilter(1);
    assertEquals(0, neither.add(Keys.hashes(batch, KEY), keys.length, null, values, bytes -> false));
    assertTrue(neither.ready());
    assertFalse(neither.applies(), "neither the bitmap nor the Bloom filter fits: every row passes");
  }

  @Test
  void operatorDropsRowsWithoutAMatchAndNullKeysAndPassesEverythingBeforeTheFilterIsReady() {
    JoinKeyFilter filter = new JoinKeyFilter(1);
    JoinKeyFilterRows.Counts counts = new JoinKeyFilterRows.Counts();
    List<Batch> probe = new ArrayList<>();
    probe.add(longs(1L, 2L, 3L, 4L, null));
    probe.add(longs(5L, 6L, 3L, null, 1L));
    probe.add(longs(7L, 8L, 9L));
    probe.add(longs(null, 10L, 2L));
    JoinKeyFilterOperator op = new JoinKeyFilterOperator(operatorOf(probe), new JoinKeyFilterRows(filter, KEY, counts));
    Batch first = op.next();
    assertEquals(5, first.size(), "before the build is done every row passes");
    Batch build = longs(1L, 2L, 3L, null);
    filter.add(Keys.hashes(build, KEY), build.size(), Nulls.inAny(build, KEY));
    assertEquals(List.of(3L, 1L), values(op.next()));
    assertEquals(List.of(2L), values(op.next()), "a batch with no row kept is skipped");
    assertNull(op.next());
    assertEquals("join key filter (a Bloom filter of the build keys' hashes): dropped 8 of 16 probe rows"
        + " (5 passed unchecked: filter not ready or given up)",
        counts.toString());
  }

  @Test
  void anAwaitedFilterHoldsTheProbeSideUntilTheLastPartIsAdded() throws Exception {
    JoinKeyFilter filter = new JoinKeyFilter(2, true);
    JoinKeyFilterRows.Counts counts = new JoinKeyFilterRows.Counts();
    JoinKeyFilterOperator op = new JoinKeyFilterOperator(operatorOf(List.of(longs(1L, 2L, 3L, 4L))),
        new JoinKeyFilterRows(filter, KEY, counts));
    Batch part = longs(1L, 2L);
    filter.add(Keys.hashes(part, KEY), part.size(), null);
    assertEquals(List.of(1L, 2L, 3L), values(nextOnceBuilt(op, filter, longs(3L))));
    assertEquals("join key filter (a Bloom filter of the build keys' hashes): dropped 1 of 4 probe rows"
        + " (0 passed unchecked: filter not ready or given up)",
        counts.toString());
  }

  @Test
  void aFilterNotAwaitedLetsRowsThroughUntilItIsAwaitedFromThenOn() throws Exception {
    JoinKeyFilter filter = new JoinKeyFilter(1, false);
    JoinKeyFilterRows.Counts counts = new JoinKeyFilterRows.Counts();
    JoinKeyFilterOperator op = new JoinKeyFilterOperator(operatorOf(List.of(longs(1L, 2L), longs(1L, 4L))),
        new JoinKeyFilterRows(filter, KEY, counts));
    assertEquals(List.of(1L, 2L), values(op.next()), "a salted join's sample passes unchecked");
    filter.awaitFromNowOn(); // the heavy keys are decided: the build side no longer waits for the probe side
    assertEquals(List.of(1L), values(nextOnceBuilt(op, filter, longs(1L))));
    assertEquals("join key filter (a Bloom filter of the build keys' hashes): dropped 1 of 4 probe rows"
        + " (2 passed unchecked: filter not ready or given up)",
        counts.toString());
  }

  /**
   * {@code op}'s next batch, read on another thread, which waits for the filter until {@code lastPart}, the build
   * side's last part, is added to it.
   */
  private static Batch nextOnceBuilt(JoinKeyFilterOperator op, JoinKeyFilter filter, Batch lastPart)
      throws Exception {
    ExecutorService probe = Executors.newSingleThreadExecutor();
    try {
      Future<Batch> next = probe.submit(op::next);
      assertThrows(TimeoutException.class, () -> next.get(200, TimeUnit.MILLISECONDS),
          "the probe side waits for the filter");
      filter.add(Keys.hashes(lastPart, KEY), lastPart.size(), null);
      return next.get(30, TimeUnit.SECONDS);
    } finally {
      probe.shutdownNow();
    }
  }

  private static Batch longs(Long... values) {
    return new Batch(values.length, new Column[] {Columns.pack(values)});
  }

  private static List<Object> values(Batch batch) {
    List<Object> out = new ArrayList<>();
    for (int r = 0; r < batch.size(); r++) {
      out.add(batch.column(0).get(r));
    }
    return out;
  }

  private static Operator operatorOf(List<Batch> batches) {
    return new Operator() {
      private int next;

      @Override
      public Batch next() {
        return next < batches.size() ? batches.get(next++) : null;
      }

      @Override
      public void close() {
      }
    };
  }
}
