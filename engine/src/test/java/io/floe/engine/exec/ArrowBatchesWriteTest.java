package io.floe.engine.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * The typed writing of result batches into Arrow vectors, checked value by value against the boxed writer
 * ({@link ArrowBatches#writeBoxed}) and against expected values: every result type, with and without nulls
 * (runs and scattered), negative and rescaled decimals, empty and multi-byte UTF-8 strings, rows selected out of
 * order (strings not contiguous), batches larger than Arrow's default capacity.
 */
class ArrowBatchesWriteTest {
  private static final int ROWS = 5000;
  private static final List<IntPredicate> NULL_PATTERNS = List.of(
      row -> false, row -> row < 300 || (row >= 517 && row < 700), row -> row % 3 == 1, row -> true);
  private static final String[] TEXTS = {"", "a", "grüße", "日本語テキスト", "emoji 😀 here", "plain ascii text"};

  private record Case(String name, ArrowType type, Column column) {
  }

  private static List<Case> cases(IntPredicate isNull, int rows) {
    boolean[] nulls = new boolean[rows];
    boolean any = false;
    for (int i = 0; i < rows; i++) {
      nulls[i] = isNull.test(i);
      any |= nulls[i];
    }
    boolean[] mask = any ? nulls : null;
    long[] longs = new long[rows];
    long[] smalls = new long[rows];
    long[] days = new long[rows];
    long[] micros = new long[rows];
    long[] unscaled = new long[rows];
    double[] doubles = new double[rows];
    boolean[] booleans = new boolean[rows];
    List<byte[]> strings = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      longs[i] = (i % 2 == 0 ? 1 : -1) * (long) i * 1_000_003L * 1_000_003L;
      smalls[i] = (i % 255) - 127;
      days[i] = i * 37L - 40_000;
      micros[i] = i * 86_400_123_456L - 3_000_000_000_000_000L;
      unscaled[i] = (i % 3 == 0 ? -1 : 1) * (i * 999_999_937L + i % 7);
      doubles[i] = i % 5 == 0 ? -i / 3.0 : i * 1.25e10;
      booleans[i] = i % 3 == 0;
      strings.add(TEXTS[i % TEXTS.length].getBytes(StandardCharsets.UTF_8));
    }
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("bigint", new ArrowType.Int(64, true), longs(longs, mask, LongColumn.Kind.INTEGER, 0)));
    cases.add(new Case("int", new ArrowType.Int(32, true), longs(days, mask, LongColumn.Kind.INTEGER, 0)));
    cases.add(new Case("smallint", new ArrowType.Int(16, true), longs(smalls, mask, LongColumn.Kind.INTEGER, 0)));
    cases.add(new Case("tinyint", new ArrowType.Int(8, true), longs(smalls, mask, LongColumn.Kind.INTEGER, 0)));
    cases.add(new Case("date", new ArrowType.Date(DateUnit.DAY), longs(days, mask, LongColumn.Kind.DATE, 0)));
    cases.add(new Case("time", new ArrowType.Time(TimeUnit.MICROSECOND, 64),
        longs(micros, mask, LongColumn.Kind.INTEGER, 0)));
    cases.add(new Case("timestamp", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null),
        longs(micros, mask, LongColumn.Kind.INTEGER, 0)));
    cases.add(new Case("timestamptz", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"),
        longs(micros, mask, LongColumn.Kind.INTEGER, 0)));
    cases.add(new Case("decimal", new ArrowType.Decimal(18, 4, 128), longs(unscaled, mask, LongColumn.Kind.DECIMAL, 4)));
    cases.add(new Case("decimal wider scale", new ArrowType.Decimal(38, 6, 128),
        longs(unscaled, mask, LongColumn.Kind.DECIMAL, 2)));
    cases.add(new Case("decimal rounded", new ArrowType.Decimal(18, 1, 128),
        longs(unscaled, mask, LongColumn.Kind.DECIMAL, 3)));
    cases.add(new Case("decimal of integers", new ArrowType.Decimal(19, 0, 128),
        longs(longs, mask, LongColumn.Kind.INTEGER, 0)));
    cases.add(new Case("double", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE),
        new DoubleColumn(doubles, mask, rows)));
    cases.add(new Case("real", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE),
        new DoubleColumn(doubles, mask, rows)));
    cases.add(new Case("boolean", ArrowType.Bool.INSTANCE, new BoolColumn(booleans, mask, rows)));
    cases.add(new Case("varchar", ArrowType.Utf8.INSTANCE, bytes(strings, mask, true)));
    cases.add(new Case("varbinary", ArrowType.Binary.INSTANCE, bytes(strings, mask, false)));
    Object[] boxed = new Object[rows];
    for (int i = 0; i < rows; i++) {
      boxed[i] = nulls[i] ? null : new String(strings.get(i), StandardCharsets.UTF_8);
    }
    cases.add(new Case("boxed varchar", ArrowType.Utf8.INSTANCE, new ObjectColumn(boxed)));
    return cases;
  }

  private static LongColumn longs(long[] values, boolean[] nulls, LongColumn.Kind kind, int scale) {
    return new LongColumn(values.clone(), nulls, values.length, kind, scale);
  }

  private static BytesColumn bytes(List<byte[]> values, boolean[] nulls, boolean text) {
    java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
    int[] starts = new int[values.size()];
    int[] lengths = new int[values.size()];
    for (int i = 0; i < values.size(); i++) {
      starts[i] = data.size();
      if (nulls == null || !nulls[i]) {
        lengths[i] = values.get(i).length;
        data.writeBytes(values.get(i));
      }
    }
    return new BytesColumn(data.toByteArray(), starts, lengths, nulls, values.size(), text);
  }

  private static Schema schema(List<Case> cases) {
    List<Field> fields = new ArrayList<>();
    for (Case c : cases) {
      fields.add(new Field(c.name(), FieldType.nullable(c.type()), null));
    }
    return new Schema(fields);
  }

  private static void assertSameAsBoxed(Batch batch, Schema schema, List<Case> cases) {
    try (BufferAllocator allocator = new RootAllocator();
         VectorSchemaRoot typed = ArrowBatches.write(batch, schema, allocator);
         VectorSchemaRoot boxed = VectorSchemaRoot.create(schema, allocator)) {
      for (int c = 0; c < cases.size(); c++) {
        ArrowBatches.writeBoxed(batch.column(c), boxed.getVector(c), batch.size());
      }
      boxed.setRowCount(batch.size());
      assertEquals(batch.size(), typed.getRowCount());
      for (int c = 0; c < cases.size(); c++) {
        FieldVector actual = typed.getVector(c);
        FieldVector expected = boxed.getVector(c);
        String name = cases.get(c).name();
        assertEquals(batch.size(), actual.getValueCount(), name);
        assertEquals(expected.getNullCount(), actual.getNullCount(), name + " null count");
        for (int i = 0; i < batch.size(); i++) {
          assertEquals(batch.column(c).isNull(i), actual.isNull(i), name + " null at row " + i);
          Object want = expected.getObject(i);
          Object got = actual.getObject(i);
          if (want instanceof byte[] wantBytes) {
            assertArrayEquals(wantBytes, (byte[]) got, name + " row " + i);
          } else {
            assertEquals(want, got, name + " row " + i);
          }
        }
        // the engine reads the written vector back as the values it wrote (decimals at the vector's scale)
        Column back = Columns.fromArrow(actual, batch.size());
        for (int i = 0; i < batch.size(); i++) {
          Object value = batch.column(c).get(i);
          Object read = back.get(i);
          if (value instanceof BigDecimal d && read instanceof BigDecimal r) {
            assertEquals(0, d.setScale(r.scale(), java.math.RoundingMode.HALF_UP).compareTo(r), name + " row " + i);
          } else if (value instanceof byte[] b) {
            assertArrayEquals(b, (byte[]) read, name + " row " + i);
          } else if (!(read instanceof BigDecimal) && !name.equals("real")) {
            assertEquals(value instanceof Integer n && !name.equals("date") ? (long) n : value, read,
                name + " row " + i);
          }
        }
      }
    }
  }

  @Test
  void typedColumnsWriteLikeTheBoxedWriter() {
    for (IntPredicate isNull : NULL_PATTERNS) {
      List<Case> cases = cases(isNull, ROWS);
      Column[] columns = cases.stream().map(Case::column).toArray(Column[]::new);
      assertSameAsBoxed(new Batch(ROWS, columns), schema(cases), cases);
    }
  }

  @Test
  void selectedRowsAndSmallBatchesWriteLikeTheBoxedWriter() {
    List<Case> cases = cases(row -> row % 4 == 2, ROWS);
    Column[] columns = cases.stream().map(Case::column).toArray(Column[]::new);
    Batch batch = new Batch(ROWS, columns);
    int[] reversed = new int[ROWS];
    for (int i = 0; i < ROWS; i++) {
      reversed[i] = ROWS - 1 - i;
    }
    Schema schema = schema(cases);
    assertSameAsBoxed(batch.select(reversed, ROWS), schema, cases);
    for (int size : new int[] {0, 1, 7, 8, 9}) {
      assertSameAsBoxed(batch.select(reversed, size), schema, cases);
    }
  }

  @Test
  void valuesAreTheExpectedOnes() {
    boolean[] nulls = {false, true, false, false};
    Batch batch = new Batch(4, new Column[] {
        new LongColumn(new long[] {-12345, 0, 5, Long.MIN_VALUE / 10}, nulls, 4, LongColumn.Kind.DECIMAL, 2),
        bytes(List.of("".getBytes(StandardCharsets.UTF_8), new byte[0], "ß€😀".getBytes(StandardCharsets.UTF_8),
            "x".getBytes(StandardCharsets.UTF_8)), nulls, true)});
    Schema schema = new Schema(List.of(
        new Field("d", FieldType.nullable(new ArrowType.Decimal(18, 2, 128)), null),
        new Field("s", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
    try (BufferAllocator allocator = new RootAllocator();
         VectorSchemaRoot root = ArrowBatches.write(batch, schema, allocator)) {
      FieldVector d = root.getVector(0);
      assertEquals(new BigDecimal("-123.45"), d.getObject(0));
      assertTrue(d.isNull(1));
      assertEquals(new BigDecimal("0.05"), d.getObject(2));
      assertEquals(BigDecimal.valueOf(Long.MIN_VALUE / 10, 2), d.getObject(3));
      FieldVector s = root.getVector(1);
      assertEquals("", s.getObject(0).toString());
      assertTrue(s.isNull(1));
      assertEquals("ß€😀", s.getObject(2).toString());
      assertEquals("x", s.getObject(3).toString());
      assertFalse(s.isNull(3));
    }
  }
}
