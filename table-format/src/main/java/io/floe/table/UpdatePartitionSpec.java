package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.TableMetadata;
import io.floe.partition.PartitionField;
import io.floe.partition.PartitionSpec;
import io.floe.partition.Transform;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Changes the table's default partition spec as one metadata-only commit (a new metadata version, no snapshot),
 * following Apache Iceberg's rules for format version 2. Data files keep the spec they were written with; new
 * writes use the new spec; scans prune the files of every spec with that file's own spec.
 *
 * <ul>
 *   <li>A new partition field takes the field id of an identical field (same source column and transform) of an
 *       older spec, or else {@code last-partition-id + 1}. Default names are Iceberg's: {@code col} (identity),
 *       {@code col_bucket_N}, {@code col_trunc_W}, {@code col_year}, {@code col_month}, {@code col_day},
 *       {@code col_hour}.</li>
 *   <li>A removed field is dropped from the new spec (v2 semantics; not replaced by a void transform).</li>
 *   <li>The new spec takes the id of an existing spec with the same fields, or the next free spec id, and becomes
 *       the default.</li>
 *   <li>Refused, with an {@link IllegalArgumentException}: unknown columns or partition fields, transforms that do
 *       not apply to the column's type, a field the spec already has, a second time transform (year, month, day,
 *       hour) of the same column, duplicate field names, and names of other columns.</li>
 * </ul>
 *
 * <p>Each call is checked at once; on a lost commit race the change is applied again to the new spec.
 */
public final class UpdatePartitionSpec {
  private final TableOperations ops;
  private final List<Consumer<Changes>> recorded = new ArrayList<>();
  private final Changes pending;
  private boolean committed;

  UpdatePartitionSpec(TableOperations ops) {
    this.ops = ops;
    TableMetadata base = ops.current();
    if (base == null) {
      throw new IllegalStateException("table " + ops.tableName() + " does not exist");
    }
    this.pending = new Changes(base);
  }

  /** Adds an identity partition field of a column. */
  public UpdatePartitionSpec addField(String column) {
    return addField(null, new Transform.Identity(), column);
  }

  /** Adds a partition field {@code transform(column)} with the default name. */
  public UpdatePartitionSpec addField(Transform transform, String column) {
    return addField(null, transform, column);
  }

  /**
   * Adds a partition field {@code transform(column)}, e.g. {@code addField("id_b", new Transform.Bucket(16), "id")}
   * or {@code addField(null, new Transform.Hour(), "ts")}; a null name gives the default name.
   */
  public UpdatePartitionSpec addField(String name, Transform transform, String column) {
    return record(c -> c.add(name, transform, column));
  }

  /** Removes the partition field with this name. */
  public UpdatePartitionSpec removeField(String name) {
    return record(c -> c.remove(name));
  }

  /** Renames a partition field. */
  public UpdatePartitionSpec renameField(String name, String newName) {
    return record(c -> c.rename(name, newName));
  }

  /** The spec this update would commit on the table as it was when the update began (spec id unassigned). */
  public PartitionSpec apply() {
    return new PartitionSpec(-1, pending.schema, pending.apply());
  }

  /**
   * Commits the new spec as the table's default spec (a new metadata version, no snapshot) and returns it. If
   * the spec is the current one again, nothing is written.
   */
  public PartitionSpec commit() {
    if (committed) {
      throw new IllegalStateException("this partition spec update was already committed");
    }
    TableMetadata result = MetadataOnlyCommit.commit(ops, "partition spec change", base -> {
      Changes changes = new Changes(base);
      for (Consumer<Changes> change : recorded) {
        change.accept(changes);
      }
      List<PartitionField> fields = changes.apply();
      if (fields.equals(base.spec().fields())) {
        return base;
      }
      return MetadataChanges.setDefaultSpec(base, fields, changes.lastPartitionId);
    });
    committed = true;
    return result.spec();
  }

  private UpdatePartitionSpec record(Consumer<Changes> change) {
    if (committed) {
      throw new IllegalStateException("this partition spec update was already committed");
    }
    change.accept(pending);
    recorded.add(change);
    return this;
  }

  /** The recorded changes applied to one base spec; each method validates fully before changing any state. */
  private static final class Changes {
    private final TableMetadata base;
    private final PartitionSpec spec;
    private final Schema schema;
    private int lastPartitionId;
    private final List<PartitionField> adds = new ArrayList<>();
    private final Set<Integer> deletes = new LinkedHashSet<>();
    private final Map<String, String> renames = new HashMap<>();

    Changes(TableMetadata base) {
      this.base = base;
      this.spec = base.spec();
      this.schema = base.schema();
      this.lastPartitionId = base.lastPartitionId();
    }

    void add(String name, Transform transform, String column) {
      if (transform == null) {
        throw new IllegalArgumentException("cannot add a partition field of column '" + column + "' without a transform");
      }
      NestedField source = column == null ? null : schema.findField(column);
      if (source == null) {
        throw new IllegalArgumentException("cannot partition by unknown column '" + column + "'; the schema has "
            + schema.idsByName().keySet());
      }
      checkSource(column, source, transform);
      if (name != null && name.isEmpty()) {
        throw new IllegalArgumentException("cannot add partition field " + transform + "(" + column + ") with an empty name");
      }
      PartitionField existing = find(spec.fields(), source.id(), transform);
      if (existing != null && deletes.contains(existing.fieldId())) {
        // removed and added back in the same update: keep the field (renamed if a new name is given)
        deletes.remove(existing.fieldId());
        if (name != null && !name.equals(existing.name())) {
          renames.put(existing.name(), name);
        }
        return;
      }
      if (existing != null) {
        throw new IllegalArgumentException("cannot add partition field " + transform + "(" + column + "): the spec"
            + " already has it as '" + existing.name() + "'");
      }
      if (find(adds, source.id(), transform) != null) {
        throw new IllegalArgumentException("cannot add partition field " + transform + "(" + column + ") twice");
      }
      if (isTime(transform)) {
        List<PartitionField> kept = new ArrayList<>(adds);
        for (PartitionField f : spec.fields()) {
          if (!deletes.contains(f.fieldId())) {
            kept.add(f);
          }
        }
        for (PartitionField f : kept) {
          if (f.sourceId() == source.id() && isTime(f.transform())) {
            throw new IllegalArgumentException("cannot add partition field " + transform + "(" + column + "): it is"
                + " redundant with partition field '" + f.name() + "' (" + f.transform() + " of the same column);"
                + " remove that field first");
          }
        }
      }
      PartitionField field = recycle(source.id(), transform, name);
      if (field == null) {
        String fieldName = name != null ? name : defaultName(schema.findColumnName(source.id()), transform);
        field = new PartitionField(source.id(), lastPartitionId + 1, fieldName, transform);
      }
      checkNameAgainstColumns(field.name(), field);
      for (PartitionField a : adds) {
        if (a.name().equals(field.name())) {
          throw new IllegalArgumentException("cannot add partition field '" + field.name() + "' twice");
        }
      }
      if (field.fieldId() > lastPartitionId) {
        lastPartitionId = field.fieldId();
      }
      adds.add(field);
    }

    void remove(String name) {
      for (PartitionField a : adds) {
        if (a.name().equals(name)) {
          throw new IllegalArgumentException("cannot remove partition field '" + name + "': it is being added by this update");
        }
      }
      if (renames.containsKey(name)) {
        throw new IllegalArgumentException("cannot remove partition field '" + name + "': it is being renamed by this update");
      }
      PartitionField field = byName(name);
      deletes.add(field.fieldId());
    }

    void rename(String name, String newName) {
      for (PartitionField a : adds) {
        if (a.name().equals(name)) {
          throw new IllegalArgumentException("cannot rename partition field '" + name + "': it is being added by this"
              + " update; add it with the name wanted");
        }
      }
      PartitionField field = byName(name);
      if (deletes.contains(field.fieldId())) {
        throw new IllegalArgumentException("cannot rename partition field '" + name + "': it is being removed");
      }
      if (newName == null || newName.isEmpty()) {
        throw new IllegalArgumentException("cannot rename partition field '" + name + "' to an empty name");
      }
      checkNameAgainstColumns(newName, field);
      renames.put(name, newName);
    }

    /** The fields of the new spec: the kept fields (renamed) in their order, then the added ones. */
    List<PartitionField> apply() {
      List<PartitionField> fields = new ArrayList<>();
      for (PartitionField f : spec.fields()) {
        if (!deletes.contains(f.fieldId())) {
          fields.add(new PartitionField(f.sourceId(), f.fieldId(), renames.getOrDefault(f.name(), f.name()), f.transform()));
        }
      }
      fields.addAll(adds);
      Set<String> names = new HashSet<>();
      Set<Integer> ids = new HashSet<>();
      for (PartitionField f : fields) {
        if (!names.add(f.name())) {
          throw new IllegalArgumentException("the change gives two partition fields named '" + f.name() + "'");
        }
        if (!ids.add(f.fieldId())) {
          throw new IllegalStateException("partition field id " + f.fieldId() + " used twice in " + fields);
        }
      }
      return fields;
    }

    private PartitionField byName(String name) {
      for (PartitionField f : spec.fields()) {
        if (f.name().equals(name)) {
          return f;
        }
      }
      throw new IllegalArgumentException("the current partition spec has no field named '" + name + "'; it has "
          + spec.fields().stream().map(PartitionField::name).toList());
    }

    /** An identical field (source and transform, and the name if one is given) of any spec the table has had. */
    private PartitionField recycle(int sourceId, Transform transform, String name) {
      for (PartitionSpec s : base.specs()) {
        for (PartitionField f : s.fields()) {
          if (f.sourceId() == sourceId && f.transform().equals(transform) && (name == null || name.equals(f.name()))) {
            return f;
          }
        }
      }
      return null;
    }

    private static PartitionField find(List<PartitionField> fields, int sourceId, Transform transform) {
      for (PartitionField f : fields) {
        if (f.sourceId() == sourceId && f.transform().equals(transform)) {
          return f;
        }
      }
      return null;
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
      if (!source.type().isPrimitive() || !transform.canTransform(source.type())) {
        throw new IllegalArgumentException("cannot partition by " + transform + " of column '" + column
            + "': the transform does not apply to type " + source.type());
      }
    }

    /** A partition field may not take the name of a column, except an identity field of that very column. */
    private void checkNameAgainstColumns(String name, PartitionField field) {
      NestedField column = schema.findField(name);
      if (column != null && !(field.transform() instanceof Transform.Identity && column.id() == field.sourceId())) {
        throw new IllegalArgumentException("partition field name '" + name + "' is the name of a column; only an"
            + " identity partition of that column may use it");
      }
    }

    private static boolean isTime(Transform t) {
      return t instanceof Transform.Year || t instanceof Transform.Month || t instanceof Transform.Day
          || t instanceof Transform.Hour;
    }

    private static String defaultName(String column, Transform transform) {
      if (transform instanceof Transform.Identity) {
        return column;
      } else if (transform instanceof Transform.Bucket b) {
        return column + "_bucket_" + b.numBuckets();
      } else if (transform instanceof Transform.Truncate t) {
        return column + "_trunc_" + t.width();
      } else if (transform instanceof Transform.Void) {
        return column + "_null";
      }
      return column + "_" + transform;
    }
  }
}
