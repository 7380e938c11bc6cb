package io.floe.engine.exchange;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The tasks and producers of one exchange, run on threads shared by every query of the process (idle threads are
 * kept for a minute and reused: a query no longer starts and ends a thread per task), stopped and awaited together
 * like a pool of their own: {@link #shutdownNow()} interrupts the ones running and drops the ones not yet started
 * (running their drop handlers instead), {@link #awaitTermination} waits until none runs.
 */
final class TaskThreads {
  private static final ExecutorService SHARED = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "floe-task");
    t.setDaemon(true);
    return t;
  });

  private final Set<Thread> running = new HashSet<>();
  private int unfinished;
  private boolean stopped;

  /** Runs {@code work} on a shared thread, unless the group was stopped before it starts. */
  void execute(Runnable work) {
    execute(work, () -> { });
  }

  /**
   * Runs {@code work} on a shared thread; when the group was stopped before it starts, runs {@code ifDropped}
   * instead (e.g. to close what the work would have closed), and {@link #awaitTermination} waits for that too.
   */
  void execute(Runnable work, Runnable ifDropped) {
    synchronized (this) {
      if (!stopped) {
        unfinished++;
        try {
          SHARED.execute(() -> run(work, ifDropped));
        } catch (RuntimeException | Error e) { // no thread for it (out of native threads): it never runs
          finished();
          throw e;
        }
        return;
      }
    }
    ifDropped.run();
  }

  private void run(Runnable work, Runnable ifDropped) {
    Thread self = Thread.currentThread();
    boolean dropped;
    synchronized (this) {
      dropped = stopped;
      if (!dropped) {
        running.add(self);
      }
    }
    try {
      (dropped ? ifDropped : work).run();
    } finally {
      // from here on no stop of this group interrupts the thread (and the pool clears a leftover interrupt before
      // the thread's next work)
      synchronized (this) {
        running.remove(self);
        finished();
      }
    }
  }

  private void finished() {
    unfinished--;
    notifyAll();
  }

  /** Interrupts the running work and drops the work not yet started (and any given later). */
  synchronized void shutdownNow() {
    stopped = true;
    running.forEach(Thread::interrupt);
  }

  /**
   * Waits until no work of the group runs, at most {@code timeout}, also when the calling thread is interrupted
   * before or while it waits (a canceled query closing its exchanges: their operators must not be closed while
   * their work still runs); the interrupt is kept. Returns whether no work runs.
   */
  synchronized boolean awaitTermination(long timeout, TimeUnit unit) {
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    long left;
    while (unfinished > 0 && (left = deadline - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return unfinished == 0;
  }
}
