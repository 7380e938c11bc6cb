package io.floe.engine.expr;

import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import io.floe.engine.exec.Nulls;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The DOUBLE functions (POWER, SQRT, CBRT, EXP, LN, LOG10, LOG(b, x), the trigonometric functions, DEGREES,
 * RADIANS) as loops over doubles (integer and decimal operands read by value), and SIGN at the operand's type.
 * An argument outside a function's domain fails on rows that are not NULL: 2201E for a logarithm of a value not
 * above zero, 2201F for a square root of a negative value or a POWER without a real result (a negative base with a
 * fractional exponent, zero to a negative power). Each returns null for columns that are not numbers.
 */
final class MathKernels {
  private MathKernels() {
  }

  /** The functions of one DOUBLE by name (LOG with one argument is LOG10, as in PostgreSQL and DuckDB). */
  static final Map<String, DoubleUnaryOperator> UNARY = Map.ofEntries(Map.entry("SQRT", Math::sqrt),
      Map.entry("CBRT", Math::cbrt), Map.entry("EXP", Math::exp), Map.entry("LN", MathKernels::ln),
      Map.entry("LOG10", MathKernels::log10), Map.entry("LOG", MathKernels::log10),
      Map.entry("LOG2", x -> log(2, x)), Map.entry("SIN", Math::sin), Map.entry("COS", Math::cos),
      Map.entry("TAN", Math::tan), Map.entry("COT", x -> 1 / Math.tan(x)), Map.entry("ASIN", Math::asin),
      Map.entry("ACOS", Math::acos), Map.entry("ATAN", Math::atan), Map.entry("SINH", Math::sinh),
      Map.entry("COSH", Math::cosh), Map.entry("TANH", Math::tanh), Map.entry("DEGREES", Math::toDegrees),
      Map.entry("RADIANS", Math::toRadians));

  /** The functions of two DOUBLEs by name. */
  static final Map<String, DoubleBinaryOperator> BINARY = Map.of("POWER", Math::pow, "ATAN2", Math::atan2,
      "LOG", MathKernels::log);

  /** {@code f} of each value of {@code x} as a DOUBLE column. */
  static DoubleColumn apply(Column x, String name, DoubleUnaryOperator f) {
    double[] v = NumericKernels.doubles(x);
    if (v == null) {
      return null;
    }
    int n = x.size();
    boolean[] nulls = NumericKernels.nulls(x);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = f.applyAsDouble(v[i]);
    }
    checkDomain(name, out, v, null, nulls);
    return new DoubleColumn(out, nulls, n);
  }

  /** {@code f} of each pair of values of {@code x} and {@code y} as a DOUBLE column. */
  static DoubleColumn apply(Column x, Column y, String name, DoubleBinaryOperator f) {
    double[] u = NumericKernels.doubles(x);
    double[] v = NumericKernels.doubles(y);
    if (u == null || v == null) {
      return null;
    }
    int n = x.size();
    boolean[] nulls = Nulls.union(NumericKernels.nulls(x), NumericKernels.nulls(y), n);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = f.applyAsDouble(u[i], v[i]);
    }
    checkDomain(name, out, u, v, nulls);
    return new DoubleColumn(out, nulls, n);
  }

  /** Fails on the first non-null row whose result is NaN (or an infinite logarithm) although its inputs are not. */
  private static void checkDomain(String name, double[] out, double[] u, double[] v, boolean[] nulls) {
    boolean logarithm = name.startsWith("LN") || name.startsWith("LOG");
    for (int i = 0; i < out.length; i++) {
      double r = out[i];
      boolean invalid = Double.isNaN(r) && !Double.isNaN(u[i]) && (v == null || !Double.isNaN(v[i]))
          || logarithm && Double.isInfinite(r) && !Double.isInfinite(u[i]) && (v == null || !Double.isInfinite(v[i]))
          || name.equals("POWER") && Double.isInfinite(r) && u[i] == 0;
      if (invalid && (nulls == null || !nulls[i])) {
        String argument = v == null ? Double.toString(u[i]) : u[i] + ", " + v[i];
        throw new SqlStateException(logarithm ? "2201E" : "2201F", "invalid argument for " + name + ": " + name
            + "(" + argument + ")");
      }
    }
  }

  /** The logarithm of {@code x} to base {@code base} (Trino's and PostgreSQL's {@code LOG(b, x)}). */
  static double log(double base, double x) {
    if (base <= 0 || x <= 0 || base == 1) {
      return Double.NaN;
    }
    return Math.log(x) / Math.log(base);
  }

  /** The natural logarithm, NaN (a domain error) for values not above zero. */
  static double ln(double x) {
    return x <= 0 ? Double.NaN : Math.log(x);
  }

  /** The decimal logarithm, NaN (a domain error) for values not above zero. */
  static double log10(double x) {
    return x <= 0 ? Double.NaN : Math.log10(x);
  }

  /** SIGN: -1, 0 or 1 at the operand's type (a decimal's scale kept). */
  static Column sign(Column x) {
    if (x instanceof DoubleColumn d) {
      double[] v = d.values();
      double[] out = new double[d.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.signum(v[i]);
      }
      return new DoubleColumn(out, d.nulls(), d.size());
    }
    if (!NumericKernels.exact(x)) {
      return null;
    }
    LongColumn l = (LongColumn) x;
    if (l.scale() > 18) {
      return null;
    }
    long one = Kernels.powerOfTen(l.scale());
    long[] v = l.values();
    long[] out = new long[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Long.signum(v[i]) * one;
    }
    return new LongColumn(out, l.nulls(), l.size(), l.kind(), l.scale());
  }
}
