package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;

/**
 * How one input of a {@link FragmentExchange} is spread over the fragment's tasks: by the hash of keys, to every
 * task (broadcast), round-robin, or salted for skewed keys. Called by the input's single producer thread.
 */
public interface Distribution {
  /** Sends the rows of {@code batch} to tasks through {@code out} (possibly later, for a sampling distribution). */
  void route(Batch batch, TaskSink out);

  /** The input ended: sends whatever is held back. */
  default void finish(TaskSink out) {
  }

  /** The exchange failed or closed: releases threads waiting on this distribution. */
  default void abort(Throwable cause) {
  }

  /** A description for EXPLAIN, e.g. {@code repartition by [0]}. */
  String describe();

  /** Where a distribution sends rows: task {@code task} of the fragment (0-based). */
  interface TaskSink {
    void send(int task, Batch batch);

    int tasks();
  }
}
