package io.floe.arrow;

import io.floe.data.Record;
import io.floe.data.AbstractRecord;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.StructType;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A {@link Record} reading one row of a {@link VectorSchemaRoot}: {@link #get(int)} returns the internal value of
 * column {@code pos} (nested values materialized as Records, Lists and Maps). Move it along the batch with
 * {@link #at(int)} to avoid creating a view per row. Read-only; valid while the root is open and unchanged.
 */
public final class ArrowRowView extends AbstractRecord {
  private final StructType struct;
  private final VectorAccessors.Accessor[] columns;
  private int row;

  ArrowRowView(VectorSchemaRoot root, Schema schema) {
    List<NestedField> fields = schema.columns();
    if (root.getFieldVectors().size() != fields.size()) {
      throw new IllegalArgumentException("the batch has " + root.getFieldVectors().size() + " columns but the schema has "
          + fields.size() + ": " + schema.columnNames());
    }
    this.struct = schema.asStruct();
    this.columns = new VectorAccessors.Accessor[fields.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = VectorAccessors.of(fields.get(i).type(), root.getVector(i));
    }
  }

  /** Points this view at another row of the same batch; returns this. */
  public ArrowRowView at(int newRow) {
    this.row = newRow;
    return this;
  }

  public int row() {
    return row;
  }

  @Override
  public StructType struct() {
    return struct;
  }

  @Override
  public int size() {
    return columns.length;
  }

  @Override
  public Object get(int pos) {
    return columns[pos].get(row);
  }

  @Override
  public void set(int pos, Object value) {
    throw new UnsupportedOperationException("not supported: setting a value of a read-only Arrow row view");
  }
}
