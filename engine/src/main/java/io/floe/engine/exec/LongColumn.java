package io.floe.engine.exec;

import java.math.BigDecimal;

/**
 * A column of 64-bit values: integers (BIGINT, INTEGER, ..., intervals, TIME and TIMESTAMP micros), DATE days,
 * or DECIMAL as unscaled values at {@code scale}.
 */
public final class LongColumn extends NullableColumn {
  /** How the long values read as engine values. */
  public enum Kind {
    /** {@link Long}. */
    INTEGER,
    /** {@link Integer} days since the epoch. */
    DATE,
    /** {@link BigDecimal} unscaled at the column's scale. */
    DECIMAL
  }

  private final long[] values;
  private final Kind kind;
  private final int scale;

  public LongColumn(long[] values, boolean[] nulls, int size, Kind kind, int scale) {
    super(nulls, size);
    this.values = values;
    this.kind = kind;
    this.scale = kind == Kind.DECIMAL ? scale : 0;
  }

  /** The raw values (the array may be longer than {@link #size()}). */
  public long[] values() {
    return values;
  }

  /** Null flags, or null when no row is null. */
  public Kind kind() {
    return kind;
  }

  /** The decimal scale (0 unless DECIMAL). */
  public int scale() {
    return scale;
  }

  /** Whether values of {@code other} are directly comparable with this column's (same kind and scale). */
  public boolean sameKind(LongColumn other) {
    return kind == other.kind && scale == other.scale;
  }

  @Override
  public Object get(int row) {
    if (isNull(row)) {
      return null;
    }
    long v = values[row];
    switch (kind) {
      case DATE:
        return (int) v;
      case DECIMAL:
        return BigDecimal.valueOf(v, scale);
      default:
        return v;
    }
  }

  @Override
  public Column select(int[] rows, int count) {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[rows[i]];
    }
    return new LongColumn(out, Nulls.select(nulls, rows, count), count, kind, scale);
  }

  @Override
  public long memoryBytes() {
    return 16L + 8L * values.length + Nulls.bytes(nulls);
  }
}
