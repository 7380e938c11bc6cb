package io.floe.engine.exec;

/** Skips {@code offset} rows, then passes at most {@code fetch} rows (-1: all) and stops reading. */
public final class LimitOperator implements Operator {
  private final Operator input;
  private long toSkip;
  private long remaining;

  public LimitOperator(Operator input, long offset, long fetch) {
    this.input = input;
    this.toSkip = offset;
    this.remaining = fetch < 0 ? Long.MAX_VALUE : fetch;
  }

  @Override
  public Batch next() {
    while (remaining > 0) {
      Batch b = input.next();
      if (b == null) {
        return null;
      }
      int from = (int) Math.min(toSkip, b.size());
      toSkip -= from;
      int count = (int) Math.min(remaining, b.size() - from);
      if (count <= 0) {
        continue;
      }
      remaining -= count;
      if (from == 0 && count == b.size()) {
        return b;
      }
      int[] rows = new int[count];
      for (int i = 0; i < count; i++) {
        rows[i] = from + i;
      }
      return b.select(rows, count);
    }
    return null;
  }

  @Override
  public void close() {
    input.close();
  }
}
