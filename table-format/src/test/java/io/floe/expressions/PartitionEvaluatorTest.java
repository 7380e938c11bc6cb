package io.floe.expressions;

import static io.floe.expressions.Expressions.and;
import static io.floe.expressions.Expressions.equal;
import static io.floe.expressions.Expressions.greaterThan;
import static io.floe.expressions.Expressions.isNaN;
import static io.floe.expressions.Expressions.isNull;
import static io.floe.expressions.Expressions.lessThan;
import static io.floe.expressions.Expressions.notEqual;
import static io.floe.expressions.Expressions.notNull;
import static io.floe.expressions.Expressions.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.partition.PartitionSpec;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import org.junit.jupiter.api.Test;

class PartitionEvaluatorTest {
  private static final Schema SCHEMA = new Schema(
      NestedField.optional(1, "ts", Types.TIMESTAMP),
      NestedField.optional(2, "name", Types.STRING),
      NestedField.optional(3, "score", Types.DOUBLE),
      NestedField.optional(4, "id", Types.LONG));
  private static final PartitionSpec SPEC = PartitionSpec.builderFor(SCHEMA)
      .day("ts").truncate("name", 2).identity("score").bucket("id", 4).build();

  private static boolean mightMatch(Expression filter, Object day, Object name, Object score, Object bucket) {
    PartitionEvaluator evaluator = new PartitionEvaluator(SPEC, Binder.bind(SCHEMA.asStruct(), filter, true));
    return evaluator.mightMatch(GenericRecord.of(SPEC.partitionType(), day, name, score, bucket));
  }

  @Test
  void prunesPartitionsByTheirValues() {
    long dayTwoStart = 2 * 86_400_000_000L;
    assertTrue(mightMatch(lessThan("ts", dayTwoStart), 1, "ab", 1.0, 0));
    assertFalse(mightMatch(lessThan("ts", dayTwoStart), 2, "ab", 1.0, 0));
    assertTrue(mightMatch(greaterThan("ts", dayTwoStart - 1), 2, "ab", 1.0, 0));
    assertTrue(mightMatch(startsWith("name", "abc"), 1, "ab", 1.0, 0));
    assertFalse(mightMatch(startsWith("name", "abc"), 1, "ac", 1.0, 0));
    assertFalse(mightMatch(and(equal("score", 1.0), startsWith("name", "x")), 1, "ab", 1.0, 0));
    assertTrue(mightMatch(notEqual("id", 5L), 1, "ab", 1.0, 0), "bucket cannot exclude inequality");
  }

  @Test
  void handlesNullAndNaNPartitionValues() {
    assertFalse(mightMatch(lessThan("ts", 0L), null, null, null, null));
    assertTrue(mightMatch(isNull("ts"), null, null, null, null));
    assertFalse(mightMatch(notNull("id"), 1, "ab", 1.0, null));
    assertTrue(mightMatch(isNull("id"), 1, "ab", 1.0, null));
    assertTrue(mightMatch(isNaN("score"), 1, "ab", Double.NaN, 0));
    assertFalse(mightMatch(isNaN("score"), 1, "ab", 2.0, 0));
    assertFalse(mightMatch(greaterThan("score", 1.0), 1, "ab", Double.NaN, 0));
  }
}
