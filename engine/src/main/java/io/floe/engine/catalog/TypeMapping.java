package io.floe.engine.catalog;

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
import java.util.Locale;
import java.util.function.IntSupplier;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.StructKind;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlMapTypeNameSpec;
import org.apache.calcite.sql.SqlRowTypeNameSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Maps Floe (Iceberg) column types to Calcite SQL types, and SQL type names of DDL to Floe types and back
 * ({@link #floeType}, {@link #sqlText}: what {@code SHOW CREATE TABLE} prints parses back to the same type).
 */
public final class TypeMapping {
  private TypeMapping() {
  }

  /** The row type of a table schema; optional columns are nullable. */
  public static RelDataType rowType(Schema schema, RelDataTypeFactory factory) {
    RelDataTypeFactory.Builder builder = factory.builder();
    for (NestedField field : schema.columns()) {
      builder.add(field.name(), factory.createTypeWithNullability(sqlType(field, factory), field.isOptional()));
    }
    return builder.build();
  }

  /**
   * The SQL type of a column: a struct is a ROW of its fields (optional ones nullable), a list an ARRAY and a map a
   * MAP of their element, key and value types.
   */
  private static RelDataType sqlType(NestedField field, RelDataTypeFactory factory) {
    return sqlType(field.name(), field.type(), factory);
  }

  private static RelDataType sqlType(String name, Type fieldType, RelDataTypeFactory factory) {
    if (fieldType instanceof StructType struct) {
      // a ROW's fields may be named after its column alone (s.f, as in Trino and DuckDB), not only after t.s.f
      RelDataTypeFactory.Builder builder = factory.builder().kind(StructKind.PEEK_FIELDS_NO_EXPAND);
      for (NestedField f : struct.fields()) {
        builder.add(f.name(), factory.createTypeWithNullability(sqlType(f, factory), f.isOptional()));
      }
      return builder.build();
    }
    if (fieldType instanceof ListType list) {
      return factory.createArrayType(element(name, list.elementType(), !list.elementRequired(), factory), -1);
    }
    if (fieldType instanceof MapType map) {
      return factory.createMapType(element(name, map.keyType(), false, factory),
          element(name, map.valueType(), !map.valueRequired(), factory));
    }
    PrimitiveType type = (PrimitiveType) fieldType;
    return switch (type.typeId()) {
      case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
      case INT -> factory.createSqlType(SqlTypeName.INTEGER);
      case LONG -> factory.createSqlType(SqlTypeName.BIGINT);
      case FLOAT -> factory.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
      case DATE -> factory.createSqlType(SqlTypeName.DATE);
      case TIME -> factory.createSqlType(SqlTypeName.TIME, 6);
      case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 6);
      case TIMESTAMPTZ -> factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);
      case STRING -> factory.createSqlType(SqlTypeName.VARCHAR);
      case BINARY -> factory.createSqlType(SqlTypeName.VARBINARY);
      case FIXED -> factory.createSqlType(SqlTypeName.BINARY, type.length());
      case UUID -> factory.createSqlType(SqlTypeName.BINARY, 16);
      default -> throw new UnsupportedOperationException("not supported: column " + name + " of type " + type);
    };
  }

  private static RelDataType element(String column, Type type, boolean nullable, RelDataTypeFactory factory) {
    return factory.createTypeWithNullability(sqlType(column, type, factory), nullable);
  }

  /**
   * The Floe type of a column type written in DDL: BOOLEAN, TINYINT/SMALLINT/INT/INTEGER (int), BIGINT/LONG (long),
   * REAL/FLOAT (float), DOUBLE, DECIMAL(p, s) (default 38, 0), DATE, TIME, TIMESTAMP (timestamp), TIMESTAMP WITH
   * [LOCAL] TIME ZONE/TIMESTAMPTZ (timestamptz), VARCHAR/CHAR/STRING (string), VARBINARY/BINARY (binary),
   * BINARY(n) (fixed[n]), UUID.
   *
   * @throws UnsupportedOperationException for other types
   */
  public static PrimitiveType floeType(SqlDataTypeSpec spec) {
    return primitive(spec.getTypeNameSpec(), spec);
  }

  /**
   * The Floe type of a column type written in DDL, nested types too: {@code ROW(f type, ...)} a struct,
   * {@code type ARRAY} a list, {@code MAP<key, value>} a map; their fields, elements, keys and values take ids from
   * {@code ids}. Fields, elements and values are optional, as in Trino and PostgreSQL (Calcite's parser reads a ROW
   * field without NULL as NOT NULL, so the two cannot be told apart). Other types as
   * {@link #floeType(SqlDataTypeSpec)}.
   */
  public static Type floeType(SqlDataTypeSpec spec, IntSupplier ids) {
    return floeType(spec.getTypeNameSpec(), spec, ids);
  }

  private static Type floeType(SqlTypeNameSpec nameSpec, Object written, IntSupplier ids) {
    if (nameSpec instanceof SqlRowTypeNameSpec row) {
      List<NestedField> fields = new ArrayList<>();
      for (int f = 0; f < row.getArity(); f++) {
        SqlDataTypeSpec field = row.getFieldTypes().get(f);
        int id = ids.getAsInt();
        fields.add(NestedField.optional(id, row.getFieldNames().get(f).getSimple(), floeType(field, ids)));
      }
      return Types.struct(fields);
    }
    if (nameSpec instanceof SqlCollectionTypeNameSpec collection
        && collection.getTypeName().getSimple().equalsIgnoreCase("ARRAY")) {
      int id = ids.getAsInt();
      return Types.list(id, floeType(collection.getElementTypeName(), written, ids), false);
    }
    if (nameSpec instanceof SqlMapTypeNameSpec map) {
      int keyId = ids.getAsInt();
      int valueId = ids.getAsInt();
      return Types.map(keyId, floeType(map.getKeyType(), ids), valueId, floeType(map.getValType(), ids), false);
    }
    return primitive(nameSpec, written);
  }

  private static PrimitiveType primitive(SqlTypeNameSpec nameSpec, Object spec) {
    String name = nameSpec.getTypeName().getSimple().toUpperCase(Locale.ROOT);
    int precision = -1;
    int scale = -1;
    if (nameSpec instanceof SqlBasicTypeNameSpec basic) {
      precision = basic.getPrecision();
      scale = basic.getScale();
    } else if (!(nameSpec instanceof SqlUserDefinedTypeNameSpec)) {
      throw new UnsupportedOperationException("not supported: column type " + spec);
    }
    return switch (name) {
      case "BOOLEAN" -> Types.BOOLEAN;
      case "TINYINT", "SMALLINT", "INT", "INTEGER" -> Types.INT;
      case "BIGINT", "LONG" -> Types.LONG;
      case "REAL", "FLOAT" -> Types.FLOAT;
      case "DOUBLE" -> Types.DOUBLE;
      case "DECIMAL", "NUMERIC", "DEC" -> Types.decimal(precision < 0 ? 38 : precision, Math.max(scale, 0));
      case "DATE" -> Types.DATE;
      case "TIME" -> Types.TIME;
      case "TIMESTAMP" -> Types.TIMESTAMP;
      case "TIMESTAMP_WITH_LOCAL_TIME_ZONE", "TIMESTAMP_TZ", "TIMESTAMPTZ" -> Types.TIMESTAMPTZ;
      case "VARCHAR", "CHAR", "STRING" -> Types.STRING;
      case "VARBINARY" -> Types.BINARY;
      case "BINARY" -> precision > 0 ? Types.fixed(precision) : Types.BINARY;
      case "UUID" -> Types.UUID;
      default -> throw new UnsupportedOperationException("not supported: column type " + spec);
    };
  }

  /** How DESCRIBE and information_schema show a column's type: its DDL spelling, nested types in Iceberg's notation. */
  public static String displayText(Type type) {
    return type.isPrimitive() ? sqlText(type) : type.toString();
  }

  private static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /**
   * The DDL spelling of a Floe type, which {@link #floeType} maps back to it (nested types with optional fields,
   * elements and values).
   */
  public static String sqlText(Type type) {
    if (type instanceof StructType struct) {
      return "ROW(" + String.join(", ", struct.fields().stream().map(f -> quoted(f.name()) + " " + sqlText(f.type()))
          .toList()) + ")";
    }
    if (type instanceof ListType list) {
      return sqlText(list.elementType()) + " ARRAY";
    }
    if (type instanceof MapType map) {
      return "MAP<" + sqlText(map.keyType()) + ", " + sqlText(map.valueType()) + ">";
    }
    PrimitiveType primitive = (PrimitiveType) type;
    return switch (primitive.typeId()) {
      case BOOLEAN -> "BOOLEAN";
      case INT -> "INTEGER";
      case LONG -> "BIGINT";
      case FLOAT -> "REAL";
      case DOUBLE -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + primitive.precision() + ", " + primitive.scale() + ")";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> "TIMESTAMP";
      case TIMESTAMPTZ -> "TIMESTAMP WITH LOCAL TIME ZONE";
      case STRING -> "VARCHAR";
      case BINARY -> "VARBINARY";
      case FIXED -> "BINARY(" + primitive.length() + ")";
      case UUID -> "UUID";
      default -> throw new UnsupportedOperationException("not supported: type " + type);
    };
  }
}
