package io.floe.parquet;

import io.floe.data.Record;
import io.floe.types.ByteBuffers;
import io.floe.types.Decimals;
import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.Schema;
import io.floe.types.StructType;
import io.floe.types.Type;
import io.floe.types.Uuids;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;

/**
 * Shreds records of a schema into Parquet column values with repetition and definition levels, writing them
 * straight to the column writers of the current row group. Tracks NaN counts and bounds of float and double
 * columns that are not inside a list or map, as Iceberg's writers do.
 */
final class RecordColumnWriter {
  private final StructWriter root;
  private final List<Leaf> leaves = new ArrayList<>();
  private final List<FloatingStats> floatingStats = new ArrayList<>();
  private final MessageType messageType;

  RecordColumnWriter(Schema schema, MessageType messageType) {
    this.messageType = messageType;
    this.root = struct(schema.asStruct(), messageType, new String[0], false);
  }

  /** Points every leaf at the column writers of a new row group. */
  void bind(ColumnWriteStore store) {
    for (Leaf leaf : leaves) {
      leaf.writer = store.getColumnWriter(leaf.descriptor);
    }
  }

  void write(Record record) {
    root.write(0, record);
  }

  /** Value statistics of float/double columns outside lists and maps, by field id. */
  List<FloatingStats> floatingStats() {
    return floatingStats;
  }

  private StructWriter struct(StructType struct, GroupType group, String[] path, boolean repeated) {
    FieldWriter[] fields = new FieldWriter[struct.fields().size()];
    for (int i = 0; i < fields.length; i++) {
      NestedField field = struct.fields().get(i);
      fields[i] = field(field, group, path, repeated);
    }
    return new StructWriter(fields);
  }

  private FieldWriter field(NestedField field, GroupType parent, String[] parentPath, boolean repeated) {
    String name = ParquetSchemas.compatibleName(field.name());
    org.apache.parquet.schema.Type parquetType = parent.getType(name);
    String[] path = append(parentPath, name);
    int def = messageType.getMaxDefinitionLevel(path);
    String column = String.join(".", path);
    return new FieldWriter(column, field.required(), def, value(field.type(), parquetType, path, repeated, column));
  }

  private ValueWriter value(Type type, org.apache.parquet.schema.Type parquetType, String[] path, boolean repeated,
      String column) {
    if (type instanceof PrimitiveType p) {
      ColumnDescriptor descriptor = messageType.getColumnDescription(path);
      Leaf leaf = leaf(p, descriptor, column, repeated);
      leaves.add(leaf);
      return leaf;
    } else if (type instanceof StructType s) {
      return struct(s, parquetType.asGroupType(), path, repeated);
    } else if (type instanceof ListType l) {
      GroupType listGroup = parquetType.asGroupType();
      String repeatedName = listGroup.getType(0).getName();
      String[] repeatedPath = append(path, repeatedName);
      GroupType repeatedGroup = listGroup.getType(0).asGroupType();
      FieldWriter element = field(l.elementField(), repeatedGroup, repeatedPath, true);
      return new ListWriter(messageType.getMaxDefinitionLevel(path), messageType.getMaxRepetitionLevel(repeatedPath),
          element);
    } else if (type instanceof MapType m) {
      GroupType mapGroup = parquetType.asGroupType();
      String repeatedName = mapGroup.getType(0).getName();
      String[] repeatedPath = append(path, repeatedName);
      GroupType keyValue = mapGroup.getType(0).asGroupType();
      FieldWriter key = field(m.keyField(), keyValue, repeatedPath, true);
      FieldWriter value = field(m.valueField(), keyValue, repeatedPath, true);
      return new MapWriter(messageType.getMaxDefinitionLevel(path), messageType.getMaxRepetitionLevel(repeatedPath),
          key, value);
    }
    throw new UnsupportedOperationException("not supported: writing " + type + " to Parquet");
  }

  private Leaf leaf(PrimitiveType type, ColumnDescriptor descriptor, String column, boolean repeated) {
    return switch (type.typeId()) {
      case BOOLEAN -> new Leaf(descriptor, column) {
        @Override
        void writeValue(int rep, Object value) {
          writer.write((Boolean) value, rep, maxDef);
        }
      };
      case INT, DATE -> new Leaf(descriptor, column) {
        @Override
        void writeValue(int rep, Object value) {
          writer.write((Integer) value, rep, maxDef);
        }
      };
      case LONG, TIME, TIMESTAMP, TIMESTAMPTZ -> new Leaf(descriptor, column) {
        @Override
        void writeValue(int rep, Object value) {
          writer.write((Long) value, rep, maxDef);
        }
      };
      case FLOAT -> floatLeaf(descriptor, column, repeated ? null : trackStats(descriptor));
      case DOUBLE -> doubleLeaf(descriptor, column, repeated ? null : trackStats(descriptor));
      case STRING -> new Leaf(descriptor, column) {
        @Override
        void writeValue(int rep, Object value) {
          writer.write(Binary.fromConstantByteArray(ParquetValues.utf8((String) value)), rep, maxDef);
        }
      };
      case BINARY -> new Leaf(descriptor, column) {
        @Override
        void writeValue(int rep, Object value) {
          writer.write(Binary.fromConstantByteArray(ByteBuffers.toByteArray((ByteBuffer) value)), rep, maxDef);
        }
      };
      case FIXED -> new Leaf(descriptor, column) {
        @Override
        void writeValue(int rep, Object value) {
          byte[] bytes = ByteBuffers.toByteArray((ByteBuffer) value);
          if (bytes.length != type.length()) {
            throw new IllegalArgumentException("value of column '" + column + "' has " + bytes.length
                + " bytes but the type is " + type);
          }
          writer.write(Binary.fromConstantByteArray(bytes), rep, maxDef);
        }
      };
      case UUID -> new Leaf(descriptor, column) {
        @Override
        void writeValue(int rep, Object value) {
          writer.write(Binary.fromConstantByteArray(Uuids.toBytes((UUID) value)), rep, maxDef);
        }
      };
      case DECIMAL -> decimalLeaf(type, descriptor, column);
      default -> throw new UnsupportedOperationException("not supported: writing " + type + " to Parquet");
    };
  }

  private FloatingStats trackStats(ColumnDescriptor descriptor) {
    FloatingStats stats = new FloatingStats(descriptor.getPrimitiveType().getId().intValue(),
        descriptor.getPrimitiveType().getPrimitiveTypeName() == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FLOAT);
    floatingStats.add(stats);
    return stats;
  }

  private static Leaf floatLeaf(ColumnDescriptor descriptor, String column, FloatingStats stats) {
    return new Leaf(descriptor, column) {
      @Override
      void writeValue(int rep, Object value) {
        float v = (Float) value;
        writer.write(v, rep, maxDef);
        if (stats != null) {
          stats.add(v);
        }
      }
    };
  }

  private static Leaf doubleLeaf(ColumnDescriptor descriptor, String column, FloatingStats stats) {
    return new Leaf(descriptor, column) {
      @Override
      void writeValue(int rep, Object value) {
        double v = (Double) value;
        writer.write(v, rep, maxDef);
        if (stats != null) {
          stats.add(v);
        }
      }
    };
  }

  private static Leaf decimalLeaf(PrimitiveType type, ColumnDescriptor descriptor, String column) {
    int byteLength = ParquetSchemas.decimalBytes(type.precision());
    return new Leaf(descriptor, column) {
      @Override
      void writeValue(int rep, Object value) {
        BigDecimal decimal = (BigDecimal) value;
        if (decimal.scale() != type.scale() || decimal.precision() > type.precision()) {
          throw new IllegalArgumentException("value " + decimal.toPlainString() + " of column '" + column
              + "' does not fit " + type + " (scale " + decimal.scale() + ", precision " + decimal.precision() + ")");
        }
        BigInteger unscaled = decimal.unscaledValue();
        if (type.precision() <= ParquetSchemas.DECIMAL_INT32_MAX_DIGITS) {
          writer.write(unscaled.intValue(), rep, maxDef);
        } else if (type.precision() <= ParquetSchemas.DECIMAL_INT64_MAX_DIGITS) {
          writer.write(unscaled.longValue(), rep, maxDef);
        } else {
          writer.write(Binary.fromConstantByteArray(Decimals.fixedLengthBytes(decimal, byteLength)), rep, maxDef);
        }
      }
    };
  }

  private static String[] append(String[] path, String name) {
    String[] out = Arrays.copyOf(path, path.length + 1);
    out[path.length] = name;
    return out;
  }

  /** A node of the shredding tree. */
  private abstract static class ValueWriter {
    /** Writes a non-null value; {@code rep} is the repetition level of its first leaf value. */
    abstract void write(int rep, Object value);

    /** Writes an undefined value at definition level {@code def} to every leaf below. */
    abstract void writeNull(int rep, int def);
  }

  /** A field: checks required fields and turns nulls into the definition level of the parent. */
  private static final class FieldWriter extends ValueWriter {
    private final String column;
    private final boolean required;
    private final int nullDef;
    private final ValueWriter inner;

    FieldWriter(String column, boolean required, int def, ValueWriter inner) {
      this.column = column;
      this.required = required;
      this.nullDef = def - 1;
      this.inner = inner;
    }

    @Override
    void write(int rep, Object value) {
      if (value != null) {
        inner.write(rep, value);
      } else if (required) {
        throw new IllegalArgumentException("null value in required column '" + column + "'");
      } else {
        inner.writeNull(rep, nullDef);
      }
    }

    @Override
    void writeNull(int rep, int def) {
      inner.writeNull(rep, def);
    }
  }

  private static final class StructWriter extends ValueWriter {
    private final FieldWriter[] fields;

    StructWriter(FieldWriter[] fields) {
      this.fields = fields;
    }

    @Override
    void write(int rep, Object value) {
      Record record = (Record) value;
      for (int i = 0; i < fields.length; i++) {
        fields[i].write(rep, record.get(i));
      }
    }

    @Override
    void writeNull(int rep, int def) {
      for (FieldWriter field : fields) {
        field.writeNull(rep, def);
      }
    }
  }

  private static final class ListWriter extends ValueWriter {
    private final int emptyDef;
    private final int elementRep;
    private final FieldWriter element;

    ListWriter(int emptyDef, int elementRep, FieldWriter element) {
      this.emptyDef = emptyDef;
      this.elementRep = elementRep;
      this.element = element;
    }

    @Override
    void write(int rep, Object value) {
      List<?> list = (List<?>) value;
      if (list.isEmpty()) {
        element.writeNull(rep, emptyDef);
        return;
      }
      int r = rep;
      for (Object e : list) {
        element.write(r, e);
        r = elementRep;
      }
    }

    @Override
    void writeNull(int rep, int def) {
      element.writeNull(rep, def);
    }
  }

  private static final class MapWriter extends ValueWriter {
    private final int emptyDef;
    private final int entryRep;
    private final FieldWriter key;
    private final FieldWriter value;

    MapWriter(int emptyDef, int entryRep, FieldWriter key, FieldWriter value) {
      this.emptyDef = emptyDef;
      this.entryRep = entryRep;
      this.key = key;
      this.value = value;
    }

    @Override
    void write(int rep, Object map) {
      Map<?, ?> entries = (Map<?, ?>) map;
      if (entries.isEmpty()) {
        writeNull(rep, emptyDef);
        return;
      }
      int r = rep;
      for (Map.Entry<?, ?> e : entries.entrySet()) {
        key.write(r, e.getKey());
        value.write(r, e.getValue());
        r = entryRep;
      }
    }

    @Override
    void writeNull(int rep, int def) {
      key.writeNull(rep, def);
      value.writeNull(rep, def);
    }
  }

  /** A primitive column. */
  private abstract static class Leaf extends ValueWriter {
    final ColumnDescriptor descriptor;
    final int maxDef;
    final String column;
    ColumnWriter writer;

    Leaf(ColumnDescriptor descriptor, String column) {
      this.descriptor = descriptor;
      this.maxDef = descriptor.getMaxDefinitionLevel();
      this.column = column;
    }

    abstract void writeValue(int rep, Object value);

    @Override
    final void write(int rep, Object value) {
      try {
        writeValue(rep, value);
      } catch (ClassCastException e) {
        throw new IllegalArgumentException("value " + value + " (" + value.getClass().getName()
            + ") of column '" + column + "' is not the internal value of its type", e);
      }
    }

    @Override
    final void writeNull(int rep, int def) {
      writer.writeNull(rep, def);
    }
  }
}
