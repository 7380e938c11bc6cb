package io.floe.data;

import org.apache.iceberg.StructLike;

/** Presents Floe records to Apache Iceberg as {@link StructLike}s (the internal values are the same). */
public final class IcebergRows {
  private IcebergRows() {
  }

  public static StructLike toStructLike(Record record) {
    return new StructLike() {
      @Override
      public int size() {
        return record.size();
      }

      @Override
      public <T> T get(int pos, Class<T> javaClass) {
        Object v = record.get(pos);
        return javaClass.cast(v instanceof Record r ? toStructLike(r) : v);
      }

      @Override
      public <T> void set(int pos, T value) {
        throw new UnsupportedOperationException("read only");
      }
    };
  }
}
