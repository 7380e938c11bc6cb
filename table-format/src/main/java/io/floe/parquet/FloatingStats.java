package io.floe.parquet;

/**
 * Value counts, NaN counts and NaN-free bounds of one float or double column, gathered from the values written:
 * the footer statistics of Parquet cannot tell NaNs apart. Bounds order -0.0 below 0.0, as Iceberg does.
 */
final class FloatingStats {
  private final int fieldId;
  private final boolean isFloat;
  private long valueCount;
  private long nanCount;
  private double lower = Double.POSITIVE_INFINITY;
  private double upper = Double.NEGATIVE_INFINITY;

  FloatingStats(int fieldId, boolean isFloat) {
    this.fieldId = fieldId;
    this.isFloat = isFloat;
  }

  void add(double value) {
    valueCount++;
    if (Double.isNaN(value)) {
      nanCount++;
      return;
    }
    if (Double.compare(value, lower) < 0) {
      lower = value;
    }
    if (Double.compare(value, upper) > 0) {
      upper = value;
    }
  }

  int fieldId() {
    return fieldId;
  }

  /** Non-null values written, NaNs included. */
  long valueCount() {
    return valueCount;
  }

  long nanCount() {
    return nanCount;
  }

  /** The least non-NaN value (a Float or Double), or null when there is none. */
  Object lower() {
    return valueCount > nanCount ? box(lower) : null;
  }

  /** The greatest non-NaN value (a Float or Double), or null when there is none. */
  Object upper() {
    return valueCount > nanCount ? box(upper) : null;
  }

  private Object box(double v) {
    return isFloat ? (Object) (float) v : (Object) v;
  }
}
