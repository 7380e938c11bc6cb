package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import java.util.function.IntFunction;

/**
 * Task i's receiver of a forwarded input ({@link FragmentExchange.Input#forwarded}): producer i's operator itself,
 * built at the first read and run by the task's own thread, with no channel and no thread between them; its rows
 * are counted in the exchange's stats as task i's input. Closing it closes the producer, if it was built.
 */
final class ForwardedReceiver implements Operator {
  private final IntFunction<Operator> producers;
  private final int task;
  private final ExchangeStats stats;
  private Operator producer;
  private boolean closed;

  ForwardedReceiver(IntFunction<Operator> producers, int task, ExchangeStats stats) {
    this.producers = producers;
    this.task = task;
    this.stats = stats;
  }

  @Override
  public Batch next() {
    if (closed) {
      throw new LocalTransport.CancellationException();
    }
    if (producer == null) {
      producer = producers.apply(task);
    }
    Batch batch = producer.next();
    if (batch != null && stats != null) {
      stats.add(task, batch.size());
    }
    return batch;
  }

  @Override
  public void close() {
    closed = true;
    if (producer != null) {
      Operator built = producer;
      producer = null;
      built.close();
    }
  }
}
