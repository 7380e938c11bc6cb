package io.floe.jdbc;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One daemon thread that fires query timeouts and progress reports of all connections. */
final class StatementTimers {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "floe-jdbc-timer");
    thread.setDaemon(true);
    return thread;
  });

  private StatementTimers() {
  }

  static ScheduledFuture<?> after(long delayMillis, Runnable task) {
    return TIMER.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
  }

  static ScheduledFuture<?> every(long periodMillis, Runnable task) {
    return TIMER.scheduleAtFixedRate(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }
}
