package io.floe.arrow;

import io.floe.data.GenericRecord;
import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.PrimitiveType;
import io.floe.types.StructType;
import io.floe.types.Type;
import io.floe.types.Uuids;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** Readers of internal values (see {@link Type}) out of the Arrow vectors of {@link ArrowSchemas}' types. */
final class VectorAccessors {
  private VectorAccessors() {
  }

  /** Reads the internal value at an index, or null. */
  interface Accessor {
    Object get(int index);
  }

  static Accessor of(Type type, ValueVector vector) {
    if (type instanceof StructType s) {
      return struct(s, (StructVector) vector);
    } else if (type instanceof ListType l) {
      return list(l, (ListVector) vector);
    } else if (type instanceof MapType m) {
      return map(m, (ListVector) vector);
    }
    return primitive((PrimitiveType) type, vector);
  }

  private static Accessor struct(StructType type, StructVector vector) {
    Accessor[] fields = new Accessor[type.fields().size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = of(type.fields().get(i).type(), vector.getChildByOrdinal(i));
    }
    return index -> {
      if (vector.isNull(index)) {
        return null;
      }
      GenericRecord record = new GenericRecord(type);
      for (int i = 0; i < fields.length; i++) {
        record.set(i, fields[i].get(index));
      }
      return record;
    };
  }

  private static Accessor list(ListType type, ListVector vector) {
    Accessor element = of(type.elementType(), vector.getDataVector());
    return index -> {
      if (vector.isNull(index)) {
        return null;
      }
      int start = vector.getElementStartIndex(index);
      int end = vector.getElementEndIndex(index);
      List<Object> out = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        out.add(element.get(i));
      }
      return Collections.unmodifiableList(out);
    };
  }

  private static Accessor map(MapType type, ListVector vector) {
    StructVector entries = (StructVector) vector.getDataVector();
    Accessor key = of(type.keyType(), entries.getChildByOrdinal(0));
    Accessor value = of(type.valueType(), entries.getChildByOrdinal(1));
    return index -> {
      if (vector.isNull(index)) {
        return null;
      }
      int start = vector.getElementStartIndex(index);
      int end = vector.getElementEndIndex(index);
      Map<Object, Object> out = new LinkedHashMap<>();
      for (int i = start; i < end; i++) {
        out.put(key.get(i), value.get(i));
      }
      return Collections.unmodifiableMap(out);
    };
  }

  private static Accessor primitive(PrimitiveType type, ValueVector vector) {
    Accessor value = switch (type.typeId()) {
      case BOOLEAN -> index -> ((BitVector) vector).get(index) != 0;
      case INT -> index -> ((IntVector) vector).get(index);
      case DATE -> index -> ((DateDayVector) vector).get(index);
      case LONG -> index -> ((BigIntVector) vector).get(index);
      case TIME -> index -> ((TimeMicroVector) vector).get(index);
      case TIMESTAMP, TIMESTAMPTZ -> index -> ((TimeStampVector) vector).get(index);
      case FLOAT -> index -> ((Float4Vector) vector).get(index);
      case DOUBLE -> index -> ((Float8Vector) vector).get(index);
      case DECIMAL -> index -> ((DecimalVector) vector).getObject(index);
      case STRING -> index -> new String(((VarCharVector) vector).get(index), StandardCharsets.UTF_8);
      case BINARY -> index -> ByteBuffer.wrap(((VarBinaryVector) vector).get(index));
      case FIXED -> index -> ByteBuffer.wrap(((FixedSizeBinaryVector) vector).get(index));
      case UUID -> index -> Uuids.fromBytes(ByteBuffer.wrap(((FixedSizeBinaryVector) vector).get(index)));
      default -> throw new UnsupportedOperationException("not supported: Arrow values of " + type);
    };
    return index -> vector.isNull(index) ? null : value.get(index);
  }
}
