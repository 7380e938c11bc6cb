package io.floe.engine.exec;

import io.floe.engine.expr.SqlStateException;
import io.floe.engine.expr.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;
import org.apache.calcite.sql.type.SqlTypeName;

/** The running state of one aggregate for one group. */
abstract class Accumulator {
  /** Adds one row's argument value (null for COUNT(*)); rows with a null argument are not passed. */
  abstract void add(Object value);

  abstract Object result();

  static Accumulator create(AggregateSpec spec) {
    Accumulator a = plain(spec);
    return spec.distinct() ? new Distinct(a) : a;
  }

  private static Accumulator plain(AggregateSpec spec) {
    switch (spec.kind()) {
      case COUNT:
        return new Count();
      case SUM:
        return new Sum(spec, false);
      case SUM0:
        return new Sum(spec, true);
      case MIN:
        return new MinMax(true);
      case MAX:
        return new MinMax(false);
      case SINGLE_VALUE:
        return new SingleValue();
      case ANY_VALUE:
        return new AnyValue();
      case LITERAL_AGG:
        return new LiteralValue(spec.literal());
      default:
        throw new UnsupportedOperationException("not supported: aggregate " + spec.kind());
    }
  }

  private static final class Count extends Accumulator {
    private long count;

    @Override
    void add(Object value) {
      count++;
    }

    @Override
    Object result() {
      return count;
    }
  }

  private static final class Sum extends Accumulator {
    private final SqlTypeName type;
    private final int scale;
    private final boolean zeroIfEmpty;
    private BigDecimal decimal;
    private long integer;
    private double floating;
    private boolean any;

    Sum(AggregateSpec spec, boolean zeroIfEmpty) {
      this.type = spec.type().getSqlTypeName();
      this.scale = spec.type().getScale();
      this.zeroIfEmpty = zeroIfEmpty;
    }

    @Override
    void add(Object value) {
      any = true;
      switch (type) {
        case DECIMAL:
          BigDecimal v = Values.toBigDecimal(value);
          decimal = decimal == null ? v : decimal.add(v);
          break;
        case DOUBLE:
        case REAL:
        case FLOAT:
          floating += ((Number) value).doubleValue();
          break;
        default:
          try {
            integer = Math.addExact(integer, ((Number) value).longValue());
          } catch (ArithmeticException e) {
            throw new SqlStateException("22003", "SUM out of range of " + type);
          }
      }
    }

    @Override
    Object result() {
      if (!any && !zeroIfEmpty) {
        return null;
      }
      switch (type) {
        case DECIMAL:
          return (decimal == null ? BigDecimal.ZERO : decimal).setScale(scale, RoundingMode.HALF_UP);
        case DOUBLE:
        case REAL:
        case FLOAT:
          return floating;
        default:
          return integer;
      }
    }
  }

  private static final class MinMax extends Accumulator {
    private final boolean min;
    private Object best;

    MinMax(boolean min) {
      this.min = min;
    }

    @Override
    void add(Object value) {
      if (best == null) {
        best = value;
      } else {
        int c = Values.compare(value, best);
        if (min ? c < 0 : c > 0) {
          best = value;
        }
      }
    }

    @Override
    Object result() {
      return best;
    }
  }

  private static final class SingleValue extends Accumulator {
    private Object value;
    private boolean seen;

    @Override
    void add(Object v) {
      if (seen) {
        throw new SqlStateException("21000", "more than one row returned by a subquery used as an expression");
      }
      seen = true;
      value = v;
    }

    @Override
    Object result() {
      return value;
    }
  }

  private static final class AnyValue extends Accumulator {
    private Object value;

    @Override
    void add(Object v) {
      if (value == null) {
        value = v;
      }
    }

    @Override
    Object result() {
      return value;
    }
  }

  private static final class LiteralValue extends Accumulator {
    private final Object value;

    LiteralValue(Object value) {
      this.value = value;
    }

    @Override
    void add(Object v) {
    }

    @Override
    Object result() {
      return value;
    }
  }

  private static final class Distinct extends Accumulator {
    private final Accumulator inner;
    private final Set<Object> seen = new HashSet<>();

    Distinct(Accumulator inner) {
      this.inner = inner;
    }

    @Override
    void add(Object value) {
      if (seen.add(Values.key(value))) {
        inner.add(value);
      }
    }

    @Override
    Object result() {
      return inner.result();
    }
  }
}
