package io.floe.engine.exec;

/** The part typed columns share: a row count and null flags (null when no row is null). */
abstract class NullableColumn implements Column {
  final boolean[] nulls;
  final int size;

  NullableColumn(boolean[] nulls, int size) {
    this.nulls = nulls;
    this.size = size;
  }

  /** Null flags, or null when no row is null. */
  public final boolean[] nulls() {
    return nulls;
  }

  @Override
  public final int size() {
    return size;
  }

  @Override
  public final boolean isNull(int row) {
    return nulls != null && nulls[row];
  }
}
