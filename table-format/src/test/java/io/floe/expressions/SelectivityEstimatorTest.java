package io.floe.expressions;

import static io.floe.expressions.Expressions.and;
import static io.floe.expressions.Expressions.equal;
import static io.floe.expressions.Expressions.greaterThan;
import static io.floe.expressions.Expressions.greaterThanOrEqual;
import static io.floe.expressions.Expressions.lessThan;
import static io.floe.expressions.Expressions.not;
import static io.floe.expressions.Expressions.or;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.data.Metrics;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.SingleValueSerialization;
import io.floe.types.Types;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shares of a file's rows a filter keeps, estimated from the bounds of its columns. */
class SelectivityEstimatorTest {
  private static final Schema SCHEMA = new Schema(
      NestedField.optional(1, "day", Types.DATE),
      NestedField.optional(2, "price", Types.DOUBLE),
      NestedField.optional(3, "name", Types.STRING),
      NestedField.optional(4, "days", Types.list(5, Types.DATE, false)),
      NestedField.optional(6, "points", Types.list(7, Types.struct(NestedField.optional(8, "x", Types.DOUBLE)), false)),
      NestedField.optional(9, "prices", Types.map(10, Types.STRING, 11, Types.DOUBLE, false)));
  private static final double EPSILON = 1e-9;
  /** Days 100..500, prices 0..10, names a..z. */
  private static final Metrics FILE = new Metrics(1000, null, null, null, null,
      Map.of(1, bytes(Types.DATE, 100), 2, bytes(Types.DOUBLE, 0.0), 3, bytes(Types.STRING, "a")),
      Map.of(1, bytes(Types.DATE, 500), 2, bytes(Types.DOUBLE, 10.0), 3, bytes(Types.STRING, "z")));

  private static ByteBuffer bytes(io.floe.types.Type type, Object value) {
    return SingleValueSerialization.toBytes(type, value);
  }

  private static double fraction(Expression filter, Metrics metrics) {
    return estimate(Binder.bind(SCHEMA.asStruct(), filter, true), metrics);
  }

  private static double estimate(Expression bound, Metrics metrics) {
    return new SelectivityEstimator(SCHEMA, bound).fraction(metrics);
  }

  @Test
  void aRangeKeepsTheShareOfTheBoundsItCovers() {
    assertEquals(0.25, fraction(lessThan("day", 200), FILE), EPSILON);
    assertEquals(0.75, fraction(greaterThanOrEqual("day", 200), FILE), EPSILON);
    // AND multiplies the shares (0.5 * 0.6), OR adds them (at most 1)
    assertEquals(0.3, fraction(and(greaterThanOrEqual("day", 300), lessThan("day", 340)), FILE), EPSILON);
    assertEquals(0.05, fraction(and(lessThan("day", 200), greaterThan("price", 8.0)), FILE), EPSILON);
    assertEquals(0.45, fraction(or(lessThan("day", 200), greaterThan("price", 8.0)), FILE), EPSILON);
    assertEquals(1.0, fraction(or(lessThan("day", 400), greaterThan("price", 1.0)), FILE), EPSILON);
  }

  @Test
  void constantsOutsideTheBoundsKeepAllOrNothing() {
    assertEquals(0.0, fraction(lessThan("day", 50), FILE), EPSILON);
    assertEquals(1.0, fraction(lessThan("day", 900), FILE), EPSILON);
    assertEquals(0.0, fraction(greaterThan("price", 11.0), FILE), EPSILON);
    Metrics oneDay = new Metrics(10, null, null, null, null, Map.of(1, bytes(Types.DATE, 7)),
        Map.of(1, bytes(Types.DATE, 7)));
    assertEquals(1.0, fraction(greaterThan("day", 6), oneDay), EPSILON);
    assertEquals(0.0, fraction(lessThan("day", 7), oneDay), EPSILON);
  }

  @Test
  void oddBoundsGiveSharesBetweenZeroAndOne() {
    Metrics zeros = new Metrics(10, null, null, null, null, Map.of(2, bytes(Types.DOUBLE, -0.0)),
        Map.of(2, bytes(Types.DOUBLE, 0.0)));
    assertEquals(0.0, fraction(lessThan("price", 0.0), zeros), EPSILON, "-0.0 and 0.0: one value");
    assertEquals(1.0, fraction(lessThan("price", 1.0), zeros), EPSILON);
    Metrics infinite = new Metrics(10, null, null, null, null,
        Map.of(2, bytes(Types.DOUBLE, Double.NEGATIVE_INFINITY)),
        Map.of(2, bytes(Types.DOUBLE, Double.POSITIVE_INFINITY)));
    assertEquals(1.0, fraction(lessThan("price", 5.0), infinite), EPSILON, "infinite bounds");
    assertEquals(1.0, fraction(greaterThan("price", 5.0), infinite), EPSILON, "infinite bounds");
    assertEquals(0.0, fraction(greaterThan("price", Double.POSITIVE_INFINITY), FILE), EPSILON);
    Metrics reversed = new Metrics(10, null, null, null, null, Map.of(2, bytes(Types.DOUBLE, 10.0)),
        Map.of(2, bytes(Types.DOUBLE, 0.0)));
    assertEquals(1.0, fraction(lessThan("price", 5.0), reversed), EPSILON, "lower bound above the upper");
  }

  @Test
  void whatTheBoundsDoNotTellKeepsEveryRow() {
    assertEquals(1.0, fraction(lessThan("name", "m"), FILE), EPSILON, "strings");
    assertEquals(1.0, fraction(equal("day", 300), FILE), EPSILON, "equality");
    assertEquals(1.0, fraction(not(lessThan("name", "m")), FILE), EPSILON);
    assertEquals(1.0, fraction(lessThan("day", 200), Metrics.ofRowCount(1000)), EPSILON, "no bounds");
    assertEquals(1.0, fraction(lessThan("day", 200), null), EPSILON, "no statistics");
  }

  @Test
  void columnsInsideListsAndMapsKeepEveryRowTheirElementBoundsNotDescribingRows() {
    // 1,000 rows whose lists and maps hold 5,000 dates 100..500 and doubles 0..10: an element below 200 says nothing
    // of how many rows hold one (here every row may), so the share must not be the bounds' 0.25
    Metrics lists = new Metrics(1000, null, Map.of(5, 5000L, 8, 5000L, 11, 5000L), null, null,
        Map.of(1, bytes(Types.DATE, 100), 5, bytes(Types.DATE, 100), 8, bytes(Types.DOUBLE, 0.0),
            11, bytes(Types.DOUBLE, 0.0)),
        Map.of(1, bytes(Types.DATE, 500), 5, bytes(Types.DATE, 500), 8, bytes(Types.DOUBLE, 10.0),
            11, bytes(Types.DOUBLE, 10.0)));
    // the binder refuses such filters; the estimator must not trust them either
    BoundPredicate element = new BoundPredicate(Operation.LT, SCHEMA.findField(5), List.of(200));
    BoundPredicate field = new BoundPredicate(Operation.GT, SCHEMA.findField(8), List.of(8.0));
    assertEquals(1.0, estimate(element, lists), EPSILON, "a list's elements");
    assertEquals(1.0, estimate(field, lists), EPSILON, "a field of a list's structs");
    assertEquals(1.0, estimate(new BoundPredicate(Operation.GT, SCHEMA.findField(11), List.of(8.0)), lists), EPSILON,
        "a map's values");
    assertEquals(0.25, estimate(and(element, Binder.bind(SCHEMA.asStruct(), lessThan("day", 200), true)),
        lists), EPSILON, "the top-level column's share alone");
  }
}
