package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The group table's packed keys (several keys or a short string in one long) give each distinct key one group id,
 * in order of first appearance, and decode back to the keys, also when a later batch widens a key's range (the
 * groups are re-encoded) or holds keys that no longer fit in 64 bits (a long string, extreme integers, a key
 * column of another type: the table leaves packing and keeps the ids). The oracle is a map from boxed keys.
 */
class PackedGroupKeysTest {
  private static final int BATCH = 500;

  /** One batch of key columns: column k of row r is {@code keys.apply(k)[r]} as boxed engine values. */
  private record KeyBatch(Object[][] columns) {
    int size() {
      return columns[0].length;
    }

    List<Object> key(int row) {
      List<Object> key = new ArrayList<>();
      for (Object[] c : columns) {
        key.add(c[row]);
      }
      return key;
    }
  }

  /**
   * Feeds the batches to a table and checks each row's group id against the first-appearance order of its key,
   * and the decoded key columns against the keys; returns the table.
   */
  private static GroupTable check(List<KeyBatch> batches) {
    int width = batches.get(0).columns().length;
    int[] keyIndexes = new int[width];
    Arrays.setAll(keyIndexes, k -> k);
    GroupTable table = new GroupTable(keyIndexes);
    Map<List<Object>, Integer> expectedIds = new HashMap<>();
    List<List<Object>> keysById = new ArrayList<>();
    for (KeyBatch kb : batches) {
      Column[] cols = new Column[width];
      for (int k = 0; k < width; k++) {
        cols[k] = column(kb.columns()[k]);
      }
      int[] ids = table.groupIds(new Batch(kb.size(), cols));
      for (int r = 0; r < kb.size(); r++) {
        List<Object> key = kb.key(r);
        Integer expected = expectedIds.get(key);
        if (expected == null) {
          expected = keysById.size();
          expectedIds.put(key, expected);
          keysById.add(key);
        }
        assertEquals(expected.intValue(), ids[r], "group of " + key);
      }
    }
    assertEquals(keysById.size(), table.size());
    Column[] decoded = table.keyColumns(0, table.size());
    for (int g = 0; g < table.size(); g++) {
      for (int k = 0; k < width; k++) {
        assertEquals(keysById.get(g).get(k), decoded[k].get(g), "key " + k + " of group " + g);
      }
    }
    return table;
  }

  /** Strings as a UTF-8 {@link BytesColumn}, other values through {@link Columns#pack}. */
  private static Column column(Object[] values) {
    boolean strings = Arrays.stream(values).anyMatch(v -> v instanceof String)
        && Arrays.stream(values).allMatch(v -> v == null || v instanceof String);
    if (!strings) {
      return Columns.pack(values);
    }
    int n = values.length;
    byte[][] bytes = new byte[n][];
    int total = 0;
    boolean[] nulls = null;
    for (int i = 0; i < n; i++) {
      if (values[i] == null) {
        nulls = nulls == null ? new boolean[n] : nulls;
        nulls[i] = true;
        bytes[i] = new byte[0];
      } else {
        bytes[i] = ((String) values[i]).getBytes(StandardCharsets.UTF_8);
      }
      total += bytes[i].length;
    }
    byte[] data = new byte[total + 3]; // a shared buffer with rows at odd offsets
    int[] starts = new int[n];
    int[] lengths = new int[n];
    int at = 3;
    for (int i = 0; i < n; i++) {
      starts[i] = at;
      lengths[i] = bytes[i].length;
      System.arraycopy(bytes[i], 0, data, at, bytes[i].length);
      at += bytes[i].length;
    }
    return new BytesColumn(data, starts, lengths, nulls, n, true);
  }

  private static List<KeyBatch> batches(int count, long seed, IntFunction<Object[]> rowOfBatch) {
    List<KeyBatch> out = new ArrayList<>();
    Random random = new Random(seed);
    for (int b = 0; b < count; b++) {
      List<Object[]> rows = new ArrayList<>();
      for (int r = 0; r < BATCH; r++) {
        rows.add(rowOfBatch.apply(b * 1000 + random.nextInt(1000)));
      }
      int width = rows.get(0).length;
      Object[][] columns = new Object[width][BATCH];
      for (int r = 0; r < BATCH; r++) {
        for (int k = 0; k < width; k++) {
          columns[k][r] = rows.get(r)[k];
        }
      }
      out.add(new KeyBatch(columns));
    }
    return out;
  }

  private static final String[] SHORT = {"A", "N", "R", "", "é", "F", "O", "ab"};

  /** (short string or NULL, small integer or NULL, date, decimal, boolean or NULL) from {@code seed}. */
  private static Object[] mixedRow(int seed) {
    Random r = new Random(seed);
    return new Object[] {r.nextInt(10) == 0 ? null : SHORT[r.nextInt(SHORT.length)],
        r.nextInt(12) == 0 ? null : (long) (r.nextInt(40) - 20), 9000 + r.nextInt(30),
        BigDecimal.valueOf(r.nextInt(11) - 5, 2), r.nextInt(7) == 0 ? null : r.nextBoolean()};
  }

  @Test
  void mixedKeysStayPacked() {
    GroupTable table = check(batches(8, 1, PackedGroupKeysTest::mixedRow));
    assertTrue(table.packed());
  }

  @Test
  void growingRangesRepackTheGroups() {
    // integers grow upwards and downwards from batch to batch, dates jump, strings get longer (up to 7 bytes)
    GroupTable table = check(batches(10, 2, seed -> {
      int batch = seed / 1000;
      Random r = new Random(seed);
      long wide = (long) r.nextInt(50) << (3 * batch / 2);
      return new Object[] {"xy".substring(0, Math.min(2, batch / 4)) + (char) ('a' + r.nextInt(3)),
          batch % 2 == 0 ? wide : -wide, 9000 - batch * 100 + r.nextInt(5), r.nextInt(3) == 0};
    }));
    assertTrue(table.packed());
  }

  @Test
  void aLongStringInALaterBatchLeavesPackingKeepingTheGroups() {
    GroupTable table = check(batches(6, 3, seed -> {
      Object[] row = mixedRow(seed);
      if (seed / 1000 >= 3 && seed % 5 == 0) {
        row[0] = "a string longer than seven bytes " + seed % 3;
      }
      return row;
    }));
    assertFalse(table.packed());
  }

  @Test
  void extremeIntegersInALaterBatchLeavePacking() {
    long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, Long.MAX_VALUE - 1};
    GroupTable table = check(batches(6, 4, seed -> {
      Object[] row = mixedRow(seed);
      if (seed / 1000 >= 4 && seed % 3 == 0) {
        row[1] = extremes[seed % extremes.length];
      }
      return row;
    }));
    assertFalse(table.packed());
  }

  @Test
  void twoLongKeysLeavePackingForTheLongKeyLayout() {
    // packed while both ranges are small, then extremes: the groups move to the flat long-key layout
    GroupTable table = check(batches(6, 5, seed -> {
      Random r = new Random(seed);
      long a = r.nextInt(8) == 0 ? Long.MIN_VALUE + r.nextInt(3) : r.nextInt(100);
      return new Object[] {seed / 1000 < 3 ? (long) r.nextInt(100) : a, (long) r.nextInt(4)};
    }));
    assertFalse(table.packed());
  }

  @Test
  void aKeyColumnOfAnotherTypeLeavesPacking() {
    List<KeyBatch> batches = batches(6, 6, PackedGroupKeysTest::mixedRow);
    // one decimal among the integers: Columns.pack gives that batch's column as boxed values
    batches.get(4).columns()[1][7] = new BigDecimal("0.5");
    assertTrue(check(batches.subList(0, 4)).packed());
    assertFalse(check(batches).packed());
  }

  @Test
  void oneShortStringKeyIsPackedAndDecodesBytesExactly() {
    String[] values = {"A", "", "é", "abcdefg", "\u20ac\u20ac", "abcdef", "\u0000"};
    GroupTable table = check(batches(3, 7, seed -> new Object[] {values[seed % values.length]}));
    assertTrue(table.packed());
    BytesColumn decoded = (BytesColumn) table.keyColumns(0, table.size())[0];
    List<String> strings = new ArrayList<>();
    for (int g = 0; g < table.size(); g++) {
      strings.add((String) decoded.get(g));
    }
    strings.sort(null);
    String[] expected = values.clone();
    Arrays.sort(expected);
    assertArrayEquals(expected, strings.toArray());
  }
}
