package io.floe.engine.tpch;

import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.scan.FileScanTask;
import io.floe.table.Table;
import io.floe.table.Tables;
import io.floe.types.Schema;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Collectors;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A warehouse with the eight TPC-H tables at a scale factor, generated with io.trino.tpch into Floe tables under
 * {@code <warehouse>/tpch/<table>}: identifiers are BIGINT, integers INTEGER, money DECIMAL(15,2), dates DATE;
 * lineitem and orders are partitioned by the year of their ship and order dates.
 * Generated once per directory (a marker file records completion). Also the project's copy of the 22 queries and
 * DuckDB views over the same Parquet files, shared by the tests and the benchmarks (through the test-jar).
 */
public final class TpchWarehouse {
  public static final String SCHEMA = "tpch";
  /** Rows per append while generating, so large scale factors are not held in memory at once. */
  private static final int ROWS_PER_APPEND = 1_000_000;

  private final Path root;

  private TpchWarehouse(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** The warehouse at {@code dir}, generating it first if needed. */
  public static synchronized TpchWarehouse at(Path dir, double scaleFactor) {
    Path marker = dir.resolve("_generated_catalog_sf" + scaleFactor);
    if (!Files.exists(marker)) {
      try {
        if (Files.exists(dir)) {
          try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        }
        Files.createDirectories(dir);
        try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, dir.toString()))) {
          catalog.createNamespace(Namespace.of(SCHEMA));
        }
        Tables tables = new Tables(new LocalFileIO());
        for (TpchTable<?> t : TpchTable.getTables()) {
          generate(tables, dir.resolve(SCHEMA).resolve(t.getTableName()).toString(), t, scaleFactor);
        }
        Files.createFile(marker);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new TpchWarehouse(dir);
  }

  private static <E extends TpchEntity> void generate(Tables tables, String location, TpchTable<E> t,
      double scaleFactor) {
    Schema schema = TpchTables.schema(t);
    Table table = tables.create(schema, TpchTables.spec(t, schema), location);
    List<Record> rows = new ArrayList<>();
    for (E entity : t.createGenerator(scaleFactor, 1, 1)) {
      rows.add(TpchTables.record(t, schema, entity));
      if (rows.size() == ROWS_PER_APPEND) {
        table.newAppend().appendRecords(rows).commit();
        rows.clear();
      }
    }
    if (!rows.isEmpty()) {
      table.newAppend().appendRecords(rows).commit();
    }
  }

  /** The scale factor named by the system property {@code tpch.sf} (0.01 when unset). */
  public static double scaleFactorFromSystem() {
    return Double.parseDouble(System.getProperty("tpch.sf", "0.01"));
  }

  /** TPC-H query {@code name} (q01..q22) from the project's copy, without its trailing semicolon. */
  public static String query(String name) {
    try (InputStream in = TpchWarehouse.class.getResourceAsStream("/tpch/" + name + ".sql")) {
      if (in == null) {
        throw new IOException("missing query resource /tpch/" + name + ".sql");
      }
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An in-memory DuckDB connection with one view per TPC-H table over the Parquet files of its current snapshot
   * ({@code read_parquet}); DuckDB keeps its extensions under {@code extensionDir}.
   */
  public Connection openDuckDb(Path extensionDir) throws SQLException {
    Properties props = new Properties();
    try {
      props.setProperty("extension_directory", Files.createDirectories(extensionDir).toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Connection duckdb = DriverManager.getConnection("jdbc:duckdb:", props);
    try (Statement st = duckdb.createStatement()) {
      for (Map.Entry<String, List<String>> e : dataFiles().entrySet()) {
        String files = e.getValue().stream().map(f -> "'" + f.replace("'", "''") + "'")
            .collect(Collectors.joining(", ", "[", "]"));
        st.execute("CREATE VIEW " + e.getKey() + " AS SELECT * FROM read_parquet(" + files + ")");
      }
    } catch (SQLException | RuntimeException e) {
      duckdb.close();
      throw e;
    }
    return duckdb;
  }

  /** Each table's data files, for reading the same Parquet files with another engine. */
  public Map<String, List<String>> dataFiles() {
    Tables tables = new Tables(new LocalFileIO());
    Map<String, List<String>> files = new TreeMap<>();
    for (TpchTable<?> t : TpchTable.getTables()) {
      Table table = tables.load(root.resolve(SCHEMA).resolve(t.getTableName()).toString());
      files.put(t.getTableName(), table.newScan().planFiles().stream().map(FileScanTask::file)
          .map(f -> f.path()).toList());
    }
    return files;
  }
}
