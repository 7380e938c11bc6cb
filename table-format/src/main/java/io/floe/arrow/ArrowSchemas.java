package io.floe.arrow;

import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Maps Floe schemas to Arrow schemas: nullability from the field, the field id in each Arrow field's metadata
 * under {@link #FIELD_ID_KEY}, and the Arrow type that holds each Floe type's values without conversion loss.
 */
public final class ArrowSchemas {
  /** Arrow field metadata key holding the Floe/Iceberg field id, as Arrow's Parquet bindings name it. */
  public static final String FIELD_ID_KEY = "PARQUET:field_id";
  /** The zone of timestamptz values. */
  public static final String UTC = "UTC";

  private ArrowSchemas() {
  }

  public static org.apache.arrow.vector.types.pojo.Schema toArrow(Schema schema) {
    List<Field> fields = new ArrayList<>();
    for (NestedField field : schema.columns()) {
      fields.add(toArrow(field));
    }
    return new org.apache.arrow.vector.types.pojo.Schema(fields);
  }

  public static Field toArrow(NestedField field) {
    Map<String, String> metadata = Map.of(FIELD_ID_KEY, Integer.toString(field.id()));
    Type type = field.type();
    boolean nullable = !field.required();
    if (type instanceof StructType s) {
      List<Field> children = new ArrayList<>();
      for (NestedField child : s.fields()) {
        children.add(toArrow(child));
      }
      return new Field(field.name(), new FieldType(nullable, ArrowType.Struct.INSTANCE, null, metadata), children);
    } else if (type instanceof ListType l) {
      return new Field(field.name(), new FieldType(nullable, ArrowType.List.INSTANCE, null, metadata),
          List.of(toArrow(l.elementField())));
    } else if (type instanceof MapType m) {
      Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE),
          List.of(toArrow(m.keyField()), toArrow(m.valueField())));
      return new Field(field.name(), new FieldType(nullable, new ArrowType.Map(false), null, metadata), List.of(entries));
    }
    return new Field(field.name(), new FieldType(nullable, toArrow((PrimitiveType) type), null, metadata), null);
  }

  /** The Arrow type of a primitive type's values. */
  public static ArrowType toArrow(PrimitiveType type) {
    return switch (type.typeId()) {
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
      case INT -> new ArrowType.Int(32, true);
      case LONG -> new ArrowType.Int(64, true);
      case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DECIMAL -> new ArrowType.Decimal(type.precision(), type.scale(), 128);
      case DATE -> new ArrowType.Date(DateUnit.DAY);
      case TIME -> new ArrowType.Time(TimeUnit.MICROSECOND, 64);
      case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
      case TIMESTAMPTZ -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, UTC);
      case STRING -> ArrowType.Utf8.INSTANCE;
      case UUID -> new ArrowType.FixedSizeBinary(16);
      case FIXED -> new ArrowType.FixedSizeBinary(type.length());
      case BINARY -> ArrowType.Binary.INSTANCE;
      default -> throw new UnsupportedOperationException("not supported: Arrow type of " + type);
    };
  }

  /**
   * Checks that {@code batch}'s columns are {@code schema}'s, by position, each of the column's Arrow type (names and
   * metadata are not compared; a timestamptz column takes a timestamp of any zone, a timestamp column one without);
   * fails naming the first column that is not, and {@code target} (e.g. "table db.t").
   */
  public static void requireMatches(Schema schema, VectorSchemaRoot batch, String target) {
    List<NestedField> columns = schema.columns();
    List<Field> fields = batch.getSchema().getFields();
    if (fields.size() != columns.size()) {
      throw new IllegalArgumentException("the batch has " + fields.size() + " columns but " + target + " has "
          + columns.size() + ": " + schema.columnNames());
    }
    for (int c = 0; c < columns.size(); c++) {
      Field expected = toArrow(columns.get(c));
      if (!sameTypes(expected, fields.get(c))) {
        throw new IllegalArgumentException("column " + (c + 1) + " of the batch ('" + fields.get(c).getName() + "', "
            + fields.get(c).getType() + ") does not hold column '" + columns.get(c).name() + "' of " + target + " ("
            + columns.get(c).type() + ", Arrow " + expected.getType() + ")");
      }
    }
  }

  private static boolean sameTypes(Field expected, Field actual) {
    ArrowType want = expected.getType();
    ArrowType have = actual.getType();
    boolean sameType = want instanceof ArrowType.Timestamp w && have instanceof ArrowType.Timestamp h
        ? w.getUnit() == h.getUnit() && (w.getTimezone() == null) == (h.getTimezone() == null)
        : want.equals(have);
    if (!sameType || expected.getChildren().size() != actual.getChildren().size()) {
      return false;
    }
    for (int i = 0; i < expected.getChildren().size(); i++) {
      if (!sameTypes(expected.getChildren().get(i), actual.getChildren().get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The field id stored in an Arrow field's metadata, or -1 when it has none. */
  public static int fieldId(Field field) {
    String id = field.getMetadata().get(FIELD_ID_KEY);
    return id == null ? -1 : Integer.parseInt(id);
  }
}
