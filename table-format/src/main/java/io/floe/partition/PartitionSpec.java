package io.floe.partition;

import io.floe.data.Record;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a table's rows map to partitions: a list of {@link PartitionField}s over a schema. Partition field ids
 * start at 1000 as in the spec. Partition tuples are {@link Record}s of {@link #partitionType()}.
 * Build one with {@link #builderFor(Schema)}, e.g. {@code builderFor(schema).day("ts").bucket("id", 16).build()}.
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

  /** A builder of a spec over {@code schema}, with spec id 0 and field ids from 1000. */
  public static Builder builderFor(Schema schema) {
    return new Builder(schema);
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

  /** The partition fields whose source is the column with this field id, in spec order. */
  public List<PartitionField> fieldsBySourceId(int sourceId) {
    return fields.stream().filter(f -> f.sourceId() == sourceId).toList();
  }

  /**
   * The partition's directory path as Iceberg writes it, e.g. {@code ts_day=2017-11-16/id_bucket=3}: names and
   * human-readable values URL-encoded, null values as {@code null}.
   */
  public String partitionPath(Record partition) {
    if (partition.size() != fields.size()) {
      throw new IllegalArgumentException("a partition of " + this + " has " + fields.size() + " values, not " + partition.size());
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      PartitionField f = fields.get(i);
      Type sourceType = schema.findField(f.sourceId()).type();
      if (i > 0) {
        sb.append('/');
      }
      sb.append(URLEncoder.encode(f.name(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(f.transform().toHumanString(sourceType, partition.get(i)), StandardCharsets.UTF_8));
    }
    return sb.toString();
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

  /**
   * Builds a {@link PartitionSpec}, checking each field: the source column exists and is a primitive reachable
   * through structs only (not inside a list or map), the transform applies to its type, names are unique and
   * do not clash with other columns, and no column is partitioned twice by the same transform or by two time
   * transforms (year/month/day/hour). Default names are Iceberg's: {@code col}, {@code col_bucket},
   * {@code col_trunc}, {@code col_year}, {@code col_month}, {@code col_day}, {@code col_hour}, {@code col_null}.
   */
  public static final class Builder {
    private final Schema schema;
    private final List<PartitionField> fields = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, PartitionField> dedup = new HashMap<>();
    private int specId = 0;
    private int lastFieldId = FIRST_FIELD_ID - 1;

    private Builder(Schema schema) {
      this.schema = schema;
    }

    public Builder withSpecId(int newSpecId) {
      this.specId = newSpecId;
      return this;
    }

    public Builder identity(String column) {
      return identity(column, column);
    }

    public Builder identity(String column, String name) {
      return add(column, name, new Transform.Identity());
    }

    public Builder bucket(String column, int numBuckets) {
      return bucket(column, numBuckets, column + "_bucket");
    }

    public Builder bucket(String column, int numBuckets, String name) {
      return add(column, name, new Transform.Bucket(numBuckets));
    }

    public Builder truncate(String column, int width) {
      return truncate(column, width, column + "_trunc");
    }

    public Builder truncate(String column, int width, String name) {
      return add(column, name, new Transform.Truncate(width));
    }

    public Builder year(String column) {
      return year(column, column + "_year");
    }

    public Builder year(String column, String name) {
      return add(column, name, new Transform.Year());
    }

    public Builder month(String column) {
      return month(column, column + "_month");
    }

    public Builder month(String column, String name) {
      return add(column, name, new Transform.Month());
    }

    public Builder day(String column) {
      return day(column, column + "_day");
    }

    public Builder day(String column, String name) {
      return add(column, name, new Transform.Day());
    }

    public Builder hour(String column) {
      return hour(column, column + "_hour");
    }

    public Builder hour(String column, String name) {
      return add(column, name, new Transform.Hour());
    }

    public Builder alwaysNull(String column) {
      return alwaysNull(column, column + "_null");
    }

    public Builder alwaysNull(String column, String name) {
      return add(column, name, new Transform.Void());
    }

    /** Adds a field by source column name, with the next free field id, checking everything listed above. */
    public Builder add(String column, String name, Transform transform) {
      NestedField source = schema.findField(column);
      if (source == null) {
        throw new IllegalArgumentException("cannot partition by unknown column '" + column + "'; the schema has "
            + schema.idsByName().keySet());
      }
      checkNotColumnName(name, source, transform);
      String key = source.id() + ":" + dedupName(transform);
      PartitionField existing = dedup.get(key);
      if (existing != null && !(transform instanceof Transform.Void)) {
        throw new IllegalArgumentException("cannot add redundant partition field '" + name + "' (" + transform + " of '"
            + column + "'): it conflicts with '" + existing.name() + "' (" + existing.transform() + ")");
      }
      return add(source.id(), lastFieldId + 1, name, transform);
    }

    /**
     * Adds a field with an explicit partition field id, as read from table metadata. Checks the source column and
     * transform and that names and ids are unique, but not the clashes with column names or redundant transforms
     * that only matter when a spec is first created (columns added later may share a partition field's name).
     */
    public Builder add(int sourceId, int fieldId, String name, Transform transform) {
      NestedField source = schema.findField(sourceId);
      if (source == null) {
        throw new IllegalArgumentException("partition field '" + name + "' refers to unknown source column id " + sourceId);
      }
      checkSource(schema.findColumnName(sourceId), source, transform);
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("a partition field of column '" + schema.findColumnName(sourceId) + "' needs a name");
      }
      if (names.contains(name)) {
        throw new IllegalArgumentException("duplicate partition field name '" + name + "'");
      }
      for (PartitionField f : fields) {
        if (f.fieldId() == fieldId) {
          throw new IllegalArgumentException("partition field '" + name + "' reuses field id " + fieldId + " of '" + f.name() + "'");
        }
      }
      PartitionField field = new PartitionField(sourceId, fieldId, name, transform);
      dedup.putIfAbsent(sourceId + ":" + dedupName(transform), field);
      names.add(name);
      fields.add(field);
      lastFieldId = Math.max(lastFieldId, fieldId);
      return this;
    }

    public PartitionSpec build() {
      return new PartitionSpec(specId, schema, fields);
    }

    private void checkSource(String column, NestedField source, Transform transform) {
      for (int parent = schema.parentId(source.id()); parent >= 0; parent = schema.parentId(parent)) {
        if (!(schema.findField(parent).type() instanceof StructType)) {
          throw new IllegalArgumentException("cannot partition by column '" + column + "': it is inside a list or map");
        }
      }
      if (transform instanceof Transform.Void) {
        return;
      }
      if (!source.type().isPrimitive()) {
        throw new IllegalArgumentException("cannot partition by " + transform + " of column '" + column
            + "': its type " + source.type() + " is not primitive");
      }
      if (!transform.canTransform(source.type())) {
        throw new IllegalArgumentException("cannot partition by " + transform + " of column '" + column
            + "': the transform does not apply to type " + source.type());
      }
    }

    private void checkNotColumnName(String name, NestedField source, Transform transform) {
      NestedField sameName = name == null ? null : schema.findField(name);
      if (sameName != null) {
        boolean identityOfItself = transform instanceof Transform.Identity && sameName.id() == source.id();
        if (!identityOfItself) {
          throw new IllegalArgumentException("partition field name '" + name + "' is the name of a column; only an"
              + " identity partition of that column may use it");
        }
      }
    }

    private static String dedupName(Transform transform) {
      boolean time = transform instanceof Transform.Year || transform instanceof Transform.Month
          || transform instanceof Transform.Day || transform instanceof Transform.Hour;
      return time ? "time" : transform.toString();
    }
  }
}
