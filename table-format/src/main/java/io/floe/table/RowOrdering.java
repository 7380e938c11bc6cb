package io.floe.table;

import io.floe.data.Record;
import io.floe.types.Comparators;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import java.util.Comparator;
import java.util.List;

/**
 * Orders rows by top-level primitive columns, as a sort order with the spec's defaults: ascending puts nulls
 * first, descending puts them last; values compare in the spec's order ({@link Comparators}).
 */
final class RowOrdering {
  /** One sort key: a column and its direction. */
  record SortKey(String column, boolean ascending) {
  }

  private RowOrdering() {
  }

  static Comparator<Record> of(Schema schema, List<SortKey> keys, String tableName) {
    Comparator<Record> ordering = null;
    for (SortKey key : keys) {
      NestedField field = schema.asStruct().field(key.column());
      if (field == null) {
        throw new IllegalArgumentException("cannot sort by unknown column '" + key.column() + "' of table " + tableName
            + "; columns are " + schema.columnNames());
      }
      if (!field.type().isPrimitive()) {
        throw new IllegalArgumentException("cannot sort by column '" + key.column() + "' of table " + tableName
            + ": it is of nested type " + field.type());
      }
      int pos = schema.columns().indexOf(field);
      Comparator<Object> values = Comparators.forType(field.type());
      Comparator<Object> withNulls = key.ascending() ? Comparator.nullsFirst(values) : Comparator.nullsLast(values.reversed());
      Comparator<Record> byKey = (a, b) -> withNulls.compare(a.get(pos), b.get(pos));
      ordering = ordering == null ? byKey : ordering.thenComparing(byKey);
    }
    return ordering;
  }
}
