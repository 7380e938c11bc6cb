package io.floe.data;

import io.floe.types.NestedField;
import io.floe.types.StructType;
import io.floe.types.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one field, possibly nested inside structs, out of a {@link Record} by its path of positions. A null
 * struct on the way gives null.
 */
public final class Accessor {
  private final int[] positions;
  private final NestedField field;

  private Accessor(int[] positions, NestedField field) {
    this.positions = positions;
    this.field = field;
  }

  /**
   * The accessor of the field with {@code fieldId} in {@code struct}, found through nested structs; null when the
   * field is not there or only inside a list or map.
   */
  public static Accessor find(StructType struct, int fieldId) {
    List<Integer> path = new ArrayList<>();
    NestedField found = search(struct, fieldId, path);
    return found == null ? null : new Accessor(path.stream().mapToInt(Integer::intValue).toArray(), found);
  }

  /** Like {@link #find} but an IllegalArgumentException when the field cannot be read from rows of the struct. */
  public static Accessor of(StructType struct, int fieldId) {
    Accessor a = find(struct, fieldId);
    if (a == null) {
      throw new IllegalArgumentException("field id " + fieldId + " is not in " + struct + " outside lists and maps");
    }
    return a;
  }

  private static NestedField search(StructType struct, int fieldId, List<Integer> path) {
    List<NestedField> fields = struct.fields();
    for (int i = 0; i < fields.size(); i++) {
      NestedField f = fields.get(i);
      path.add(i);
      if (f.id() == fieldId) {
        return f;
      }
      if (f.type() instanceof StructType nested) {
        NestedField found = search(nested, fieldId, path);
        if (found != null) {
          return found;
        }
      }
      path.remove(path.size() - 1);
    }
    return null;
  }

  /** The field's value in {@code row} (a record of the struct the accessor was made for). */
  public Object get(Record row) {
    Record r = row;
    int last = positions.length - 1;
    for (int i = 0; i < last; i++) {
      r = (Record) r.get(positions[i]);
      if (r == null) {
        return null;
      }
    }
    return r.get(positions[last]);
  }

  public NestedField field() {
    return field;
  }

  public Type type() {
    return field.type();
  }

  @Override
  public String toString() {
    return "accessor " + Arrays.toString(positions) + " of " + field;
  }
}
