package io.floe.types;

/** Maps Floe primitive types to Apache Iceberg's, to use Iceberg's classes as a test oracle. */
public final class IcebergTypes {
  private IcebergTypes() {
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
