package io.floe.arrow;

import io.floe.data.Record;
import io.floe.types.ByteBuffers;
import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.PrimitiveType;
import io.floe.types.StructType;
import io.floe.types.Type;
import io.floe.types.Uuids;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/** Writers of internal values (see {@link Type}) into the Arrow vectors of {@link ArrowSchemas}' types. */
final class VectorWriters {
  private VectorWriters() {
  }

  /** Writes a value (null leaves the slot null) at an index, growing the vector as needed. */
  interface Writer {
    void set(int index, Object value);
  }

  static Writer of(Type type, ValueVector vector, String column) {
    Writer writer = nonNull(type, vector, column);
    return (index, value) -> {
      if (value != null) {
        try {
          writer.set(index, value);
        } catch (ClassCastException e) {
          throw new IllegalArgumentException("value " + value + " (" + value.getClass().getName() + ") of column '"
              + column + "' is not the internal value of " + type, e);
        }
      }
    };
  }

  private static Writer nonNull(Type type, ValueVector vector, String column) {
    if (type instanceof StructType s) {
      StructVector struct = (StructVector) vector;
      Writer[] fields = new Writer[s.fields().size()];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = of(s.fields().get(i).type(), struct.getChildByOrdinal(i), column + "." + s.fields().get(i).name());
      }
      return (index, value) -> {
        Record record = (Record) value;
        struct.setIndexDefined(index);
        for (int i = 0; i < fields.length; i++) {
          fields[i].set(index, record.get(i));
        }
      };
    } else if (type instanceof ListType l) {
      ListVector list = (ListVector) vector;
      Writer element = of(l.elementType(), list.getDataVector(), column + ".element");
      return (index, value) -> {
        List<?> values = (List<?>) value;
        int start = list.startNewValue(index);
        for (int i = 0; i < values.size(); i++) {
          element.set(start + i, values.get(i));
        }
        list.endValue(index, values.size());
      };
    } else if (type instanceof MapType m) {
      ListVector map = (ListVector) vector;
      StructVector entries = (StructVector) map.getDataVector();
      Writer key = of(m.keyType(), entries.getChildByOrdinal(0), column + ".key");
      Writer val = of(m.valueType(), entries.getChildByOrdinal(1), column + ".value");
      return (index, value) -> {
        Map<?, ?> values = (Map<?, ?>) value;
        int at = map.startNewValue(index);
        for (Map.Entry<?, ?> e : values.entrySet()) {
          entries.setIndexDefined(at);
          key.set(at, e.getKey());
          val.set(at, e.getValue());
          at++;
        }
        map.endValue(index, values.size());
      };
    }
    return primitive((PrimitiveType) type, vector);
  }

  private static Writer primitive(PrimitiveType type, ValueVector vector) {
    return switch (type.typeId()) {
      case BOOLEAN -> (index, value) -> ((BitVector) vector).setSafe(index, ((Boolean) value) ? 1 : 0);
      case INT -> (index, value) -> ((IntVector) vector).setSafe(index, (Integer) value);
      case DATE -> (index, value) -> ((DateDayVector) vector).setSafe(index, (Integer) value);
      case LONG -> (index, value) -> ((BigIntVector) vector).setSafe(index, (Long) value);
      case TIME -> (index, value) -> ((TimeMicroVector) vector).setSafe(index, (Long) value);
      case TIMESTAMP, TIMESTAMPTZ -> (index, value) -> ((TimeStampVector) vector).setSafe(index, (Long) value);
      case FLOAT -> (index, value) -> ((Float4Vector) vector).setSafe(index, (Float) value);
      case DOUBLE -> (index, value) -> ((Float8Vector) vector).setSafe(index, (Double) value);
      case DECIMAL -> (index, value) -> ((DecimalVector) vector).setSafe(index,
          ((BigDecimal) value).setScale(type.scale()));
      case STRING -> (index, value) -> ((VarCharVector) vector).setSafe(index,
          ((String) value).getBytes(StandardCharsets.UTF_8));
      case BINARY -> (index, value) -> {
        ByteBuffer bytes = ((ByteBuffer) value).duplicate();
        ((VarBinaryVector) vector).setSafe(index, bytes, bytes.position(), bytes.remaining());
      };
      case FIXED -> (index, value) -> ((FixedSizeBinaryVector) vector).setSafe(index,
          ByteBuffers.toByteArray((ByteBuffer) value));
      case UUID -> (index, value) -> ((FixedSizeBinaryVector) vector).setSafe(index, Uuids.toBytes((UUID) value));
      default -> throw new UnsupportedOperationException("not supported: Arrow values of " + type);
    };
  }
}
