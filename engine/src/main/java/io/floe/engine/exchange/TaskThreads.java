package io.floe.engine.exchange;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The tasks and producers of one exchange, run on threads shared by every query of the process (idle threads are
 * kept for a minute and reused: a query no longer starts and ends a thread per task), stopped and awaited together
 * like a pool of their own: {@link #shutdownNow()} interrupts the ones running and drops the ones not yet started,
 * {@link #awaitTermination} waits until none runs.
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

  /** Runs {@code work} on a shared thread, unless the group was stopped. */
  synchronized void execute(Runnable work) {
    if (stopped) {
      return;
    }
    unfinished++;
    SHARED.execute(() -> run(work));
  }

  private void run(Runnable work) {
    Thread self = Thread.currentThread();
    synchronized (this) {
      if (stopped) {
        finished();
        return;
      }
      running.add(self);
    }
    try {
      work.run();
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

  /** Interrupts the running work and drops the work not yet started. */
  synchronized void shutdownNow() {
    stopped = true;
    running.forEach(Thread::interrupt);
  }

  /** Waits until no work of the group runs, at most {@code timeout}; whether none does. */
  synchronized boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    long left;
    while (unfinished > 0 && (left = deadline - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return unfinished == 0;
  }
}
