package io.floe.engine.explain;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import java.math.BigDecimal;

/**
 * Measures an operator for EXPLAIN ANALYZE: rows, batches, bytes (estimated from the first row of each batch) and
 * the wall time spent in its {@code next()} calls, which includes the time of its inputs.
 */
final class InstrumentedOperator implements Operator {
  private final Operator operator;
  private final OperatorStats stats;

  InstrumentedOperator(Operator operator, OperatorStats stats) {
    this.operator = operator;
    this.stats = stats;
  }

  @Override
  public Batch next() {
    long start = System.nanoTime();
    try {
      Batch batch = operator.next();
      if (batch != null) {
        stats.rows.add(batch.size());
        stats.batches.increment();
        stats.bytes.add(batch.size() == 0 ? 0 : rowBytes(batch.row(0)) * batch.size());
      }
      return batch;
    } finally {
      stats.nanos.add(System.nanoTime() - start);
    }
  }

  private static long rowBytes(Object[] row) {
    long bytes = 0;
    for (Object value : row) {
      if (value == null) {
        bytes += 1;
      } else if (value instanceof String s) {
        bytes += 4 + s.length();
      } else if (value instanceof byte[] b) {
        bytes += 4 + b.length;
      } else if (value instanceof BigDecimal) {
        bytes += 16;
      } else {
        bytes += 8;
      }
    }
    return bytes;
  }

  @Override
  public void close() {
    operator.close();
  }
}
