package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan fragment as N tasks: each input is produced by one thread and spread over the tasks by its
 * {@link Distribution} (hash repartition, broadcast, round-robin, salted), task i runs the fragment over its
 * receivers, and the tasks' output is gathered into this operator. A leaf fragment ({@link #leaf}) has no inputs:
 * task i reads its own share of a table scan. Batches move through an
 * {@link ExchangeTransport} per input, so the fragments do not depend on where the transport runs.
 */
public final class FragmentExchange implements Operator {
  private static final Logger LOG = LoggerFactory.getLogger(FragmentExchange.class);

  private final List<Operator> inputs;
  private final List<Distribution> distributions;
  private final int tasks;
  private final TaskFactory fragment;
  private final ExchangeStats stats;
  private final List<ExchangeTransport> channels = new ArrayList<>();
  private ExchangeTransport gather;
  private ExecutorService threads;

  /**
   * @param inputs the fragment's inputs, each spread by its distribution
   * @param fragment builds task i's operator from its receivers (one per input, in order)
   */
  public FragmentExchange(List<Operator> inputs, List<Distribution> distributions, int tasks,
      Function<List<Operator>, Operator> fragment, ExchangeStats stats) {
    this(inputs, distributions, tasks, (task, receivers) -> fragment.apply(receivers), stats);
  }

  private FragmentExchange(List<Operator> inputs, List<Distribution> distributions, int tasks, TaskFactory fragment,
      ExchangeStats stats) {
    if (inputs.size() != distributions.size()) {
      throw new IllegalArgumentException("one distribution per input: " + inputs.size() + " inputs, "
          + distributions.size() + " distributions");
    }
    this.inputs = List.copyOf(inputs);
    this.distributions = List.copyOf(distributions);
    this.tasks = tasks;
    this.fragment = fragment;
    this.stats = stats;
  }

  /** Builds task {@code task}'s operator from its receivers (one per input, in order). */
  @FunctionalInterface
  private interface TaskFactory {
    Operator build(int task, List<Operator> receivers);
  }

  /** A fragment without inputs whose task i runs {@code task.apply(i)} (e.g. a share of a table scan). */
  public static FragmentExchange leaf(int tasks, IntFunction<Operator> task) {
    return new FragmentExchange(List.of(), List.of(), tasks, (t, receivers) -> task.apply(t), null);
  }

  /** The rows each task received over the exchange's inputs; null for a leaf fragment. */
  public ExchangeStats stats() {
    return stats;
  }

  private void start() {
    threads = Executors.newFixedThreadPool(inputs.size() + tasks, r -> {
      Thread t = new Thread(r, "floe-task");
      t.setDaemon(true);
      return t;
    });
    gather = new LocalTransport(1, tasks);
    for (int i = 0; i < inputs.size(); i++) {
      channels.add(new LocalTransport(tasks, 1));
    }
    for (int i = 0; i < inputs.size(); i++) {
      Operator input = inputs.get(i);
      Distribution distribution = distributions.get(i);
      ExchangeTransport channel = channels.get(i);
      threads.execute(() -> produce(input, distribution, channel));
    }
    for (int t = 0; t < tasks; t++) {
      List<Operator> receivers = new ArrayList<>();
      for (ExchangeTransport channel : channels) {
        receivers.add(new ReceiveOperator(channel, t));
      }
      Operator task = fragment.build(t, receivers);
      threads.execute(() -> work(task));
    }
  }

  private void produce(Operator input, Distribution distribution, ExchangeTransport channel) {
    Distribution.TaskSink sink = new Distribution.TaskSink() {
      @Override
      public void send(int task, Batch batch) {
        stats.add(task, batch.size());
        channel.send(task, batch);
      }

      @Override
      public int tasks() {
        return tasks;
      }
    };
    try {
      Batch b;
      while ((b = input.next()) != null) {
        distribution.route(b, sink);
      }
      distribution.finish(sink);
      for (int t = 0; t < tasks; t++) {
        channel.finish(t);
      }
    } catch (LocalTransport.CancellationException e) {
      LOG.debug("producer stopped: exchange closed");
    } catch (Throwable t) {
      failAll(t);
    }
  }

  private void work(Operator task) {
    try {
      Batch b;
      while ((b = task.next()) != null) {
        gather.send(0, b);
      }
      gather.finish(0);
    } catch (LocalTransport.CancellationException e) {
      LOG.debug("task stopped: exchange closed");
    } catch (Throwable t) {
      failAll(t);
    } finally {
      task.close();
    }
  }

  private void failAll(Throwable t) {
    gather.fail(t);
    channels.forEach(c -> c.fail(t));
    distributions.forEach(d -> d.abort(t));
  }

  @Override
  public Batch next() {
    if (threads == null) {
      start();
    }
    return gather.receive(0);
  }

  @Override
  public void close() {
    if (threads != null) {
      gather.close();
      channels.forEach(ExchangeTransport::close);
      distributions.forEach(d -> d.abort(new LocalTransport.CancellationException()));
      threads.shutdownNow();
      // wait for the tasks to close their operators (and release their memory) even when this thread was
      // interrupted, which is how a canceled query often gets here
      boolean interrupted = Thread.interrupted();
      try {
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
          LOG.warn("exchange tasks still running after close");
        }
      } catch (InterruptedException e) {
        interrupted = true;
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
    inputs.forEach(Operator::close);
  }
}
