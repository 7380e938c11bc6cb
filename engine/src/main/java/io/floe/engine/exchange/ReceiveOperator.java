package io.floe.engine.exchange;

import io.floe.engine.exec.Batch;
import io.floe.engine.exec.Operator;

/** The consuming end of one exchange channel, as an operator. */
final class ReceiveOperator implements Operator {
  private final ExchangeTransport transport;
  private final int channel;

  ReceiveOperator(ExchangeTransport transport, int channel) {
    this.transport = transport;
    this.channel = channel;
  }

  @Override
  public Batch next() {
    return transport.receive(channel);
  }

  @Override
  public void close() {
    // The exchange that owns the transport closes it.
  }
}
