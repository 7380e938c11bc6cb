package io.floe.engine.dml;

import io.floe.data.GenericRecord;
import io.floe.engine.exec.Batch;
import io.floe.engine.expr.SqlStateException;
import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.StructType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Casts rows in the engine's value representation (one value per table column, in the table's column order) to
 * records of the table's Iceberg types, as SQL assignment does: numbers are rounded HALF_UP to a decimal's scale
 * and must fit its precision and an int's range ({@code 22003}), text is parsed for dates and timestamps
 * ({@code 22007}), and NULL in a required column fails with {@code 23502} naming the column.
 */
final class RowConverter {
  private final String tableName;
  private final StructType struct;
  private final List<NestedField> columns;
  /** Per column, its fields as errors name them, worked out once rather than per value. */
  private final List<Path> paths;

  RowConverter(Schema schema, String tableName) {
    this.tableName = tableName;
    this.struct = schema.asStruct();
    this.columns = schema.columns();
    this.paths = columns.stream().map(c -> Path.of(c, c.name())).toList();
  }

  /**
   * A field named by its path from the column ({@code p.x}, {@code tags.element}, {@code m.value}), and its nested
   * fields': a struct's fields, a list's element, a map's key and value.
   */
  private record Path(NestedField field, List<Path> children) {
    static Path of(NestedField field, String path) {
      NestedField named = path.equals(field.name()) ? field
          : new NestedField(field.id(), path, field.type(), field.required(), field.doc());
      List<Path> children;
      if (field.type() instanceof StructType nested) {
        children = nested.fields().stream().map(f -> of(f, path + "." + f.name())).toList();
      } else if (field.type() instanceof ListType list) {
        children = List.of(of(list.elementField(), path + ".element"));
      } else if (field.type() instanceof MapType map) {
        children = List.of(of(map.keyField(), path + ".key"), of(map.valueField(), path + ".value"));
      } else {
        children = List.of();
      }
      return new Path(named, children);
    }
  }

  int width() {
    return columns.size();
  }

  /** Row {@code row} of {@code batch} (whose columns are the table's) as a record of the table's schema. */
  GenericRecord toRecord(Batch batch, int row) {
    GenericRecord record = new GenericRecord(struct);
    for (int c = 0; c < columns.size(); c++) {
      record.set(c, convert(c, batch.column(c).get(row)));
    }
    return record;
  }

  /** The value for column {@code column}, cast to its type. */
  Object convert(int column, Object value) {
    return convert(paths.get(column), value);
  }

  /**
   * {@code value} cast to the type of {@code path}'s field, which errors name by its path: a ROW (a list of field
   * values) becomes a record, an ARRAY a list and a MAP a map of values cast to their fields' types.
   */
  private Object convert(Path path, Object value) {
    NestedField field = path.field();
    if (value == null) {
      if (field.required()) {
        throw new SqlStateException("23502", "NULL value in column '" + field.name() + "' of table " + tableName
            + " violates its NOT NULL constraint");
      }
      return null;
    }
    if (field.type() instanceof StructType nested) {
      List<?> values = (List<?>) value;
      GenericRecord record = new GenericRecord(nested);
      for (int f = 0; f < path.children().size(); f++) {
        record.set(f, convert(path.children().get(f), values.get(f)));
      }
      return record;
    }
    if (field.type() instanceof ListType) {
      List<Object> out = new ArrayList<>();
      for (Object element : (List<?>) value) {
        out.add(convert(path.children().get(0), element));
      }
      return out;
    }
    if (field.type() instanceof MapType) {
      Map<Object, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put(convert(path.children().get(0), k),
          convert(path.children().get(1), v)));
      return out;
    }
    return primitive(field, value);
  }

  private Object primitive(NestedField field, Object value) {
    PrimitiveType type = (PrimitiveType) field.type();
    return switch (type.typeId()) {
      case INT -> (int) integral(field, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case LONG -> integral(field, value, Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT -> (float) number(field, value).doubleValue();
      case DOUBLE -> number(field, value).doubleValue();
      case DECIMAL -> decimal(field, type, value);
      case DATE -> value instanceof String s ? date(field, s) : ((Number) value).intValue();
      case TIMESTAMP, TIMESTAMPTZ -> value instanceof String s ? timestamp(field, s) : ((Number) value).longValue();
      case TIME -> ((Number) value).longValue();
      case STRING -> value instanceof BigDecimal d ? d.toPlainString() : value.toString();
      case BOOLEAN -> value instanceof String s ? Boolean.parseBoolean(s.trim()) : value;
      case BINARY, FIXED, UUID -> value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : value;
      default -> throw new UnsupportedOperationException("not supported: writing column " + field.name()
          + " of type " + type);
    };
  }

  private Number number(NestedField field, Object value) {
    if (value instanceof Number n) {
      return n;
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw new SqlStateException("22018", "invalid number '" + s + "' for column '" + field.name() + "' of table "
            + tableName);
      }
    }
    throw new IllegalStateException("column '" + field.name() + "' expects a number, not " + value.getClass().getSimpleName());
  }

  private long integral(NestedField field, Object value, long min, long max) {
    Number n = number(field, value);
    BigDecimal exact = n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
        : io.floe.engine.expr.Values.toBigDecimal(n);
    BigDecimal rounded = exact.setScale(0, RoundingMode.HALF_UP);
    if (rounded.compareTo(BigDecimal.valueOf(min)) < 0 || rounded.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw outOfRange(field, value);
    }
    return rounded.longValueExact();
  }

  private BigDecimal decimal(NestedField field, PrimitiveType type, Object value) {
    Number n = number(field, value);
    BigDecimal exact = n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
        : io.floe.engine.expr.Values.toBigDecimal(n);
    BigDecimal scaled = exact.setScale(type.scale(), RoundingMode.HALF_UP);
    if (scaled.precision() > type.precision() && scaled.signum() != 0) {
      throw outOfRange(field, value);
    }
    return scaled;
  }

  private SqlStateException outOfRange(NestedField field, Object value) {
    return new SqlStateException("22003", "value " + value + " out of range for column '" + field.name() + "' of type "
        + field.type() + " of table " + tableName);
  }

  private int date(NestedField field, String text) {
    try {
      return Math.toIntExact(LocalDate.parse(text.trim()).toEpochDay());
    } catch (DateTimeParseException e) {
      throw new SqlStateException("22007", "invalid date '" + text + "' for column '" + field.name() + "'");
    }
  }

  private long timestamp(NestedField field, String text) {
    try {
      LocalDateTime t = LocalDateTime.parse(text.trim().replace(' ', 'T'));
      long seconds = t.toEpochSecond(ZoneOffset.UTC);
      return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), t.getNano() / 1000);
    } catch (DateTimeParseException e) {
      throw new SqlStateException("22007", "invalid timestamp '" + text + "' for column '" + field.name() + "'");
    }
  }
}
