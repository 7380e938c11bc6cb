package io.floe.engine.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.ColumnBuilder;
import io.floe.engine.exec.Columns;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.planner.FloeTypeSystem;
import java.math.BigDecimal;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** The typed kernels: decimal scale alignment, null propagation, overflow falling back, LIKE on bytes. */
class KernelsTest {
  private static final JavaTypeFactoryImpl TYPES = new JavaTypeFactoryImpl(FloeTypeSystem.INSTANCE);

  private static Column decimals(String... values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] == null ? null : new BigDecimal(values[i]);
    }
    return Columns.pack(out);
  }

  @Test
  void comparesDecimalsOfDifferentScalesWithNulls() {
    Column a = decimals("1.50", "2.00", null);
    Column b = decimals("1.5", "1.9", "3.0");
    BoolColumn eq = Kernels.compare(SqlKind.EQUALS, a, b);
    assertEquals(Boolean.TRUE, eq.get(0));
    assertEquals(Boolean.FALSE, eq.get(1));
    assertNull(eq.get(2));
    BoolColumn gt = Kernels.compare(SqlKind.GREATER_THAN, a, b);
    assertEquals(Boolean.TRUE, gt.get(1));
  }

  @Test
  void decimalArithmeticIsExactAndFallsBackOnOverflow() {
    RelDataType times = TYPES.createSqlType(SqlTypeName.DECIMAL, 30, 4);
    LongColumn product = Kernels.arithmetic(SqlKind.TIMES, times, decimals("12.34", "-0.50"), decimals("0.10", "3.00"));
    assertArrayEquals(new Object[] {new BigDecimal("1.2340"), new BigDecimal("-1.5000")}, product.toArray());

    RelDataType plus = TYPES.createSqlType(SqlTypeName.DECIMAL, 16, 2);
    LongColumn sum = Kernels.arithmetic(SqlKind.PLUS, plus, decimals("1.25", null), Columns.constant(1L, 2));
    assertEquals(new BigDecimal("2.25"), sum.get(0));
    assertNull(sum.get(1));

    Column huge = Columns.pack(new Object[] {Long.MAX_VALUE});
    RelDataType bigint = TYPES.createSqlType(SqlTypeName.BIGINT);
    assertNull(Kernels.arithmetic(SqlKind.PLUS, bigint, huge, huge), "overflow leaves it to the exact path");
  }

  @Test
  void likeMatchesPercentSegmentsOnUtf8Bytes() {
    Column text = Columns.pack(new Object[] {"special Ünïcode requests", "requests special", null});
    ColumnBuilder builder = new ColumnBuilder();
    builder.appendAll(Columns.constant("special Ünïcode requests", 1));
    builder.appendAll(Columns.constant("requests special", 1));
    Column values = builder.build();
    BoolColumn like = LikeSegments.of("%special%requests%", null).match(values, false);
    assertArrayEquals(new Object[] {true, false}, like.toArray());
    BoolColumn prefix = LikeSegments.of("req%", null).match(values, true);
    assertArrayEquals(new Object[] {true, false}, prefix.toArray());
    assertNull(LikeSegments.of("a_c", null), "_ needs the general matcher");
    assertNull(LikeSegments.of("%a%", null).match(text, false), "boxed strings take the general path");
  }

  @Test
  void integerResultsOutsideTheirTypeFailOnTheTypedAndTheBoxedPath() {
    RelDataType integer = TYPES.createSqlType(SqlTypeName.INTEGER);
    Column max = Columns.pack(new Object[] {2147483647L, 1L});
    Column one = Columns.pack(new Object[] {1L, 1L});
    SqlStateException typed = assertThrows(SqlStateException.class,
        () -> Kernels.arithmetic(SqlKind.PLUS, integer, max, one));
    assertEquals("22003", typed.sqlState());
    SqlStateException boxed = assertThrows(SqlStateException.class,
        () -> Arithmetic.apply(SqlKind.TIMES, TYPES.createSqlType(SqlTypeName.SMALLINT), integer, integer, 300, 300));
    assertEquals("22003", boxed.sqlState());
    assertEquals(2L, Kernels.arithmetic(SqlKind.PLUS, integer, one, one).values()[0]);
  }
}
