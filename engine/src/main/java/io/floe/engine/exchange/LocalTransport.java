package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** An {@link ExchangeTransport} of bounded in-memory queues between threads of one JVM. */
public final class LocalTransport implements ExchangeTransport {
  private static final Object END = new Object();
  private static final int CAPACITY = 16;

  private final BlockingQueue<Object>[] queues;
  private final int[] remainingProducers;
  private volatile Throwable failure;
  private volatile boolean closed;

  /** A transport of {@code channels} channels, each fed by {@code producersPerChannel} producers. */
  @SuppressWarnings("unchecked")
  public LocalTransport(int channels, int producersPerChannel) {
    this.queues = new BlockingQueue[channels];
    this.remainingProducers = new int[channels];
    for (int i = 0; i < channels; i++) {
      queues[i] = new ArrayBlockingQueue<>(CAPACITY);
      remainingProducers[i] = producersPerChannel;
    }
  }

  @Override
  public void send(int channel, Batch batch) {
    put(channel, batch);
  }

  @Override
  public void finish(int channel) {
    put(channel, END);
  }

  private void put(int channel, Object item) {
    try {
      while (!queues[channel].offer(item, 50, TimeUnit.MILLISECONDS)) {
        checkOpen();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("exchange interrupted", e);
    }
  }

  @Override
  public Batch receive(int channel) {
    try {
      while (true) {
        if (remainingProducers[channel] == 0) {
          return null;
        }
        Object item = queues[channel].poll(50, TimeUnit.MILLISECONDS);
        if (item == null) {
          checkOpen();
        } else if (item == END) {
          remainingProducers[channel]--;
        } else {
          return (Batch) item;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("exchange interrupted", e);
    }
  }

  private void checkOpen() {
    Throwable f = failure;
    if (f != null) {
      if (f instanceof RuntimeException r) {
        throw r;
      }
      if (f instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(f);
    }
    if (closed) {
      throw new CancellationException();
    }
  }

  @Override
  public void fail(Throwable cause) {
    if (failure == null) {
      failure = cause;
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Thrown to a producer or consumer whose exchange was closed. */
  static final class CancellationException extends RuntimeException {
    CancellationException() {
      super("exchange closed", null, false, false);
    }
  }
}
