package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The long-key paths of the hash join and the group table (raw long keys in flat arrays) give the same rows as
 * the general path over boxed key columns: nulls, negative and extreme keys, many duplicates on the build side,
 * two keys, null-safe equality, decimal keys of different scales and a key type that changes between batches.
 */
class LongKeyFastPathTest {
  private static final SqlTypeFactoryImpl TYPES = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);

  /** Rows of (k1, k2, payload): keys from a small domain with nulls, negatives and the long extremes. */
  static List<Object[]> rows(long seed, int count, int domain) {
    Random random = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0};
    for (int i = 0; i < count; i++) {
      int pick = random.nextInt(20);
      Long k1 = pick == 0 ? null : pick == 1 ? extremes[random.nextInt(4)] : (long) (random.nextInt(domain) - domain / 2);
      Long k2 = random.nextInt(15) == 0 ? null : (long) random.nextInt(3);
      rows.add(new Object[] {k1, k2, (long) i});
    }
    return rows;
  }

  static Operator source(List<Object[]> rows, boolean typed, int batchSize) {
    Deque<Batch> batches = new ArrayDeque<>();
    for (int from = 0; from < rows.size(); from += batchSize) {
      List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + batchSize));
      Column[] cols = new Column[3];
      for (int c = 0; c < 3; c++) {
        Object[] values = new Object[part.size()];
        for (int r = 0; r < values.length; r++) {
          values[r] = part.get(r)[c];
        }
        cols[c] = typed ? Columns.pack(values) : new ObjectColumn(values);
      }
      batches.add(new Batch(part.size(), cols));
    }
    return of(batches);
  }

  private static Operator of(Deque<Batch> batches) {
    return new Operator() {
      @Override
      public Batch next() {
        return batches.poll();
      }

      @Override
      public void close() {
      }
    };
  }

  static List<String> drain(Operator op) {
    List<String> out = new ArrayList<>();
    Batch b;
    while ((b = op.next()) != null) {
      for (int r = 0; r < b.size(); r++) {
        Object[] row = b.row(r);
        for (int c = 0; c < row.length; c++) {
          row[c] = row[c] instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : row[c];
        }
        out.add(Arrays.toString(row));
      }
    }
    op.close();
    out.sort(null);
    return out;
  }

  private static List<String> join(JoinRelType type, int[] keys, boolean[] nullSafe, boolean typed) {
    List<Object[]> probe = rows(1, 3000, 400);
    List<Object[]> build = rows(2, 5000, 200); // about 25 build rows per key
    return drain(new HashJoinOperator(source(probe, typed, 1024), source(build, typed, 700), type, keys, keys,
        nullSafe, null, 3, 3));
  }

  @ParameterizedTest
  @EnumSource(value = JoinRelType.class, names = {"INNER", "LEFT", "RIGHT", "FULL", "SEMI", "ANTI"})
  void joinOnOneLongKeyMatchesGeneralPath(JoinRelType type) {
    List<String> fast = join(type, new int[] {0}, new boolean[] {false}, true);
    assertFalse(fast.isEmpty());
    assertEquals(join(type, new int[] {0}, new boolean[] {false}, false), fast);
  }

  @ParameterizedTest
  @EnumSource(value = JoinRelType.class, names = {"INNER", "LEFT", "SEMI", "ANTI"})
  void joinOnTwoLongKeysMatchesGeneralPath(JoinRelType type) {
    List<String> fast = join(type, new int[] {0, 1}, new boolean[] {false, false}, true);
    assertFalse(fast.isEmpty());
    assertEquals(join(type, new int[] {0, 1}, new boolean[] {false, false}, false), fast);
  }

  /**
   * A build side of long keys too large for the cache (the open-addressing {@link LongKeyJoinTable}) probed by
   * typed key columns and by boxed ones (the table searched by value): the same rows as the general path.
   */
  @ParameterizedTest
  @EnumSource(value = JoinRelType.class, names = {"INNER", "ANTI"})
  void largeLongKeyTableMatchesGeneralPath(JoinRelType type) {
    List<Object[]> probe = rows(5, 20_000, 600_000);
    List<Object[]> build = rows(6, 600_000, 400_000); // keys with one row and keys with several
    assertTrue(LongKeyJoinTable.outgrowsCache(build.size(), 1));
    for (int[] keys : new int[][] {{0}, {0, 1}}) {
      boolean[] nullSafe = new boolean[keys.length];
      List<String> general = drain(new HashJoinOperator(source(probe, false, 900), source(build, false, 8192), type,
          keys, keys, nullSafe, null, 3, 3));
      assertFalse(general.isEmpty());
      assertEquals(general, drain(new HashJoinOperator(source(probe, false, 900), source(build, true, 8192), type,
          keys, keys, nullSafe, null, 3, 3)), "boxed probe, keys " + Arrays.toString(keys));
      assertEquals(general, drain(new HashJoinOperator(source(probe, true, 900), source(build, true, 8192), type,
          keys, keys, nullSafe, null, 3, 3)), "typed probe, keys " + Arrays.toString(keys));
    }
  }

  /** Keys at different positions on the two sides: the build key columns of the output hold the build's values. */
  @ParameterizedTest
  @EnumSource(value = JoinRelType.class, names = {"INNER", "RIGHT", "SEMI"})
  void crossedKeyPositionsMatchGeneralPath(JoinRelType type) {
    List<Object[]> probe = rows(7, 3000, 8);
    List<Object[]> build = rows(8, 3000, 8);
    int[] probeKeys = {0, 1};
    int[] buildKeys = {1, 0};
    boolean[] nullSafe = {false, false};
    List<String> general = drain(new HashJoinOperator(source(probe, false, 1000), source(build, false, 800), type,
        probeKeys, buildKeys, nullSafe, null, 3, 3));
    assertFalse(general.isEmpty());
    assertEquals(general, drain(new HashJoinOperator(source(probe, true, 1000), source(build, true, 800), type,
        probeKeys, buildKeys, nullSafe, null, 3, 3)));
  }

  @Test
  void nullSafeKeyMatchesNulls() {
    List<String> fast = join(JoinRelType.INNER, new int[] {0, 1}, new boolean[] {false, true}, true);
    assertEquals(join(JoinRelType.INNER, new int[] {0, 1}, new boolean[] {false, true}, false), fast);
    assertFalse(fast.stream().noneMatch(row -> row.matches("\\[-?\\d+, null, .*")));
  }

  @Test
  void innerJoinCountsEveryPairOfEqualNonNullKeys() {
    List<Object[]> probe = rows(1, 3000, 400);
    List<Object[]> build = rows(2, 5000, 200);
    long expected = 0;
    for (Object[] p : probe) {
      for (Object[] b : build) {
        expected += p[0] != null && p[0].equals(b[0]) ? 1 : 0;
      }
    }
    assertEquals(expected, join(JoinRelType.INNER, new int[] {0}, new boolean[] {false}, true).size());
  }

  @ParameterizedTest
  @EnumSource(value = JoinRelType.class, names = {"LEFT", "RIGHT", "FULL"})
  void outerJoinPadsUnmatchedRowsWithTypedNulls(JoinRelType type) {
    Column left = new LongColumn(new long[] {1, 2, 3}, null, 3, LongColumn.Kind.DATE, 0);
    Column right = new LongColumn(new long[] {3, 4}, null, 2, LongColumn.Kind.DATE, 0);
    HashJoinOperator join = new HashJoinOperator(one(left), one(right), type, new int[] {0}, new int[] {0},
        new boolean[] {false}, null, 1, 1);
    int padded = 0;
    Batch b;
    while ((b = join.next()) != null) {
      for (int c = 0; c < 2; c++) {
        assertEquals(LongColumn.class, b.column(c).getClass());
        for (int r = 0; r < b.size(); r++) {
          padded += b.column(c).isNull(r) ? 1 : 0;
        }
      }
    }
    join.close();
    assertEquals(type == JoinRelType.FULL ? 3 : type == JoinRelType.LEFT ? 2 : 1, padded);
  }

  @Test
  void decimalKeysOfDifferentScalesJoinByValue() {
    Column left = new LongColumn(new long[] {500, 250, -100, 0}, new boolean[] {false, false, false, true}, 4,
        LongColumn.Kind.DECIMAL, 2);                                  // 5.00, 2.50, -1.00, NULL
    Column right = new LongColumn(new long[] {5, 25, -1, 0}, null, 4, LongColumn.Kind.DECIMAL, 1); // .5 2.5 -.1 0
    Column rightIntegers = new LongColumn(new long[] {5, -1, 7}, null, 3, LongColumn.Kind.DECIMAL, 0);
    assertEquals(List.of("[2.5, 2.5]"), drain(new HashJoinOperator(one(left), one(right), JoinRelType.INNER,
        new int[] {0}, new int[] {0}, new boolean[] {false}, null, 1, 1)));
    assertEquals(List.of("[-1, -1]", "[5, 5]"), drain(new HashJoinOperator(one(left), one(rightIntegers),
        JoinRelType.INNER, new int[] {0}, new int[] {0}, new boolean[] {false}, null, 1, 1)));
  }

  private static Operator one(Column column) {
    Deque<Batch> batches = new ArrayDeque<>(List.of(new Batch(column.size(), new Column[] {column})));
    return of(batches);
  }

  private static List<AggregateSpec> aggregates() {
    return List.of(
        new AggregateSpec(SqlKind.COUNT, List.of(), false, -1, TYPES.createSqlType(SqlTypeName.BIGINT), null),
        new AggregateSpec(SqlKind.COUNT, List.of(1), false, -1, TYPES.createSqlType(SqlTypeName.BIGINT), null),
        new AggregateSpec(SqlKind.SUM, List.of(2), false, -1, TYPES.createSqlType(SqlTypeName.BIGINT), null),
        new AggregateSpec(SqlKind.MIN, List.of(2), false, -1, TYPES.createSqlType(SqlTypeName.BIGINT), null),
        new AggregateSpec(SqlKind.COUNT, List.of(1), true, -1, TYPES.createSqlType(SqlTypeName.BIGINT), null));
  }

  @Test
  void groupingByLongKeysMatchesGeneralPath() {
    for (int[] keys : new int[][] {{0}, {0, 1}, {1, 0}}) {
      List<String> fast = drain(new HashAggregateOperator(source(rows(3, 20_000, 5000), true, 1024), keys,
          aggregates()));
      List<String> general = drain(new HashAggregateOperator(source(rows(3, 20_000, 5000), false, 1024), keys,
          aggregates()));
      assertEquals(general, fast, "keys " + Arrays.toString(keys));
      assertFalse(fast.stream().noneMatch(row -> row.startsWith("[null")), "NULL keys form a group");
    }
  }

  @Test
  void groupTableSwitchesToGeneralKeysWhenAKeyColumnChangesType() {
    List<Object[]> rows = rows(4, 6000, 300);
    for (int[] keys : new int[][] {{0}, {0, 1}}) {
      List<String> expected = drain(new HashAggregateOperator(source(rows, false, 1000), keys, aggregates()));
      Deque<Batch> batches = new ArrayDeque<>();
      Operator typed = source(rows.subList(0, 3000), true, 1000);
      Operator boxed = source(rows.subList(3000, 6000), false, 1000);
      Batch b;
      while ((b = typed.next()) != null) {
        batches.add(b);
      }
      while ((b = boxed.next()) != null) {
        batches.add(b);
      }
      Operator mixed = of(batches);
      assertEquals(expected, drain(new HashAggregateOperator(mixed, keys, aggregates())), Arrays.toString(keys));
    }
  }

  @Test
  void decimalGroupKeysOfDifferentScalesFormOneGroup() {
    Column scale2 = new LongColumn(new long[] {500, 250}, null, 2, LongColumn.Kind.DECIMAL, 2);
    Column scale0 = new LongColumn(new long[] {5, 5}, null, 2, LongColumn.Kind.DECIMAL, 0);
    Deque<Batch> batches = new ArrayDeque<>(List.of(new Batch(2, new Column[] {scale2}),
        new Batch(2, new Column[] {scale0})));
    Operator input = of(batches);
    List<AggregateSpec> count = List.of(new AggregateSpec(SqlKind.COUNT, List.of(), false, -1,
        TYPES.createSqlType(SqlTypeName.BIGINT), null));
    assertEquals(List.of("[2.5, 1]", "[5, 3]"), drain(new HashAggregateOperator(input, new int[] {0}, count)));
  }
}
