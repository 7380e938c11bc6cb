package io.floe.expressions;

import static io.floe.expressions.Expressions.equal;
import static io.floe.expressions.Expressions.greaterThan;
import static io.floe.expressions.Expressions.greaterThanOrEqual;
import static io.floe.expressions.Expressions.in;
import static io.floe.expressions.Expressions.isNull;
import static io.floe.expressions.Expressions.lessThan;
import static io.floe.expressions.Expressions.lessThanOrEqual;
import static io.floe.expressions.Expressions.notNull;
import static io.floe.expressions.Expressions.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.Metrics;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.SingleValueSerialization;
import io.floe.types.Types;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictMetricsEvaluatorTest {
  private static final Schema SCHEMA = new Schema(
      NestedField.optional(1, "x", Types.INT),
      NestedField.optional(2, "s", Types.STRING),
      NestedField.optional(3, "dbl", Types.DOUBLE));

  private static boolean allMatch(Expression filter, Metrics m) {
    return new StrictMetricsEvaluator(SCHEMA, Binder.bind(SCHEMA.asStruct(), filter, true)).allMatch(m);
  }

  private static Metrics ints(long count, Long nulls, int lower, int upper) {
    return new Metrics(count, null, Map.of(1, count), nulls == null ? null : Map.of(1, nulls), null,
        Map.of(1, SingleValueSerialization.toBytes(Types.INT, lower)),
        Map.of(1, SingleValueSerialization.toBytes(Types.INT, upper)));
  }

  @Test
  void comparisonsHoldForEveryRowWhenTheBoundsLieInside() {
    Metrics m = ints(10, 0L, 10, 20);
    assertTrue(allMatch(greaterThanOrEqual("x", 10), m));
    assertFalse(allMatch(greaterThan("x", 10), m));
    assertTrue(allMatch(lessThan("x", 21), m));
    assertFalse(allMatch(lessThan("x", 20), m));
    assertTrue(allMatch(lessThanOrEqual("x", 20), m));
    assertTrue(allMatch(Expressions.and(greaterThanOrEqual("x", 1), lessThan("x", 100)), m));
    assertFalse(allMatch(Expressions.and(greaterThanOrEqual("x", 1), lessThan("x", 15)), m));
    assertTrue(allMatch(Expressions.or(lessThan("x", 15), greaterThan("x", 0)), m));
    assertFalse(allMatch(equal("x", 15), m));
    assertTrue(allMatch(equal("x", 15), ints(10, 0L, 15, 15)));
    assertTrue(allMatch(in("x", 1, 15), ints(10, 0L, 15, 15)));
    assertTrue(allMatch(Expressions.notEqual("x", 30), m));
    assertTrue(allMatch(Expressions.not(lessThan("x", 10)), m), "NOT is pushed down");
    assertTrue(allMatch(notNull("x"), m));
    assertFalse(allMatch(isNull("x"), m));
  }

  @Test
  void aColumnWithNullsOrAnUnknownNullCountFailsEveryComparison() {
    // a NULL compared with anything is unknown, which a WHERE drops
    assertFalse(allMatch(greaterThanOrEqual("x", 10), ints(10, 1L, 10, 20)));
    assertFalse(allMatch(greaterThanOrEqual("x", 10), ints(10, null, 10, 20)));
    assertFalse(allMatch(notNull("x"), ints(10, null, 10, 20)));
    assertTrue(allMatch(isNull("x"), new Metrics(3, null, Map.of(1, 3L), Map.of(1, 3L), null, null, null)));
    assertFalse(allMatch(lessThan("x", 100), Metrics.ofRowCount(10)), "no statistics");
  }

  @Test
  void aDoubleColumnNeedsAKnownNaNCountOfZero() {
    Map<Integer, java.nio.ByteBuffer> lower = Map.of(3, SingleValueSerialization.toBytes(Types.DOUBLE, 1.0));
    Map<Integer, java.nio.ByteBuffer> upper = Map.of(3, SingleValueSerialization.toBytes(Types.DOUBLE, 2.0));
    Metrics unknownNaNs = new Metrics(4, null, Map.of(3, 4L), Map.of(3, 0L), null, lower, upper);
    Metrics noNaNs = new Metrics(4, null, Map.of(3, 4L), Map.of(3, 0L), Map.of(3, 0L), lower, upper);
    assertFalse(allMatch(lessThan("dbl", 5.0), unknownNaNs));
    assertTrue(allMatch(lessThan("dbl", 5.0), noNaNs));
  }

  @Test
  void truncatedStringBoundsStillBoundEveryValue() {
    // values "abcdef" .. "abzzz" with bounds cut to 2 code points: lower "ab", upper "ac"
    Metrics m = new Metrics(3, null, Map.of(2, 3L), Map.of(2, 0L), null,
        Map.of(2, SingleValueSerialization.toBytes(Types.STRING, "ab")),
        Map.of(2, SingleValueSerialization.toBytes(Types.STRING, "ac")));
    assertTrue(allMatch(lessThan("s", "ad"), m));
    assertFalse(allMatch(lessThan("s", "abz"), m));
    assertTrue(allMatch(startsWith("s", "a"), m));
    assertFalse(allMatch(startsWith("s", "ab"), m), "the upper bound ac does not start with ab");
  }

  /** For random files and filters: when the statistics say every row matches, every row does. */
  @Test
  void neverClaimsAFileWhoseRowsDoNotAllMatch() {
    int[] allMatchedOfChecked = new int[2];
    RandomColumnFile.forEachFilter(23, (schema, file, bound, rowResults) -> {
      if (new StrictMetricsEvaluator(schema, bound).allMatch(file.metrics())) {
        assertTrue(rowResults.stream().allMatch(b -> b),
            () -> "claimed every row matches " + bound + ": values " + file.values());
        allMatchedOfChecked[0]++;
      }
      allMatchedOfChecked[1]++;
    });
    assertTrue(allMatchedOfChecked[0] > allMatchedOfChecked[1] / 20,
        "every row matched by statistics only " + allMatchedOfChecked[0] + " of " + allMatchedOfChecked[1]);
  }
}
