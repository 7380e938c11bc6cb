package io.floe.examples;

import io.floe.arrow.ArrowSchemas;
import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.TableIdentifier;
import io.floe.metadata.Snapshot;
import io.floe.partition.PartitionSpec;
import io.floe.table.Table;
import io.floe.table.TableWriter;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Loads Arrow batches (as an Arrow Flight stream, a Parquet or CSV reader, or pandas through Arrow would hand them
 * over) into the partitioned table {@code arrow.readings}: one {@link TableWriter} takes every batch, writing each
 * column from the vectors' buffers, and one append commits them as a single snapshot. Each run appends
 * {@link #BATCHES} batches of {@link #ROWS_PER_BATCH} sensor readings. Run it with
 * {@code ./floe example arrow-append [--warehouse DIR]}.
 */
public final class ArrowAppendExample {
  static final TableIdentifier READINGS = TableIdentifier.of("arrow", "readings");
  static final int BATCHES = 20;
  static final int ROWS_PER_BATCH = 10_000;
  private static final String[] SENSORS = {"north", "south", "east", "west"};
  /** 2026-11-01T00:00 UTC in microseconds. */
  private static final long FIRST_MICROS = 1_793_491_200_000_000L;

  private ArrowAppendExample() {
  }

  public static void main(String[] args) {
    run(ExampleArgs.warehouse(args), System.out);
  }

  /** Appends one run's batches to {@code warehouse}; returns the snapshot committed. */
  public static Snapshot run(Path warehouse, PrintStream out) {
    try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toAbsolutePath().toString()));
         BufferAllocator allocator = new RootAllocator()) {
      Table readings = readingsTable(catalog);
      long firstId = readings.currentSnapshot() == null ? 0
          : Long.parseLong(readings.currentSnapshot().summary().get("total-records"));
      long started = System.nanoTime();
      TableWriter writer = readings.newAppendWriter();
      try {
        for (int b = 0; b < BATCHES; b++) {
          long batchFirstId = firstId + (long) b * ROWS_PER_BATCH;
          try (VectorSchemaRoot batch = readingsBatch(readings.schema(), allocator, batchFirstId)) {
            writer.write(batch); // the batch stays ours: close it once written
          }
        }
      } catch (RuntimeException e) {
        writer.abort(); // deletes the files written; nothing was committed
        throw e;
      }
      Snapshot snapshot = readings.newAppend().appendWritten(writer).commit();
      double seconds = (System.nanoTime() - started) / 1e9;
      out.printf("appended %d rows in %d Arrow batches as snapshot %d: %s data files, %.1f s%n",
          BATCHES * ROWS_PER_BATCH, BATCHES, snapshot.snapshotId(), snapshot.summary().get("added-data-files"),
          seconds);
      out.printf("%s: %s rows in %d snapshots%n", READINGS, snapshot.summary().get("total-records"),
          readings.refresh().snapshots().size());
      return snapshot;
    }
  }

  private static Table readingsTable(Catalog catalog) {
    if (catalog.tableExists(READINGS)) {
      return catalog.loadTable(READINGS);
    }
    if (!catalog.namespaceExists(READINGS.namespace())) {
      catalog.createNamespace(READINGS.namespace());
    }
    Schema schema = new Schema(
        NestedField.required(1, "reading_id", Types.LONG),
        NestedField.required(2, "ts", Types.TIMESTAMP),
        NestedField.required(3, "sensor", Types.STRING),
        NestedField.optional(4, "celsius", Types.DOUBLE));
    return catalog.createTable(READINGS, schema, PartitionSpec.builderFor(schema).identity("sensor").build());
  }

  /**
   * One batch of readings in the table's Arrow schema ({@link ArrowSchemas#toArrow}): a reading a minute, sensors in
   * turn, every 50th reading missing its value.
   */
  private static VectorSchemaRoot readingsBatch(Schema schema, BufferAllocator allocator, long firstId) {
    VectorSchemaRoot batch = VectorSchemaRoot.create(ArrowSchemas.toArrow(schema), allocator);
    batch.allocateNew();
    BigIntVector ids = (BigIntVector) batch.getVector("reading_id");
    TimeStampMicroVector ts = (TimeStampMicroVector) batch.getVector("ts");
    VarCharVector sensors = (VarCharVector) batch.getVector("sensor");
    Float8Vector celsius = (Float8Vector) batch.getVector("celsius");
    for (int i = 0; i < ROWS_PER_BATCH; i++) {
      long id = firstId + i;
      ids.setSafe(i, id);
      ts.setSafe(i, FIRST_MICROS + id * 60_000_000L);
      sensors.setSafe(i, SENSORS[(int) (id % SENSORS.length)].getBytes(StandardCharsets.UTF_8));
      if (id % 50 == 0) {
        celsius.setNull(i);
      } else {
        celsius.setSafe(i, 10 + (id % 200) / 10.0);
      }
    }
    batch.setRowCount(ROWS_PER_BATCH);
    return batch;
  }
}
