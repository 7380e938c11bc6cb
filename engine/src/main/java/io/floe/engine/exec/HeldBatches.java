package io.floe.engine.exec;

import java.util.List;

/**
 * The batches an operator held, then the rest of its input: what an operator that stopped holding rows feeds to
 * one that spills them. Each held batch is dropped as it is returned.
 */
final class HeldBatches implements Operator {
  private final List<Batch> held;
  private final Operator rest;
  private int next;

  HeldBatches(List<Batch> held, Operator rest) {
    this.held = held;
    this.rest = rest;
  }

  @Override
  public Batch next() {
    if (next < held.size()) {
      Batch b = held.get(next);
      held.set(next++, null);
      return b;
    }
    return rest.next();
  }

  @Override
  public void close() {
    held.clear();
    rest.close();
  }
}
