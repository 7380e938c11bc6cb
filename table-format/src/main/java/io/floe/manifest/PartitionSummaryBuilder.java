package io.floe.manifest;

import io.floe.data.Record;
import io.floe.types.Comparators;
import io.floe.types.NestedField;
import io.floe.types.SingleValueSerialization;
import io.floe.types.StructType;
import io.floe.types.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects, over the partition tuples of a manifest's entries, each partition field's {@link FieldSummary}: bounds
 * in the spec's order ({@link Comparators}; uuids as unsigned big-endian bytes, which Iceberg 1.12 does not follow)
 * and single-value serialized, NaNs left out of the bounds but reported.
 */
final class PartitionSummaryBuilder {
  private final List<NestedField> fields;
  private final boolean[] containsNull;
  private final boolean[] containsNan;
  private final Object[] min;
  private final Object[] max;
  private final Comparator<Object>[] order;

  @SuppressWarnings("unchecked")
  PartitionSummaryBuilder(StructType partitionType) {
    this.fields = partitionType.fields();
    int n = fields.size();
    this.order = new Comparator[n];
    for (int i = 0; i < n; i++) {
      order[i] = Comparators.forType(fields.get(i).type());
    }
    this.containsNull = new boolean[n];
    this.containsNan = new boolean[n];
    this.min = new Object[n];
    this.max = new Object[n];
  }

  void update(Record partition) {
    for (int i = 0; i < fields.size(); i++) {
      Object value = partition.get(i);
      if (value == null) {
        containsNull[i] = true;
      } else if (isNan(value)) {
        containsNan[i] = true;
      } else {
        Comparator<Object> cmp = order[i];
        if (min[i] == null || cmp.compare(value, min[i]) < 0) {
          min[i] = value;
        }
        if (max[i] == null || cmp.compare(value, max[i]) > 0) {
          max[i] = value;
        }
      }
    }
  }

  List<FieldSummary> summaries() {
    List<FieldSummary> result = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Type type = fields.get(i).type();
      result.add(new FieldSummary(containsNull[i], containsNan[i],
          min[i] == null ? null : SingleValueSerialization.toBytes(type, min[i]),
          max[i] == null ? null : SingleValueSerialization.toBytes(type, max[i])));
    }
    return result;
  }

  private static boolean isNan(Object value) {
    return (value instanceof Float f && f.isNaN()) || (value instanceof Double d && d.isNaN());
  }
}
