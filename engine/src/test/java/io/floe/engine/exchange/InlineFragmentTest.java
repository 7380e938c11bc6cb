package io.floe.engine.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import io.floe.engine.exec.ValuesOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link FragmentExchange#inline}: a fragment whose tasks are run by whoever reads them. Read by a gather's threads,
 * the tasks return every input row once; the exchange closes its inputs once all tasks are closed (read or not),
 * also an input that never started; a producer's failure reaches the tasks' readers.
 */
class InlineFragmentTest {
  private static final int TASKS = 3;

  @Test
  void tasksReadByTheirConsumersReturnEveryRowOnceAndCloseTheInput() {
    Counted input = new Counted(rows(10_000), -1);
    ExchangeStats stats = new ExchangeStats("test", TASKS);
    FragmentExchange inline = FragmentExchange.inline(
        List.of(FragmentExchange.Input.of(input, new RoundRobinDistribution())), TASKS,
        receivers -> receivers.get(0), stats);
    List<Long> values = new ArrayList<>();
    try (Operator gathered = FragmentExchange.leaf(TASKS, inline::task)) {
      Batch b;
      while ((b = gathered.next()) != null) {
        for (int r = 0; r < b.size(); r++) {
          values.add((Long) b.row(r)[0]);
        }
      }
    }
    values.sort(null);
    assertEquals(10_000, values.size());
    for (int i = 0; i < values.size(); i++) {
      assertEquals(i, values.get(i).longValue());
    }
    assertEquals(1, input.closed.get(), "the input is closed once, when the last task is");
    assertTrue(stats.toString().contains("max"), stats.toString());
  }

  @Test
  void closingTasksThatWereNeverReadClosesTheInputOnce() {
    Counted input = new Counted(rows(10), -1);
    FragmentExchange inline = FragmentExchange.inline(
        List.of(FragmentExchange.Input.of(input, new RoundRobinDistribution())), TASKS,
        receivers -> receivers.get(0), new ExchangeStats("test", TASKS));
    List<Operator> tasks = new ArrayList<>();
    for (int t = 0; t < TASKS; t++) {
      tasks.add(inline.task(t));
    }
    tasks.get(0).close();
    tasks.get(0).close();
    assertEquals(0, input.closed.get(), "open while other tasks are");
    tasks.get(1).close();
    tasks.get(2).close();
    assertEquals(1, input.closed.get());
  }

  @Test
  void anOnDemandInputThatNeverStartedClosesTheInlineFragmentFeedingIt() {
    // a join whose probe side is another join's tasks, closed before any task read it (its build side was empty)
    Counted innerInput = new Counted(rows(10), -1);
    FragmentExchange inner = FragmentExchange.inline(
        List.of(FragmentExchange.Input.of(innerInput, new RoundRobinDistribution())), TASKS,
        receivers -> receivers.get(0), new ExchangeStats("inner", TASKS));
    Counted build = new Counted(rows(10), -1);
    FragmentExchange outer = FragmentExchange.inline(List.of(
        FragmentExchange.Input.of(build, new RoundRobinDistribution()),
        new FragmentExchange.Input(TASKS, inner::task, p -> new RoundRobinDistribution()).startedOnDemand()),
        TASKS, receivers -> receivers.get(0), new ExchangeStats("outer", TASKS));
    try (Operator gathered = FragmentExchange.leaf(TASKS, outer::task)) {
      long rows = 0;
      for (Batch b = gathered.next(); b != null; b = gathered.next()) {
        rows += b.size();
      }
      assertEquals(10, rows, "the tasks read only their first input");
    }
    assertEquals(1, build.closed.get());
    assertEquals(1, innerInput.closed.get(), "the never-read inline fragment's input is closed once");
  }

  @Test
  void aProducersFailureReachesTheTasksReaders() {
    Counted input = new Counted(rows(5000), 2);
    FragmentExchange inline = FragmentExchange.inline(
        List.of(FragmentExchange.Input.of(input, new RoundRobinDistribution())), TASKS,
        receivers -> receivers.get(0), new ExchangeStats("test", TASKS));
    try (Operator gathered = FragmentExchange.leaf(TASKS, inline::task)) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> {
        while (gathered.next() != null) {
          // read until the failure arrives
        }
      });
      Throwable cause = e;
      while (cause.getCause() != null && !"input failed".equals(cause.getMessage())) {
        cause = cause.getCause();
      }
      assertEquals("input failed", cause.getMessage());
    }
    assertEquals(1, input.closed.get());
  }

  @Test
  void aForwardedInputsTaskReadsItsOwnProducerBuiltOnDemandAndClosesIt() {
    List<Counted> producers = new ArrayList<>();
    AtomicInteger built = new AtomicInteger();
    for (int t = 0; t < TASKS; t++) {
      List<Object[]> share = new ArrayList<>();
      for (long i = 0; i < 1500; i++) {
        share.add(new Object[] {t * 10_000L + i});
      }
      producers.add(new Counted(share, -1));
    }
    ExchangeStats stats = new ExchangeStats("test", TASKS);
    FragmentExchange inline = FragmentExchange.inline(
        List.of(FragmentExchange.Input.forwarded(TASKS, p -> {
          built.incrementAndGet();
          return producers.get(p);
        })), TASKS, receivers -> receivers.get(0), stats);
    List<Operator> tasks = new ArrayList<>();
    for (int t = 0; t < TASKS; t++) {
      tasks.add(inline.task(t));
    }
    assertEquals(0, built.get(), "no producer is built before its task is read");
    for (int t = 0; t < TASKS - 1; t++) {
      long rows = 0;
      for (Batch b = tasks.get(t).next(); b != null; b = tasks.get(t).next()) {
        for (int r = 0; r < b.size(); r++) {
          assertEquals(t, (Long) b.row(r)[0] / 10_000, "task " + t + " reads only its own producer's rows");
        }
        rows += b.size();
      }
      assertEquals(1500, rows);
      assertEquals(1500, stats.taskInputRows(t));
    }
    assertEquals(TASKS - 1, built.get(), "the task never read never built its producer");
    tasks.forEach(Operator::close);
    for (int t = 0; t < TASKS - 1; t++) {
      assertEquals(1, producers.get(t).closed.get(), "producer " + t + " closed once");
    }
    assertEquals(0, producers.get(TASKS - 1).closed.get(), "never built, never closed");
  }

  private static List<Object[]> rows(int n) {
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      rows.add(new Object[] {i});
    }
    return rows;
  }

  /** Rows in batches of 1,000, failing before batch {@code failAt} (-1: never); counts its closes. */
  private static final class Counted implements Operator {
    final AtomicInteger closed = new AtomicInteger();
    private final List<Object[]> rows;
    private final int failAt;
    private int batch;

    Counted(List<Object[]> rows, int failAt) {
      this.rows = rows;
      this.failAt = failAt;
    }

    @Override
    public Batch next() {
      if (batch == failAt) {
        throw new IllegalStateException("input failed");
      }
      int start = batch++ * 1000;
      if (start >= rows.size()) {
        return null;
      }
      return new ValuesOperator(rows.subList(start, Math.min(rows.size(), start + 1000)), 1).next();
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }
}
