package io.floe.engine.distributed;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.data.GenericRecord;
import io.floe.data.Record;
import io.floe.io.LocalFileIO;
import io.floe.partition.PartitionSpec;
import io.floe.scan.FileScanTask;
import io.floe.table.Table;
import io.floe.table.Tables;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Two real Floe tables in namespace {@code skew}: {@code facts(id, k, v)} where key {@link #HEAVY_KEY} holds half
 * the rows and the rest spread over keys 0..999, written in several files; {@code dims(k, name)} with one row per
 * key 0..899 (keys 900..999 of facts have no match). Also opens DuckDB over the same Parquet files.
 */
final class SkewedTables {
  static final long HEAVY_KEY = 7;
  static final String SCHEMA = "skew";

  private SkewedTables() {
  }

  static void create(Path warehouse, int factRows) {
    try (Catalog catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, warehouse.toString()))) {
      catalog.createNamespace(Namespace.of(SCHEMA));
    }
    Tables tables = new Tables(new LocalFileIO());
    Schema factSchema = new Schema(NestedField.required(1, "id", Types.LONG), NestedField.required(2, "k", Types.LONG),
        NestedField.required(3, "v", Types.LONG));
    Table facts = tables.create(factSchema, PartitionSpec.unpartitioned(factSchema),
        warehouse.resolve(SCHEMA).resolve("facts").toString());
    Random random = new Random(42);
    int perFile = Math.max(1, factRows / 8);
    for (int start = 0; start < factRows; start += perFile) {
      List<Record> rows = new ArrayList<>();
      for (long id = start; id < Math.min(factRows, start + perFile); id++) {
        long k = random.nextBoolean() ? HEAVY_KEY : random.nextInt(1000);
        rows.add(GenericRecord.of(factSchema.asStruct(), id, k, id % 97));
      }
      facts.newAppend().appendRecords(rows).commit();
    }
    Schema dimSchema = new Schema(NestedField.required(1, "k", Types.LONG),
        NestedField.required(2, "name", Types.STRING));
    Table dims = tables.create(dimSchema, PartitionSpec.unpartitioned(dimSchema),
        warehouse.resolve(SCHEMA).resolve("dims").toString());
    List<Record> rows = new ArrayList<>();
    for (long k = 0; k < 900; k++) {
      rows.add(GenericRecord.of(dimSchema.asStruct(), k, "name" + k));
    }
    dims.newAppend().appendRecords(rows).commit();
  }

  /** DuckDB with views {@code facts} and {@code dims} over the tables' data files. */
  static Connection duckdb(Path warehouse) throws SQLException {
    Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
    Tables tables = new Tables(new LocalFileIO());
    try (Statement st = duckdb.createStatement()) {
      for (String name : List.of("facts", "dims")) {
        Table table = tables.load(warehouse.resolve(SCHEMA).resolve(name).toString());
        String files = table.newScan().planFiles().stream().map(FileScanTask::file).map(f -> "'" + f.path() + "'")
            .collect(Collectors.joining(", ", "[", "]"));
        st.execute("CREATE VIEW " + name + " AS SELECT * FROM read_parquet(" + files + ")");
      }
    }
    return duckdb;
  }
}
