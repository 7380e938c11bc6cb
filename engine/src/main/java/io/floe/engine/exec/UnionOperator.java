package io.floe.engine.exec;

import java.util.List;

/** UNION ALL: the batches of each input in turn. */
public final class UnionOperator implements Operator {
  private final List<Operator> inputs;
  private int current;

  public UnionOperator(List<Operator> inputs) {
    this.inputs = List.copyOf(inputs);
  }

  @Override
  public Batch next() {
    while (current < inputs.size()) {
      Batch b = inputs.get(current).next();
      if (b != null) {
        return b;
      }
      current++;
    }
    return null;
  }

  @Override
  public void close() {
    inputs.forEach(Operator::close);
  }
}
