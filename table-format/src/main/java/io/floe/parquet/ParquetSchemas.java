package io.floe.parquet;

import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Type;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Maps Floe schemas to Parquet schemas the way Apache Iceberg writes them: every field carries its field id,
 * lists use the 3-level {@code LIST} layout with an "element" field, maps the {@code MAP} layout with a repeated
 * "key_value" group, and names that are not valid Avro names are sanitized as Iceberg does.
 */
public final class ParquetSchemas {
  /** The name of the root message, as Iceberg writes it. */
  public static final String MESSAGE_NAME = "table";
  static final int DECIMAL_INT32_MAX_DIGITS = 9;
  static final int DECIMAL_INT64_MAX_DIGITS = 18;

  private ParquetSchemas() {
  }

  /** The Parquet schema of data files of this schema. */
  public static MessageType toMessageType(Schema schema) {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    for (NestedField field : schema.columns()) {
      builder.addField(field(field));
    }
    return builder.named(MESSAGE_NAME);
  }

  static org.apache.parquet.schema.Type field(NestedField field) {
    Repetition repetition = field.required() ? Repetition.REQUIRED : Repetition.OPTIONAL;
    String name = compatibleName(field.name());
    Type type = field.type();
    if (type instanceof PrimitiveType p) {
      return primitive(p, repetition, field.id(), name);
    } else if (type instanceof StructType s) {
      Types.GroupBuilder<GroupType> group = Types.buildGroup(repetition);
      for (NestedField child : s.fields()) {
        group.addField(field(child));
      }
      return group.id(field.id()).named(name);
    } else if (type instanceof ListType l) {
      return Types.list(repetition).element(field(l.elementField())).id(field.id()).named(name);
    } else if (type instanceof MapType m) {
      return Types.map(repetition).key(field(m.keyField())).value(field(m.valueField())).id(field.id()).named(name);
    }
    throw new UnsupportedOperationException("not supported: Parquet type for " + type);
  }

  private static org.apache.parquet.schema.Type primitive(PrimitiveType type, Repetition repetition, int id, String name) {
    return switch (type.typeId()) {
      case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).id(id).named(name);
      case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).id(id).named(name);
      case LONG -> Types.primitive(PrimitiveTypeName.INT64, repetition).id(id).named(name);
      case FLOAT -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).id(id).named(name);
      case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).id(id).named(name);
      case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.dateType()).id(id).named(name);
      case TIME -> Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS)).id(id).named(name);
      case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS)).id(id).named(name);
      case TIMESTAMPTZ -> Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).id(id).named(name);
      case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
          .as(LogicalTypeAnnotation.stringType()).id(id).named(name);
      case BINARY -> Types.primitive(PrimitiveTypeName.BINARY, repetition).id(id).named(name);
      case UUID -> Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition).length(16)
          .as(LogicalTypeAnnotation.uuidType()).id(id).named(name);
      case FIXED -> Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition).length(type.length())
          .id(id).named(name);
      case DECIMAL -> decimal(type, repetition, id, name);
      default -> throw new UnsupportedOperationException("not supported: Parquet type for " + type);
    };
  }

  private static org.apache.parquet.schema.Type decimal(PrimitiveType type, Repetition repetition, int id, String name) {
    LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(type.scale(), type.precision());
    if (type.precision() <= DECIMAL_INT32_MAX_DIGITS) {
      return Types.primitive(PrimitiveTypeName.INT32, repetition).as(annotation).id(id).named(name);
    } else if (type.precision() <= DECIMAL_INT64_MAX_DIGITS) {
      return Types.primitive(PrimitiveTypeName.INT64, repetition).as(annotation).id(id).named(name);
    }
    return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition).length(decimalBytes(type.precision()))
        .as(annotation).id(id).named(name);
  }

  /** The fewest bytes whose two's complement holds every unscaled value of this precision. */
  static int decimalBytes(int precision) {
    int bytes = 1;
    while (Math.pow(2, 8 * bytes - 1) < Math.pow(10, precision)) {
      bytes++;
    }
    return bytes;
  }

  /**
   * The name Iceberg gives a field in Parquet: unchanged when it is a valid Avro name, otherwise each invalid
   * character is replaced by {@code _<digit>} (a leading digit) or {@code _x<HEX code>}.
   */
  static String compatibleName(String name) {
    if (isAvroName(name)) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name.length() + 8);
    char first = name.charAt(0);
    if (Character.isLetter(first) || first == '_') {
      sb.append(first);
    } else {
      sb.append(sanitize(first));
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_') {
        sb.append(c);
      } else {
        sb.append(sanitize(c));
      }
    }
    return sb.toString();
  }

  private static boolean isAvroName(String name) {
    char first = name.charAt(0);
    if (!(Character.isLetter(first) || first == '_')) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static String sanitize(char c) {
    if (Character.isDigit(c)) {
      return "_" + c;
    }
    return "_x" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
  }
}
