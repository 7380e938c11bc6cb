package io.floe.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;

/**
 * An Apache Iceberg 1.12 catalog under benchmark: its HadoopCatalog or its JdbcCatalog, on Hadoop's raw local file
 * system ({@link HadoopConfs#RAW}: no checksum side files, no chmod forks), so what is measured is Iceberg's commit path.
 */
final class IcebergBenchCatalog implements BenchCatalog {
  private static final Schema SCHEMA = new Schema(
      Types.NestedField.required(1, "id", Types.LongType.get()),
      Types.NestedField.optional(2, "name", Types.StringType.get()));

  private final Catalog catalog;
  private final DataFile file;

  private IcebergBenchCatalog(Catalog catalog, Path dir) {
    this.catalog = catalog;
    ((SupportsNamespaces) catalog).createNamespace(Namespace.of("db"));
    this.file = DataFiles.builder(PartitionSpec.unpartitioned())
        .withPath(dir.resolve("never-read.parquet").toString())
        .withFileSizeInBytes(1024)
        .withRecordCount(1)
        .withFormat(FileFormat.PARQUET)
        .build();
  }

  static IcebergBenchCatalog hadoop(String warehouse, Path dir) {
    return new IcebergBenchCatalog(new HadoopCatalog(HadoopConfs.forName(HadoopConfs.RAW), warehouse), dir);
  }

  static IcebergBenchCatalog jdbc(String uri, String warehouse, Path dir) {
    JdbcCatalog catalog = new JdbcCatalog();
    catalog.setConf(HadoopConfs.forName(HadoopConfs.RAW));
    catalog.initialize("bench", Map.of("uri", uri, "warehouse", warehouse, "jdbc.schema-version", "V1"));
    return new IcebergBenchCatalog(catalog, dir);
  }

  @Override
  public void createTable(String name) {
    catalog.createTable(TableIdentifier.of("db", name), SCHEMA, PartitionSpec.unpartitioned(), TABLE_PROPERTIES);
  }

  @Override
  public Runnable committer(String name) {
    Table table = catalog.loadTable(TableIdentifier.of("db", name));
    return () -> table.newAppend().appendFile(file).commit();
  }

  @Override
  public int snapshotCount(String name) {
    int count = 0;
    for (org.apache.iceberg.Snapshot ignored : catalog.loadTable(TableIdentifier.of("db", name)).snapshots()) {
      count++;
    }
    return count;
  }

  @Override
  public void close() {
    if (catalog instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing " + catalog.name() + " failed", e);
      }
    }
  }
}
