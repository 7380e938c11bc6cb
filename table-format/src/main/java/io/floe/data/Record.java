package io.floe.data;

import io.floe.types.StructType;

/** A row of a struct type holding internal values (see {@link io.floe.types.Type}), by position. */
public interface Record {
  StructType struct();

  int size();

  Object get(int pos);

  void set(int pos, Object value);

  /** The value of the named field; IllegalArgumentException for an unknown name. */
  default Object getField(String name) {
    for (int i = 0; i < size(); i++) {
      if (struct().fields().get(i).name().equals(name)) {
        return get(i);
      }
    }
    throw new IllegalArgumentException("unknown field '" + name + "' in " + struct());
  }
}
