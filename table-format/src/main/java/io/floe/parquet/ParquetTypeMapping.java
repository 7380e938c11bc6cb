package io.floe.parquet;

import io.floe.types.PrimitiveType;
import io.floe.types.TypeId;
import io.floe.types.Types;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.UUIDLogicalTypeAnnotation;
import org.apache.parquet.schema.Type;

/** What the columns of an existing Parquet file are in Floe terms, and which file types a read type accepts. */
final class ParquetTypeMapping {
  private ParquetTypeMapping() {
  }

  /** The Floe type of a Parquet primitive column, or null when Floe cannot read it. */
  static PrimitiveType floeType(org.apache.parquet.schema.PrimitiveType type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation d) {
      return Types.decimal(d.getPrecision(), d.getScale());
    }
    return switch (type.getPrimitiveTypeName()) {
      case BOOLEAN -> logical == null ? Types.BOOLEAN : null;
      case INT32 -> {
        if (logical == null || (logical instanceof IntLogicalTypeAnnotation i && i.isSigned())) {
          yield Types.INT;
        }
        yield logical instanceof DateLogicalTypeAnnotation ? Types.DATE : null;
      }
      case INT64 -> int64(logical);
      case FLOAT -> logical == null ? Types.FLOAT : null;
      case DOUBLE -> logical == null ? Types.DOUBLE : null;
      case BINARY -> {
        if (logical == null) {
          yield Types.BINARY;
        }
        boolean text = logical instanceof StringLogicalTypeAnnotation || logical instanceof EnumLogicalTypeAnnotation
            || logical instanceof JsonLogicalTypeAnnotation;
        yield text ? Types.STRING : null;
      }
      case FIXED_LEN_BYTE_ARRAY -> {
        if (logical instanceof UUIDLogicalTypeAnnotation && type.getTypeLength() == 16) {
          yield Types.UUID;
        }
        yield logical == null ? Types.fixed(type.getTypeLength()) : null;
      }
      default -> null;
    };
  }

  private static PrimitiveType int64(LogicalTypeAnnotation logical) {
    if (logical == null || (logical instanceof IntLogicalTypeAnnotation i && i.isSigned())) {
      return Types.LONG;
    } else if (logical instanceof TimeLogicalTypeAnnotation t && t.getUnit() == TimeUnit.MICROS) {
      return Types.TIME;
    } else if (logical instanceof TimestampLogicalTypeAnnotation t && t.getUnit() == TimeUnit.MICROS) {
      return t.isAdjustedToUTC() ? Types.TIMESTAMPTZ : Types.TIMESTAMP;
    }
    return null;
  }

  /** Whether values of {@code fileType} can be read as {@code readType}: equal, or a promotion Iceberg allows. */
  static boolean canRead(PrimitiveType fileType, PrimitiveType readType) {
    if (fileType.equals(readType)) {
      return true;
    }
    TypeId from = fileType.typeId();
    TypeId to = readType.typeId();
    if (from == TypeId.INT && to == TypeId.LONG) {
      return true;
    } else if (from == TypeId.FLOAT && to == TypeId.DOUBLE) {
      return true;
    }
    return from == TypeId.DECIMAL && to == TypeId.DECIMAL && fileType.scale() == readType.scale()
        && fileType.precision() <= readType.precision();
  }

  /**
   * The element of a LIST group, following Parquet's backward-compatibility rules: the repeated field itself
   * for 2-level lists (a repeated primitive, a repeated group of several fields, or one named "array" or
   * "&lt;list&gt;_tuple"), else the single field of the repeated group (3-level lists).
   */
  static Type listElement(GroupType list) {
    Type repeated = list.getType(0);
    return isTwoLevel(list) ? repeated : repeated.asGroupType().getType(0);
  }

  static boolean isTwoLevel(GroupType list) {
    Type repeated = list.getType(0);
    if (repeated.isPrimitive()) {
      return true;
    }
    GroupType group = repeated.asGroupType();
    return group.getFieldCount() > 1 || group.getName().equals("array")
        || group.getName().equals(list.getName() + "_tuple");
  }

  static boolean isList(Type type) {
    return !type.isPrimitive() && type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation;
  }

  static boolean isMap(Type type) {
    return !type.isPrimitive() && (type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || type.getLogicalTypeAnnotation() == LogicalTypeAnnotation.MapKeyValueTypeAnnotation.getInstance());
  }
}
