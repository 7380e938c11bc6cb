package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;

/** Sends whole batches to the tasks in turn (the large side of a broadcast join, the input of a partial aggregate). */
public final class RoundRobinDistribution implements Distribution {
  private int next;

  @Override
  public void route(Batch batch, TaskSink out) {
    out.send(next, batch);
    next = (next + 1) % out.tasks();
  }

  @Override
  public String describe() {
    return "round-robin";
  }
}
