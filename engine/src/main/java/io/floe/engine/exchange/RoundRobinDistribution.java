package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;

/**
 * Sends rows to the tasks in turn (the large side of a broadcast join, the input of a partial aggregate): small
 * batches whole, a batch of more than {@link #MIN_SLICE} rows in slices of at least that many rows, so that even
 * an input of few large batches reaches every task.
 */
public final class RoundRobinDistribution implements Distribution {
  static final int MIN_SLICE = 1024;

  private int next;

  @Override
  public void route(Batch batch, TaskSink out) {
    int size = batch.size();
    int slice = Math.max(MIN_SLICE, (size + out.tasks() - 1) / out.tasks());
    if (size <= slice) {
      send(batch, out);
      return;
    }
    for (int start = 0; start < size; start += slice) {
      int count = Math.min(slice, size - start);
      int[] rows = new int[count];
      for (int i = 0; i < count; i++) {
        rows[i] = start + i;
      }
      send(batch.select(rows, count), out);
    }
  }

  private void send(Batch batch, TaskSink out) {
    out.send(next, batch);
    next = (next + 1) % out.tasks();
  }

  @Override
  public String describe() {
    return "round-robin";
  }
}
