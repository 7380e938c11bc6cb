package io.floe.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Columns;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Constant folding with the engine's kernels: each constant expression folds to a literal of exactly its type whose
 * value is the one the same expression computes at run time over columns holding its operands; data errors leave
 * the expression unreduced.
 */
class ConstantFoldingTest {
  private static final RexBuilder REX = new RexBuilder(TestColumns.TYPES);

  private static RexNode integer(long value) {
    return REX.makeLiteral(BigDecimal.valueOf(value), TestColumns.type(SqlTypeName.INTEGER));
  }

  private static RexNode bigint(long value) {
    return REX.makeLiteral(BigDecimal.valueOf(value), TestColumns.type(SqlTypeName.BIGINT));
  }

  private static RexNode decimal(String value) {
    return REX.makeExactLiteral(new BigDecimal(value));
  }

  private static RexNode approx(double value) {
    return REX.makeApproxLiteral(BigDecimal.valueOf(value));
  }

  private static RexNode text(String value) {
    return REX.makeLiteral(value);
  }

  private static RexNode date(String value) {
    return REX.makeDateLiteral(new DateString(value));
  }

  private static RexNode timestamp(String value) {
    return REX.makeTimestampLiteral(new TimestampString(value), 6);
  }

  private static RexNode days(long count) {
    return REX.makeIntervalLiteral(BigDecimal.valueOf(count * 86_400_000L),
        new SqlIntervalQualifier(TimeUnit.DAY, null, SqlParserPos.ZERO));
  }

  private static RexNode months(long count) {
    return REX.makeIntervalLiteral(BigDecimal.valueOf(count),
        new SqlIntervalQualifier(TimeUnit.MONTH, null, SqlParserPos.ZERO));
  }

  private static RexNode call(org.apache.calcite.sql.SqlOperator operator, RexNode... operands) {
    return REX.makeCall(operator, operands);
  }

  private static RexNode cast(RelDataType type, RexNode operand) {
    return REX.makeAbstractCast(type, operand, false);
  }

  static Stream<RexNode> expressions() {
    RelDataType doubleType = TestColumns.type(SqlTypeName.DOUBLE);
    RelDataType dateType = TestColumns.type(SqlTypeName.DATE);
    RelDataType nullableInteger = TestColumns.TYPES.createTypeWithNullability(
        TestColumns.type(SqlTypeName.INTEGER), true);
    return Stream.of(
        call(SqlStdOperatorTable.PLUS, integer(7), call(SqlStdOperatorTable.MULTIPLY, integer(5), integer(3))),
        call(SqlStdOperatorTable.DIVIDE, integer(-7), integer(2)),
        call(SqlStdOperatorTable.MOD, integer(-7), integer(3)),
        call(SqlStdOperatorTable.MINUS, bigint(Long.MAX_VALUE), bigint(1)),
        call(SqlStdOperatorTable.UNARY_MINUS, integer(42)),
        // decimals keep their type's scale exactly: 1.25 + 2.5 is 3.75, 1.10 * 3.333 is 3.66630
        call(SqlStdOperatorTable.PLUS, decimal("1.25"), decimal("2.5")),
        call(SqlStdOperatorTable.MINUS, integer(1), decimal("0.06")),
        call(SqlStdOperatorTable.MULTIPLY, decimal("1.10"), decimal("3.333")),
        call(SqlStdOperatorTable.DIVIDE, decimal("10.00"), integer(3)),
        call(SqlStdOperatorTable.DIVIDE, decimal("-2.50"), decimal("0.3")),
        cast(TestColumns.decimal(5, 1), decimal("12.34")),
        cast(TestColumns.decimal(12, 2), integer(7)),
        cast(TestColumns.type(SqlTypeName.INTEGER), decimal("2.5")),
        call(SqlStdOperatorTable.DIVIDE, cast(doubleType, integer(1)), approx(3.0)),
        call(SqlStdOperatorTable.MULTIPLY, approx(0.1), approx(3.0)),
        cast(TestColumns.type(SqlTypeName.REAL), decimal("1.1")),
        cast(doubleType, text("NaN")),
        cast(doubleType, text(" -Infinity")),
        call(SqlStdOperatorTable.AND, call(SqlStdOperatorTable.LESS_THAN, integer(1), integer(2)),
            call(SqlStdOperatorTable.EQUALS, text("a"), text("b"))),
        call(SqlStdOperatorTable.IS_NULL, cast(nullableInteger, integer(3))),
        call(SqlStdOperatorTable.CONCAT, text("ab"), text("cd")),
        call(SqlStdOperatorTable.UPPER, text("MiXed")),
        cast(TestColumns.TYPES.createSqlType(SqlTypeName.VARCHAR, 20), decimal("12.50")),
        cast(TestColumns.TYPES.createSqlType(SqlTypeName.VARCHAR, 20), date("1998-12-01")),
        cast(TestColumns.type(SqlTypeName.DATE), text("1995-03-15")),
        REX.makeCall(dateType, SqlStdOperatorTable.MINUS, List.of(date("1998-12-01"), days(90))),
        REX.makeCall(dateType, SqlStdOperatorTable.PLUS, List.of(date("1994-01-31"), months(1))),
        call(SqlStdOperatorTable.EXTRACT, REX.makeFlag(TimeUnitRange.YEAR), date("1996-02-29")),
        REX.makeCall(timestamp("2020-01-01 00:00:00").getType(), SqlStdOperatorTable.PLUS,
            List.of(timestamp("2020-01-01 00:00:00.123456"), days(1))),
        call(SqlStdOperatorTable.MULTIPLY, days(3), integer(2)),
        call(SqlStdOperatorTable.COALESCE, REX.makeNullLiteral(TestColumns.TYPES.createTypeWithNullability(
            TestColumns.TYPES.createSqlType(SqlTypeName.TIME, 3), true)),
            REX.makeTimeLiteral(new TimeString("10:11:12.345"), 3)),
        // NULL constants fold to a NULL literal of the expression's (nullable) type
        call(SqlStdOperatorTable.PLUS, REX.makeNullLiteral(nullableInteger), integer(1)),
        call(SqlStdOperatorTable.CONCAT, text("x"),
            REX.makeNullLiteral(TestColumns.TYPES.createTypeWithNullability(
                TestColumns.TYPES.createSqlType(SqlTypeName.VARCHAR, 3), true))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("expressions")
  void foldsToALiteralOfItsTypeWithTheRuntimeValue(RexNode expression) {
    List<RexNode> reduced = new ArrayList<>();
    ConstantFolding.INSTANCE.reduce(REX, List.of(expression), reduced);
    RexNode folded = reduced.get(0);
    assertEquals(expression.getType().getFullTypeString(), folded.getType().getFullTypeString(), "type");
    RexLiteral literal = literalOf(folded);
    Object runtime = evaluateOverColumns(expression);
    assertEquals(runtime, Values.literal(literal), "folded " + folded + " of " + expression);
  }

  @Test
  void decimalScaleIsTheTypesScale() {
    RexNode sum = call(SqlStdOperatorTable.PLUS, decimal("1.25"), decimal("2.5"));
    RexLiteral literal = literalOf(ConstantFolding.fold(REX, sum));
    assertEquals(2, sum.getType().getScale());
    assertEquals(new BigDecimal("3.75"), literal.getValueAs(BigDecimal.class));
    RexNode product = call(SqlStdOperatorTable.MULTIPLY, decimal("1.10"), decimal("3.333"));
    assertEquals(new BigDecimal("3.66630"), literalOf(ConstantFolding.fold(REX, product)).getValueAs(BigDecimal.class));
  }

  @Test
  void dataErrorsLeaveTheExpressionUnreduced() {
    RexNode divisionByZero = call(SqlStdOperatorTable.DIVIDE, integer(1), integer(0));
    RexNode decimalByZero = call(SqlStdOperatorTable.DIVIDE, decimal("1.5"), decimal("0.0"));
    RexNode overflow = call(SqlStdOperatorTable.PLUS, integer(Integer.MAX_VALUE), integer(1));
    RexNode notANumber = cast(TestColumns.type(SqlTypeName.INTEGER), text("abc"));
    for (RexNode expression : List.of(divisionByZero, decimalByZero, overflow, notANumber)) {
      List<RexNode> reduced = new ArrayList<>();
      ConstantFolding.INSTANCE.reduce(REX, List.of(expression), reduced);
      assertSame(expression, reduced.get(0), "left for the run time: " + expression);
    }
  }

  @Test
  void nullConstantIsANullLiteral() {
    RelDataType nullableDecimal = TestColumns.TYPES.createTypeWithNullability(TestColumns.decimal(10, 2), true);
    RexNode expression = call(SqlStdOperatorTable.MULTIPLY, REX.makeNullLiteral(nullableDecimal), decimal("2.0"));
    RexNode folded = ConstantFolding.fold(REX, expression);
    assertInstanceOf(RexLiteral.class, folded);
    assertTrue(((RexLiteral) folded).isNull());
    assertEquals(expression.getType(), folded.getType());
  }

  @Test
  void typesWithoutAnEngineLiteralAreLeftToCalcite() {
    RexNode array = call(SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR, integer(1), integer(2));
    assertNull(ConstantFolding.fold(REX, array));
    List<RexNode> reduced = new ArrayList<>();
    ConstantFolding.INSTANCE.reduce(REX, List.of(array), reduced);
    assertFalse(reduced.isEmpty(), "Calcite's executor answers for it");
  }

  /** The literal a folded expression is, under the CAST that gives a nullable type. */
  private static RexLiteral literalOf(RexNode folded) {
    RexNode node = folded;
    while (node instanceof RexCall call && call.getKind() == SqlKind.CAST) {
      node = call.getOperands().get(0);
    }
    assertInstanceOf(RexLiteral.class, node, "folded to " + folded);
    return (RexLiteral) node;
  }

  /** {@code expression} evaluated as at run time: its literal operands become columns of a one-row batch. */
  private static Object evaluateOverColumns(RexNode expression) {
    List<Column> columns = new ArrayList<>();
    RexNode overColumns = expression.accept(new RexShuttle() {
      @Override
      public RexNode visitLiteral(RexLiteral literal) {
        if (literal.getTypeName() == SqlTypeName.SYMBOL) {
          return literal;
        }
        Object value = Values.literal(literal);
        columns.add(value == null ? Representation.of(literal.getType()).nulls(1) : Columns.constant(value, 1));
        return new RexInputRef(columns.size() - 1, literal.getType());
      }
    });
    Batch batch = new Batch(1, columns.toArray(new Column[0]));
    return new ExprCompiler(REX).compile(overColumns).eval(batch).get(0);
  }
}
