package io.floe.engine.dml;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a statement's tasks (writing a batch, rewriting a file) on a fixed number of threads, at most a bounded
 * number queued at a time; the first failure is rethrown by {@link #await()} and stops what has not started.
 */
public final class ParallelTasks implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();
  private final ExecutorService executor;
  private final Semaphore inFlight;
  private final List<Future<?>> futures = new ArrayList<>();
  private volatile Throwable failure;

  public ParallelTasks(int threads) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "floe-dml-" + pool + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.inFlight = new Semaphore(threads * 2);
  }

  /** Queues a task, waiting while too many are queued; fails at once if an earlier task failed. */
  public void submit(Runnable task) {
    rethrow();
    inFlight.acquireUninterruptibly();
    futures.add(executor.submit(() -> {
      try {
        if (failure == null) {
          task.run();
        }
      } catch (Throwable e) {
        failure = e;
        throw e;
      } finally {
        inFlight.release();
      }
    }));
  }

  /** Waits for every task; rethrows the first failure. */
  public void await() {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the statement's tasks", e);
      } catch (ExecutionException e) {
        // the first failure is rethrown below
      }
    }
    rethrow();
  }

  private void rethrow() {
    Throwable e = failure;
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    if (e != null) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops the threads and waits for running tasks to end, so nothing writes after the statement failed. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the statement's tasks did not stop within 5 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
