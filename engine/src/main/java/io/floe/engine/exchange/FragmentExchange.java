package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan fragment as N tasks: each input is produced by one thread, or by the tasks of a leaf fragment (one
 * thread each), and spread over the tasks by a {@link Distribution} per producer (hash repartition, broadcast,
 * round-robin, salted), task i runs the fragment over its receivers, and the tasks' output is gathered into this
 * operator. A leaf fragment ({@link #leaf}) has no inputs: task i reads its own share of a table scan. Batches move through an
 * {@link ExchangeTransport} per input, so the fragments do not depend on where the transport runs.
 */
public final class FragmentExchange implements Operator {
  private static final Logger LOG = LoggerFactory.getLogger(FragmentExchange.class);

  private final List<Input> inputs;
  /** Producers and distributions of the inputs started so far (an on-demand input starts from a task's thread). */
  private final List<Operator> producers = new CopyOnWriteArrayList<>();
  private final List<Distribution> distributions = new CopyOnWriteArrayList<>();
  private boolean[] started;
  private volatile boolean closed;
  private final int tasks;
  private final TaskFactory fragment;
  private final ExchangeStats stats;
  private final boolean ordered;
  private final List<ExchangeTransport> channels = new ArrayList<>();
  private ExchangeTransport gather;
  private TaskThreads threads;
  /** Of an {@link #inline} exchange: task i's operator once built, and how many tasks are not closed yet. */
  private Operator[] inlineTasks;
  private int inlineOpen;

  /**
   * @param inputs the fragment's inputs, each spread by its distribution
   * @param fragment builds task i's operator from its receivers (one per input, in order)
   */
  public FragmentExchange(List<Operator> inputs, List<Distribution> distributions, int tasks,
      Function<List<Operator>, Operator> fragment, ExchangeStats stats) {
    this(singleProducers(inputs, distributions), tasks, fragment, stats);
  }

  /**
   * @param inputs the fragment's inputs, each from one or more producers
   * @param fragment builds task i's operator from its receivers (one per input, in order)
   */
  public FragmentExchange(List<Input> inputs, int tasks, Function<List<Operator>, Operator> fragment,
      ExchangeStats stats) {
    this(inputs, tasks, (task, receivers) -> fragment.apply(receivers), stats, false);
  }

  private FragmentExchange(List<Input> inputs, int tasks, TaskFactory fragment, ExchangeStats stats,
      boolean ordered) {
    this.inputs = List.copyOf(inputs);
    this.tasks = tasks;
    this.fragment = fragment;
    this.stats = stats;
    this.ordered = ordered;
  }

  /**
   * Like {@link #FragmentExchange(List, int, Function, ExchangeStats)} (or {@link #leaf} when {@code inputs} is
   * empty), but each task's output stays a stream of its own, read through {@link #taskOutputs()} (for a merging
   * gather); {@link #next()} is not used.
   */
  public static FragmentExchange ordered(List<Input> inputs, int tasks,
      IntFunction<Function<List<Operator>, Operator>> fragment, ExchangeStats stats) {
    return new FragmentExchange(inputs, tasks, (task, receivers) -> fragment.apply(task).apply(receivers), stats,
        true);
  }

  /** The output of each task of an {@link #ordered} exchange, in task order; closing them does nothing. */
  public List<Operator> taskOutputs() {
    List<Operator> outputs = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      int task = t;
      outputs.add(new Operator() {
        @Override
        public Batch next() {
          if (threads == null) {
            start();
          }
          return gather.receive(task);
        }

        @Override
        public void close() {
        }
      });
    }
    return outputs;
  }

  /**
   * One input of a fragment: {@code producers} operators, each run by its own thread and spreading its rows over the
   * fragment's tasks by its own distribution ({@code producer} and {@code distribution} give those of producer p);
   * or, {@code forwarded}, one producer per task whose rows task i reads from producer i itself (see
   * {@link #forwarded}).
   */
  public record Input(int producers, IntFunction<Operator> producer, IntFunction<Distribution> distribution,
      boolean onDemand, boolean forwarded) {
    /** An input whose producers start with the fragment. */
    public Input(int producers, IntFunction<Operator> producer, IntFunction<Distribution> distribution) {
      this(producers, producer, distribution, false, false);
    }

    /**
     * An input of one producer per task, each read by its task directly, in the task's thread, from the task's first
     * read on (so like {@link #startedOnDemand}): a broadcast join's probe side whose rows may go to any task, made by
     * a leaf's tasks, needs no exchange to spread them.
     */
    public static Input forwarded(int tasks, IntFunction<Operator> producer) {
      return new Input(tasks, producer, null, true, true);
    }

    /** An input produced by one operator. */
    public static Input of(Operator operator, Distribution distribution) {
      return new Input(1, p -> operator, p -> distribution);
    }

    /**
     * This input with its producers started only when a task first reads it: a join's probe side, read once the
     * task has built its table, whose producers then filter by the table's keys from their first row.
     */
    public Input startedOnDemand() {
      return new Input(producers, producer, distribution, true, forwarded);
    }
  }

  private static List<Input> singleProducers(List<Operator> inputs, List<Distribution> distributions) {
    if (inputs.size() != distributions.size()) {
      throw new IllegalArgumentException("one distribution per input: " + inputs.size() + " inputs, "
          + distributions.size() + " distributions");
    }
    List<Input> result = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      result.add(Input.of(inputs.get(i), distributions.get(i)));
    }
    return result;
  }

  /** Builds task {@code task}'s operator from its receivers (one per input, in order). */
  @FunctionalInterface
  private interface TaskFactory {
    Operator build(int task, List<Operator> receivers);
  }

  /** A fragment without inputs whose task i runs {@code task.apply(i)} (e.g. a share of a table scan). */
  public static FragmentExchange leaf(int tasks, IntFunction<Operator> task) {
    return new FragmentExchange(List.of(), tasks, (t, receivers) -> task.apply(t), null, false);
  }

  /**
   * A fragment whose N tasks are run by whoever reads them, not by threads of the exchange: {@link #task}(i) is task
   * i's operator, to be read by one consumer thread each (the producers of the next exchange, or a gather), so the
   * operators above the fragment continue in the same task without a gather and a split. The inputs' producers start
   * when a task is first read; the exchange closes when all its tasks are closed. {@link #next()} is not used.
   */
  public static FragmentExchange inline(List<Input> inputs, int tasks, Function<List<Operator>, Operator> fragment,
      ExchangeStats stats) {
    FragmentExchange exchange = new FragmentExchange(inputs, tasks, (task, receivers) -> fragment.apply(receivers),
        stats, false);
    exchange.inlineTasks = new Operator[tasks];
    exchange.inlineOpen = tasks;
    return exchange;
  }

  /** Task {@code task}'s operator of an {@link #inline} exchange; each task is read by one thread. */
  public Operator task(int task) {
    return new Operator() {
      private Operator built;

      @Override
      public Batch next() {
        if (built == null) {
          built = buildInlineTask(task);
        }
        return built.next();
      }

      @Override
      public void close() {
        closeInlineTask(task);
      }
    };
  }

  private synchronized Operator buildInlineTask(int task) {
    if (closed) {
      throw new LocalTransport.CancellationException();
    }
    if (threads == null) {
      startInputs();
    }
    inlineTasks[task] = fragment.build(task, receivers(task));
    return inlineTasks[task];
  }

  /** Task {@code task}'s receivers, one per input (an input started on demand starts at its first read). */
  private List<Operator> receivers(int task) {
    List<Operator> receivers = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      int input = i;
      receivers.add(inputs.get(i).forwarded() ? new ForwardedReceiver(inputs.get(i).producer(), task, stats)
          : new ReceiveOperator(channels.get(i), task, inputs.get(i).onDemand() ? () -> startInput(input) : null));
    }
    return receivers;
  }

  /** Closes task {@code task}'s operator (once); the last task closed closes the exchange (its producers). */
  private void closeInlineTask(int task) {
    Operator built;
    boolean last;
    synchronized (this) {
      built = inlineTasks[task];
      if (built == CLOSED_TASK) {
        return;
      }
      inlineTasks[task] = CLOSED_TASK;
      last = --inlineOpen == 0;
    }
    try {
      if (built != null) {
        built.close();
      }
    } finally {
      if (last) {
        close();
      }
    }
  }

  private static final Operator CLOSED_TASK = new Operator() {
    @Override
    public Batch next() {
      throw new IllegalStateException("task closed");
    }

    @Override
    public void close() {
    }
  };

  /** The rows each task received over the exchange's inputs; null for a leaf fragment. */
  public ExchangeStats stats() {
    return stats;
  }

  private void start() {
    startInputs();
    gather = ordered ? new LocalTransport(tasks, 1) : new LocalTransport(1, tasks);
    for (int t = 0; t < tasks; t++) {
      Operator task = fragment.build(t, receivers(t));
      int channel = ordered ? t : 0;
      // a task dropped by a close before it started is closed all the same (as the work would have)
      threads.execute(() -> work(task, channel), task::close);
    }
  }

  /** Creates the inputs' channels and starts the producers of those not started on demand. */
  private void startInputs() {
    threads = new TaskThreads();
    started = new boolean[inputs.size()];
    for (Input input : inputs) {
      // a forwarded input has no channel: its tasks read their producers
      channels.add(input.forwarded() ? null : new LocalTransport(tasks, input.producers()));
    }
    for (int i = 0; i < inputs.size(); i++) {
      if (!inputs.get(i).onDemand()) {
        startInput(i);
      }
    }
  }

  /** Starts the producers of input {@code i}, once (not after the exchange was closed). */
  private synchronized void startInput(int i) {
    if (started[i] || closed || inputs.get(i).forwarded()) {
      return;
    }
    started[i] = true;
    Input input = inputs.get(i);
    ExchangeTransport channel = channels.get(i);
    for (int p = 0; p < input.producers(); p++) {
      Operator producer = input.producer().apply(p);
      Distribution distribution = input.distribution().apply(p);
      producers.add(producer);
      distributions.add(distribution);
      threads.execute(() -> produce(producer, distribution, channel));
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

  private void work(Operator task, int channel) {
    try {
      Batch b;
      while ((b = task.next()) != null) {
        gather.send(channel, b);
      }
      gather.finish(channel);
    } catch (LocalTransport.CancellationException e) {
      LOG.debug("task stopped: exchange closed");
    } catch (Throwable t) {
      failAll(t);
    } finally {
      task.close();
    }
  }

  private void failAll(Throwable t) {
    if (gather != null) {
      gather.fail(t);
    }
    channels.stream().filter(c -> c != null).forEach(c -> c.fail(t));
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
    synchronized (this) {
      closed = true;
    }
    if (threads != null) {
      if (gather != null) {
        gather.close();
      }
      channels.stream().filter(c -> c != null).forEach(ExchangeTransport::close);
      distributions.forEach(d -> d.abort(new LocalTransport.CancellationException()));
      threads.shutdownNow();
      // wait for the tasks to close their operators (and release their memory) even when this thread is
      // interrupted, which is how a canceled query often gets here: the producers are closed below
      if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("exchange tasks still running after close");
      }
    }
    List<Input> neverStarted = new ArrayList<>();
    synchronized (this) {
      for (int i = 0; i < inputs.size(); i++) {
        if ((started == null || !started[i]) && !inputs.get(i).forwarded()) {
          neverStarted.add(inputs.get(i));
        }
      }
    }
    // never started: close the inputs' producers all the same (built now if they are a leaf's tasks), so what they
    // would have closed once read is closed: an inline join's tasks close its exchange, and so its own inputs
    for (Input input : neverStarted) {
      for (int p = 0; p < input.producers(); p++) {
        input.producer().apply(p).close();
      }
    }
    producers.forEach(Operator::close);
  }
}
