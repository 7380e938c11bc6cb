package io.floe.engine.tpch;

import io.floe.arrow.ArrowSchemas;
import io.floe.types.Schema;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Generated rows of a TPC-H table gathered into an Arrow batch of its Floe schema ({@link TpchTables#schema}),
 * value by value into typed vectors, for {@link io.floe.table.TableWriter#write(VectorSchemaRoot)}: identifiers as
 * BIGINT, integers as INTEGER, dates as days, money rounded HALF_UP to cents, text as UTF-8.
 */
final class TpchBatch<E extends TpchEntity> implements AutoCloseable {
  /** Rows per batch. */
  static final int ROWS = 4096;

  private final List<TpchColumn<E>> columns;
  private final VectorSchemaRoot root;
  private int rows;

  TpchBatch(TpchTable<E> table, Schema schema, BufferAllocator allocator) {
    this.columns = table.getColumns();
    this.root = VectorSchemaRoot.create(ArrowSchemas.toArrow(schema), allocator);
    clear();
  }

  /** Adds the row of {@code entity}; returns whether the batch is now full. */
  boolean add(E entity) {
    for (int c = 0; c < columns.size(); c++) {
      TpchColumn<E> column = columns.get(c);
      FieldVector vector = root.getVector(c);
      switch (column.getType().getBase()) {
        case IDENTIFIER -> ((BigIntVector) vector).set(rows, column.getIdentifier(entity));
        case INTEGER -> ((IntVector) vector).set(rows, column.getInteger(entity));
        case DATE -> ((DateDayVector) vector).set(rows, column.getDate(entity));
        case DOUBLE -> ((DecimalVector) vector).set(rows, BigDecimal.valueOf(column.getDouble(entity))
            .setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact());
        default -> ((VarCharVector) vector).setSafe(rows, column.getString(entity).getBytes(StandardCharsets.UTF_8));
      }
    }
    return ++rows == ROWS;
  }

  /** Rows added since the last {@link #clear()}. */
  int size() {
    return rows;
  }

  /** The batch of the rows added (valid until {@link #clear()}). */
  VectorSchemaRoot batch() {
    root.setRowCount(rows);
    return root;
  }

  /** Empties the batch for the next rows. */
  void clear() {
    root.clear();
    for (FieldVector vector : root.getFieldVectors()) {
      vector.setInitialCapacity(ROWS);
    }
    root.allocateNew();
    rows = 0;
  }

  @Override
  public void close() {
    root.close();
  }
}
