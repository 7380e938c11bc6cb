package io.floe.engine.expr;

import static io.floe.engine.expr.TestColumns.TYPES;
import static io.floe.engine.expr.TestColumns.decimals;
import static io.floe.engine.expr.TestColumns.integers;
import static io.floe.engine.expr.TestColumns.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.ObjectColumn;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** CASE, COALESCE and AND/OR compiled from row expressions: lazy, three-valued, typed results. */
class LogicTest {
  private final RexBuilder rex = new RexBuilder(TYPES);
  private final ExprCompiler compiler = new ExprCompiler(rex);
  private final RelDataType integer = TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.INTEGER), true);

  private RexNode x() {
    return rex.makeInputRef(integer, 0);
  }

  private RexNode number(long v) {
    return rex.makeExactLiteral(BigDecimal.valueOf(v), integer);
  }

  @Test
  void caseEvaluatesADivisionOnlyOnTheRowsThatReachIt() {
    Batch batch = new Batch(3, new Column[] {integers(0L, 5L, null)});
    RexNode quotient = rex.makeCall(SqlStdOperatorTable.DIVIDE, number(100), x());
    RexNode guarded = rex.makeCall(SqlStdOperatorTable.CASE, rex.makeCall(SqlStdOperatorTable.EQUALS, x(), number(0)),
        rex.makeNullLiteral(quotient.getType()), quotient);
    Column out = compiler.compile(guarded).eval(batch);
    assertInstanceOf(LongColumn.class, out);
    assertArrayEquals(new Object[] {null, 20L, null}, out.toArray());
    SqlStateException e = assertThrows(SqlStateException.class, () -> compiler.compile(quotient).eval(batch));
    assertEquals("22012", e.sqlState());
  }

  @Test
  void caseAndCoalesceScatterIntoTheResultType() {
    RelDataType dec1 = TYPES.createSqlType(SqlTypeName.DECIMAL, 5, 1);
    RelDataType dec2 = TYPES.createSqlType(SqlTypeName.DECIMAL, 6, 2);
    Batch batch = new Batch(3, new Column[] {integers(1L, 2L, null), decimals(1, "1.5", null, "-2.5"),
        decimals(2, "0.25", "0.75", null), text("a", "Ünï", null)});
    RexNode caseDecimal = rex.makeCall(SqlStdOperatorTable.CASE,
        rex.makeCall(SqlStdOperatorTable.GREATER_THAN, x(), number(1)), rex.makeInputRef(dec2, 2),
        rex.makeInputRef(dec1, 1));
    Column decimal = compiler.compile(caseDecimal).eval(batch);
    LongColumn typed = assertInstanceOf(LongColumn.class, decimal);
    assertEquals(2, typed.scale());
    assertArrayEquals(new Object[] {new BigDecimal("1.50"), new BigDecimal("0.75"), new BigDecimal("-2.50")},
        decimal.toArray(), "NULL > 1 is not TRUE: the ELSE branch");

    RelDataType varchar = TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.VARCHAR, 10), true);
    RexNode caseText = rex.makeCall(SqlStdOperatorTable.CASE, rex.makeCall(SqlStdOperatorTable.IS_NULL, x()),
        rex.makeLiteral("none"), rex.makeInputRef(varchar, 3));
    Column strings = compiler.compile(caseText).eval(batch);
    assertInstanceOf(BytesColumn.class, strings);
    assertArrayEquals(new Object[] {"a", "Ünï", "none"}, strings.toArray());

    RexNode coalesce = rex.makeCall(SqlStdOperatorTable.COALESCE, rex.makeInputRef(dec1, 1),
        rex.makeInputRef(dec2, 2), rex.makeExactLiteral(new BigDecimal("9.99")));
    Column c = compiler.compile(coalesce).eval(batch);
    assertInstanceOf(LongColumn.class, c);
    assertArrayEquals(new Object[] {new BigDecimal("1.50"), new BigDecimal("0.75"), new BigDecimal("-2.50")},
        c.toArray());
  }

  @Test
  void andOrFollowThreeValuedLogic() {
    RelDataType bool = TYPES.createTypeWithNullability(TYPES.createSqlType(SqlTypeName.BOOLEAN), true);
    Batch batch = new Batch(3, new Column[] {new BoolColumn(new boolean[] {false, false, false},
        new boolean[] {true, true, true}, 3), new BoolColumn(new boolean[] {false, true, true}, new boolean[] {false,
        false, true}, 3)});
    RexNode a = rex.makeInputRef(bool, 0);
    RexNode b = rex.makeInputRef(bool, 1);
    assertArrayEquals(new Object[] {false, null, null}, compiler.compile(rex.makeCall(SqlStdOperatorTable.AND, a, b))
        .eval(batch).toArray());
    assertArrayEquals(new Object[] {null, true, null}, compiler.compile(rex.makeCall(SqlStdOperatorTable.OR, a, b))
        .eval(batch).toArray());
    assertArrayEquals(new Object[] {true, false, null}, compiler.compile(rex.makeCall(SqlStdOperatorTable.NOT, b))
        .eval(batch).toArray());
  }

  @Test
  void boxedInputsAreCountedAsFallback() {
    RexNode plus = rex.makeCall(SqlStdOperatorTable.PLUS, x(), number(1));
    VectorExpr expr = compiler.compile(plus);
    Map<String, Long> before = BoxedFallback.counts();
    assertArrayEquals(new Object[] {3L}, expr.eval(new Batch(1, new Column[] {integers(2L)})).toArray());
    assertEquals(before, BoxedFallback.counts(), "typed inputs take the kernel");
    assertArrayEquals(new Object[] {3L}, expr.eval(new Batch(1, new Column[] {new ObjectColumn(new Object[] {2L})}))
        .toArray());
    assertEquals(total(before) + 1, total(BoxedFallback.counts()), "boxed inputs are counted: " + BoxedFallback.counts());
  }

  private static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
