package io.floe.engine.expr;

import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.Columns;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The typed result column of CASE and COALESCE, filled a row subset at a time: each part (a branch evaluated on
 * the rows that reached it) is cast to the result type and its rows written to their positions. Rows no part
 * wrote are NULL. A part that no kernel can cast makes the result boxed (counted by {@link BoxedFallback}).
 */
final class ColumnScatter {
  private final RelDataType type;
  private final Representation representation;
  private final int size;
  private final boolean[] nulls;
  private long[] longs;
  private double[] doubles;
  private boolean[] bools;
  private BytesBuilder bytes;
  private Object[] boxed;
  private final String operator;

  /** {@code representation} is {@code Representation.of(type)}, worked out once when the expression is compiled. */
  ColumnScatter(RelDataType type, Representation representation, int size, String operator) {
    this.type = type;
    this.representation = representation;
    this.size = size;
    this.operator = operator;
    this.nulls = new boolean[size];
    java.util.Arrays.fill(nulls, true);
    switch (representation.storage()) {
      case LONG:
        longs = new long[size];
        break;
      case DOUBLE:
        doubles = new double[size];
        break;
      case BOOL:
        bools = new boolean[size];
        break;
      case TEXT:
      case BINARY:
        bytes = new BytesBuilder(size, size * 8);
        break;
      default:
        boxed = new Object[size];
        break;
    }
  }

  /**
   * Writes row {@code partRows[k]} (or k when null) of {@code part} (of SQL type {@code partType}) to row
   * {@code targets[k]}, for k below {@code count}.
   */
  void put(Column part, RelDataType partType, int[] partRows, int[] targets, int count) {
    if (!representation.holds(part) && allNull(part, partRows, count)) {
      return; // an untyped NULL (its rows stay NULL)
    }
    Column typed = representation.holds(part) ? part : CastKernels.cast(part, partType, type);
    if (typed == null || !representation.holds(typed)) {
      toBoxed();
      for (int k = 0; k < count; k++) {
        boxed[targets[k]] = part.get(partRows == null ? k : partRows[k]);
      }
      return;
    }
    if (boxed != null) {
      for (int k = 0; k < count; k++) {
        boxed[targets[k]] = typed.get(partRows == null ? k : partRows[k]);
      }
      return;
    }
    for (int k = 0; k < count; k++) {
      int from = partRows == null ? k : partRows[k];
      int to = targets[k];
      if (typed.isNull(from)) {
        continue;
      }
      nulls[to] = false;
      switch (representation.storage()) {
        case LONG:
          longs[to] = ((LongColumn) typed).values()[from];
          break;
        case DOUBLE:
          doubles[to] = ((DoubleColumn) typed).values()[from];
          break;
        case BOOL:
          bools[to] = ((BoolColumn) typed).values()[from];
          break;
        default: {
          BytesColumn b = (BytesColumn) typed;
          bytes.set(to, b.data(), b.start(from), b.length(from));
          break;
        }
      }
    }
  }

  private static boolean allNull(Column part, int[] partRows, int count) {
    for (int k = 0; k < count; k++) {
      if (!part.isNull(partRows == null ? k : partRows[k])) {
        return false;
      }
    }
    return true;
  }

  private void toBoxed() {
    if (boxed != null) {
      return;
    }
    BoxedFallback.record(operator);
    Column sofar = build();
    boxed = new Object[size];
    for (int i = 0; i < size; i++) {
      boxed[i] = sofar.get(i);
    }
  }

  Column build() {
    if (boxed != null) {
      return Columns.pack(boxed);
    }
    boolean any = false;
    for (boolean n : nulls) {
      if (n) {
        any = true;
        break;
      }
    }
    boolean[] n = any ? nulls : null;
    switch (representation.storage()) {
      case LONG:
        return new LongColumn(longs, n, size, representation.kind(), representation.scale());
      case DOUBLE:
        return new DoubleColumn(doubles, n, size);
      case BOOL:
        return new BoolColumn(bools, n, size);
      default: {
        for (int i = 0; i < size; i++) {
          if (nulls[i]) {
            bytes.setNull(i);
          }
        }
        return bytes.build(representation.storage() == Representation.Storage.TEXT);
      }
    }
  }
}
