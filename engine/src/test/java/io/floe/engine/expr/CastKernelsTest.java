package io.floe.engine.expr;

import static io.floe.engine.expr.TestColumns.dates;
import static io.floe.engine.expr.TestColumns.decimal;
import static io.floe.engine.expr.TestColumns.decimals;
import static io.floe.engine.expr.TestColumns.doubles;
import static io.floe.engine.expr.TestColumns.integers;
import static io.floe.engine.expr.TestColumns.text;
import static io.floe.engine.expr.TestColumns.type;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.LongColumn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** CAST kernels: rescaling, ranges, text in both directions, DATE and TIMESTAMP. */
class CastKernelsTest {
  private static final RelDataType VARCHAR = type(SqlTypeName.VARCHAR);

  @Test
  void rescalesDecimalsHalfUpAndRejectsOverflow() {
    Column c = CastKernels.cast(decimals(3, "-1.245", "1.245", "-0.004", null), decimal(10, 3), decimal(5, 2));
    assertArrayEquals(new Object[] {new BigDecimal("-1.25"), new BigDecimal("1.25"), new BigDecimal("0.00"), null},
        c.toArray());
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> CastKernels.cast(decimals(2, "123.45"), decimal(5, 2), decimal(4, 2)));
    assertEquals("22003", e.sqlState());
    assertTrue(e.getMessage().contains("123.45"), e.getMessage());
    assertArrayEquals(new Object[] {new BigDecimal("7.000")},
        CastKernels.cast(integers(7L), type(SqlTypeName.BIGINT), decimal(10, 3)).toArray());
  }

  @Test
  void narrowsToIntegersWithRangeChecks() {
    assertArrayEquals(new Object[] {-3L, 3L, 2L}, CastKernels.cast(decimals(1, "-2.5", "2.5", "2.4"), decimal(3, 1),
        type(SqlTypeName.INTEGER)).toArray());
    assertArrayEquals(new Object[] {-3L, 3L}, CastKernels.cast(doubles(-2.5, 2.5), type(SqlTypeName.DOUBLE),
        type(SqlTypeName.BIGINT)).toArray(), "half away from zero");
    assertEquals("22003", assertThrows(SqlStateException.class, () -> CastKernels.cast(integers(1L << 40),
        type(SqlTypeName.BIGINT), type(SqlTypeName.INTEGER))).sqlState());
    assertEquals("22003", assertThrows(SqlStateException.class, () -> CastKernels.cast(doubles(Double.NaN),
        type(SqlTypeName.DOUBLE), type(SqlTypeName.BIGINT))).sqlState());
  }

  @Test
  void parsesTextIntoNumbersDatesAndTimestamps() {
    assertArrayEquals(new Object[] {12L, -3L, 2L, null, 1000L}, CastKernels.cast(text("12", " -3 ", "1.5", null, "1e3"),
        VARCHAR, type(SqlTypeName.INTEGER)).toArray(), "plain numbers from bytes, 1e3 through BigDecimal");
    assertArrayEquals(new Object[] {new BigDecimal("-0.13"), new BigDecimal("42.00")},
        CastKernels.cast(text("-0.125", "+42"), VARCHAR, decimal(6, 2)).toArray());
    assertArrayEquals(new Object[] {0.1, -2.5}, CastKernels.cast(text("0.1", "-2.5"), VARCHAR,
        type(SqlTypeName.DOUBLE)).toArray());
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> CastKernels.cast(text("12", "twelve"), VARCHAR, type(SqlTypeName.INTEGER)));
    assertEquals("22018", e.sqlState());
    assertTrue(e.getMessage().contains("'twelve'"), e.getMessage());
    assertEquals("22003", assertThrows(SqlStateException.class,
        () -> CastKernels.cast(text("99999999999"), VARCHAR, type(SqlTypeName.INTEGER))).sqlState());

    assertArrayEquals(new Object[] {(int) LocalDate.of(2024, 2, 29).toEpochDay(), (int) LocalDate.of(1900, 3, 1)
        .toEpochDay()}, CastKernels.cast(text("2024-02-29", " 1900-03-01"), VARCHAR, type(SqlTypeName.DATE))
        .toArray());
    SqlStateException date = assertThrows(SqlStateException.class,
        () -> CastKernels.cast(text("2023-02-29"), VARCHAR, type(SqlTypeName.DATE)));
    assertEquals("22007", date.sqlState());
    assertTrue(date.getMessage().contains("2023-02-29"), date.getMessage());

    long micros = LocalDateTime.of(1969, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC) * 1_000_000L + 250_000;
    assertArrayEquals(new Object[] {micros, micros}, CastKernels.cast(text("1969-12-31 23:59:59.25",
        "1969-12-31T23:59:59.250"), VARCHAR, type(SqlTypeName.TIMESTAMP)).toArray());
  }

  @Test
  void formatsNumbersDatesAndTimestampsAsText() {
    long micros = LocalDateTime.of(1969, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC) * 1_000_000L + 250_000;
    assertArrayEquals(new Object[] {"-0.05", "123.40", "0.00", null},
        CastKernels.cast(decimals(2, "-0.05", "123.4", "0", null), decimal(5, 2), VARCHAR).toArray());
    assertArrayEquals(new Object[] {"-9223372036854775807", "0"}, CastKernels.cast(integers(-Long.MAX_VALUE, 0L),
        type(SqlTypeName.BIGINT), VARCHAR).toArray());
    assertArrayEquals(new Object[] {"2024-02-29", "0999-01-01"}, CastKernels.cast(dates(LocalDate.of(2024, 2, 29)
        .toEpochDay(), LocalDate.of(999, 1, 1).toEpochDay()), type(SqlTypeName.DATE), VARCHAR).toArray());
    assertArrayEquals(new Object[] {"1969-12-31 23:59:59.25", "1970-01-01 00:00:00"},
        CastKernels.cast(integers(micros, 0L), type(SqlTypeName.TIMESTAMP), VARCHAR).toArray());
    BytesColumn text = assertInstanceOf(BytesColumn.class, CastKernels.cast(doubles(1.5), type(SqlTypeName.DOUBLE),
        VARCHAR));
    assertEquals(Casts.toText(1.5, SqlTypeName.DOUBLE), text.get(0));
  }

  @Test
  void convertsBetweenDatesAndTimestamps() {
    long day = 86_400_000_000L;
    LongColumn toDate = (LongColumn) CastKernels.cast(integers(-1L, day + 5), type(SqlTypeName.TIMESTAMP),
        type(SqlTypeName.DATE));
    assertArrayEquals(new Object[] {-1, 1}, toDate.toArray(), "a microsecond before the epoch is 1969-12-31");
    assertArrayEquals(new Object[] {-day}, CastKernels.cast(dates(-1L), type(SqlTypeName.DATE),
        type(SqlTypeName.TIMESTAMP)).toArray());
  }
}
