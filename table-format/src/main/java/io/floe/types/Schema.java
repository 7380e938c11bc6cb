package io.floe.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table schema: a struct of fields with ids, plus the schema id and identifier field ids of the spec.
 * Nested fields are found by id or by their dotted name ({@code address.city}, {@code tags.element}).
 */
public final class Schema {
  private final int schemaId;
  private final StructType struct;
  private final Set<Integer> identifierFieldIds;
  private final Map<Integer, NestedField> byId = new HashMap<>();
  private final Map<Integer, String> nameById = new HashMap<>();
  private final Map<String, Integer> idByName = new LinkedHashMap<>();
  private final Map<Integer, Integer> parentById = new HashMap<>();

  public Schema(int schemaId, List<NestedField> columns, Set<Integer> identifierFieldIds) {
    this.schemaId = schemaId;
    this.struct = new StructType(columns);
    this.identifierFieldIds = Set.copyOf(identifierFieldIds);
    index(struct, "", -1);
  }

  public Schema(int schemaId, List<NestedField> columns) {
    this(schemaId, columns, Set.of());
  }

  public Schema(List<NestedField> columns) {
    this(0, columns, Set.of());
  }

  public Schema(NestedField... columns) {
    this(0, List.of(columns), Set.of());
  }

  private void index(Type type, String prefix, int parentId) {
    List<NestedField> children = childFields(type);
    for (NestedField f : children) {
      if (byId.put(f.id(), f) != null) {
        throw new IllegalArgumentException("duplicate field id " + f.id() + " (field '" + prefix + f.name() + "')");
      }
      String name = prefix + f.name();
      nameById.put(f.id(), name);
      idByName.put(name, f.id());
      if (parentId >= 0) {
        parentById.put(f.id(), parentId);
      }
      index(f.type(), name + ".", f.id());
    }
  }

  /** The fields directly inside a nested type: struct fields, a list's element, a map's key and value. */
  public static List<NestedField> childFields(Type type) {
    if (type instanceof StructType s) {
      return s.fields();
    } else if (type instanceof ListType l) {
      return List.of(l.elementField());
    } else if (type instanceof MapType m) {
      return List.of(m.keyField(), m.valueField());
    }
    return List.of();
  }

  public int schemaId() {
    return schemaId;
  }

  public StructType asStruct() {
    return struct;
  }

  public List<NestedField> columns() {
    return struct.fields();
  }

  public Set<Integer> identifierFieldIds() {
    return identifierFieldIds;
  }

  /** The field with this id anywhere in the schema, or null. */
  public NestedField findField(int id) {
    return byId.get(id);
  }

  /** The field with this (dotted) name, or null. Case-sensitive. */
  public NestedField findField(String name) {
    Integer id = idByName.get(name);
    return id == null ? null : byId.get(id);
  }

  /** The field with this (dotted) name, ignoring case, or null. */
  public NestedField findFieldIgnoreCase(String name) {
    NestedField exact = findField(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, Integer> e : idByName.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return byId.get(e.getValue());
      }
    }
    return null;
  }

  /** The field, or an IllegalArgumentException naming the column and the schema's columns. */
  public NestedField requireField(String name) {
    NestedField f = findField(name);
    if (f == null) {
      throw new IllegalArgumentException("unknown column '" + name + "'; the schema has " + idByName.keySet());
    }
    return f;
  }

  /** The full dotted name of a field id, or null. */
  public String findColumnName(int id) {
    return nameById.get(id);
  }

  /** The id of the field that contains this one (struct, list or map), or -1 for a top-level column. */
  public int parentId(int id) {
    return parentById.getOrDefault(id, -1);
  }

  public Map<String, Integer> idsByName() {
    return Collections.unmodifiableMap(idByName);
  }

  public int highestFieldId() {
    return byId.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** A schema with only the named top-level columns (in the order given). */
  public Schema select(List<String> names) {
    List<NestedField> selected = new ArrayList<>();
    for (String n : names) {
      NestedField f = struct.field(n);
      if (f == null) {
        throw new IllegalArgumentException("unknown column '" + n + "'; the schema has " + columnNames());
      }
      selected.add(f);
    }
    return new Schema(schemaId, selected, Set.of());
  }

  public List<String> columnNames() {
    return struct.fields().stream().map(NestedField::name).toList();
  }

  /** True when both have the same columns (ids, names, types), ignoring the schema id. */
  public boolean sameColumns(Schema other) {
    return struct.equals(other.struct) && identifierFieldIds.equals(other.identifierFieldIds);
  }

  public Schema withSchemaId(int newId) {
    return new Schema(newId, struct.fields(), identifierFieldIds);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s && s.schemaId == schemaId && s.sameColumns(this);
  }

  @Override
  public int hashCode() {
    return struct.hashCode() * 31 + schemaId;
  }

  @Override
  public String toString() {
    return "schema " + schemaId + " " + struct;
  }
}
