package io.floe.expressions;

import static io.floe.expressions.Expressions.and;
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
import static io.floe.expressions.Expressions.notIn;
import static io.floe.expressions.Expressions.notNull;
import static io.floe.expressions.Expressions.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.data.GenericRecord;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.RandomValues;
import io.floe.types.StructType;
import io.floe.types.Types;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BinderTest {
  static final StructType ADDRESS = Types.struct(NestedField.required(11, "city", Types.STRING), NestedField.optional(12, "zip", Types.INT));
  static final StructType STRUCT = Types.struct(
      NestedField.required(1, "id", Types.LONG),
      NestedField.optional(2, "i", Types.INT),
      NestedField.optional(3, "price", Types.decimal(9, 2)),
      NestedField.optional(4, "d", Types.DATE),
      NestedField.optional(5, "ts", Types.TIMESTAMP),
      NestedField.optional(6, "tstz", Types.TIMESTAMPTZ),
      NestedField.optional(7, "u", Types.UUID),
      NestedField.optional(8, "name", Types.STRING),
      NestedField.optional(9, "f", Types.FLOAT),
      NestedField.optional(10, "dbl", Types.DOUBLE),
      NestedField.optional(13, "address", ADDRESS),
      NestedField.optional(14, "tags", Types.list(15, Types.STRING, false)));

  @Test
  void bindsNamesToFieldsAndConvertsLiterals() {
    assertEquals(pred(Operation.EQ, 1, 5L), bind(equal("id", 5)));
    assertEquals(pred(Operation.LT, 3, new BigDecimal("14.20")), bind(lessThan("price", "14.2")));
    assertEquals(pred(Operation.GT_EQ, 3, new BigDecimal("3.00")), bind(greaterThanOrEqual("price", 3)));
    assertEquals(pred(Operation.EQ, 4, 17486), bind(equal("d", "2017-11-16")));
    assertEquals(pred(Operation.EQ, 4, 17486), bind(equal("d", LocalDate.of(2017, 11, 16))));
    assertEquals(pred(Operation.GT, 5, 1510871468000000L), bind(greaterThan("ts", "2017-11-16T22:31:08")));
    assertEquals(pred(Operation.GT, 5, 1510790400000000L), bind(greaterThan("ts", "2017-11-16")));
    assertEquals(pred(Operation.GT, 5, 1510790400000000L), bind(greaterThan("ts", LocalDate.of(2017, 11, 16))));
    assertEquals(pred(Operation.GT, 6, 1510871468000000L), bind(greaterThan("tstz", "2017-11-16T14:31:08-08:00")));
    assertEquals(pred(Operation.GT, 6, 1510871468000000L), bind(greaterThan("tstz", "2017-11-16 22:31:08Z")));
    UUID u = UUID.fromString("f79c3e09-677c-4bbd-a479-3f349cb785e7");
    assertEquals(pred(Operation.EQ, 7, u), bind(equal("u", u.toString())));
    assertEquals(pred(Operation.LT, 10, 2.0d), bind(lessThan("dbl", 2)));
    assertEquals(pred(Operation.LT, 9, 0.5f), bind(lessThan("f", 0.5d)));
    assertEquals(pred(Operation.EQ, 11, "Paris"), bind(equal("address.city", "Paris")));
    assertEquals(pred(Operation.STARTS_WITH, 8, "ab"), bind(startsWith("name", "ab")));
    assertEquals(new Not(pred(Operation.EQ, 2, 1)), bind(not(equal("i", 1L))));
  }

  @Test
  void bindsCaseInsensitivelyWhenAsked() {
    assertEquals(pred(Operation.EQ, 11, "Paris"), Binder.bind(STRUCT, equal("ADDRESS.City", "Paris"), false));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Binder.bind(STRUCT, equal("ID", 1), true));
    assertTrue(e.getMessage().contains("case-sensitive"), e.getMessage());
  }

  @Test
  void rewritesLiteralsWithoutAnExactValueInTheColumnType() {
    assertEquals(pred(Operation.LT, 2, 3), bind(lessThan("i", 2.5)));
    assertEquals(pred(Operation.LT_EQ, 2, 2), bind(lessThanOrEqual("i", 2.5)));
    assertEquals(pred(Operation.GT, 2, 2), bind(greaterThan("i", 2.5)));
    assertEquals(pred(Operation.GT_EQ, 2, 3), bind(greaterThanOrEqual("i", 2.5)));
    assertEquals(Expressions.alwaysFalse(), bind(equal("i", 2.5)));
    assertEquals(Expressions.alwaysTrue(), bind(notEqual("i", 2.5)));
    assertEquals(pred(Operation.LT_EQ, 2, Integer.MAX_VALUE), bind(lessThan("i", 1L << 40)));
    assertEquals(Expressions.alwaysFalse(), bind(greaterThanOrEqual("i", 1L << 40)));
    assertEquals(pred(Operation.GT_EQ, 2, Integer.MIN_VALUE), bind(greaterThan("i", -(1L << 40))));
    assertEquals(pred(Operation.LT, 3, new BigDecimal("1.01")), bind(lessThan("price", new BigDecimal("1.005"))));
    assertEquals(pred(Operation.LT, 3, new BigDecimal("0.10")), bind(lessThan("price", 0.1d)));
    assertEquals(pred(Operation.LT_EQ, 3, new BigDecimal("9999999.99")), bind(lessThan("price", new BigDecimal("1e12"))));
    // 0.1f is slightly above 0.1
    assertEquals(pred(Operation.LT, 9, 0.1f), bind(lessThan("f", 0.1d)));
    assertEquals(pred(Operation.LT_EQ, 9, Math.nextDown(0.1f)), bind(lessThanOrEqual("f", 0.1d)));
    assertEquals(pred(Operation.IN, 2, 1, 3), bind(in("i", 1, 1L, 2.5, 3)));
    assertEquals(pred(Operation.EQ, 2, 1), bind(in("i", 1, 1.5)));
    assertEquals(Expressions.alwaysFalse(), bind(in("i", 1.5)));
    assertEquals(pred(Operation.NOT_EQ, 2, 4), bind(notIn("i", 4, 4.5)));
    assertEquals(Expressions.alwaysTrue(), bind(notIn("i", 4.5)));
  }

  @Test
  void comparisonsWithRewrittenLiteralsAreExact() {
    Random r = new Random(3);
    PrimitiveType[] types = {Types.INT, Types.LONG, Types.FLOAT, Types.DOUBLE, Types.decimal(9, 2), Types.decimal(38, 0)};
    Operation[] ops = {Operation.LT, Operation.LT_EQ, Operation.GT, Operation.GT_EQ, Operation.EQ, Operation.NOT_EQ};
    for (PrimitiveType type : types) {
      StructType struct = Types.struct(NestedField.optional(1, "x", type));
      for (int n = 0; n < 3000; n++) {
        Object value = RandomValues.value(r, type);
        if (RowEvaluator.isNaN(value)) {
          continue;
        }
        Object literal = randomLiteral(r, value);
        Operation op = ops[r.nextInt(ops.length)];
        Expression bound = Binder.bind(struct, new UnboundPredicate(op, "x", List.of(literal)), true);
        boolean actual = new RowEvaluator(struct, bound).eval(GenericRecord.of(struct, value));
        // a float or double literal on a decimal column means its shortest decimal form
        BigDecimal lit = type.typeId() == io.floe.types.TypeId.DECIMAL && (literal instanceof Double || literal instanceof Float)
            && !Double.isInfinite(((Number) literal).doubleValue()) ? new BigDecimal(literal.toString()) : exact(literal);
        int cmp = exact(value).compareTo(lit);
        boolean expected = switch (op) {
          case LT -> cmp < 0;
          case LT_EQ -> cmp <= 0;
          case GT -> cmp > 0;
          case GT_EQ -> cmp >= 0;
          case EQ -> cmp == 0;
          default -> cmp != 0;
        };
        if (cmp == 0 && !exactlyZeroSigned(value, literal)) {
          continue; // -0.0 and 0.0 differ in the total order
        }
        assertEquals(expected, actual, () -> type + " " + value + " " + op + " " + literal + " (" + literal.getClass().getSimpleName() + ") bound as " + bound);
      }
    }
  }

  @Test
  void simplifiesNullChecksOnColumnsThatAreNeverNull() {
    assertEquals(Expressions.alwaysFalse(), bind(isNull("id")));
    assertEquals(Expressions.alwaysTrue(), bind(notNull("id")));
    // city is required but its struct is optional, so it can be null
    assertEquals(pred(Operation.IS_NULL, 11), bind(isNull("address.city")));
  }

  @Test
  void keepsBoundPredicates() {
    Expression bound = pred(Operation.EQ, 1, 5L);
    assertSame(bound, Binder.bind(STRUCT, bound, true));
    Expression mixed = Binder.bind(STRUCT, and(bound, equal("i", 1)), true);
    assertEquals(new And(bound, pred(Operation.EQ, 2, 1)), mixed);
    assertTrue(Binder.isBound(mixed));
  }

  @Test
  void explainsWhatCannotBeBound() {
    assertMessage(equal("nope", 1), "unknown column 'nope' in filter nope == 1; columns are [id, i, price, d, ts, tstz, u, name, f, dbl, address, address.city, address.zip, tags]");
    assertMessage(equal("address", 1), "only primitive columns");
    assertMessage(equal("tags.element", "a"), "column 'tags.element' is inside a list or map");
    assertMessage(isNaN("i"), "isNaN/notNaN need a float or double column but 'i' is int");
    assertMessage(startsWith("i", "1"), "starts-with needs a string column but 'i' is int");
    assertMessage(equal("i", "abc"), "cannot use abc (java.lang.String) as a int value of column 'i'");
    assertMessage(equal("d", "2017-13-45"), "'2017-13-45' is not a valid date literal");
    assertMessage(equal("ts", "2017-11-16T22:31:08Z"), "has a time zone offset");
    assertMessage(equal("tstz", "2017-11-16T22:31:08"), "has no time zone offset");
    assertMessage(equal("dbl", Double.NaN), "use isNaN/notNaN");
    assertMessage(equal("u", "not-a-uuid"), "'not-a-uuid' is not a valid uuid");
    assertMessage(new UnboundPredicate(Operation.EQ, "i", List.of()), "cannot take 0 literals");
    assertMessage(and(equal("i", 1), equal("missing", 1)), "unknown column 'missing' in filter (i == 1 and missing == 1)");
  }

  private static void assertMessage(Expression expr, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bind(expr));
    assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' should contain '" + expected + "'");
  }

  private static Expression bind(Expression e) {
    return Binder.bind(STRUCT, e, true);
  }

  static BoundPredicate pred(Operation op, int fieldId, Object... literals) {
    NestedField f = findField(STRUCT, fieldId);
    return new BoundPredicate(op, f, List.of(literals));
  }

  private static NestedField findField(StructType s, int id) {
    for (NestedField f : s.fields()) {
      if (f.id() == id) {
        return f;
      }
      if (f.type() instanceof StructType nested) {
        NestedField found = findField(nested, id);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Object randomLiteral(Random r, Object near) {
    BigDecimal base = exact(near);
    if (base.abs().compareTo(new BigDecimal("1e30")) > 0) {
      base = BigDecimal.valueOf(r.nextInt(100));
    }
    BigDecimal jitter = new BigDecimal(BigInteger.valueOf(r.nextInt(2001) - 1000), r.nextInt(6));
    BigDecimal v = r.nextInt(4) == 0 ? base : base.add(jitter);
    return switch (r.nextInt(6)) {
      case 0 -> v.doubleValue();
      case 1 -> v.floatValue();
      case 2 -> v.setScale(0, java.math.RoundingMode.FLOOR).longValue();
      case 3 -> v.setScale(0, java.math.RoundingMode.FLOOR).intValue();
      case 4 -> r.nextBoolean() ? Long.MAX_VALUE : (double) Float.MAX_VALUE * 4;
      default -> v;
    };
  }

  private static BigDecimal exact(Object n) {
    if (n instanceof BigDecimal b) {
      return b;
    } else if (n instanceof Float f) {
      return Float.isInfinite(f) ? BigDecimal.valueOf(f > 0 ? 1 : -1).scaleByPowerOfTen(400) : new BigDecimal(f.doubleValue());
    } else if (n instanceof Double d) {
      return Double.isInfinite(d) ? BigDecimal.valueOf(d > 0 ? 1 : -1).scaleByPowerOfTen(400) : new BigDecimal(d);
    }
    return BigDecimal.valueOf(((Number) n).longValue());
  }

  private static boolean exactlyZeroSigned(Object value, Object literal) {
    return !(isNegativeZero(value) ^ isNegativeZero(literal));
  }

  private static boolean isNegativeZero(Object o) {
    return (o instanceof Float f && Float.floatToRawIntBits(f) == Float.floatToRawIntBits(-0.0f))
        || (o instanceof Double d && Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0d));
  }
}
