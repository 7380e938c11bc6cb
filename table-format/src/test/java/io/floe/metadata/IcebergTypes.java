package io.floe.metadata;

import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Type;
import io.floe.types.Types;
import java.util.ArrayList;
import java.util.List;

/** Test-only conversion of Floe types to Apache Iceberg's and back, to compare with Iceberg as the oracle. */
public final class IcebergTypes {
  private IcebergTypes() {
  }

  public static org.apache.iceberg.Schema toIceberg(Schema schema) {
    return new org.apache.iceberg.Schema(schema.schemaId(), toIceberg(schema.asStruct()).asStructType().fields(),
        schema.identifierFieldIds());
  }

  public static org.apache.iceberg.types.Type toIceberg(Type type) {
    if (type instanceof StructType s) {
      List<org.apache.iceberg.types.Types.NestedField> fields = new ArrayList<>();
      for (NestedField f : s.fields()) {
        fields.add(org.apache.iceberg.types.Types.NestedField.of(f.id(), f.isOptional(), f.name(),
            toIceberg(f.type()), f.doc()));
      }
      return org.apache.iceberg.types.Types.StructType.of(fields);
    } else if (type instanceof ListType l) {
      return l.elementRequired()
          ? org.apache.iceberg.types.Types.ListType.ofRequired(l.elementId(), toIceberg(l.elementType()))
          : org.apache.iceberg.types.Types.ListType.ofOptional(l.elementId(), toIceberg(l.elementType()));
    } else if (type instanceof MapType m) {
      return m.valueRequired()
          ? org.apache.iceberg.types.Types.MapType.ofRequired(m.keyId(), m.valueId(), toIceberg(m.keyType()), toIceberg(m.valueType()))
          : org.apache.iceberg.types.Types.MapType.ofOptional(m.keyId(), m.valueId(), toIceberg(m.keyType()), toIceberg(m.valueType()));
    }
    PrimitiveType p = (PrimitiveType) type;
    return switch (p.typeId()) {
      case BOOLEAN -> org.apache.iceberg.types.Types.BooleanType.get();
      case INT -> org.apache.iceberg.types.Types.IntegerType.get();
      case LONG -> org.apache.iceberg.types.Types.LongType.get();
      case FLOAT -> org.apache.iceberg.types.Types.FloatType.get();
      case DOUBLE -> org.apache.iceberg.types.Types.DoubleType.get();
      case DECIMAL -> org.apache.iceberg.types.Types.DecimalType.of(p.precision(), p.scale());
      case DATE -> org.apache.iceberg.types.Types.DateType.get();
      case TIME -> org.apache.iceberg.types.Types.TimeType.get();
      case TIMESTAMP -> org.apache.iceberg.types.Types.TimestampType.withoutZone();
      case TIMESTAMPTZ -> org.apache.iceberg.types.Types.TimestampType.withZone();
      case STRING -> org.apache.iceberg.types.Types.StringType.get();
      case UUID -> org.apache.iceberg.types.Types.UUIDType.get();
      case FIXED -> org.apache.iceberg.types.Types.FixedType.ofLength(p.length());
      case BINARY -> org.apache.iceberg.types.Types.BinaryType.get();
      default -> throw new IllegalArgumentException("not a primitive: " + p);
    };
  }

  public static Schema fromIceberg(org.apache.iceberg.Schema schema) {
    return new Schema(schema.schemaId(), ((StructType) fromIceberg(schema.asStruct())).fields(),
        schema.identifierFieldIds());
  }

  public static Type fromIceberg(org.apache.iceberg.types.Type type) {
    switch (type.typeId()) {
      case STRUCT: {
        List<NestedField> fields = new ArrayList<>();
        for (org.apache.iceberg.types.Types.NestedField f : type.asStructType().fields()) {
          fields.add(new NestedField(f.fieldId(), f.name(), fromIceberg(f.type()), f.isRequired(), f.doc()));
        }
        return new StructType(fields);
      }
      case LIST: {
        org.apache.iceberg.types.Types.ListType l = type.asListType();
        return new ListType(l.elementId(), fromIceberg(l.elementType()), l.isElementRequired());
      }
      case MAP: {
        org.apache.iceberg.types.Types.MapType m = type.asMapType();
        return new MapType(m.keyId(), fromIceberg(m.keyType()), m.valueId(), fromIceberg(m.valueType()),
            m.isValueRequired());
      }
      case DECIMAL: {
        org.apache.iceberg.types.Types.DecimalType d = (org.apache.iceberg.types.Types.DecimalType) type;
        return Types.decimal(d.precision(), d.scale());
      }
      case FIXED:
        return Types.fixed(((org.apache.iceberg.types.Types.FixedType) type).length());
      case TIMESTAMP:
        return ((org.apache.iceberg.types.Types.TimestampType) type).shouldAdjustToUTC() ? Types.TIMESTAMPTZ : Types.TIMESTAMP;
      case INTEGER:
        return Types.INT;
      default:
        return PrimitiveType.parse(type.toString());
    }
  }
}
