package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;

/**
 * The consuming end of one exchange channel, as an operator; {@code onFirstReceive} (unless null) runs before it first
 * receives, to start the producers of an input started on demand.
 */
final class ReceiveOperator implements Operator {
  private final ExchangeTransport transport;
  private final int channel;
  private Runnable onFirstReceive;

  ReceiveOperator(ExchangeTransport transport, int channel, Runnable onFirstReceive) {
    this.transport = transport;
    this.channel = channel;
    this.onFirstReceive = onFirstReceive;
  }

  @Override
  public Batch next() {
    if (onFirstReceive != null) {
      onFirstReceive.run();
      onFirstReceive = null;
    }
    return transport.receive(channel);
  }

  @Override
  public void close() {
    // The exchange that owns the transport closes it.
  }
}
