package io.floe.table;

import io.floe.commit.TableOperations;
import io.floe.metadata.MetadataChanges;
import io.floe.metadata.SortOrder;
import io.floe.metadata.TableMetadata;
import io.floe.partition.PartitionField;
import io.floe.partition.PartitionSpec;
import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Type;
import io.floe.types.TypeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Changes the table schema as one metadata-only commit (a new metadata version, no snapshot), following Apache
 * Iceberg's rules. Columns are named by their full dotted name ({@code address.city}); fields of structs inside
 * lists and maps by way of {@code element} and {@code value} ({@code points.element.x}, {@code attrs.value.y}).
 *
 * <ul>
 *   <li>New columns are optional and get fresh field ids after the table's {@code last-column-id} (nested types
 *       included); old data files simply have no values for them (read as null).</li>
 *   <li>Renames, doc changes, reorders and making a column optional touch metadata only: data files are matched
 *       to columns by field id, never by name or position.</li>
 *   <li>Type changes are the widenings int to long, float to double and decimal(P,S) to decimal(P2,S), P2 &gt; P;
 *       old files are read with the wider type.</li>
 *   <li>Refused, with an {@link IllegalArgumentException} naming the column: required columns, narrowing or other
 *       type changes, duplicate names, unknown columns, dropping a column that a field of the current partition
 *       spec or sort order is built on, dropping an identifier field (unless {@link #setIdentifierFields} drops it
 *       from the identifier fields too), and deleting or renaming list elements and map keys or values.</li>
 * </ul>
 *
 * <p>Each call is checked at once against the schema the update started from; {@link #commit()} applies the
 * whole change. If another commit lands first, the change is applied again, by name, to the new schema (and
 * fails if that commit made it invalid, e.g. dropped a column this one renames).
 */
public final class UpdateSchema {
  private static final int ROOT = -1;

  private final TableOperations ops;
  private final List<Consumer<Changes>> recorded = new ArrayList<>();
  private final Changes pending;
  private boolean committed;

  UpdateSchema(TableOperations ops) {
    this.ops = ops;
    TableMetadata base = ops.current();
    if (base == null) {
      throw new IllegalStateException("table " + ops.tableName() + " does not exist");
    }
    this.pending = new Changes(base);
  }

  /** Adds an optional top-level column (after the others). */
  public UpdateSchema addColumn(String name, Type type) {
    return addColumn(name, type, null);
  }

  /** Adds an optional top-level column with a doc string. */
  public UpdateSchema addColumn(String name, Type type, String doc) {
    return record(c -> c.add(null, name, type, doc));
  }

  /**
   * Adds an optional field to the struct column {@code parent} (a dotted name; for a list of structs or a map with
   * struct values the field goes into the element or value struct). {@code parent} null adds a top-level column.
   */
  public UpdateSchema addColumn(String parent, String name, Type type) {
    return addColumn(parent, name, type, null);
  }

  public UpdateSchema addColumn(String parent, String name, Type type, String doc) {
    return record(c -> c.add(parent, name, type, doc));
  }

  /**
   * Refused: files written before the change have no values for the column, so a required column would make the
   * table unreadable. Add an optional column instead.
   */
  public UpdateSchema addRequiredColumn(String name, Type type) {
    return addRequiredColumn(null, name, type);
  }

  public UpdateSchema addRequiredColumn(String parent, String name, Type type) {
    String full = parent == null ? name : parent + "." + name;
    throw new IllegalArgumentException("cannot add required column '" + full + "': existing data files have no values"
        + " for it (incompatible change); add it as an optional column");
  }

  /** Drops a column (and everything inside it); old files keep their values but they are no longer read. */
  public UpdateSchema deleteColumn(String name) {
    return record(c -> c.delete(name));
  }

  /** Renames a column; {@code newName} is the new last part of the name (the column stays where it is). */
  public UpdateSchema renameColumn(String name, String newName) {
    return record(c -> c.rename(name, newName));
  }

  /** Widens a primitive column: int to long, float to double, decimal(P,S) to decimal(P2,S) with P2 &gt; P. */
  public UpdateSchema updateColumn(String name, PrimitiveType newType) {
    return record(c -> c.updateType(name, newType));
  }

  /** Makes a required column optional (including a list element or map value). */
  public UpdateSchema makeColumnOptional(String name) {
    return record(c -> c.makeOptional(name));
  }

  /** Sets (or, with null, clears) the doc string of a column. */
  public UpdateSchema updateColumnDoc(String name, String doc) {
    return record(c -> c.updateDoc(name, doc));
  }

  /** Moves a column to the first position of its struct. */
  public UpdateSchema moveFirst(String name) {
    return record(c -> c.move(name, Move.Kind.FIRST, null));
  }

  /** Moves a column right before another column of the same struct. */
  public UpdateSchema moveBefore(String name, String beforeName) {
    return record(c -> c.move(name, Move.Kind.BEFORE, beforeName));
  }

  /** Moves a column right after another column of the same struct. */
  public UpdateSchema moveAfter(String name, String afterName) {
    return record(c -> c.move(name, Move.Kind.AFTER, afterName));
  }

  /**
   * Replaces the identifier fields (the row key) by these columns, which may be columns added by this update.
   * Each must be a required primitive column, not float or double, nested only in structs.
   */
  public UpdateSchema setIdentifierFields(String... names) {
    return setIdentifierFields(List.of(names));
  }

  public UpdateSchema setIdentifierFields(List<String> names) {
    List<String> copy = List.copyOf(names);
    return record(c -> c.identifierNames = copy);
  }

  /** The schema this update would commit on the table as it was when the update began (schema id unassigned). */
  public Schema apply() {
    return pending.apply();
  }

  /**
   * Commits the change as a new metadata version (no snapshot) and returns the new current schema. If the change
   * gives the current schema again, nothing is written.
   */
  public Schema commit() {
    if (committed) {
      throw new IllegalStateException("this schema update was already committed");
    }
    TableMetadata result = MetadataOnlyCommit.commit(ops, "schema change", base -> {
      Changes changes = replay(base);
      Schema schema = changes.apply();
      if (schema.sameColumns(base.schema())) {
        return base;
      }
      return MetadataChanges.setCurrentSchema(base, schema, changes.lastColumnId);
    });
    committed = true;
    return result.schema();
  }

  private Changes replay(TableMetadata base) {
    Changes changes = new Changes(base);
    for (Consumer<Changes> change : recorded) {
      change.accept(changes);
    }
    return changes;
  }

  private UpdateSchema record(Consumer<Changes> change) {
    if (committed) {
      throw new IllegalStateException("this schema update was already committed");
    }
    change.accept(pending);
    recorded.add(change);
    return this;
  }

  /** A requested move of a column within its struct. */
  private record Move(int fieldId, Kind kind, int referenceId) {
    enum Kind { FIRST, BEFORE, AFTER }
  }

  /**
   * The recorded changes applied to one base schema. Each method validates its change completely before changing
   * any state, so a refused call leaves the pending changes as they were.
   */
  private static final class Changes {
    private final TableMetadata base;
    private final Schema schema;
    private int lastColumnId;
    private final Set<Integer> deletes = new LinkedHashSet<>();
    private final Map<Integer, NestedField> updates = new HashMap<>();
    private final Map<Integer, List<Integer>> parentToAdded = new HashMap<>();
    private final Map<String, Integer> addedNameToId = new HashMap<>();
    private final Map<Integer, Integer> addedParent = new HashMap<>();
    private final Map<Integer, List<Move>> moves = new HashMap<>();
    private List<String> identifierNames;

    Changes(TableMetadata base) {
      this.base = base;
      this.schema = base.schema();
      this.lastColumnId = base.lastColumnId();
    }

    void add(String parent, String name, Type type, String doc) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("cannot add a column without a name");
      }
      if (type == null) {
        throw new IllegalArgumentException("cannot add column '" + name + "' without a type");
      }
      if (name.contains(".")) {
        throw new IllegalArgumentException("cannot add column '" + name + "': the name contains '.'; to add a field to"
            + " a struct use addColumn(parent, name, type)");
      }
      int parentId = ROOT;
      String fullName = name;
      if (parent != null) {
        NestedField parentField = schema.findField(parent);
        if (parentField == null) {
          throw new IllegalArgumentException("cannot add column '" + parent + "." + name + "': unknown parent column '"
              + parent + "'; the schema has " + schema.idsByName().keySet());
        }
        if (parentField.type() instanceof ListType list) {
          parentField = list.elementField();
        } else if (parentField.type() instanceof MapType map) {
          parentField = map.valueField();
        }
        if (!(parentField.type() instanceof StructType)) {
          throw new IllegalArgumentException("cannot add column '" + parent + "." + name + "': '" + parent + "' is not"
              + " a struct (nor a list or map of structs) but " + schema.findField(parent).type());
        }
        checkNotMapKey(parentField, parent, "add columns to");
        if (deletes.contains(parentField.id())) {
          throw new IllegalArgumentException("cannot add column '" + parent + "." + name + "': its parent '" + parent
              + "' is being deleted");
        }
        parentId = parentField.id();
        fullName = schema.findColumnName(parentId) + "." + name;
      }
      NestedField existing = schema.findField(fullName);
      if (existing != null && !deletes.contains(existing.id())) {
        throw new IllegalArgumentException("cannot add column '" + fullName + "': a column of that name already exists");
      }
      if (addedNameToId.containsKey(fullName)) {
        throw new IllegalArgumentException("cannot add column '" + fullName + "' twice");
      }
      int id = ++lastColumnId;
      NestedField field = new NestedField(id, name, freshIds(type), false, doc);
      updates.put(id, field);
      parentToAdded.computeIfAbsent(parentId, k -> new ArrayList<>()).add(id);
      addedNameToId.put(fullName, id);
      addedParent.put(id, parentId);
    }

    /** The type with new field ids for every nested field, taken after {@code lastColumnId}. */
    private Type freshIds(Type type) {
      if (type instanceof StructType struct) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < struct.fields().size(); i++) {
          ids.add(++lastColumnId);
        }
        List<NestedField> fields = new ArrayList<>();
        for (int i = 0; i < struct.fields().size(); i++) {
          NestedField f = struct.fields().get(i);
          fields.add(new NestedField(ids.get(i), f.name(), freshIds(f.type()), f.required(), f.doc()));
        }
        return new StructType(fields);
      } else if (type instanceof ListType list) {
        int elementId = ++lastColumnId;
        return new ListType(elementId, freshIds(list.elementType()), list.elementRequired());
      } else if (type instanceof MapType map) {
        int keyId = ++lastColumnId;
        int valueId = ++lastColumnId;
        return new MapType(keyId, freshIds(map.keyType()), valueId, freshIds(map.valueType()), map.valueRequired());
      }
      return type;
    }

    void delete(String name) {
      NestedField field = requireExisting(name, "delete");
      checkNotImplicit(field, name, "delete");
      checkNotMapKey(field, name, "delete");
      if (parentToAdded.containsKey(field.id())) {
        throw new IllegalArgumentException("cannot delete column '" + name + "': columns are being added to it");
      }
      if (updates.containsKey(field.id())) {
        throw new IllegalArgumentException("cannot delete column '" + name + "': it is also being changed by this update");
      }
      for (List<Move> list : moves.values()) {
        for (Move m : list) {
          if (m.fieldId() == field.id() || m.referenceId() == field.id()) {
            throw new IllegalArgumentException("cannot delete column '" + name + "': it is also being moved, or"
                + " another column is moved next to it, by this update");
          }
        }
      }
      PartitionSpec spec = base.spec();
      for (PartitionField p : spec.fields()) {
        if (p.sourceId() == field.id() || isAncestor(field.id(), p.sourceId())) {
          throw new IllegalArgumentException("cannot delete column '" + name + "': partition field '" + p.name() + "' ("
              + p.transform() + ") of the current partition spec is built on it; remove that partition field first");
        }
      }
      SortOrder order = sortOrder();
      if (order != null) {
        for (SortOrder.SortField s : order.fields()) {
          if (s.sourceId() == field.id() || isAncestor(field.id(), s.sourceId())) {
            throw new IllegalArgumentException("cannot delete column '" + name + "': the table's sort order sorts by it");
          }
        }
      }
      deletes.add(field.id());
    }

    void rename(String name, String newName) {
      NestedField field = requireExisting(name, "rename");
      checkNotImplicit(field, name, "rename");
      checkNotMapKey(field, name, "rename");
      if (newName == null || newName.isEmpty()) {
        throw new IllegalArgumentException("cannot rename column '" + name + "' to an empty name");
      }
      if (newName.contains(".")) {
        throw new IllegalArgumentException("cannot rename column '" + name + "' to '" + newName + "': the new name is"
            + " the last part of the name only and cannot contain '.'");
      }
      checkNotDeleted(field, name, "rename");
      updates.put(field.id(), withName(current(field), newName));
    }

    void updateType(String name, PrimitiveType newType) {
      NestedField field = requireForUpdate(name, "change the type of");
      checkNotDeleted(field, name, "change the type of");
      if (newType == null) {
        throw new IllegalArgumentException("cannot change the type of column '" + name + "' to null");
      }
      if (!(field.type() instanceof PrimitiveType oldType)) {
        throw new IllegalArgumentException("cannot change the type of column '" + name + "': it is " + field.type()
            + ", not a primitive type");
      }
      checkNotMapKey(field, name, "change the type of");
      if (oldType.equals(newType)) {
        return;
      }
      if (!isPromotionAllowed(oldType, newType)) {
        throw new IllegalArgumentException("cannot change the type of column '" + name + "' from " + oldType + " to "
            + newType + ": only the widenings int to long, float to double and decimal(P,S) to decimal(P2,S) with"
            + " P2 > P are allowed");
      }
      updates.put(field.id(), field.withType(newType));
    }

    void makeOptional(String name) {
      NestedField field = requireForUpdate(name, "make optional");
      checkNotDeleted(field, name, "make optional");
      checkNotMapKey(field, name, "make optional");
      if (!field.required()) {
        return;
      }
      updates.put(field.id(), new NestedField(field.id(), field.name(), field.type(), false, field.doc()));
    }

    void updateDoc(String name, String doc) {
      NestedField field = requireForUpdate(name, "set the doc of");
      checkNotDeleted(field, name, "set the doc of");
      checkNotImplicit(field, name, "set the doc of");
      checkNotMapKey(field, name, "set the doc of");
      if (java.util.Objects.equals(field.doc(), doc)) {
        return;
      }
      updates.put(field.id(), new NestedField(field.id(), field.name(), field.type(), field.required(), doc));
    }

    void move(String name, Move.Kind kind, String referenceName) {
      Integer id = findForMove(name);
      if (id == null) {
        throw new IllegalArgumentException("cannot move unknown column '" + name + "'; the schema has "
            + schema.idsByName().keySet());
      }
      if (deletes.contains(id)) {
        throw new IllegalArgumentException("cannot move column '" + name + "': it is being deleted");
      }
      int parentId = parentOf(id);
      if (parentId != ROOT && !(schema.findField(parentId).type() instanceof StructType)) {
        throw new IllegalArgumentException("cannot move column '" + name + "': it is not a field of a struct");
      }
      int referenceId = -1;
      if (kind != Move.Kind.FIRST) {
        String what = kind == Move.Kind.BEFORE ? "before" : "after";
        Integer ref = findForMove(referenceName);
        if (ref == null) {
          throw new IllegalArgumentException("cannot move column '" + name + "' " + what + " unknown column '"
              + referenceName + "'");
        }
        if (ref.equals(id)) {
          throw new IllegalArgumentException("cannot move column '" + name + "' " + what + " itself");
        }
        if (parentOf(ref) != parentId) {
          throw new IllegalArgumentException("cannot move column '" + name + "' " + what + " '" + referenceName
              + "': they are in different structs");
        }
        if (deletes.contains(ref)) {
          throw new IllegalArgumentException("cannot move column '" + name + "' " + what + " '" + referenceName
              + "': that column is being deleted");
        }
        referenceId = ref;
      }
      moves.computeIfAbsent(parentId, k -> new ArrayList<>()).add(new Move(id, kind, referenceId));
    }

    /** The schema with every change applied (schema id 0; the commit assigns the real one). */
    Schema apply() {
      Set<Integer> identifierIds;
      StructType struct = applyStruct(ROOT, schema.asStruct(), "");
      if (struct.fields().isEmpty()) {
        throw new IllegalArgumentException("cannot delete every column of the table");
      }
      Schema result = new Schema(0, struct.fields());
      if (identifierNames == null) {
        identifierIds = schema.identifierFieldIds();
        for (int id : identifierIds) {
          String name = schema.findColumnName(id);
          for (int f = id; f >= 0; f = schema.parentId(f)) {
            if (deletes.contains(f)) {
              throw new IllegalArgumentException("cannot delete column '" + schema.findColumnName(f) + "': "
                  + (f == id ? "it is" : "it holds") + " identifier field '" + name + "'; also call"
                  + " setIdentifierFields(...) without it");
            }
          }
        }
      } else {
        identifierIds = new LinkedHashSet<>();
        for (String name : identifierNames) {
          NestedField f = result.findField(name);
          if (f == null) {
            throw new IllegalArgumentException("cannot make '" + name + "' an identifier field: no such column after"
                + " the change; the schema has " + result.idsByName().keySet());
          }
          identifierIds.add(f.id());
        }
      }
      for (int id : identifierIds) {
        validateIdentifier(result, id);
      }
      return new Schema(0, struct.fields(), identifierIds);
    }

    private StructType applyStruct(int ownerId, StructType struct, String prefix) {
      List<NestedField> fields = new ArrayList<>();
      for (NestedField f : struct.fields()) {
        if (deletes.contains(f.id())) {
          continue;
        }
        NestedField update = updates.getOrDefault(f.id(), f);
        Type type = applyType(f, update, prefix + f.name());
        fields.add(new NestedField(f.id(), update.name(), type, update.required(), update.doc()));
      }
      for (int added : parentToAdded.getOrDefault(ownerId, List.of())) {
        fields.add(updates.get(added));
      }
      for (Move move : moves.getOrDefault(ownerId, List.of())) {
        NestedField moved = remove(fields, move.fieldId());
        switch (move.kind()) {
          case FIRST -> fields.add(0, moved);
          case BEFORE -> fields.add(indexOf(fields, move.referenceId()), moved);
          case AFTER -> fields.add(indexOf(fields, move.referenceId()) + 1, moved);
          default -> throw new IllegalStateException();
        }
      }
      String where = ownerId == ROOT ? "the table" : "struct '" + prefix.substring(0, prefix.length() - 1) + "'";
      if (fields.isEmpty() && ownerId != ROOT) {
        throw new IllegalArgumentException("cannot delete every field of " + where + "; delete the struct instead");
      }
      Set<String> names = new HashSet<>();
      for (NestedField f : fields) {
        if (!names.add(f.name())) {
          throw new IllegalArgumentException("the change gives " + where + " two columns named '" + prefix + f.name()
              + "'");
        }
      }
      return new StructType(fields);
    }

    /** The new type of a field of the base schema (with nested changes applied). */
    private Type applyType(NestedField original, NestedField update, String name) {
      Type type = original.type();
      if (type instanceof StructType struct) {
        return applyStruct(original.id(), struct, name + ".");
      } else if (type instanceof ListType list) {
        NestedField element = list.elementField();
        NestedField elementUpdate = updates.getOrDefault(element.id(), element);
        Type elementType = applyType(element, elementUpdate, name + ".element");
        return new ListType(list.elementId(), elementType, elementUpdate.required());
      } else if (type instanceof MapType map) {
        NestedField value = map.valueField();
        NestedField valueUpdate = updates.getOrDefault(value.id(), value);
        Type keyType = applyType(map.keyField(), map.keyField(), name + ".key");
        Type valueType = applyType(value, valueUpdate, name + ".value");
        return new MapType(map.keyId(), keyType, map.valueId(), valueType, valueUpdate.required());
      }
      return update.type();
    }

    private static NestedField remove(List<NestedField> fields, int id) {
      int i = indexOf(fields, id);
      return fields.remove(i);
    }

    private static int indexOf(List<NestedField> fields, int id) {
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).id() == id) {
          return i;
        }
      }
      throw new IllegalStateException("field " + id + " is not in the struct");
    }

    /** Iceberg's rules for identifier fields. */
    private static void validateIdentifier(Schema schema, int id) {
      NestedField f = schema.findField(id);
      String name = schema.findColumnName(id);
      String why = null;
      if (!f.type().isPrimitive()) {
        why = "it is not a primitive column";
      } else if (!f.required()) {
        why = "it is optional";
      } else if (f.type().typeId() == TypeId.FLOAT || f.type().typeId() == TypeId.DOUBLE) {
        why = "it is a float or double column";
      } else {
        for (int p = schema.parentId(id); p >= 0; p = schema.parentId(p)) {
          NestedField parent = schema.findField(p);
          if (!(parent.type() instanceof StructType)) {
            why = "it is inside a list or map";
            break;
          } else if (!parent.required()) {
            why = "it is inside the optional struct '" + schema.findColumnName(p) + "'";
            break;
          }
        }
      }
      if (why != null) {
        throw new IllegalArgumentException("column '" + name + "' cannot be an identifier field: " + why);
      }
    }

    private SortOrder sortOrder() {
      for (SortOrder o : base.sortOrders()) {
        if (o.orderId() == base.defaultSortOrderId()) {
          return o;
        }
      }
      return null;
    }

    /** Whether {@code ancestorId} contains {@code id} (at any depth). */
    private boolean isAncestor(int ancestorId, int id) {
      for (int p = schema.parentId(id); p >= 0; p = schema.parentId(p)) {
        if (p == ancestorId) {
          return true;
        }
      }
      return false;
    }

    private int parentOf(int id) {
      Integer added = addedParent.get(id);
      return added != null ? added : schema.parentId(id);
    }

    private NestedField requireExisting(String name, String verb) {
      NestedField field = name == null ? null : schema.findField(name);
      if (field == null) {
        String extra = addedNameToId.containsKey(name) ? " (it is being added by this update)" : "";
        throw new IllegalArgumentException("cannot " + verb + " unknown column '" + name + "'" + extra
            + "; the schema has " + schema.idsByName().keySet());
      }
      return field;
    }

    /** The field with pending changes (existing or added by this update). */
    private NestedField requireForUpdate(String name, String verb) {
      NestedField existing = name == null ? null : schema.findField(name);
      if (existing != null) {
        return current(existing);
      }
      Integer added = name == null ? null : addedNameToId.get(name);
      if (added != null) {
        return updates.get(added);
      }
      throw new IllegalArgumentException("cannot " + verb + " unknown column '" + name + "'; the schema has "
          + schema.idsByName().keySet());
    }

    private Integer findForMove(String name) {
      if (name == null) {
        return null;
      }
      Integer added = addedNameToId.get(name);
      if (added != null) {
        return added;
      }
      NestedField f = schema.findField(name);
      return f == null ? null : f.id();
    }

    private NestedField current(NestedField field) {
      return updates.getOrDefault(field.id(), field);
    }

    private void checkNotDeleted(NestedField field, String name, String verb) {
      if (deletes.contains(field.id())) {
        throw new IllegalArgumentException("cannot " + verb + " column '" + name + "': it is being deleted");
      }
    }

    /** List elements and map keys and values have fixed names and cannot be deleted. */
    private void checkNotImplicit(NestedField field, String name, String verb) {
      int parentId = schema.parentId(field.id());
      if (parentId >= 0 && !(schema.findField(parentId).type() instanceof StructType)) {
        throw new IllegalArgumentException("cannot " + verb + " '" + name + "': it is the element of a list or the key"
            + " or value of a map");
      }
    }

    /** Map keys (and anything inside them) never change. */
    private void checkNotMapKey(NestedField field, String name, String verb) {
      for (int f = field.id(), p = schema.parentId(f); p >= 0; f = p, p = schema.parentId(p)) {
        if (schema.findField(p).type() instanceof MapType map && map.keyId() == f) {
          throw new IllegalArgumentException("cannot " + verb + " '" + name + "': map keys cannot change");
        }
      }
    }

    private static NestedField withName(NestedField f, String name) {
      return new NestedField(f.id(), name, f.type(), f.required(), f.doc());
    }
  }

  /** Iceberg's allowed type promotions (format version 2). */
  static boolean isPromotionAllowed(PrimitiveType from, PrimitiveType to) {
    if (from.equals(to)) {
      return true;
    }
    return switch (from.typeId()) {
      case INT -> to.typeId() == TypeId.LONG;
      case FLOAT -> to.typeId() == TypeId.DOUBLE;
      case DECIMAL -> to.typeId() == TypeId.DECIMAL && to.scale() == from.scale() && to.precision() > from.precision();
      default -> false;
    };
  }
}
