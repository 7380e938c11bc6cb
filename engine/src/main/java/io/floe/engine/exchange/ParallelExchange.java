package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a fragment on N local workers: each input is hash-repartitioned by its keys into N channels (one producer
 * thread per input), worker i runs the fragment over channel i of every input, and the workers' output is
 * gathered into this operator. Correct for fragments whose result for a key depends only on the rows with that
 * key (grouped aggregation, equi-joins).
 */
public final class ParallelExchange implements Operator {
  private static final Logger LOG = LoggerFactory.getLogger(ParallelExchange.class);

  private final List<Operator> inputs;
  private final List<int[]> keys;
  private final int workers;
  private final Function<List<Operator>, Operator> fragment;
  private final List<LocalTransport> repartitions = new ArrayList<>();
  private LocalTransport gather;
  private ExecutorService threads;

  /**
   * @param inputs the fragment's inputs, each repartitioned by its {@code keys}
   * @param fragment builds worker i's operator from its receivers (one per input, in order)
   */
  public ParallelExchange(List<Operator> inputs, List<int[]> keys, int workers,
      Function<List<Operator>, Operator> fragment) {
    this.inputs = List.copyOf(inputs);
    this.keys = List.copyOf(keys);
    this.workers = workers;
    this.fragment = fragment;
  }

  private void start() {
    threads = Executors.newFixedThreadPool(inputs.size() + workers, r -> {
      Thread t = new Thread(r, "floe-worker");
      t.setDaemon(true);
      return t;
    });
    gather = new LocalTransport(1, workers);
    for (int i = 0; i < inputs.size(); i++) {
      LocalTransport transport = new LocalTransport(workers, 1);
      repartitions.add(transport);
      Operator input = inputs.get(i);
      HashPartitioner partitioner = new HashPartitioner(keys.get(i), workers);
      threads.execute(() -> produce(input, partitioner, transport));
    }
    for (int w = 0; w < workers; w++) {
      List<Operator> receivers = new ArrayList<>();
      for (LocalTransport t : repartitions) {
        receivers.add(new ReceiveOperator(t, w));
      }
      Operator worker = fragment.apply(receivers);
      threads.execute(() -> work(worker));
    }
  }

  private void produce(Operator input, HashPartitioner partitioner, LocalTransport transport) {
    try {
      Batch b;
      while ((b = input.next()) != null) {
        Batch[] parts = partitioner.split(b);
        for (int p = 0; p < parts.length; p++) {
          if (parts[p] != null) {
            transport.send(p, parts[p]);
          }
        }
      }
      for (int p = 0; p < workers; p++) {
        transport.finish(p);
      }
    } catch (LocalTransport.CancellationException e) {
      LOG.debug("producer stopped: exchange closed");
    } catch (Throwable t) {
      failAll(t);
    }
  }

  private void work(Operator worker) {
    try {
      Batch b;
      while ((b = worker.next()) != null) {
        gather.send(0, b);
      }
      gather.finish(0);
    } catch (LocalTransport.CancellationException e) {
      LOG.debug("worker stopped: exchange closed");
    } catch (Throwable t) {
      failAll(t);
    } finally {
      worker.close();
    }
  }

  private void failAll(Throwable t) {
    gather.fail(t);
    repartitions.forEach(r -> r.fail(t));
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
      repartitions.forEach(LocalTransport::close);
      threads.shutdownNow();
      // wait for the workers to close their operators (and release their memory) even when this thread was
      // interrupted, which is how a canceled query often gets here
      boolean interrupted = Thread.interrupted();
      try {
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
          LOG.warn("exchange workers still running after close");
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
