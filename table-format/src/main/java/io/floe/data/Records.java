package io.floe.data;

import io.floe.types.ByteBuffers;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep copies of records, detached from whatever buffers a record view reads from. */
public final class Records {
  private Records() {
  }

  public static Record copy(Record view) {
    GenericRecord r = new GenericRecord(view.struct());
    for (int i = 0; i < view.size(); i++) {
      r.set(i, detach(view.get(i)));
    }
    return r;
  }

  private static Object detach(Object v) {
    if (v instanceof Record rec) {
      return copy(rec);
    } else if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(detach(o));
      }
      return out;
    } else if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(detach(e.getKey()), detach(e.getValue()));
      }
      return out;
    } else if (v instanceof ByteBuffer b) {
      return ByteBuffers.copy(b);
    }
    return v;
  }
}
