package io.floe.expressions;

import static io.floe.expressions.Expressions.equal;
import static io.floe.expressions.Expressions.greaterThan;
import static io.floe.expressions.Expressions.greaterThanOrEqual;
import static io.floe.expressions.Expressions.in;
import static io.floe.expressions.Expressions.isNaN;
import static io.floe.expressions.Expressions.isNull;
import static io.floe.expressions.Expressions.lessThan;
import static io.floe.expressions.Expressions.lessThanOrEqual;
import static io.floe.expressions.Expressions.not;
import static io.floe.expressions.Expressions.notEqual;
import static io.floe.expressions.Expressions.notNaN;
import static io.floe.expressions.Expressions.notNull;
import static io.floe.expressions.Expressions.notStartsWith;
import static io.floe.expressions.Expressions.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Metrics;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.SingleValueSerialization;
import io.floe.types.TypeId;
import io.floe.types.Types;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetricsEvaluatorTest {
  private static final Schema SCHEMA = new Schema(
      NestedField.optional(1, "x", Types.INT),
      NestedField.optional(2, "s", Types.STRING),
      NestedField.optional(3, "dbl", Types.DOUBLE),
      NestedField.optional(4, "items", Types.list(5, Types.struct(NestedField.optional(6, "n", Types.INT)), false)));

  private static boolean mightMatch(Expression filter, Metrics m) {
    return new MetricsEvaluator(SCHEMA, Binder.bind(SCHEMA.asStruct(), filter, true)).mightMatch(m);
  }

  private static Metrics ints(long count, long nulls, Integer lower, Integer upper) {
    Map<Integer, ByteBuffer> lo = new HashMap<>();
    Map<Integer, ByteBuffer> hi = new HashMap<>();
    if (lower != null) {
      lo.put(1, SingleValueSerialization.toBytes(Types.INT, lower));
    }
    if (upper != null) {
      hi.put(1, SingleValueSerialization.toBytes(Types.INT, upper));
    }
    return new Metrics(count, null, Map.of(1, count), Map.of(1, nulls), null, lo, hi);
  }

  @Test
  void prunesWithBounds() {
    Metrics m = ints(10, 0, 10, 20);
    assertFalse(mightMatch(lessThan("x", 10), m));
    assertTrue(mightMatch(lessThanOrEqual("x", 10), m));
    assertFalse(mightMatch(greaterThan("x", 20), m));
    assertTrue(mightMatch(greaterThanOrEqual("x", 20), m));
    assertFalse(mightMatch(equal("x", 21), m));
    assertTrue(mightMatch(equal("x", 15), m));
    assertFalse(mightMatch(in("x", 1, 2, 30), m));
    assertTrue(mightMatch(in("x", 1, 12), m));
    assertTrue(mightMatch(notEqual("x", 15), ints(10, 0, 15, 15)), "bounds need not be values");
    assertFalse(mightMatch(not(greaterThanOrEqual("x", 10)), m), "NOT is pushed down");
    assertFalse(mightMatch(isNull("x"), m));
    assertTrue(mightMatch(notNull("x"), m));
  }

  @Test
  void handlesNullsAndMissingStats() {
    Metrics allNull = ints(5, 5, null, null);
    assertFalse(mightMatch(notNull("x"), allNull));
    assertFalse(mightMatch(lessThan("x", 100), allNull));
    assertFalse(mightMatch(equal("x", 1), allNull));
    assertTrue(mightMatch(isNull("x"), allNull));
    assertTrue(mightMatch(notEqual("x", 1), allNull));
    assertFalse(mightMatch(Expressions.alwaysTrue(), Metrics.ofRowCount(0)), "an empty file has no rows");
    assertTrue(mightMatch(equal("x", 1), Metrics.ofRowCount(100)));
    assertTrue(mightMatch(equal("x", 1), Metrics.ofRowCount(-1)));
    assertTrue(mightMatch(lessThan("x", 0), ints(5, 0, null, 20)), "no lower bound");
    assertTrue(mightMatch(greaterThan("x", 30), ints(5, 0, 0, null)), "no upper bound");
  }

  @Test
  void handlesNaN() {
    Metrics nansOnly = new Metrics(4, null, Map.of(3, 4L), Map.of(3, 0L), Map.of(3, 4L), null, null);
    assertFalse(mightMatch(lessThan("dbl", 1.0), nansOnly));
    assertFalse(mightMatch(greaterThan("dbl", 1.0), nansOnly));
    assertFalse(mightMatch(equal("dbl", 1.0), nansOnly));
    assertFalse(mightMatch(notNaN("dbl"), nansOnly));
    assertTrue(mightMatch(isNaN("dbl"), nansOnly));
    Metrics noNans = new Metrics(4, null, Map.of(3, 4L), Map.of(3, 0L), Map.of(3, 0L), null, null);
    assertFalse(mightMatch(isNaN("dbl"), noNans));
    Metrics allNull = new Metrics(4, null, Map.of(3, 4L), Map.of(3, 4L), null, null, null);
    assertFalse(mightMatch(isNaN("dbl"), allNull));
    // a NaN lower bound (written by some engines) says nothing
    Metrics nanLower = new Metrics(4, null, Map.of(3, 4L), Map.of(3, 0L), null,
        Map.of(3, SingleValueSerialization.toBytes(Types.DOUBLE, Double.NaN)), Map.of(3, SingleValueSerialization.toBytes(Types.DOUBLE, 5.0)));
    assertTrue(mightMatch(lessThan("dbl", 1.0), nanLower));
    assertFalse(mightMatch(greaterThan("dbl", 6.0), nanLower));
  }

  @Test
  void handlesTruncatedStringBounds() {
    // values "abcdef" .. "abzzz" with bounds cut to 2 code points: lower "ab", upper "ac"
    Metrics m = new Metrics(3, null, Map.of(2, 3L), Map.of(2, 0L), null,
        Map.of(2, SingleValueSerialization.toBytes(Types.STRING, "ab")), Map.of(2, SingleValueSerialization.toBytes(Types.STRING, "ac")));
    assertTrue(mightMatch(startsWith("s", "abc"), m));
    assertTrue(mightMatch(startsWith("s", "a"), m));
    assertFalse(mightMatch(startsWith("s", "ad"), m));
    assertFalse(mightMatch(startsWith("s", "aa"), m));
    assertTrue(mightMatch(equal("s", "abzzz"), m));
    assertFalse(mightMatch(equal("s", "acb"), m));
    assertTrue(mightMatch(notStartsWith("s", "ab"), m), "the upper bound ac does not start with ab");
    Metrics same = new Metrics(3, null, Map.of(2, 3L), Map.of(2, 0L), null,
        Map.of(2, SingleValueSerialization.toBytes(Types.STRING, "abc")), Map.of(2, SingleValueSerialization.toBytes(Types.STRING, "abd")));
    assertFalse(mightMatch(notStartsWith("s", "ab"), same));
    assertTrue(mightMatch(notStartsWith("s", "abc"), same));
  }

  @Test
  void neverPrunesOnColumnsInsideLists() {
    Schema schema = SCHEMA;
    BoundPredicate onElement = new BoundPredicate(Operation.EQ, schema.findField(6), List.of(5));
    Metrics m = new Metrics(3, null, Map.of(6, 3L), Map.of(6, 3L), null,
        Map.of(6, SingleValueSerialization.toBytes(Types.INT, 100)), Map.of(6, SingleValueSerialization.toBytes(Types.INT, 200)));
    assertTrue(new MetricsEvaluator(schema, onElement).mightMatch(m));
  }

  /**
   * Iceberg 1.12 orders uuid bounds by {@link java.util.UUID#compareTo} (signed halves): for a file holding
   * ffffffff-ffff-ffff-ffff-ffffffffffff and 00000000-0000-0000-0000-000000000001 it writes the first as the lower
   * bound. Read in the spec's unsigned order those bounds would exclude both values, so uuid bounds are not used.
   */
  @Test
  void neverPrunesByUuidBoundsWhoseOrderIsUnknown() {
    UUID high = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
    Schema schema = new Schema(NestedField.optional(1, "u", Types.UUID));
    Metrics signed = new Metrics(2, null, Map.of(1, 2L), Map.of(1, 0L), null,
        Map.of(1, SingleValueSerialization.toBytes(Types.UUID, high)), Map.of(1, SingleValueSerialization.toBytes(Types.UUID, low)));
    for (UUID value : List.of(high, low)) {
      assertTrue(mightMatch(schema, equal("u", value), signed), "equal " + value);
      assertTrue(mightMatch(schema, in("u", value, UUID.fromString("80000000-0000-0000-0000-000000000000")), signed), "in " + value);
      assertTrue(mightMatch(schema, lessThanOrEqual("u", value), signed), "<= " + value);
      assertTrue(mightMatch(schema, greaterThanOrEqual("u", value), signed), ">= " + value);
    }
    // bounds in the spec's order are not used either: the order of a file's bounds cannot be told from the file
    Metrics unsigned = new Metrics(2, null, Map.of(1, 2L), Map.of(1, 0L), null,
        Map.of(1, SingleValueSerialization.toBytes(Types.UUID, low)), Map.of(1, SingleValueSerialization.toBytes(Types.UUID, low)));
    assertTrue(mightMatch(schema, equal("u", high), unsigned));
    // null counts still prune
    Metrics allNull = new Metrics(2, null, Map.of(1, 2L), Map.of(1, 2L), null, null, null);
    assertFalse(mightMatch(schema, equal("u", low), allNull));
    assertFalse(mightMatch(schema, notNull("u"), allNull));
    assertFalse(mightMatch(schema, isNull("u"), signed));
  }

  private static boolean mightMatch(Schema schema, Expression filter, Metrics m) {
    return new MetricsEvaluator(schema, Binder.bind(schema.asStruct(), filter, true)).mightMatch(m);
  }

  /** For random files and filters: when a row of the file matches, the file must not be pruned. */
  @Test
  void neverPrunesAFileWithAMatchingRow() {
    int[] prunedOfChecked = new int[2];
    RandomColumnFile.forEachFilter(17, (schema, file, bound, rowResults) -> {
      boolean might = new MetricsEvaluator(schema, bound).mightMatch(file.metrics());
      if (rowResults.contains(true)) {
        assertTrue(might, () -> "pruned a file with a matching row: " + bound + " values " + file.values()
            + " metrics " + describe(file.type(), file.metrics()));
      }
      prunedOfChecked[0] += might ? 0 : 1;
      prunedOfChecked[1]++;
    });
    assertTrue(prunedOfChecked[0] > prunedOfChecked[1] / 10,
        "pruned only " + prunedOfChecked[0] + " of " + prunedOfChecked[1]);
  }

  private static String describe(PrimitiveType type, Metrics m) {
    String lo = m.lowerBounds().containsKey(1) ? String.valueOf(SingleValueSerialization.fromBytes(type, m.lowerBounds().get(1))) : "-";
    String hi = m.upperBounds().containsKey(1) ? String.valueOf(SingleValueSerialization.fromBytes(type, m.upperBounds().get(1))) : "-";
    return "values=" + m.valueCounts() + " nulls=" + m.nullValueCounts() + " nans=" + m.nanValueCounts() + " [" + lo + ", " + hi + "]"
        + (type.typeId() == TypeId.BINARY ? Arrays.toString(new byte[0]) : "");
  }
}
