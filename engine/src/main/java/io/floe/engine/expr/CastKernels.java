package io.floe.engine.expr;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * CAST as typed loops: integers, decimals (rescaled HALF_UP, 22003 when the value exceeds the target precision
 * or integer range), doubles, DATE, TIMESTAMP, BOOLEAN and text in both directions. Text is parsed from its bytes
 * (plain numbers, {@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm:ss[.f]}); other spellings go through
 * {@link Casts} for that row only, which fails with 22018 (numbers) or 22007 (dates) naming the value. Returns
 * null for columns and types it does not handle.
 */
final class CastKernels {
  private CastKernels() {
  }

  static Column cast(Column x, RelDataType from, RelDataType to) {
    Representation target = Representation.of(to);
    SqlTypeName source = from.getSqlTypeName();
    SqlTypeName dest = to.getSqlTypeName();
    if (x instanceof BytesColumn b) {
      if (target.storage() == Representation.Storage.TEXT || target.storage() == Representation.Storage.BINARY) {
        boolean text = target.storage() == Representation.Storage.TEXT;
        return b.text() == text ? b : new BytesColumn(b.data(), starts(b), lengths(b), b.nulls(), b.size(), text);
      }
      return b.text() ? TextParsing.parse(b, from, to, target) : null;
    }
    if (target.storage() == Representation.Storage.TEXT) {
      return TextFormatting.format(x, source);
    }
    if (isDatetime(dest) || isDatetime(source)) {
      return datetime(x, source, dest);
    }
    if (source == dest && target.holds(x) && (dest != SqlTypeName.DECIMAL
        || from.getPrecision() - from.getScale() <= to.getPrecision() - to.getScale())) {
      return x;
    }
    switch (target.storage()) {
      case LONG:
        if (target.kind() == LongColumn.Kind.DECIMAL) {
          return toDecimal(x, to.getPrecision(), to.getScale());
        }
        return SqlTypeName.INT_TYPES.contains(dest) ? toInteger(x, dest) : null;
      case DOUBLE: {
        double[] values = NumericKernels.doubles(x);
        if (values == null) {
          return null;
        }
        if (dest == SqlTypeName.REAL) {
          values = values.clone();
          for (int i = 0; i < values.length; i++) {
            values[i] = (float) values[i];
          }
        }
        return new DoubleColumn(values, NumericKernels.nulls(x), x.size());
      }
      case BOOL:
        return x instanceof BoolColumn ? x : null;
      default:
        return null;
    }
  }

  private static boolean isDatetime(SqlTypeName t) {
    return t == SqlTypeName.DATE || isTimestamp(t);
  }

  static boolean isTimestamp(SqlTypeName t) {
    return t == SqlTypeName.TIMESTAMP || t == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
  }

  private static Column datetime(Column x, SqlTypeName source, SqlTypeName dest) {
    if (!(x instanceof LongColumn l)) {
      return null;
    }
    long[] v = l.values();
    long[] out = new long[l.size()];
    if (dest == SqlTypeName.DATE && isTimestamp(source)) {
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.floorDiv(v[i], CivilDates.MICROS_PER_DAY);
      }
      return new LongColumn(out, l.nulls(), l.size(), LongColumn.Kind.DATE, 0);
    }
    if (isTimestamp(dest) && source == SqlTypeName.DATE) {
      for (int i = 0; i < out.length; i++) {
        out[i] = v[i] * CivilDates.MICROS_PER_DAY;
      }
      return new LongColumn(out, l.nulls(), l.size(), LongColumn.Kind.INTEGER, 0);
    }
    if (isTimestamp(dest) && isTimestamp(source) || dest == source) {
      return l;
    }
    return null;
  }

  /** Integers, decimals (HALF_UP) or doubles (half away from zero) to an integer type; 22003 outside its range. */
  private static Column toInteger(Column x, SqlTypeName dest) {
    long min;
    long max;
    switch (dest) {
      case TINYINT:
        min = Byte.MIN_VALUE;
        max = Byte.MAX_VALUE;
        break;
      case SMALLINT:
        min = Short.MIN_VALUE;
        max = Short.MAX_VALUE;
        break;
      case INTEGER:
        min = Integer.MIN_VALUE;
        max = Integer.MAX_VALUE;
        break;
      default:
        min = Long.MIN_VALUE;
        max = Long.MAX_VALUE;
        break;
    }
    int n = x.size();
    long[] out = new long[n];
    if (x instanceof DoubleColumn d) {
      double[] v = d.values();
      for (int i = 0; i < n; i++) {
        if (d.isNull(i)) {
          continue;
        }
        double r = Math.signum(v[i]) * Math.floor(Math.abs(v[i]) + 0.5);
        if (Double.isNaN(r) || r < min || r > max || r >= 0x1p63) {
          throw outOfRange(v[i], dest.name());
        }
        out[i] = (long) r;
      }
      return new LongColumn(out, d.nulls(), n, LongColumn.Kind.INTEGER, 0);
    }
    if (x instanceof BoolColumn b) {
      boolean[] v = b.values();
      for (int i = 0; i < n; i++) {
        out[i] = v[i] ? 1 : 0;
      }
      return new LongColumn(out, b.nulls(), n, LongColumn.Kind.INTEGER, 0);
    }
    if (!NumericKernels.exact(x)) {
      return null;
    }
    LongColumn l = (LongColumn) x;
    long[] v = l.values();
    long unit = Kernels.powerOfTen(l.scale());
    for (int i = 0; i < n; i++) {
      if (l.isNull(i)) {
        continue;
      }
      long r = unit == 1 ? v[i] : NumericKernels.roundHalfUp(v[i], unit);
      if (r < min || r > max) {
        throw outOfRange(l.get(i), dest.name());
      }
      out[i] = r;
    }
    return new LongColumn(out, l.nulls(), n, LongColumn.Kind.INTEGER, 0);
  }

  /** Integers, decimals or doubles to DECIMAL(precision, scale), HALF_UP; 22003 beyond the precision. */
  private static Column toDecimal(Column x, int precision, int scale) {
    int n = x.size();
    long[] out = new long[n];
    long limit = precision <= 18 ? Kernels.powerOfTen(precision) : Long.MAX_VALUE;
    if (x instanceof DoubleColumn d) {
      double[] v = d.values();
      for (int i = 0; i < n; i++) {
        if (d.isNull(i)) {
          continue;
        }
        if (!Double.isFinite(v[i])) {
          throw outOfRange(v[i], "DECIMAL(" + precision + ", " + scale + ")");
        }
        BigDecimal r = BigDecimal.valueOf(v[i]).setScale(scale, RoundingMode.HALF_UP);
        if (r.unscaledValue().bitLength() >= 64) {
          return null;
        }
        out[i] = checked(r.unscaledValue().longValue(), limit, v[i], precision, scale);
      }
      return new LongColumn(out, d.nulls(), n, LongColumn.Kind.DECIMAL, scale);
    }
    if (!NumericKernels.exact(x)) {
      return null;
    }
    LongColumn l = (LongColumn) x;
    long[] v = l.values();
    int by = scale - l.scale();
    if (Math.abs(by) >= 19) {
      return null;
    }
    long factor = Kernels.powerOfTen(Math.abs(by));
    for (int i = 0; i < n; i++) {
      if (l.isNull(i)) {
        continue;
      }
      long r;
      if (by >= 0) {
        try {
          r = Math.multiplyExact(v[i], factor);
        } catch (ArithmeticException e) {
          if (precision > 18) {
            return null; // a wider decimal than a long holds: the exact boxed path
          }
          throw outOfRange(l.get(i), "DECIMAL(" + precision + ", " + scale + ")");
        }
      } else {
        r = NumericKernels.roundHalfUp(v[i], factor);
      }
      out[i] = checked(r, limit, l.get(i), precision, scale);
    }
    return new LongColumn(out, l.nulls(), n, LongColumn.Kind.DECIMAL, scale);
  }

  private static long checked(long unscaled, long limit, Object value, int precision, int scale) {
    if (unscaled >= limit || unscaled <= -limit) {
      throw outOfRange(value, "DECIMAL(" + precision + ", " + scale + ")");
    }
    return unscaled;
  }

  static SqlStateException outOfRange(Object value, String type) {
    return new SqlStateException("22003", "value " + value + " out of range for " + type);
  }

  private static int[] starts(BytesColumn b) {
    int[] out = new int[b.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.start(i);
    }
    return out;
  }

  private static int[] lengths(BytesColumn b) {
    int[] out = new int[b.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.length(i);
    }
    return out;
  }

  static String string(BytesColumn b, int row) {
    return new String(b.data(), b.start(row), b.length(row), StandardCharsets.UTF_8);
  }
}
