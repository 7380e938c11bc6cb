package io.floe.engine.expr;

import static io.floe.engine.expr.TestColumns.decimals;
import static io.floe.engine.expr.TestColumns.doubles;
import static io.floe.engine.expr.TestColumns.integers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.engine.exec.Column;
import io.floe.engine.exec.LongColumn;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.apache.calcite.sql.SqlKind;
import org.junit.jupiter.api.Test;

/** Division, MOD, doubles, negation and rounding kernels. */
class NumericKernelsTest {
  @Test
  void decimalDivisionRoundsHalfUpAwayFromZeroLikeBigDecimal() {
    LongColumn q = NumericKernels.decimalDivide(SqlKind.DIVIDE, 2, decimals(1, "-1.0", "1.0", "2.5", null),
        decimals(0, "8", "8", "-2", "0"));
    assertArrayEquals(new Object[] {new BigDecimal("-0.13"), new BigDecimal("0.13"), new BigDecimal("-1.25"), null},
        q.toArray(), "-0.125 rounds to -0.13; the NULL row's zero divisor is not evaluated");
    Random random = new Random(42);
    for (int k = 0; k < 2000; k++) {
      long u = random.nextLong() >> random.nextInt(63);
      long v = (random.nextLong() >> random.nextInt(63)) | 1;
      BigDecimal a = BigDecimal.valueOf(u, 4);
      BigDecimal b = BigDecimal.valueOf(v, 2);
      BigDecimal expected = a.divide(b, 6, RoundingMode.HALF_UP);
      LongColumn actual = NumericKernels.decimalDivide(SqlKind.DIVIDE, 6, decimals(4, a.toPlainString()),
          decimals(2, b.toPlainString()));
      if (expected.unscaledValue().bitLength() < 64) {
        assertEquals(expected, actual.get(0), a + " / " + b);
      } else {
        assertNull(actual, "a quotient beyond a long leaves the batch to the exact path");
      }
      assertEquals(a.remainder(b).setScale(4, RoundingMode.HALF_UP), NumericKernels.decimalDivide(SqlKind.MOD, 4,
          decimals(4, a.toPlainString()), decimals(2, b.toPlainString())).get(0), a + " mod " + b);
    }
  }

  @Test
  void divisionByZeroFailsOnlyOnRowsWithBothOperands() {
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> NumericKernels.decimalDivide(SqlKind.DIVIDE, 2, decimals(2, "1.00"), decimals(2, "0.00")));
    assertEquals("22012", e.sqlState());
    assertEquals("22012", assertThrows(SqlStateException.class,
        () -> NumericKernels.integerDivide(SqlKind.MOD, integers(5L), integers(0L))).sqlState());
    assertEquals("22012", assertThrows(SqlStateException.class,
        () -> NumericKernels.doubleArithmetic(SqlKind.DIVIDE, doubles(1.0), doubles(0.0))).sqlState());
    assertArrayEquals(new Object[] {null, -2L}, NumericKernels.integerDivide(SqlKind.DIVIDE, integers(null, -7L),
        integers(0L, 3L)).toArray());
    assertArrayEquals(new Object[] {-1L, 1L}, NumericKernels.integerDivide(SqlKind.MOD, integers(-7L, 7L),
        integers(3L, -3L)).toArray(), "MOD has the dividend's sign");
    assertEquals("22003", assertThrows(SqlStateException.class,
        () -> NumericKernels.integerDivide(SqlKind.DIVIDE, integers(Long.MIN_VALUE), integers(-1L))).sqlState());
  }

  @Test
  void doublesMixWithDecimals() {
    Column sum = NumericKernels.doubleArithmetic(SqlKind.TIMES, doubles(0.5, 2.0), decimals(2, "1.25", "-0.10"));
    assertArrayEquals(new Object[] {0.625, -0.2}, sum.toArray());
  }

  @Test
  void roundsFloorsAndCeilsDecimalsAndDoubles() {
    LongColumn values = decimals(2, "-2.45", "2.45", "-2.44", null);
    assertArrayEquals(new Object[] {new BigDecimal("-2.50"), new BigDecimal("2.50"), new BigDecimal("-2.40"), null},
        NumericKernels.round(values, 0, 1, 2).toArray(), "ROUND keeps the argument's scale, HALF_UP");
    assertArrayEquals(new Object[] {new BigDecimal("-3"), new BigDecimal("2"), new BigDecimal("-3"), null},
        NumericKernels.round(values, -1, 0, 0).toArray());
    assertArrayEquals(new Object[] {new BigDecimal("-2"), new BigDecimal("3"), new BigDecimal("-2"), null},
        NumericKernels.round(values, 1, 0, 0).toArray());
    assertArrayEquals(new Object[] {-3.0, 3.0, 2.0}, NumericKernels.round(doubles(-2.5, 2.5, 2.4), 0, 0, 0).toArray());
    assertEquals(1300L, NumericKernels.round(integers(1250L), 0, -2, 0).get(0), "ROUND(1250, -2)");
    assertArrayEquals(new Object[] {new BigDecimal("2.45"), null},
        NumericKernels.negateOrAbs(decimals(2, "-2.45", null), true).toArray());
    assertEquals("22003", assertThrows(SqlStateException.class,
        () -> NumericKernels.negateOrAbs(integers(Long.MIN_VALUE), false)).sqlState());
  }
}
