package io.floe.engine.exec;

/** A pull-based physical operator producing batches; {@link #next()} returns null when exhausted. */
public interface Operator extends AutoCloseable {
  /** The next non-empty batch, or null at the end. */
  Batch next();

  /** Releases resources, including the inputs'. */
  @Override
  void close();
}
