package io.floe.expressions;

import static io.floe.expressions.Expressions.and;
import static io.floe.expressions.Expressions.equal;
import static io.floe.expressions.Expressions.greaterThan;
import static io.floe.expressions.Expressions.greaterThanOrEqual;
import static io.floe.expressions.Expressions.in;
import static io.floe.expressions.Expressions.isNaN;
import static io.floe.expressions.Expressions.isNull;
import static io.floe.expressions.Expressions.lessThan;
import static io.floe.expressions.Expressions.not;
import static io.floe.expressions.Expressions.notEqual;
import static io.floe.expressions.Expressions.notIn;
import static io.floe.expressions.Expressions.notNaN;
import static io.floe.expressions.Expressions.notNull;
import static io.floe.expressions.Expressions.notStartsWith;
import static io.floe.expressions.Expressions.or;
import static io.floe.expressions.Expressions.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.data.IcebergRows;
import io.floe.data.Record;
import io.floe.types.IcebergTypes;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.RandomValues;
import io.floe.types.StructType;
import io.floe.types.TypeId;
import io.floe.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.iceberg.expressions.Evaluator;
import org.junit.jupiter.api.Test;

class RowEvaluatorTest {
  private static final StructType ADDRESS = Types.struct(NestedField.optional(11, "city", Types.STRING));
  private static final StructType STRUCT = Types.struct(
      NestedField.optional(1, "x", Types.INT),
      NestedField.optional(2, "s", Types.STRING),
      NestedField.optional(3, "dbl", Types.DOUBLE),
      NestedField.optional(4, "address", ADDRESS));

  private static boolean eval(Expression filter, Object... values) {
    Expression bound = Binder.bind(STRUCT, filter, true);
    return new RowEvaluator(STRUCT, bound).eval(GenericRecord.of(STRUCT, values));
  }

  @Test
  void comparesValues() {
    assertTrue(eval(lessThan("x", 5), 4, null, null, null));
    assertFalse(eval(lessThan("x", 5), 5, null, null, null));
    assertTrue(eval(and(greaterThanOrEqual("x", 5), notEqual("x", 6)), 5, null, null, null));
    assertTrue(eval(or(equal("x", 1), in("x", 7, 8)), 8, null, null, null));
    assertTrue(eval(startsWith("s", "ab"), 0, "abc", null, null));
    assertFalse(eval(notStartsWith("s", "ab"), 0, "abc", null, null));
    assertTrue(eval(equal("address.city", "Paris"), 0, null, null, GenericRecord.of(ADDRESS, "Paris")));
    assertTrue(eval(Expressions.alwaysTrue(), null, null, null, null));
    assertFalse(eval(Expressions.alwaysFalse(), null, null, null, null));
  }

  @Test
  void comparisonsWithNullAreFalseAndTheirNegationsTrue() {
    Object[] nulls = {null, null, null, null};
    assertFalse(eval(lessThan("x", 5), nulls));
    assertFalse(eval(greaterThan("x", 5), nulls));
    assertFalse(eval(equal("x", 5), nulls));
    assertFalse(eval(in("x", 5, 6), nulls));
    assertFalse(eval(startsWith("s", "a"), nulls));
    assertTrue(eval(notEqual("x", 5), nulls));
    assertTrue(eval(notIn("x", 5, 6), nulls));
    assertTrue(eval(notStartsWith("s", "a"), nulls));
    assertTrue(eval(isNull("x"), nulls));
    assertFalse(eval(notNull("x"), nulls));
    // NOT is pushed down: not(x < 5) is x >= 5, false for null as in SQL
    assertFalse(eval(not(lessThan("x", 5)), nulls));
    assertTrue(eval(not(equal("x", 5)), nulls));
    // a null struct makes its fields null
    assertTrue(eval(isNull("address.city"), 0, null, null, null));
    assertFalse(eval(equal("address.city", "Paris"), 0, null, null, null));
  }

  @Test
  void handlesNaNAndSignedZero() {
    assertTrue(eval(isNaN("dbl"), 0, null, Double.NaN, null));
    assertFalse(eval(notNaN("dbl"), 0, null, Double.NaN, null));
    assertFalse(eval(isNaN("dbl"), 0, null, null, null));
    assertTrue(eval(notNaN("dbl"), 0, null, null, null));
    assertFalse(eval(greaterThan("dbl", 1.0), 0, null, Double.NaN, null));
    assertFalse(eval(lessThan("dbl", 1.0), 0, null, Double.NaN, null));
    assertFalse(eval(not(lessThan("dbl", 1.0)), 0, null, Double.NaN, null));
    assertTrue(eval(notEqual("dbl", 1.0), 0, null, Double.NaN, null));
    assertFalse(eval(in("dbl", 1.0, 2.0), 0, null, Double.NaN, null));
    assertTrue(eval(greaterThan("dbl", Double.MAX_VALUE), 0, null, Double.POSITIVE_INFINITY, null));
    assertTrue(eval(lessThan("dbl", 0.0), 0, null, -0.0, null));
    assertFalse(eval(equal("dbl", 0.0), 0, null, -0.0, null));
  }

  @Test
  void rejectsUnboundExpressions() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RowEvaluator(STRUCT, equal("x", 1)));
    assertTrue(e.getMessage().contains("Binder.bind"), e.getMessage());
  }

  @Test
  void agreesWithIcebergsEvaluatorOnNonNullValues() {
    Random r = new Random(99);
    List<PrimitiveType> types = RandomValues.PRIMITIVES;
    List<NestedField> fields = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      fields.add(NestedField.optional(i + 1, "c" + i, types.get(i)));
    }
    StructType struct = Types.struct(fields);
    org.apache.iceberg.types.Types.StructType iceStruct = IcebergTypes.toIceberg(struct);
    Operation[] ops = {Operation.LT, Operation.LT_EQ, Operation.GT, Operation.GT_EQ, Operation.EQ, Operation.NOT_EQ, Operation.IN,
        Operation.NOT_IN, Operation.STARTS_WITH, Operation.NOT_STARTS_WITH};
    int checked = 0;
    for (int n = 0; n < 20000; n++) {
      int c = r.nextInt(types.size());
      PrimitiveType type = types.get(c);
      Operation op = ops[r.nextInt(ops.length)];
      boolean ordered = op == Operation.EQ || op == Operation.NOT_EQ || op.isSet() || type.typeId() != TypeId.UUID;
      boolean stringOp = op == Operation.STARTS_WITH || op == Operation.NOT_STARTS_WITH;
      if (!ordered || stringOp != (type.typeId() == TypeId.STRING) || type.typeId() == TypeId.BOOLEAN && !op.isSet() && op != Operation.EQ) {
        continue;
      }
      Object[] row = new Object[types.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = RandomValues.value(r, types.get(i));
      }
      Object value = row[c];
      if (RowEvaluator.isNaN(value)) {
        continue;
      }
      List<Object> literals = new ArrayList<>();
      for (int i = op.isSet() ? 1 + r.nextInt(3) : 1; i > 0; i--) {
        Object lit = r.nextInt(3) == 0 ? value : RandomValues.value(r, type);
        if (stringOp && r.nextBoolean()) {
          lit = value.toString().substring(0, value.toString().offsetByCodePoints(0, value.toString().codePointCount(0, value.toString().length()) / 2));
        }
        if (!RowEvaluator.isNaN(lit)) {
          literals.add(lit);
        }
      }
      if (literals.isEmpty()) {
        continue;
      }
      Expression bound = Binder.bind(struct, new UnboundPredicate(op, "c" + c, literals), true);
      Record record = GenericRecord.of(struct, row);
      boolean ours = new RowEvaluator(struct, bound).eval(record);
      org.apache.iceberg.expressions.Expression theirsExpr = icebergPredicate(op, "c" + c, literals);
      boolean theirs = new Evaluator(iceStruct, theirsExpr).eval(IcebergRows.toStructLike(record));
      assertEquals(theirs, ours, () -> bound + " on " + value);
      checked++;
    }
    assertTrue(checked > 5000, "checked " + checked);
  }

  private static org.apache.iceberg.expressions.Expression icebergPredicate(Operation op, String name, List<Object> literals) {
    Object lit = literals.get(0);
    return switch (op) {
      case LT -> org.apache.iceberg.expressions.Expressions.lessThan(name, lit);
      case LT_EQ -> org.apache.iceberg.expressions.Expressions.lessThanOrEqual(name, lit);
      case GT -> org.apache.iceberg.expressions.Expressions.greaterThan(name, lit);
      case GT_EQ -> org.apache.iceberg.expressions.Expressions.greaterThanOrEqual(name, lit);
      case EQ -> org.apache.iceberg.expressions.Expressions.equal(name, lit);
      case NOT_EQ -> org.apache.iceberg.expressions.Expressions.notEqual(name, lit);
      case IN -> org.apache.iceberg.expressions.Expressions.in(name, literals.toArray());
      case NOT_IN -> org.apache.iceberg.expressions.Expressions.notIn(name, literals.toArray());
      case STARTS_WITH -> org.apache.iceberg.expressions.Expressions.startsWith(name, (String) lit);
      case NOT_STARTS_WITH -> org.apache.iceberg.expressions.Expressions.notStartsWith(name, (String) lit);
      default -> throw new IllegalArgumentException(op.toString());
    };
  }
}
