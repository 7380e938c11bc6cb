package io.floe.types;

/** Maps Floe primitive types to Apache Iceberg's, to use Iceberg's classes as a test oracle. */
public final class IcebergTypes {
  private IcebergTypes() {
  }

  public static org.apache.iceberg.Schema toIceberg(Schema schema) {
    return new org.apache.iceberg.Schema(toIceberg(schema.asStruct()).fields());
  }

  public static org.apache.iceberg.types.Types.StructType toIceberg(StructType struct) {
    return org.apache.iceberg.types.Types.StructType.of(struct.fields().stream().map(IcebergTypes::toIceberg).toList());
  }

  public static org.apache.iceberg.types.Types.NestedField toIceberg(NestedField f) {
    return org.apache.iceberg.types.Types.NestedField.of(f.id(), f.isOptional(), f.name(), toIceberg(f.type()));
  }

  public static org.apache.iceberg.types.Type toIceberg(Type t) {
    if (t instanceof StructType s) {
      return toIceberg(s);
    } else if (t instanceof ListType l) {
      return l.elementRequired()
          ? org.apache.iceberg.types.Types.ListType.ofRequired(l.elementId(), toIceberg(l.elementType()))
          : org.apache.iceberg.types.Types.ListType.ofOptional(l.elementId(), toIceberg(l.elementType()));
    } else if (t instanceof MapType m) {
      return m.valueRequired()
          ? org.apache.iceberg.types.Types.MapType.ofRequired(m.keyId(), m.valueId(), toIceberg(m.keyType()), toIceberg(m.valueType()))
          : org.apache.iceberg.types.Types.MapType.ofOptional(m.keyId(), m.valueId(), toIceberg(m.keyType()), toIceberg(m.valueType()));
    }
    return toIceberg(t.asPrimitive());
  }

  public static org.apache.iceberg.types.Type.PrimitiveType toIceberg(PrimitiveType t) {
    return switch (t.typeId()) {
      case BOOLEAN -> org.apache.iceberg.types.Types.BooleanType.get();
      case INT -> org.apache.iceberg.types.Types.IntegerType.get();
      case LONG -> org.apache.iceberg.types.Types.LongType.get();
      case FLOAT -> org.apache.iceberg.types.Types.FloatType.get();
      case DOUBLE -> org.apache.iceberg.types.Types.DoubleType.get();
      case DECIMAL -> org.apache.iceberg.types.Types.DecimalType.of(t.precision(), t.scale());
      case DATE -> org.apache.iceberg.types.Types.DateType.get();
      case TIME -> org.apache.iceberg.types.Types.TimeType.get();
      case TIMESTAMP -> org.apache.iceberg.types.Types.TimestampType.withoutZone();
      case TIMESTAMPTZ -> org.apache.iceberg.types.Types.TimestampType.withZone();
      case STRING -> org.apache.iceberg.types.Types.StringType.get();
      case UUID -> org.apache.iceberg.types.Types.UUIDType.get();
      case FIXED -> org.apache.iceberg.types.Types.FixedType.ofLength(t.length());
      case BINARY -> org.apache.iceberg.types.Types.BinaryType.get();
      case STRUCT, LIST, MAP -> throw new IllegalArgumentException("not primitive: " + t);
    };
  }
}
