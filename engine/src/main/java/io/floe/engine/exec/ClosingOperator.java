package io.floe.engine.exec;

import java.util.List;

/**
 * The rows of {@code input}, a plan's root; closing it also closes the {@link SharedResult}s its operators read (a
 * use that was never closed, such as a probe side that never started, would otherwise keep their rows).
 */
public final class ClosingOperator implements Operator {
  private final Operator input;
  private final List<SharedResult> resources;

  public ClosingOperator(Operator input, List<SharedResult> resources) {
    this.input = input;
    this.resources = resources;
  }

  @Override
  public Batch next() {
    return input.next();
  }

  @Override
  public void close() {
    try {
      input.close();
    } finally {
      for (SharedResult resource : resources) {
        resource.close();
      }
    }
  }
}
