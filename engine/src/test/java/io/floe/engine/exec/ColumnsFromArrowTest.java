package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/**
 * The typed copies of Arrow vectors into engine columns, checked value by value against the boxed reading of the
 * same vector ({@link ArrowBatches#value}): every row set, nulls in runs and scattered, fewer rows than the vector;
 * also the copies of selected rows only, one after another and at their own positions.
 */
class ColumnsFromArrowTest {
  private static final int ROWS = 1000;
  private static final List<IntPredicate> NULL_PATTERNS = List.of(
      row -> false, row -> row < 300 || (row >= 517 && row < 700), row -> row % 3 == 1);

  /** Selections of a vector's first rows: none, one (the last), a prefix, every third, runs, all. */
  private static List<int[]> selections(int rows) {
    return List.of(new int[0], new int[] {rows - 1}, IntStream.range(0, Math.min(rows, 9)).toArray(),
        IntStream.range(0, rows).filter(r -> r % 3 == 2).toArray(),
        IntStream.range(0, rows).filter(r -> r % 200 < 90).toArray(), IntStream.range(0, rows).toArray());
  }

  private static void assertSameAsBoxed(FieldVector vector, int rows) {
    Column column = Columns.fromArrow(vector, rows);
    assertEquals(rows, column.size());
    for (int i = 0; i < rows; i++) {
      assertRow(vector, i, column, i);
    }
    for (int[] selection : selections(rows)) {
      int[] rowsRead = Arrays.copyOf(selection, selection.length + 3); // longer than the count
      Column gathered = Columns.fromArrow(vector, rowsRead, selection.length);
      assertEquals(selection.length, gathered.size());
      Column inPlace = Columns.fromArrowInPlace(vector, rows, rowsRead, selection.length, null);
      assertEquals(rows, inPlace.size());
      Column overGarbage = Columns.fromArrowInPlace(vector, rows, rowsRead, selection.length, garbage(column));
      for (int i = 0; i < selection.length; i++) {
        assertRow(vector, selection[i], gathered, i);
        assertRow(vector, selection[i], inPlace, selection[i]);
        assertRow(vector, selection[i], overGarbage, selection[i]);
      }
    }
  }

  /** A column like {@code like} (a spare to write over) whose values are all something no vector here holds. */
  private static Column garbage(Column like) {
    int n = like.size() + 7;
    if (like instanceof LongColumn l) {
      long[] values = new long[n];
      Arrays.fill(values, 987_654_321L);
      return new LongColumn(values, null, n, l.kind(), l.scale());
    }
    if (like instanceof DoubleColumn) {
      double[] values = new double[n];
      Arrays.fill(values, 1e300);
      return new DoubleColumn(values, null, n);
    }
    return like;
  }

  /** Row {@code row} of {@code column} is row {@code vectorRow} of {@code vector}, boxed. */
  private static void assertRow(FieldVector vector, int vectorRow, Column column, int row) {
    String where = vector.getField().getName() + " row " + vectorRow;
    Object expected = vector.isNull(vectorRow) ? null : ArrowBatches.value(vector, vectorRow);
    Object actual = column.get(row);
    if (expected instanceof byte[] bytes) {
      assertArrayEquals(bytes, (byte[]) actual, where);
    } else {
      assertEquals(expected, actual, where);
    }
    assertEquals(vector.isNull(vectorRow), column.isNull(row), where + " null");
  }

  @Test
  void everyTypedVectorCopiesLikeItsBoxedValues() {
    try (BufferAllocator allocator = new RootAllocator();
         IntVector ints = new IntVector("ints", allocator);
         DateDayVector dates = new DateDayVector("dates", allocator);
         BigIntVector longs = new BigIntVector("longs", allocator);
         DecimalVector decimals = new DecimalVector("decimals", allocator, 15, 2);
         Float4Vector floats = new Float4Vector("floats", allocator);
         Float8Vector doubles = new Float8Vector("doubles", allocator);
         VarCharVector strings = new VarCharVector("strings", allocator);
         VarBinaryVector binaries = new VarBinaryVector("binaries", allocator);
         BitVector bits = new BitVector("bits", allocator)) {
      List<FieldVector> vectors = List.of(ints, dates, longs, decimals, floats, doubles, strings, binaries, bits);
      for (IntPredicate isNull : NULL_PATTERNS) {
        vectors.forEach(FieldVector::allocateNew);
        for (int i = 0; i < ROWS + 5; i++) {
          if (isNull.test(i)) {
            ints.setNull(i);
            dates.setNull(i);
            longs.setNull(i);
            decimals.setNull(i);
            floats.setNull(i);
            doubles.setNull(i);
            strings.setNull(i);
            binaries.setNull(i);
            bits.setNull(i);
            continue;
          }
          ints.setSafe(i, i * 7919 - 4_000_000);
          dates.setSafe(i, i - 500);
          longs.setSafe(i, (long) i * Long.MAX_VALUE / 2000);
          decimals.setSafe(i, BigDecimal.valueOf((long) (i - 500) * 123_456_789_013L, 2));
          floats.setSafe(i, i % 10 == 0 ? Float.NaN : i / 3.0f - 100);
          doubles.setSafe(i, i % 11 == 0 ? -0.0 : i * 1e9 / 7);
          byte[] text = ("row " + i + " ".repeat(i % 20) + "é").getBytes(StandardCharsets.UTF_8);
          strings.setSafe(i, text);
          binaries.setSafe(i, new byte[i % 5]);
          bits.setSafe(i, i % 7 < 3 ? 1 : 0);
        }
        vectors.forEach(v -> v.setValueCount(ROWS + 5));
        for (FieldVector vector : vectors) {
          assertSameAsBoxed(vector, ROWS);
          assertSameAsBoxed(vector, 13);
        }
        vectors.forEach(FieldVector::clear);
      }
    }
  }

  @Test
  void aVectorWithoutNullsHasNoNullMask() {
    try (BufferAllocator allocator = new RootAllocator(); IntVector ints = new IntVector("ints", allocator)) {
      ints.allocateNew(100);
      for (int i = 0; i < 100; i++) {
        ints.set(i, i);
      }
      ints.setValueCount(100);
      Column column = Columns.fromArrow(ints, 100);
      assertFalse(column.isNull(42));
      assertEquals(42L, column.get(42));
      ints.setNull(42);
      assertTrue(Columns.fromArrow(ints, 100).isNull(42));
    }
  }
}
