package io.floe.engine.dml;

import io.floe.arrow.ArrowSchemas;
import io.floe.engine.exec.ArrowColumnWriter;
import io.floe.engine.exec.Batch;
import io.floe.engine.exec.BoolColumn;
import io.floe.engine.exec.BytesColumn;
import io.floe.engine.exec.Column;
import io.floe.engine.exec.DoubleColumn;
import io.floe.engine.exec.LongColumn;
import io.floe.table.TableWriter;
import io.floe.types.Decimals;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A batch of the engine's typed columns (one per table column, in order) as an Arrow batch of the table's types,
 * copied column by column ({@link ArrowColumnWriter}), for {@link io.floe.table.TableWriter#write(VectorSchemaRoot)}.
 * Only where the copy gives what {@link RowConverter} gives row by row: the same kind of value (integers, dates,
 * decimals, doubles, strings, booleans), integers within an int column's range, decimals within the column's
 * precision after rounding to its scale, and no null in a required column. Any other batch is left to
 * {@link RowConverter}, which casts each value and raises the SQL errors.
 */
final class TypedTableBatch {
  private TypedTableBatch() {
  }

  /**
   * Writes {@code batch} (one column per table column) with {@code writer}: copied into Arrow vectors where it can
   * be, else row by row through {@code converter}.
   */
  static void write(Batch batch, TableWriter writer, RowConverter converter, BufferAllocator allocator) {
    try (VectorSchemaRoot typed = of(batch, writer.schema(), allocator)) {
      if (typed != null) {
        writer.write(typed);
        return;
      }
    }
    for (int r = 0; r < batch.size(); r++) {
      writer.write(converter.toRecord(batch, r));
    }
  }

  /** The batch as Arrow vectors of {@code schema}'s types (the caller closes it), or null if it needs casting. */
  static VectorSchemaRoot of(Batch batch, Schema schema, BufferAllocator allocator) {
    List<NestedField> fields = schema.columns();
    for (int c = 0; c < fields.size(); c++) {
      if (!copies(batch.column(c), fields.get(c))) {
        return null;
      }
    }
    VectorSchemaRoot root = VectorSchemaRoot.create(ArrowSchemas.toArrow(schema), allocator);
    try {
      for (int c = 0; c < fields.size(); c++) {
        if (!ArrowColumnWriter.write(batch.column(c), root.getVector(c), batch.size())
            || root.getVector(c) instanceof DecimalVector d && !fitsPrecision(d, batch.size())) {
          root.close();
          return null;
        }
      }
      root.setRowCount(batch.size());
      return root;
    } catch (RuntimeException | Error e) {
      root.close();
      throw e;
    }
  }

  /** Whether copying {@code column} into {@code field}'s vector gives what casting each value gives. */
  private static boolean copies(Column column, NestedField field) {
    if (!(field.type() instanceof PrimitiveType type) || field.required() && hasNull(column)) {
      return false;
    }
    return switch (type.typeId()) {
      case INT -> column instanceof LongColumn l && l.kind() == LongColumn.Kind.INTEGER && fitsInt(l);
      case LONG, TIME, TIMESTAMP, TIMESTAMPTZ -> column instanceof LongColumn l && l.kind() == LongColumn.Kind.INTEGER;
      case DATE -> column instanceof LongColumn l && l.kind() == LongColumn.Kind.DATE;
      case DECIMAL -> column instanceof LongColumn l && l.kind() != LongColumn.Kind.DATE;
      case FLOAT, DOUBLE -> column instanceof DoubleColumn;
      case STRING, BINARY -> column instanceof BytesColumn;
      case BOOLEAN -> column instanceof BoolColumn;
      default -> false;
    };
  }

  private static boolean hasNull(Column column) {
    for (int i = 0; i < column.size(); i++) {
      if (column.isNull(i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean fitsInt(LongColumn column) {
    long[] values = column.values();
    boolean[] nulls = column.nulls();
    for (int i = 0; i < column.size(); i++) {
      if ((nulls == null || !nulls[i]) && (int) values[i] != values[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether every value (rounded to the vector's scale) has at most the vector's precision in digits. */
  private static boolean fitsPrecision(DecimalVector vector, int rows) {
    if (vector.getPrecision() > Decimals.MAX_LONG_POWER_OF_TEN) {
      return true; // the copied values are longs, of at most 19 digits
    }
    long limit = Decimals.longPowerOfTen(vector.getPrecision());
    ArrowBuf data = vector.getDataBuffer();
    for (int i = 0; i < rows; i++) {
      long unscaled = data.getLong(16L * i);
      if (!vector.isNull(i) && (unscaled <= -limit || unscaled >= limit)) {
        return false;
      }
    }
    return true;
  }
}
