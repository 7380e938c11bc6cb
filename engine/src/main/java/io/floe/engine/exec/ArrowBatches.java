package io.floe.engine.exec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** Conversion between Arrow vectors and engine {@link Batch}es, and the Arrow schema of a SQL row type. */
public final class ArrowBatches {
  private ArrowBatches() {
  }

  static Object value(FieldVector vector, int i) {
    if (vector instanceof MapVector v) {
      StructVector entries = (StructVector) v.getDataVector();
      FieldVector keys = (FieldVector) entries.getChildByOrdinal(0);
      FieldVector values = (FieldVector) entries.getChildByOrdinal(1);
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int e = v.getElementStartIndex(i); e < v.getElementEndIndex(i); e++) {
        map.put(value(keys, e), values.isNull(e) ? null : value(values, e));
      }
      return map;
    } else if (vector instanceof ListVector v) {
      FieldVector elements = v.getDataVector();
      List<Object> list = new ArrayList<>();
      for (int e = v.getElementStartIndex(i); e < v.getElementEndIndex(i); e++) {
        list.add(elements.isNull(e) ? null : value(elements, e));
      }
      return list;
    } else if (vector instanceof StructVector v) {
      List<Object> fields = new ArrayList<>(v.size());
      for (FieldVector child : v.getChildrenFromFields()) {
        fields.add(child.isNull(i) ? null : value(child, i));
      }
      return fields;
    } else if (vector instanceof IntVector v) {
      return (long) v.get(i);
    } else if (vector instanceof BigIntVector v) {
      return v.get(i);
    } else if (vector instanceof DecimalVector v) {
      return v.getObject(i);
    } else if (vector instanceof VarCharVector v) {
      return new String(v.get(i), StandardCharsets.UTF_8);
    } else if (vector instanceof DateDayVector v) {
      return v.get(i);
    } else if (vector instanceof Float8Vector v) {
      return v.get(i);
    } else if (vector instanceof Float4Vector v) {
      return (double) v.get(i);
    } else if (vector instanceof BitVector v) {
      return v.get(i) != 0;
    } else if (vector instanceof TimeStampVector v) {
      return v.get(i);
    } else if (vector instanceof TimeMicroVector v) {
      return v.get(i);
    } else if (vector instanceof VarBinaryVector v) {
      return v.get(i);
    } else if (vector instanceof FixedSizeBinaryVector v) {
      return v.get(i);
    } else if (vector instanceof SmallIntVector v) {
      return (long) v.get(i);
    } else if (vector instanceof TinyIntVector v) {
      return (long) v.get(i);
    }
    throw new UnsupportedOperationException("not supported: Arrow vector " + vector.getField());
  }

  /** The Arrow schema of a SQL row type. */
  /** The values of the first {@code rows} rows of {@code vector} in the engine's representation (null for null). */
  public static Object[] read(FieldVector vector, int rows) {
    return Columns.fromArrow(vector, rows).toArray();
  }

  public static Schema schema(RelDataType rowType) {
    List<Field> fields = new ArrayList<>();
    for (RelDataTypeField f : rowType.getFieldList()) {
      fields.add(field(f.getName(), f.getType()));
    }
    return new Schema(fields);
  }

  /**
   * The Arrow field of a SQL type: a ROW is a struct of its fields, an ARRAY a list of {@code element}, a MAP a map
   * of {@code entries} (a struct of a {@code key} and a {@code value}), as Arrow's own layouts name them.
   */
  public static Field field(String name, RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case ROW -> new Field(name, new FieldType(type.isNullable(), ArrowType.Struct.INSTANCE, null),
          type.getFieldList().stream().map(f -> field(f.getName(), f.getType())).toList());
      case ARRAY, MULTISET -> new Field(name, new FieldType(type.isNullable(), ArrowType.List.INSTANCE, null),
          List.of(field("element", type.getComponentType())));
      case MAP -> new Field(name, new FieldType(type.isNullable(), new ArrowType.Map(false), null),
          List.of(new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE),
              List.of(field("key", type.getKeyType()), field("value", type.getValueType())))));
      default -> new Field(name, new FieldType(type.isNullable(), arrowType(type), null), null);
    };
  }

  /** The Arrow type of a SQL type. */
  public static ArrowType arrowType(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case BOOLEAN:
        return ArrowType.Bool.INSTANCE;
      case TINYINT:
        return new ArrowType.Int(8, true);
      case SMALLINT:
        return new ArrowType.Int(16, true);
      case INTEGER:
        return new ArrowType.Int(32, true);
      case BIGINT:
        return new ArrowType.Int(64, true);
      case DECIMAL:
        return new ArrowType.Decimal(type.getPrecision(), type.getScale(), 128);
      case REAL:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case FLOAT:
      case DOUBLE:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DATE:
        return new ArrowType.Date(DateUnit.DAY);
      case TIME:
        return new ArrowType.Time(TimeUnit.MICROSECOND, 64);
      case TIMESTAMP:
        return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
      case CHAR:
      case VARCHAR:
        return ArrowType.Utf8.INSTANCE;
      case BINARY:
      case VARBINARY:
        return ArrowType.Binary.INSTANCE;
      default:
        throw new UnsupportedOperationException("not supported: result column of type " + type);
    }
  }

  /**
   * A new Arrow batch holding {@code batch}, shaped by {@code schema}; the caller closes it. Typed columns are written
   * with typed loops and buffer copies ({@link ArrowColumnWriter}); boxed columns value by value.
   */
  public static VectorSchemaRoot write(Batch batch, Schema schema, BufferAllocator allocator) {
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    int rows = batch.size();
    try {
      for (int c = 0; c < schema.getFields().size(); c++) {
        FieldVector vector = root.getVector(c);
        Column values = batch.column(c);
        if (!ArrowColumnWriter.write(values, vector, rows)) {
          writeBoxed(values, vector, rows);
        }
      }
    } catch (OutOfMemoryException e) {
      root.close();
      throw MemoryAccount.exceeded(allocator, "the result's Arrow batch", 0);
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
    root.setRowCount(rows);
    return root;
  }

  /** Writes {@code values} into the unallocated {@code vector} value by value, boxed. */
  static void writeBoxed(Column values, FieldVector vector, int rows) {
    vector.allocateNew();
    for (int i = 0; i < rows; i++) {
      setOrNull(vector, i, values.get(i));
    }
    vector.setValueCount(rows);
  }

  private static void setOrNull(FieldVector vector, int i, Object value) {
    if (value == null) {
      vector.setNull(i);
    } else {
      set(vector, i, value);
    }
  }

  private static void set(FieldVector vector, int i, Object value) {
    if (vector instanceof MapVector v) {
      StructVector entries = (StructVector) v.getDataVector();
      int e = v.startNewValue(i);
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        entries.setIndexDefined(e);
        setOrNull((FieldVector) entries.getChildByOrdinal(0), e, entry.getKey());
        setOrNull((FieldVector) entries.getChildByOrdinal(1), e, entry.getValue());
        e++;
      }
      v.endValue(i, ((Map<?, ?>) value).size());
    } else if (vector instanceof ListVector v) {
      int e = v.startNewValue(i);
      for (Object element : (List<?>) value) {
        setOrNull(v.getDataVector(), e++, element);
      }
      v.endValue(i, ((List<?>) value).size());
    } else if (vector instanceof StructVector v) {
      List<?> fields = (List<?>) value;
      v.setIndexDefined(i);
      for (int f = 0; f < fields.size(); f++) {
        setOrNull((FieldVector) v.getChildByOrdinal(f), i, fields.get(f));
      }
    } else if (vector instanceof IntVector v) {
      v.setSafe(i, ((Number) value).intValue());
    } else if (vector instanceof BigIntVector v) {
      v.setSafe(i, ((Number) value).longValue());
    } else if (vector instanceof DecimalVector v) {
      v.setSafe(i, io.floe.engine.expr.Values.toBigDecimal(value).setScale(v.getScale(), java.math.RoundingMode.HALF_UP));
    } else if (vector instanceof VarCharVector v) {
      v.setSafe(i, ((String) value).getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof DateDayVector v) {
      v.setSafe(i, (Integer) value);
    } else if (vector instanceof Float8Vector v) {
      v.setSafe(i, ((Number) value).doubleValue());
    } else if (vector instanceof Float4Vector v) {
      v.setSafe(i, ((Number) value).floatValue());
    } else if (vector instanceof BitVector v) {
      v.setSafe(i, (Boolean) value ? 1 : 0);
    } else if (vector instanceof TimeStampVector v) {
      v.setSafe(i, (Long) value);
    } else if (vector instanceof TimeMicroVector v) {
      v.setSafe(i, (Long) value);
    } else if (vector instanceof VarBinaryVector v) {
      v.setSafe(i, (byte[]) value);
    } else if (vector instanceof SmallIntVector v) {
      v.setSafe(i, ((Number) value).shortValue());
    } else if (vector instanceof TinyIntVector v) {
      v.setSafe(i, ((Number) value).byteValue());
    } else {
      throw new UnsupportedOperationException("not supported: Arrow vector " + vector.getField());
    }
  }
}
