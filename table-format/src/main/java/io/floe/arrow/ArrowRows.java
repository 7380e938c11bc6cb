package io.floe.arrow;

import io.floe.data.Record;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Row-wise access to Arrow batches whose schema is {@code ArrowSchemas.toArrow(schema)}. */
public final class ArrowRows {
  private ArrowRows() {
  }

  /** A read-only record of one row, holding internal values; reuse it across rows with {@link ArrowRowView#at}. */
  public static ArrowRowView rowView(VectorSchemaRoot root, Schema schema, int row) {
    return new ArrowRowView(root, schema).at(row);
  }

  /** Every row of a batch, copied out as records (for tests and small results). */
  public static List<Record> toRecords(VectorSchemaRoot root, Schema schema) {
    ArrowRowView view = new ArrowRowView(root, schema);
    List<Record> out = new ArrayList<>(root.getRowCount());
    for (int row = 0; row < root.getRowCount(); row++) {
      io.floe.data.GenericRecord copy = new io.floe.data.GenericRecord(schema.asStruct());
      view.at(row);
      for (int i = 0; i < view.size(); i++) {
        copy.set(i, view.get(i));
      }
      out.add(copy);
    }
    return out;
  }

  /**
   * A new batch, owned by the caller, holding rows {@code rows[0..count)} of {@code root} in that order (rows may
   * repeat). Used to apply an exact row filter.
   */
  public static VectorSchemaRoot select(VectorSchemaRoot root, int[] rows, int count, BufferAllocator allocator) {
    if (count < 0 || count > rows.length) {
      throw new IllegalArgumentException("count " + count + " is outside the " + rows.length + " selected rows");
    }
    VectorSchemaRoot out = VectorSchemaRoot.create(root.getSchema(), allocator);
    try {
      List<FieldVector> from = root.getFieldVectors();
      List<FieldVector> to = out.getFieldVectors();
      for (int c = 0; c < from.size(); c++) {
        VectorGather.gather(from.get(c), to.get(c), rows, count);
      }
      out.setRowCount(count);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** A new batch, owned by the caller, holding these records (internal values of {@code schema.asStruct()}). */
  public static VectorSchemaRoot toRoot(Schema schema, List<? extends Record> records, BufferAllocator allocator) {
    VectorSchemaRoot root = VectorSchemaRoot.create(ArrowSchemas.toArrow(schema), allocator);
    try {
      for (FieldVector vector : root.getFieldVectors()) {
        vector.setInitialCapacity(records.size());
      }
      root.allocateNew();
      append(root, schema, 0, records);
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  /** Writes records into rows {@code firstRow...} of a batch (growing its vectors) and sets its row count. */
  public static void append(VectorSchemaRoot root, Schema schema, int firstRow, List<? extends Record> records) {
    List<NestedField> fields = schema.columns();
    VectorWriters.Writer[] writers = new VectorWriters.Writer[fields.size()];
    for (int i = 0; i < writers.length; i++) {
      writers[i] = VectorWriters.of(fields.get(i).type(), root.getVector(i), fields.get(i).name());
    }
    int row = firstRow;
    for (Record record : records) {
      for (int i = 0; i < writers.length; i++) {
        Object value = record.get(i);
        if (value == null && fields.get(i).required()) {
          throw new IllegalArgumentException("null value in required column '" + fields.get(i).name() + "'");
        }
        writers[i].set(row, value);
      }
      row++;
    }
    root.setRowCount(row);
  }
}
