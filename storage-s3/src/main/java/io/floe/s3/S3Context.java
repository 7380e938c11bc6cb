package io.floe.s3;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What the files of one {@link S3FileIO} share: its clients, configuration and bounded thread pool. */
final class S3Context implements AutoCloseable {
  final S3Clients clients;
  final S3FileIOProperties props;
  final Backoff backoff;
  /** Part uploads and read-ahead; bounded: a full pool runs the task on the caller's thread. */
  final ExecutorService pool;

  S3Context(S3FileIOProperties props) {
    this.props = props;
    this.backoff = Backoff.from(props);
    this.clients = S3Clients.create(props);
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(0, props.uploadThreads(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "floe-s3-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, (task, executor) -> {
      if (executor.isShutdown()) {
        throw new java.util.concurrent.RejectedExecutionException("the S3FileIO at " + endpoint() + " is closed");
      }
      task.run();
    });
  }

  String endpoint() {
    return props.endpointDescription();
  }

  @Override
  public void close() {
    pool.shutdownNow();
    clients.close();
  }
}
