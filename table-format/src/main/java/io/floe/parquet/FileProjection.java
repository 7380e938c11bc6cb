package io.floe.parquet;

import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Matches a projected schema to the schema of one Parquet file by field id (by name only when the file has no
 * ids at all), checks that every matched column can be read as the projected type, and prunes the file schema to
 * the projected columns. Top-level primitive columns are planned for direct decoding, nested ones for record
 * assembly, absent ones as all-null.
 */
final class FileProjection {
  /** How one top-level projected column is produced; {@code position} is its index in the projection. */
  sealed interface ColumnPlan permits Missing, Flat, Nested {
    int position();

    NestedField field();
  }

  /** Not in the file: all null. */
  record Missing(int position, NestedField field) implements ColumnPlan {
  }

  /** A top-level primitive column of the file. */
  record Flat(int position, NestedField field, ColumnDescriptor descriptor) implements ColumnPlan {
  }

  /** A struct, list or map column; {@code fileType} is the file's type pruned to the projected fields. */
  record Nested(int position, NestedField field, Type fileType) implements ColumnPlan {
  }

  private final String location;
  private final boolean useIds;
  private final List<ColumnPlan> columns = new ArrayList<>();
  private final List<FooterMetrics.Column> metricColumns = new ArrayList<>();
  private final MessageType requestedSchema;
  private final MessageType nestedSchema;

  private FileProjection(MessageType file, Schema projected, String location) {
    this.location = location;
    this.useIds = hasIds(file);
    List<Type> requested = new ArrayList<>();
    List<Type> nested = new ArrayList<>();
    List<NestedField> projectedColumns = projected.columns();
    for (int pos = 0; pos < projectedColumns.size(); pos++) {
      NestedField field = projectedColumns.get(pos);
      int index = match(file, field);
      if (index < 0) {
        requirePresent(field, null);
        columns.add(new Missing(pos, field));
        continue;
      }
      Type fileType = file.getType(index);
      Type pruned = prune(field, fileType, new String[] {fileType.getName()}, false, false);
      requested.add(pruned);
      if (field.type() instanceof PrimitiveType) {
        columns.add(new Flat(pos, field, file.getColumnDescription(new String[] {fileType.getName()})));
      } else {
        nested.add(pruned);
        columns.add(new Nested(pos, field, pruned));
      }
    }
    this.requestedSchema = new MessageType(file.getName(), requested);
    this.nestedSchema = new MessageType(file.getName(), nested);
  }

  static FileProjection of(MessageType file, Schema projected, String location) {
    return new FileProjection(file, projected, location);
  }

  List<ColumnPlan> columns() {
    return columns;
  }

  /** The file's schema pruned to every projected column that it has. */
  MessageType requestedSchema() {
    return requestedSchema;
  }

  /** The pruned nested columns only (possibly none). */
  MessageType nestedSchema() {
    return nestedSchema;
  }

  /** The projected primitive columns found in the file, for row group statistics. */
  List<FooterMetrics.Column> metricColumns() {
    return metricColumns;
  }

  boolean usesIds() {
    return useIds;
  }

  /** The index of the file field matching a projected field, or -1. */
  static int match(GroupType group, NestedField field, boolean useIds) {
    for (int i = 0; i < group.getFieldCount(); i++) {
      if (matches(group.getType(i), field, useIds)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether a file field is the projected field: same id, or (files without ids) same name. */
  static boolean matches(Type candidate, NestedField field, boolean useIds) {
    if (useIds) {
      return candidate.getId() != null && candidate.getId().intValue() == field.id();
    }
    return candidate.getName().equals(field.name()) || candidate.getName().equals(ParquetSchemas.compatibleName(field.name()));
  }

  private int match(GroupType group, NestedField field) {
    return match(group, field, useIds);
  }

  private void requirePresent(NestedField field, String parent) {
    if (field.required()) {
      throw new IllegalArgumentException("required column '" + (parent == null ? "" : parent + ".") + field.name()
          + "' (id " + field.id() + ") is missing from Parquet file " + location);
    }
  }

  private Type prune(NestedField field, Type fileType, String[] path, boolean repeated, boolean repeatedLeafAllowed) {
    String column = String.join(".", path);
    if (field.type() instanceof PrimitiveType readType) {
      boolean shapeOk = fileType.isPrimitive()
          && (repeatedLeafAllowed || !fileType.isRepetition(Type.Repetition.REPEATED));
      PrimitiveType fileFloeType = shapeOk ? ParquetTypeMapping.floeType(fileType.asPrimitiveType()) : null;
      if (fileFloeType == null || !ParquetTypeMapping.canRead(fileFloeType, readType)) {
        throw incompatible(field, fileType, column);
      }
      metricColumns.add(new FooterMetrics.Column(field.id(), readType, ColumnPath.get(path), repeated));
      return fileType;
    } else if (field.type() instanceof StructType struct) {
      if (fileType.isPrimitive() || ParquetTypeMapping.isList(fileType) || ParquetTypeMapping.isMap(fileType)) {
        throw incompatible(field, fileType, column);
      }
      return pruneStruct(struct, fileType.asGroupType(), path, repeated, column);
    } else if (field.type() instanceof ListType list) {
      if (!ParquetTypeMapping.isList(fileType)) {
        throw incompatible(field, fileType, column);
      }
      GroupType listGroup = fileType.asGroupType();
      Type repeatedType = listGroup.getType(0);
      String[] repeatedPath = append(path, repeatedType.getName());
      if (ParquetTypeMapping.isTwoLevel(listGroup)) {
        Type element = prune(list.elementField(), repeatedType, repeatedPath, true, true);
        return listGroup.withNewFields(element);
      }
      Type elementType = repeatedType.asGroupType().getType(0);
      Type element = prune(list.elementField(), elementType, append(repeatedPath, elementType.getName()), true, false);
      return listGroup.withNewFields(repeatedType.asGroupType().withNewFields(element));
    } else if (field.type() instanceof MapType map) {
      if (!ParquetTypeMapping.isMap(fileType) || fileType.asGroupType().getType(0).isPrimitive()
          || fileType.asGroupType().getType(0).asGroupType().getFieldCount() != 2) {
        throw incompatible(field, fileType, column);
      }
      GroupType keyValue = fileType.asGroupType().getType(0).asGroupType();
      String[] kvPath = append(path, keyValue.getName());
      Type key = prune(map.keyField(), keyValue.getType(0), append(kvPath, keyValue.getType(0).getName()), true, false);
      Type value = prune(map.valueField(), keyValue.getType(1), append(kvPath, keyValue.getType(1).getName()), true, false);
      return fileType.asGroupType().withNewFields(keyValue.withNewFields(key, value));
    }
    throw new UnsupportedOperationException("not supported: reading " + field.type() + " from Parquet");
  }

  /** A struct's projected fields present in the file; a struct with none keeps one leaf to tell null structs. */
  private GroupType pruneStruct(StructType struct, GroupType fileGroup, String[] path, boolean repeated, String column) {
    List<Type> children = new ArrayList<>();
    for (NestedField child : struct.fields()) {
      int index = match(fileGroup, child);
      if (index < 0) {
        requirePresent(child, column);
        continue;
      }
      Type childType = fileGroup.getType(index);
      children.add(prune(child, childType, append(path, childType.getName()), repeated, false));
    }
    if (children.isEmpty()) {
      children.add(firstLeaf(fileGroup.getType(0)));
    }
    return fileGroup.withNewFields(children);
  }

  private static Type firstLeaf(Type type) {
    if (type.isPrimitive()) {
      return type;
    }
    return type.asGroupType().withNewFields(firstLeaf(type.asGroupType().getType(0)));
  }

  private IllegalArgumentException incompatible(NestedField field, Type fileType, String column) {
    String fileDescription = fileType.toString().replaceAll("\\s+", " ").trim();
    return new IllegalArgumentException("column '" + column + "' (id " + field.id() + ") of Parquet file " + location
        + " is " + fileDescription + " and cannot be read as " + field.type());
  }

  private static boolean hasIds(GroupType group) {
    for (Type type : group.getFields()) {
      if (type.getId() != null || (!type.isPrimitive() && hasIds(type.asGroupType()))) {
        return true;
      }
    }
    return false;
  }

  private static String[] append(String[] path, String name) {
    String[] out = Arrays.copyOf(path, path.length + 1);
    out[path.length] = name;
    return out;
  }
}
