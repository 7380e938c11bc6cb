package io.floe.table;

import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.types.NestedField;
import io.floe.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers for schema evolution tests: records built by field name, and rows compared by value. */
public final class EvolutionRows {
  private EvolutionRows() {
  }

  /** A record of {@code struct} from name/value pairs; fields not named are null. */
  public static GenericRecord rec(StructType struct, Object... namesAndValues) {
    GenericRecord r = new GenericRecord(struct);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      r.setField((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return r;
  }

  /** Records become maps of field name to value (recursively), so that rows compare by names and values. */
  public static Object normalize(Object v) {
    if (v instanceof Record r) {
      Map<String, Object> values = new TreeMap<>();
      List<NestedField> fields = r.struct().fields();
      for (int i = 0; i < r.size(); i++) {
        values.put(fields.get(i).name(), normalize(r.get(i)));
      }
      return values;
    } else if (v instanceof List<?> l) {
      List<Object> values = new ArrayList<>();
      for (Object o : l) {
        values.add(normalize(o));
      }
      return values;
    } else if (v instanceof Map<?, ?> m) {
      Map<Object, Object> values = new TreeMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        values.put(normalize(e.getKey()), normalize(e.getValue()));
      }
      return values;
    }
    return v;
  }

  /** Rows keyed by their first column (a long id), normalized. */
  public static Map<Long, Object> byId(List<Record> rows) {
    Map<Long, Object> m = new TreeMap<>();
    for (Record r : rows) {
      int idPos = 0;
      for (int i = 0; i < r.struct().fields().size(); i++) {
        if (r.struct().fields().get(i).name().equals("id")) {
          idPos = i;
        }
      }
      m.put((Long) r.get(idPos), normalize(r));
    }
    return m;
  }
}
