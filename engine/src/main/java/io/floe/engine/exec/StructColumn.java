package io.floe.engine.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * A column of ROW values kept as one typed column per field, as the scan reads them, and the ROWs' null flags: a
 * field is its column as it is ({@link #field}), so {@code s.f} costs no boxing; {@link #get} makes a ROW's value,
 * the list of its fields' values, where something needs it whole.
 */
public final class StructColumn extends NullableColumn {
  private final Column[] fields;

  public StructColumn(Column[] fields, boolean[] nulls, int size) {
    super(nulls, size);
    this.fields = fields;
  }

  /** Field {@code f} of every row: NULL where the ROW is NULL. */
  public Column field(int f) {
    Column column = fields[f];
    if (nulls == null) {
      return column;
    }
    Object[] masked = null;
    for (int r = 0; r < size; r++) {
      if (nulls[r] && !column.isNull(r)) {
        masked = masked == null ? column.toArray() : masked;
        masked[r] = null;
      }
    }
    return masked == null ? column : Columns.pack(masked);
  }

  @Override
  public Object get(int row) {
    if (isNull(row)) {
      return null;
    }
    List<Object> values = new ArrayList<>(fields.length);
    for (Column field : fields) {
      values.add(field.get(row));
    }
    return values;
  }

  @Override
  public Column select(int[] rows, int count) {
    Column[] out = new Column[fields.length];
    for (int f = 0; f < fields.length; f++) {
      out[f] = fields[f].select(rows, count);
    }
    return new StructColumn(out, Nulls.select(nulls, rows, count), count);
  }

  @Override
  public long memoryBytes() {
    long bytes = 16L + Nulls.bytes(nulls);
    for (Column field : fields) {
      bytes += field.memoryBytes();
    }
    return bytes;
  }
}
