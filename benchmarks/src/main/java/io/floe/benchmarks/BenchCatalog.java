package io.floe.benchmarks;

import java.nio.file.Path;
import java.util.Map;

/** A catalog under benchmark, Floe's or Apache Iceberg's, holding tables of one small schema in namespace {@code db}. */
interface BenchCatalog extends AutoCloseable {
  /** The same retry settings for both sides, so concurrent throughput compares the catalogs, not their backoffs. */
  Map<String, String> TABLE_PROPERTIES = Map.of("commit.retry.num-retries", "1000",
      "commit.retry.min-wait-ms", "5", "commit.retry.max-wait-ms", "200", "commit.retry.total-timeout-ms", "600000");

  /** Creates an empty table. */
  void createTable(String name);

  /** Loads the table; each run of the result commits one snapshot appending the same (never read) data file. */
  Runnable committer(String name);

  /** The number of snapshots of the table, freshly loaded. */
  int snapshotCount(String name);

  @Override
  void close();

  /**
   * Opens {@code kind}: floe-warehouse, floe-sqlite, floe-postgres, iceberg-hadoop, iceberg-jdbc-sqlite or
   * iceberg-jdbc-postgres; files go below {@code dir}, {@code postgresUrl} is used by the postgres kinds.
   */
  static BenchCatalog open(String kind, Path dir, String postgresUrl) {
    String warehouse = dir.resolve("warehouse").toString();
    String sqlite = "jdbc:sqlite:" + dir.resolve("catalog.db");
    switch (kind) {
      case "floe-warehouse":
        return new FloeBenchCatalog(Map.of("catalog.type", "warehouse", "warehouse", warehouse), dir);
      case "floe-sqlite":
        return new FloeBenchCatalog(Map.of("catalog.type", "jdbc", "uri", sqlite, "warehouse", warehouse), dir);
      case "floe-postgres":
        return new FloeBenchCatalog(Map.of("catalog.type", "jdbc", "uri", postgresUrl, "warehouse", warehouse), dir);
      case "iceberg-hadoop":
        return IcebergBenchCatalog.hadoop(warehouse, dir);
      case "iceberg-jdbc-sqlite":
        return IcebergBenchCatalog.jdbc(sqlite, warehouse, dir);
      case "iceberg-jdbc-postgres":
        return IcebergBenchCatalog.jdbc(postgresUrl, warehouse, dir);
      default:
        throw new IllegalArgumentException("unknown catalog kind " + kind);
    }
  }
}
