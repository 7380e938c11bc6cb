package io.floe.data;

import io.floe.types.StructType;

/** A {@link Record} backed by an array. */
public final class GenericRecord extends AbstractRecord {
  private final StructType struct;
  private final Object[] values;

  public GenericRecord(StructType struct) {
    this.struct = struct;
    this.values = new Object[struct.fields().size()];
  }

  /** A record of the given values, in field order (values are taken as they are). */
  public static GenericRecord of(StructType struct, Object... values) {
    if (values.length != struct.fields().size()) {
      throw new IllegalArgumentException("expected " + struct.fields().size() + " values for " + struct + " but got " + values.length);
    }
    GenericRecord r = new GenericRecord(struct);
    System.arraycopy(values, 0, r.values, 0, values.length);
    return r;
  }

  public GenericRecord copy() {
    return of(struct, values.clone());
  }

  @Override
  public StructType struct() {
    return struct;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public Object get(int pos) {
    return values[pos];
  }

  @Override
  public void set(int pos, Object value) {
    values[pos] = value;
  }

  /** Sets a field by name; returns this. */
  public GenericRecord setField(String name, Object value) {
    for (int i = 0; i < values.length; i++) {
      if (struct.fields().get(i).name().equals(name)) {
        values[i] = value;
        return this;
      }
    }
    throw new IllegalArgumentException("unknown field '" + name + "' in " + struct);
  }
}
