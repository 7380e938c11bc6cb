package io.floe.engine.explain;

import java.util.concurrent.atomic.LongAdder;

/** What one plan node's operators (over all their tasks) returned: rows, batches, estimated bytes, time. */
final class OperatorStats {
  final LongAdder rows = new LongAdder();
  final LongAdder batches = new LongAdder();
  final LongAdder bytes = new LongAdder();
  final LongAdder nanos = new LongAdder();

  @Override
  public String toString() {
    return String.format("rows=%d batches=%d bytes~%d time=%.1fms", rows.sum(), batches.sum(), bytes.sum(),
        nanos.sum() / 1e6);
  }
}
