package io.floe.partition;

import io.floe.data.Accessor;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.types.Type;
import java.util.List;

/** Computes the partition tuple of table rows under a {@link PartitionSpec}. */
public final class Partitioner {
  private final PartitionSpec spec;
  private final Accessor[] sources;

  public Partitioner(PartitionSpec spec) {
    this.spec = spec;
    List<PartitionField> fields = spec.fields();
    this.sources = new Accessor[fields.size()];
    for (int i = 0; i < fields.size(); i++) {
      PartitionField f = fields.get(i);
      Accessor a = Accessor.find(spec.schema().asStruct(), f.sourceId());
      if (a == null && !(f.transform() instanceof Transform.Void)) {
        throw new IllegalArgumentException("partition field '" + f.name() + "' has source column id " + f.sourceId()
            + " that rows of " + spec.schema() + " do not hold outside lists and maps");
      }
      sources[i] = a;
    }
  }

  public PartitionSpec spec() {
    return spec;
  }

  /** A new record of {@code spec.partitionType()} with the partition values of {@code row} (internal values). */
  public Record partitionOf(Record row) {
    GenericRecord partition = new GenericRecord(spec.partitionType());
    List<PartitionField> fields = spec.fields();
    for (int i = 0; i < sources.length; i++) {
      Accessor source = sources[i];
      if (source == null) {
        continue;
      }
      Object value = source.get(row);
      Type type = source.type();
      try {
        partition.set(i, fields.get(i).transform().apply(type, value));
      } catch (IllegalArgumentException | ClassCastException e) {
        throw new IllegalArgumentException("cannot compute partition field '" + fields.get(i).name() + "' from column '"
            + spec.schema().findColumnName(source.field().id()) + "': " + e.getMessage(), e);
      }
    }
    return partition;
  }
}
