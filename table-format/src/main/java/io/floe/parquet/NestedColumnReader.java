package io.floe.parquet;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/** Assembles the nested columns of a projection, row by row, into the vectors of a batch. */
final class NestedColumnReader {
  private static final Object ROW = new Object();

  private final MessageColumnIO columnIO;
  private final int[] positions;
  private final Converter[] converters;
  private final Materializer materializer;
  private RecordReader<Object> records;
  private int row;

  NestedColumnReader(FileProjection projection, MessageType fileSchema, String createdBy) {
    MessageType nested = projection.nestedSchema();
    this.columnIO = new ColumnIOFactory(createdBy).getColumnIO(nested, fileSchema, true);
    List<FileProjection.Nested> plans = projection.columns().stream()
        .filter(FileProjection.Nested.class::isInstance).map(FileProjection.Nested.class::cast).toList();
    this.positions = new int[plans.size()];
    this.converters = new Converter[plans.size()];
    VectorSink.Slot rowSlot = () -> row;
    for (int i = 0; i < plans.size(); i++) {
      positions[i] = plans.get(i).position();
      converters[i] = NestedConverters.create(plans.get(i).field(), plans.get(i).fileType(), rowSlot,
          projection.usesIds());
    }
    this.materializer = new Materializer(converters);
  }

  boolean isEmpty() {
    return converters.length == 0;
  }

  void startRowGroup(PageReadStore store) {
    this.records = columnIO.getRecordReader(store, materializer, FilterCompat.NOOP);
  }

  /** Assembles the next {@code count} rows into rows 0..count-1 of the batch. */
  void read(VectorSchemaRoot batch, int count) {
    for (int i = 0; i < converters.length; i++) {
      NestedConverters.bindTo(converters[i], batch.getVector(positions[i]));
    }
    for (row = 0; row < count; row++) {
      records.read();
    }
  }

  private static final class Materializer extends RecordMaterializer<Object> {
    private final GroupConverter root;

    Materializer(Converter[] columns) {
      this.root = new NestedConverters.PassThroughGroup(columns);
    }

    @Override
    public Object getCurrentRecord() {
      return ROW;
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }
}
