package io.floe.partition;

import io.floe.data.Record;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * How a table's rows map to partitions: a list of {@link PartitionField}s over a schema. Partition field ids
 * start at 1000 as in the spec. Partition tuples are {@link Record}s of {@link #partitionType()}.
 */
public final class PartitionSpec {
  public static final int FIRST_FIELD_ID = 1000;

  private final int specId;
  private final Schema schema;
  private final List<PartitionField> fields;
  private final StructType partitionType;

  public PartitionSpec(int specId, Schema schema, List<PartitionField> fields) {
    this.specId = specId;
    this.schema = schema;
    this.fields = List.copyOf(fields);
    List<NestedField> types = new ArrayList<>();
    for (PartitionField f : this.fields) {
      NestedField source = schema.findField(f.sourceId());
      if (source == null) {
        throw new IllegalArgumentException("partition field '" + f.name() + "' refers to unknown source column id " + f.sourceId());
      }
      types.add(NestedField.optional(f.fieldId(), f.name(), f.transform().resultType(source.type())));
    }
    this.partitionType = new StructType(types);
  }

  public static PartitionSpec unpartitioned(Schema schema) {
    return new PartitionSpec(0, schema, List.of());
  }

  public int specId() {
    return specId;
  }

  public Schema schema() {
    return schema;
  }

  public List<PartitionField> fields() {
    return fields;
  }

  public boolean isUnpartitioned() {
    return fields.stream().allMatch(f -> f.transform() instanceof Transform.Void);
  }

  /** The struct of partition values, one optional field per partition field. */
  public StructType partitionType() {
    return partitionType;
  }

  /** The highest partition field id, or 999 when there is none. */
  public int lastAssignedFieldId() {
    return fields.stream().mapToInt(PartitionField::fieldId).max().orElse(FIRST_FIELD_ID - 1);
  }

  /** The same fields (transforms and sources) regardless of ids and names. */
  public boolean compatibleWith(PartitionSpec other) {
    if (fields.size() != other.fields.size()) {
      return false;
    }
    for (int i = 0; i < fields.size(); i++) {
      PartitionField a = fields.get(i);
      PartitionField b = other.fields.get(i);
      if (a.sourceId() != b.sourceId() || !a.transform().equals(b.transform())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartitionSpec p && p.specId == specId && p.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode() * 31 + specId;
  }

  @Override
  public String toString() {
    return "spec " + specId + " " + fields;
  }
}
