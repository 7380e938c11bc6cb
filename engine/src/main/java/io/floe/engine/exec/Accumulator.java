package io.floe.engine.exec;

/**
 * The running state of one aggregate for one group, for the aggregates without a typed {@link GroupAggregator}:
 * COUNT over several arguments and LITERAL_AGG.
 */
abstract class Accumulator {
  /** Adds one row's argument value (null for COUNT(*)); rows with a null argument are not passed. */
  abstract void add(Object value);

  abstract Object result();

  static Accumulator create(AggregateSpec spec) {
    switch (spec.kind()) {
      case COUNT:
        return new Count();
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
}
