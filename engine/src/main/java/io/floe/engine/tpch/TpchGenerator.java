package io.floe.engine.tpch;

import io.floe.catalog.Catalog;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.engine.dml.ParallelTasks;
import io.floe.table.AlreadyExistsException;
import io.floe.table.AppendFiles;
import io.floe.table.Table;
import io.floe.table.TableWriter;
import io.floe.types.Schema;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the eight TPC-H tables at a scale factor (io.trino.tpch's dbgen port) into new Floe tables of a
 * catalog namespace, with the layout of {@link TpchTables}. Tables are written in parallel (the big ones in
 * several parts, each part by its own writer) and each is committed as one append snapshot once all its parts
 * are written, with a statistics file of its columns' distinct counts from the sketches its writers kept (as
 * {@code compute_table_stats} would compute them, without reading the table again). On failure, the tables this
 * generator created are dropped with their files.
 *
 * <pre>{@code
 * List<TpchGenerator.LoadedTable> loaded = new TpchGenerator(catalog, Namespace.of("tpch"), 0.01)
 *     .listener((table, rows, expected) -> System.out.println(table + ": " + rows))
 *     .generate();
 * }</pre>
 */
public final class TpchGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(TpchGenerator.class);
  /** Tables expected to have at least this many rows are generated in several parts. */
  private static final long ROWS_PER_PART = 50_000;

  /** Hears of the rows written; called from the generating threads. */
  @FunctionalInterface
  public interface Listener {
    /** {@code rowsWritten} rows of {@code table} are written, of about {@code expectedRows}. */
    void progress(String table, long rowsWritten, long expectedRows);

    /** {@code table} is committed. */
    default void loaded(LoadedTable table) {
    }
  }

  /** A committed table: its name, row count and the snapshot that added the rows. */
  public record LoadedTable(TableIdentifier id, long rows, long snapshotId) {
  }

  private final Catalog catalog;
  private final Namespace namespace;
  private final double scaleFactor;
  private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
  private Listener listener = (table, rows, expected) -> { };

  /**
   * A generator of the TPC-H tables into {@code namespace} (created if missing) of {@code catalog}.
   *
   * @throws IllegalArgumentException when the scale factor is not positive
   */
  public TpchGenerator(Catalog catalog, Namespace namespace, double scaleFactor) {
    if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
      throw new IllegalArgumentException("TPC-H scale factor must be a positive number: " + scaleFactor);
    }
    this.catalog = catalog;
    this.namespace = namespace;
    this.scaleFactor = scaleFactor;
  }

  /** How many threads write (default: the available processors). */
  public TpchGenerator threads(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + count);
    }
    this.threads = count;
    return this;
  }

  /** Who hears of the progress. */
  public TpchGenerator listener(Listener listener) {
    this.listener = listener;
    return this;
  }

  /**
   * Creates and loads the eight tables, returning them in TPC-H order.
   *
   * @throws AlreadyExistsException (before anything is written) when one of the tables exists already
   */
  public List<LoadedTable> generate() {
    for (TpchTable<?> t : TpchTables.all()) {
      TableIdentifier id = TableIdentifier.of(namespace, t.getTableName());
      if (catalog.tableExists(id)) {
        throw new AlreadyExistsException("table " + id + " already exists in catalog " + catalog.name(), null);
      }
    }
    boolean createdNamespace = false;
    if (!catalog.namespaceExists(namespace)) {
      catalog.createNamespace(namespace);
      createdNamespace = true;
    }
    List<TableLoad<?>> loads = new ArrayList<>();
    try {
      for (TpchTable<?> t : TpchTables.all()) {
        loads.add(createTable(t));
      }
      run(loads);
      return loads.stream().map(TableLoad::loaded).toList();
    } catch (RuntimeException | Error e) {
      for (TableLoad<?> load : loads) {
        try {
          catalog.dropTable(load.id, true);
        } catch (RuntimeException dropFailure) {
          e.addSuppressed(dropFailure);
        }
      }
      if (createdNamespace) {
        try {
          catalog.dropNamespace(namespace);
        } catch (RuntimeException dropFailure) {
          e.addSuppressed(dropFailure);
        }
      }
      throw e;
    }
  }

  private <E extends TpchEntity> TableLoad<E> createTable(TpchTable<E> t) {
    TableIdentifier id = TableIdentifier.of(namespace, t.getTableName());
    Schema schema = TpchTables.schema(t);
    Table table = catalog.createTable(id, schema, TpchTables.spec(t, schema));
    long expected = TpchTables.expectedRows(t, scaleFactor);
    int parts = (int) Math.max(1, Math.min(threads, expected / ROWS_PER_PART));
    return new TableLoad<>(t, id, table, schema, expected, parts);
  }

  private void run(List<TableLoad<?>> loads) {
    List<Part> parts = new ArrayList<>();
    for (TableLoad<?> load : loads) {
      for (int p = 1; p <= load.parts; p++) {
        parts.add(new Part(load, p));
      }
    }
    parts.sort(Comparator.comparingLong((Part p) -> p.load.expectedRows / p.load.parts).reversed());
    try (ParallelTasks tasks = new ParallelTasks(threads)) {
      for (Part part : parts) {
        tasks.submit(() -> part.load.write(part.number));
      }
      tasks.await();
    }
  }

  private record Part(TableLoad<?> load, int number) {
  }

  /** One table being loaded: its parts' writers gather here and are committed when the last part is written. */
  private final class TableLoad<E extends TpchEntity> {
    private final TpchTable<E> tpch;
    private final TableIdentifier id;
    private final Table table;
    private final Schema schema;
    private final long expectedRows;
    private final int parts;
    private final AtomicLong rowsWritten = new AtomicLong();
    private final List<TableWriter> writers = new ArrayList<>();
    private int partsDone;
    private LoadedTable loaded;

    TableLoad(TpchTable<E> tpch, TableIdentifier id, Table table, Schema schema, long expectedRows, int parts) {
      this.tpch = tpch;
      this.id = id;
      this.table = table;
      this.schema = schema;
      this.expectedRows = expectedRows;
      this.parts = parts;
    }

    void write(int part) {
      TableWriter writer = table.newAppendWriter();
      try (BufferAllocator allocator = new RootAllocator();
           TpchBatch<E> batch = new TpchBatch<>(tpch, schema, allocator)) {
        for (E entity : tpch.createGenerator(scaleFactor, part, parts)) {
          if (batch.add(entity)) {
            writeBatch(writer, batch);
          }
        }
        writeBatch(writer, batch);
        writer.complete();
        partWritten(writer);
      } catch (RuntimeException | Error e) {
        writer.abort();
        throw e;
      }
    }

    private void writeBatch(TableWriter writer, TpchBatch<E> batch) {
      if (batch.size() > 0) {
        writer.write(batch.batch());
        report(batch.size());
        batch.clear();
      }
    }

    private void report(int rows) {
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("TPC-H generation of " + id + " was cancelled");
      }
      listener.progress(tpch.getTableName(), rowsWritten.addAndGet(rows), expectedRows);
    }

    /** Commits the table's rows, with their distinct counts for the cost model, when its last part is written. */
    private void partWritten(TableWriter written) {
      List<TableWriter> all;
      synchronized (this) {
        writers.add(written);
        if (++partsDone < parts) {
          return;
        }
        all = List.copyOf(writers);
      }
      AppendFiles append = table.newAppend();
      all.forEach(append::appendWritten);
      long snapshotId = append.commit().snapshotId();
      loaded = new LoadedTable(id, rowsWritten.get(), snapshotId);
      LOG.debug("loaded {}: {} rows from {} writers, snapshot {}", id, loaded.rows(), all.size(), snapshotId);
      listener.loaded(loaded);
    }

    LoadedTable loaded() {
      return loaded;
    }
  }
}
