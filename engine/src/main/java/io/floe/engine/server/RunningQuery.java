package io.floe.engine.server;

import io.floe.engine.QueryResult;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A planned query of a client session, from the {@code FlightInfo} that announced it to the end of its stream.
 * It is either pending (not yet streamed), streaming, or cancelled; cancelling a streaming query stops it at its
 * next batch.
 */
final class RunningQuery {
  private static final int PENDING = 0;
  private static final int STREAMING = 1;
  private static final int CANCELLED = 2;

  private final String id = UUID.randomUUID().toString();
  private final QueryResult result;
  private final AtomicInteger state = new AtomicInteger(PENDING);
  private volatile boolean cancelRequested;

  RunningQuery(QueryResult result) {
    this.result = result;
  }

  String id() {
    return id;
  }

  QueryResult result() {
    return result;
  }

  /** Moves a pending query to streaming; false when it was cancelled or is streamed already. */
  boolean claim() {
    return state.compareAndSet(PENDING, STREAMING);
  }

  /**
   * Requests cancellation. Returns true when the query was still pending, so the caller closes its result; a
   * streaming query sees {@link #cancelRequested()} at its next batch.
   */
  boolean cancel() {
    cancelRequested = true;
    return state.compareAndSet(PENDING, CANCELLED);
  }

  boolean cancelRequested() {
    return cancelRequested;
  }
}
