package io.floe.engine.server;

import io.floe.engine.QueryResult;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Streams a query's batches to a Flight client as the engine computes them, waiting while the client is slow
 * (backpressure) and stopping at the next batch when the client or a {@code CancelFlightInfo} cancels the query.
 * Batches move to the stream without copying.
 */
final class ResultStreamer {
  /** How long to wait at most for a slow client before looking at cancellation again. */
  private static final long WAIT_MILLIS = 1000;

  private ResultStreamer() {
  }

  /** Streams {@code query}'s result to {@code listener}; the caller closes the result afterwards. */
  static void stream(RunningQuery query, ServerStreamListener listener, BufferAllocator allocator) {
    QueryResult result = query.result();
    BackpressureStrategy backpressure = new BackpressureStrategy.CallbackBackpressureStrategy();
    backpressure.register(listener);
    VectorSchemaRoot streamRoot = null;
    try {
      streamRoot = result.nextBatch();
      if (streamRoot == null) {
        streamRoot = VectorSchemaRoot.create(result.schema(), allocator);
        listener.start(streamRoot);
        listener.completed();
        return;
      }
      listener.start(streamRoot);
      VectorLoader loader = new VectorLoader(streamRoot);
      while (true) {
        if (!awaitClient(query, listener, backpressure)) {
          return;
        }
        listener.putNext();
        VectorSchemaRoot next = result.nextBatch();
        if (next == null) {
          break;
        }
        try (next; ArrowRecordBatch moved = new VectorUnloader(next).getRecordBatch()) {
          loader.load(moved);
        }
      }
      listener.completed();
    } catch (Exception e) {
      listener.error(FlightErrors.of(e));
    } finally {
      if (streamRoot != null) {
        streamRoot.close();
      }
    }
  }

  /** Waits until the client takes more; false (after ending the stream) when the query was cancelled. */
  private static boolean awaitClient(RunningQuery query, ServerStreamListener listener,
      BackpressureStrategy backpressure) {
    while (true) {
      if (query.cancelRequested()) {
        listener.error(CallStatus.CANCELLED.withDescription("query cancelled").toRuntimeException());
        return false;
      }
      if (listener.isCancelled()) {
        return false;
      }
      BackpressureStrategy.WaitResult ready = backpressure.waitForListener(WAIT_MILLIS);
      if (ready == BackpressureStrategy.WaitResult.READY) {
        return true;
      }
      if (ready == BackpressureStrategy.WaitResult.CANCELLED) {
        return false;
      }
    }
  }
}
