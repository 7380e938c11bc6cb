package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;

/** Sends every batch to every task (the small side of a broadcast join). Batches are shared, read-only. */
public final class BroadcastDistribution implements Distribution {
  @Override
  public void route(Batch batch, TaskSink out) {
    for (int t = 0; t < out.tasks(); t++) {
      out.send(t, batch);
    }
  }

  @Override
  public String describe() {
    return "broadcast";
  }
}
