package io.floe.engine.exchange;

import java.util.concurrent.atomic.AtomicLongArray;

/** Rows each task of a {@link FragmentExchange} received over all its inputs (complete once the exchange ended). */
public final class ExchangeStats {
  private final String description;
  private final AtomicLongArray taskInputRows;

  public ExchangeStats(String description, int tasks) {
    this.description = description;
    this.taskInputRows = new AtomicLongArray(tasks);
  }

  /** What the exchange does, e.g. {@code join [repartition by [0]; repartition by [1]]}. */
  public String description() {
    return description;
  }

  public int tasks() {
    return taskInputRows.length();
  }

  void add(int task, long rows) {
    taskInputRows.addAndGet(task, rows);
  }

  public long taskInputRows(int task) {
    return taskInputRows.get(task);
  }

  public long maxTaskInputRows() {
    long max = 0;
    for (int t = 0; t < tasks(); t++) {
      max = Math.max(max, taskInputRows(t));
    }
    return max;
  }

  public double meanTaskInputRows() {
    long sum = 0;
    for (int t = 0; t < tasks(); t++) {
      sum += taskInputRows(t);
    }
    return sum / (double) tasks();
  }

  /** Largest task input over the mean task input (1 when perfectly balanced, 0 without input). */
  public double skew() {
    double mean = meanTaskInputRows();
    return mean == 0 ? 0 : maxTaskInputRows() / mean;
  }

  @Override
  public String toString() {
    return String.format("task input rows max %d, mean %.1f (max/mean %.2f)", maxTaskInputRows(),
        meanTaskInputRows(), skew());
  }
}
