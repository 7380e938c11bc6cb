package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;

/**
 * Moves batches between the fragments of a plan: producers send batches to numbered channels and finish them;
 * a channel's consumer receives until every producer of the channel has finished. A failure anywhere aborts the
 * exchange and is rethrown to every waiting party. Implementations: {@link LocalTransport} (threads of one JVM).
 */
public interface ExchangeTransport extends AutoCloseable {
  /** Sends a batch to {@code channel}; blocks while the channel is full. */
  void send(int channel, Batch batch);

  /** Marks one producer of {@code channel} as finished. */
  void finish(int channel);

  /** The next batch of {@code channel}, or null once all its producers finished. */
  Batch receive(int channel);

  /** Aborts the exchange with {@code cause}. */
  void fail(Throwable cause);

  /** Stops the exchange; blocked senders and receivers return. */
  @Override
  void close();
}
