package io.floe.parquet;

import io.floe.types.ListType;
import io.floe.types.MapType;
import io.floe.types.NestedField;
import io.floe.types.PrimitiveType;
import io.floe.types.StructType;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * Parquet converter trees that assemble nested columns (structs, lists, maps) straight into Arrow vectors.
 * Each converter knows the index it writes at through a {@link VectorSink.Slot}: a struct's fields write at the
 * struct's index, a list's elements at the list's next child offset. Values that Parquet never reports (nulls)
 * stay unset, which Arrow reads as null.
 */
final class NestedConverters {
  private NestedConverters() {
  }

  /** A converter that can be pointed at the vectors of a new batch. */
  interface Bound {
    void bind(ValueVector vector);
  }

  /** The converter of one projected field whose file type (pruned) is {@code fileType}. */
  static Converter create(NestedField field, Type fileType, VectorSink.Slot slot, boolean useIds) {
    if (field.type() instanceof PrimitiveType p) {
      VectorSink sink = VectorSink.forType(p);
      sink.slot(slot);
      return sink;
    } else if (field.type() instanceof StructType s) {
      return new StructConverter(s, fileType.asGroupType(), slot, useIds);
    } else if (field.type() instanceof ListType l) {
      return new ListConverter(l, fileType.asGroupType(), slot, useIds);
    } else if (field.type() instanceof MapType m) {
      return new MapConverter(m, fileType.asGroupType(), slot, useIds);
    }
    throw new UnsupportedOperationException("not supported: reading " + field.type() + " from Parquet");
  }

  static void bindTo(Converter converter, ValueVector vector) {
    if (converter instanceof VectorSink sink) {
      sink.bind(vector);
    } else {
      ((Bound) converter).bind(vector);
    }
  }

  /** A struct: marks itself defined at its index; its fields write at that index. */
  static final class StructConverter extends GroupConverter implements VectorSink.Slot, Bound {
    private final VectorSink.Slot parent;
    private final Converter[] children;
    private final int[] ordinals;
    private StructVector vector;
    private int index;

    StructConverter(StructType struct, GroupType fileGroup, VectorSink.Slot parent, boolean useIds) {
      this(struct, fileGroup, parent, useIds, ordinals(struct, fileGroup, useIds));
    }

    /** {@code ordinals[i]} is the struct field that file field i holds, or -1 for a field read for presence only. */
    StructConverter(StructType struct, GroupType fileGroup, VectorSink.Slot parent, boolean useIds, int[] ordinals) {
      this.parent = parent;
      this.ordinals = ordinals;
      this.children = new Converter[fileGroup.getFieldCount()];
      for (int i = 0; i < children.length; i++) {
        Type fileChild = fileGroup.getType(i);
        children[i] = ordinals[i] < 0 ? ignore(fileChild) : create(struct.fields().get(ordinals[i]), fileChild, this, useIds);
      }
    }

    private static int[] ordinals(StructType struct, GroupType fileGroup, boolean useIds) {
      int[] ordinals = new int[fileGroup.getFieldCount()];
      java.util.Arrays.fill(ordinals, -1);
      for (int i = 0; i < ordinals.length; i++) {
        for (int j = 0; j < struct.fields().size(); j++) {
          if (FileProjection.matches(fileGroup.getType(i), struct.fields().get(j), useIds)) {
            ordinals[i] = j;
          }
        }
      }
      return ordinals;
    }

    @Override
    public void bind(ValueVector target) {
      this.vector = (StructVector) target;
      for (int i = 0; i < children.length; i++) {
        if (ordinals[i] >= 0) {
          bindTo(children[i], vector.getChildByOrdinal(ordinals[i]));
        }
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return children[fieldIndex];
    }

    @Override
    public void start() {
      index = parent.index();
      vector.setIndexDefined(index);
    }

    @Override
    public void end() {
    }

    @Override
    public int index() {
      return index;
    }
  }

  /** Lists and maps: a value per row whose children are appended to the child vector. */
  abstract static class RepeatedConverter extends GroupConverter implements Bound {
    private final VectorSink.Slot parent;
    private ListVector vector;
    private int index;
    int childStart;
    int count;

    RepeatedConverter(VectorSink.Slot parent) {
      this.parent = parent;
    }

    @Override
    public void bind(ValueVector target) {
      this.vector = (ListVector) target;
      bindChild(vector.getDataVector());
    }

    abstract void bindChild(ValueVector child);

    @Override
    public void start() {
      index = parent.index();
      childStart = vector.startNewValue(index);
      count = 0;
    }

    @Override
    public void end() {
      vector.endValue(index, count);
    }

    final int childIndex() {
      return childStart + count;
    }
  }

  static final class ListConverter extends RepeatedConverter {
    private final Converter repeated;
    private final Converter element;

    ListConverter(ListType list, GroupType fileList, VectorSink.Slot parent, boolean useIds) {
      super(parent);
      Type repeatedType = fileList.getType(0);
      if (!ParquetTypeMapping.isTwoLevel(fileList)) {
        RepeatedElement holder = new RepeatedElement(this);
        this.element = create(list.elementField(), repeatedType.asGroupType().getType(0), holder, useIds);
        holder.element = element;
        this.repeated = holder;
      } else if (repeatedType.isPrimitive()) {
        RepeatedLeaf leaf = new RepeatedLeaf(this);
        this.element = create(list.elementField(), repeatedType, leaf, useIds);
        leaf.element = (PrimitiveConverter) element;
        this.repeated = leaf;
      } else {
        CountingGroup counting = new CountingGroup(this);
        this.element = create(list.elementField(), repeatedType, counting, useIds);
        counting.inner = (GroupConverter) element;
        this.repeated = counting;
      }
    }

    @Override
    void bindChild(ValueVector child) {
      bindTo(element, child);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return repeated;
    }
  }

  static final class MapConverter extends RepeatedConverter {
    private final CountingGroup entries;
    private final StructConverter entryStruct;

    MapConverter(MapType map, GroupType fileMap, VectorSink.Slot parent, boolean useIds) {
      super(parent);
      GroupType keyValue = fileMap.getType(0).asGroupType();
      this.entries = new CountingGroup(this);
      StructType entryType = new StructType(java.util.List.of(map.keyField(), map.valueField()));
      this.entryStruct = new StructConverter(entryType, keyValue, entries, useIds, new int[] {0, 1});
      entries.inner = entryStruct;
    }

    @Override
    void bindChild(ValueVector child) {
      entryStruct.bind(child);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return entries;
    }
  }

  /** The repeated group of a 3-level list: each start/end is one element, which may be null. */
  private static final class RepeatedElement extends GroupConverter implements VectorSink.Slot {
    private final RepeatedConverter list;
    private Converter element;

    RepeatedElement(RepeatedConverter list) {
      this.list = list;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return element;
    }

    @Override
    public void start() {
    }

    @Override
    public void end() {
      list.count++;
    }

    @Override
    public int index() {
      return list.childIndex();
    }
  }

  /** A repeated group that is itself the element (2-level lists, map key_value entries). */
  private static final class CountingGroup extends GroupConverter implements VectorSink.Slot {
    private final RepeatedConverter list;
    private GroupConverter inner;

    CountingGroup(RepeatedConverter list) {
      this.list = list;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return inner.getConverter(fieldIndex);
    }

    @Override
    public void start() {
      inner.start();
    }

    @Override
    public void end() {
      inner.end();
      list.count++;
    }

    @Override
    public int index() {
      return list.childIndex();
    }
  }

  /** A repeated primitive that is itself the element (2-level lists). */
  private static final class RepeatedLeaf extends PrimitiveConverter implements VectorSink.Slot {
    private final RepeatedConverter list;
    private PrimitiveConverter element;

    RepeatedLeaf(RepeatedConverter list) {
      this.list = list;
    }

    @Override
    public int index() {
      return list.childIndex();
    }

    @Override
    public void addBinary(Binary value) {
      element.addBinary(value);
      list.count++;
    }

    @Override
    public void addBoolean(boolean value) {
      element.addBoolean(value);
      list.count++;
    }

    @Override
    public void addDouble(double value) {
      element.addDouble(value);
      list.count++;
    }

    @Override
    public void addFloat(float value) {
      element.addFloat(value);
      list.count++;
    }

    @Override
    public void addInt(int value) {
      element.addInt(value);
      list.count++;
    }

    @Override
    public void addLong(long value) {
      element.addLong(value);
      list.count++;
    }
  }

  /** Converters for file columns read only to learn whether their parent is null. */
  private static Converter ignore(Type type) {
    if (type.isPrimitive()) {
      return new PrimitiveConverter() {
        @Override
        public void addBinary(Binary value) {
        }

        @Override
        public void addBoolean(boolean value) {
        }

        @Override
        public void addDouble(double value) {
        }

        @Override
        public void addFloat(float value) {
        }

        @Override
        public void addInt(int value) {
        }

        @Override
        public void addLong(long value) {
        }
      };
    }
    GroupType group = type.asGroupType();
    Converter[] children = new Converter[group.getFieldCount()];
    for (int i = 0; i < children.length; i++) {
      children[i] = ignore(group.getType(i));
    }
    return new PassThroughGroup(children);
  }

  /** A group that only hands out its children's converters (the record root, ignored groups). */
  static final class PassThroughGroup extends GroupConverter {
    private final Converter[] children;

    PassThroughGroup(Converter[] children) {
      this.children = children;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return children[fieldIndex];
    }

    @Override
    public void start() {
    }

    @Override
    public void end() {
    }
  }
}
