package io.floe.benchmarks;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.data.Metrics;
import io.floe.manifest.DataFile;
import io.floe.partition.PartitionSpec;
import io.floe.table.Table;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.nio.file.Path;
import java.util.Map;

/** A Floe catalog under benchmark, loaded from properties as users load it. */
final class FloeBenchCatalog implements BenchCatalog {
  private static final Schema SCHEMA = new Schema(
      NestedField.required(1, "id", Types.LONG),
      NestedField.optional(2, "name", Types.STRING));

  private final Catalog catalog;
  private final DataFile file;

  FloeBenchCatalog(Map<String, String> properties, Path dir) {
    this.catalog = Catalogs.load(properties);
    this.catalog.createNamespace(Namespace.of("db"));
    this.file = DataFile.parquet(dir.resolve("never-read.parquet").toString(), 0,
        GenericRecord.of(PartitionSpec.unpartitioned(SCHEMA).partitionType()), 1024, Metrics.ofRowCount(1), null);
  }

  @Override
  public void createTable(String name) {
    catalog.createTable(TableIdentifier.of("db", name), SCHEMA, PartitionSpec.unpartitioned(SCHEMA), TABLE_PROPERTIES);
  }

  @Override
  public Runnable committer(String name) {
    Table table = catalog.loadTable(TableIdentifier.of("db", name));
    return () -> table.newAppend().appendFile(file).commit();
  }

  @Override
  public int snapshotCount(String name) {
    return catalog.loadTable(TableIdentifier.of("db", name)).snapshots().size();
  }

  @Override
  public void close() {
    catalog.close();
  }
}
