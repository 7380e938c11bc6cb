package io.floe.manifest;

import io.floe.data.Record;
import io.floe.types.NestedField;
import io.floe.types.StructType;
import io.floe.types.Type;
import io.floe.types.TypeId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Collects, over the partition tuples of a manifest's entries, each partition field's {@link FieldSummary}. */
final class PartitionSummaryBuilder {
  private final List<NestedField> fields;
  private final boolean[] containsNull;
  private final boolean[] containsNan;
  private final Object[] min;
  private final Object[] max;

  PartitionSummaryBuilder(StructType partitionType) {
    this.fields = partitionType.fields();
    int n = fields.size();
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
        Comparator<Object> cmp = comparator(fields.get(i).type());
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
          min[i] == null ? null : PartitionSingleValueEncoder.encode(type, min[i]),
          max[i] == null ? null : PartitionSingleValueEncoder.encode(type, max[i])));
    }
    return result;
  }

  private static boolean isNan(Object value) {
    return (value instanceof Float f && f.isNaN()) || (value instanceof Double d && d.isNaN());
  }

  /**
   * Orders internal values of a partition type: strings by code point, fixed and binary as unsigned bytes, and
   * everything else (uuids included) by its natural order. UUIDs thus order as {@link UUID#compareTo} (signed
   * halves), as Iceberg 1.12 orders them for bounds and filters (apache/iceberg#14216 discusses RFC 4122 order).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Object> comparator(Type type) {
    TypeId id = type.typeId();
    if (id == TypeId.STRING) {
      return (a, b) -> compareCodePoints(a.toString(), b.toString());
    } else if (id == TypeId.FIXED || id == TypeId.BINARY) {
      return (a, b) -> Arrays.compareUnsigned(PartitionValues.bytes((ByteBuffer) a), PartitionValues.bytes((ByteBuffer) b));
    }
    return (a, b) -> ((Comparable) a).compareTo(b);
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
