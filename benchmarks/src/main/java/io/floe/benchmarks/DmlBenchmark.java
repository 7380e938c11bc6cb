package io.floe.benchmarks;

import io.floe.catalog.Catalog;
import io.floe.catalog.Catalogs;
import io.floe.catalog.Namespace;
import io.floe.catalog.TableIdentifier;
import io.floe.data.GenericRecord;
import io.floe.engine.FloeSession;
import io.floe.engine.QueryResult;
import io.floe.manifest.DataFile;
import io.floe.partition.PartitionSpec;
import io.floe.scan.FileScanTask;
import io.floe.table.AppendFiles;
import io.floe.table.Table;
import io.floe.table.TableProperties;
import io.floe.table.TableWriter;
import io.floe.types.Schema;
import io.floe.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SQL DML on a TPC-H {@code lineitem} table ({@code rows} generated rows, default SF 1; partitioned by
 * {@code year(l_shipdate)}, as the engine's TPC-H warehouse): {@code INSERT INTO copy SELECT * FROM lineitem} (rows/s =
 * rows / seconds per operation) against DuckDB's
 * {@code COPY (SELECT * FROM read_parquet(<the same files>)) TO '...parquet'}; and a DELETE and an UPDATE of the rows
 * shipped in 26 days of March 1995 (about 1% of the rows, all in one year's partition: its files are rewritten, the
 * others untouched; with {@code writeMode} merge-on-read a DELETE, UPDATE or MERGE writes a position delete file per
 * file instead, and appends the updated rows). Before each operation the table is rolled back to its loaded snapshot
 * (metadata only), so every DELETE and UPDATE does the same work. The same DELETE and an UPDATE of the same rows are
 * also written with correlated subqueries (the rows found by row id) and as MERGEs (what users wrote before); DuckDB
 * runs the correlated DELETE on its own in-memory copy of the table, in a transaction it rolls back.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class DmlBenchmark {
  static final long SEED = 19920101L;
  static final String ONE_PERCENT = "l_shipdate BETWEEN DATE '1995-03-01' AND DATE '1995-03-26'";
  static final String DELETE = "DELETE FROM lineitem WHERE " + ONE_PERCENT;
  static final String UPDATE = "UPDATE lineitem SET l_discount = l_discount + 0.01, l_comment = 'updated' WHERE "
      + ONE_PERCENT;
  /** The same 1% of rows named by a correlated EXISTS over lineitem itself: found by row id, one query. */
  static final String DELETE_CORRELATED = "DELETE FROM lineitem l WHERE EXISTS (SELECT 1 FROM lineitem s "
      + "WHERE s.l_orderkey = l.l_orderkey AND s.l_linenumber = l.l_linenumber AND s." + ONE_PERCENT + ")";
  /** What users wrote before correlated subqueries were supported: the same rows deleted by a MERGE. */
  static final String MERGE_DELETE = "MERGE INTO lineitem t USING (SELECT l_orderkey AS k, l_linenumber AS n "
      + "FROM lineitem WHERE " + ONE_PERCENT + ") s ON t.l_orderkey = s.k AND t.l_linenumber = s.n "
      + "WHEN MATCHED THEN DELETE";
  /** The 1% of rows given a value from a correlated scalar subquery (by row id), the WHERE pruning the files. */
  static final String UPDATE_CORRELATED = "UPDATE lineitem l SET l_discount = (SELECT s.l_discount + 0.01 "
      + "FROM lineitem s WHERE s.l_orderkey = l.l_orderkey AND s.l_linenumber = l.l_linenumber) WHERE " + ONE_PERCENT;
  /** The same UPDATE as a MERGE. */
  static final String MERGE_UPDATE = "MERGE INTO lineitem t USING (SELECT l_orderkey AS k, l_linenumber AS n, "
      + "l_discount + 0.01 AS d FROM lineitem WHERE " + ONE_PERCENT + ") s "
      + "ON t.l_orderkey = s.k AND t.l_linenumber = s.n WHEN MATCHED THEN UPDATE SET l_discount = s.d";

  /** A warehouse with the loaded {@code lineitem} table, a Floe session over it and an in-memory DuckDB. */
  @State(Scope.Benchmark)
  public static class Warehouse {
    @Param("6001215")
    public long rows;

    @Param("2")
    public int workers;

    /**
     * The table's {@code write.delete.mode}, {@code write.update.mode} and {@code write.merge.mode}: DELETE, UPDATE
     * and MERGE rewrite files or write position delete files (and append an UPDATE's new rows).
     */
    @Param({"copy-on-write", "merge-on-read"})
    public String writeMode;

    Path dir;
    Catalog catalog;
    FloeSession session;
    Table lineitem;
    long loadedSnapshot;
    Connection duckdb;
    String parquetFiles;
    int copies;

    @Setup(Level.Trial)
    public void load() throws SQLException {
      dir = TempDirs.create("dml");
      catalog = Catalogs.load(Map.of(Catalogs.WAREHOUSE, dir.resolve("warehouse").toString()));
      catalog.createNamespace(Namespace.of("tpch"));
      Schema schema = Lineitems.floeSchema();
      lineitem = catalog.createTable(TableIdentifier.of(Namespace.of("tpch"), "lineitem"), schema,
          PartitionSpec.builderFor(schema).year("l_shipdate").build());
      StructType struct = schema.asStruct();
      AppendFiles append = lineitem.newAppend();
      try (TableWriter writer = lineitem.newWriter()) {
        Lineitems.generate(SEED, rows, r -> writer.write(toFloe(struct, r)));
        for (DataFile f : writer.complete()) {
          append.appendFile(f);
        }
      }
      loadedSnapshot = append.commit().snapshotId();
      lineitem.updateProperties().set(TableProperties.DELETE_MODE, writeMode)
          .set(TableProperties.UPDATE_MODE, writeMode).set(TableProperties.MERGE_MODE, writeMode).commit();
      session = FloeSession.open(catalog, "tpch").workers(workers);
      parquetFiles = lineitem.refresh().newScan().planFiles().stream().map(FileScanTask::file)
          .map(f -> "'" + f.path() + "'").collect(Collectors.joining(", ", "[", "]"));
      Properties props = new Properties();
      props.setProperty("extension_directory", dir.resolve("duckdb-extensions").toString());
      duckdb = DriverManager.getConnection("jdbc:duckdb:", props);
      try (Statement st = duckdb.createStatement()) {
        st.execute("SET threads = " + workers);
        st.execute("CREATE TABLE lineitem AS SELECT * FROM read_parquet(" + parquetFiles + ")");
      }
    }

    static GenericRecord toFloe(StructType struct, Lineitems.Row r) {
      return GenericRecord.of(struct, r.orderkey, r.partkey, r.suppkey, r.linenumber, r.decimal(r.quantity),
          r.decimal(r.extendedprice), r.decimal(r.discount), r.decimal(r.tax), r.returnflag, r.linestatus,
          r.shipdate, r.commitdate, r.receiptdate, r.shipinstruct, r.shipmode, r.comment);
    }

    /** Puts {@code lineitem} back to its loaded snapshot and prepares an empty copy table for the next INSERT. */
    @Setup(Level.Invocation)
    public void reset() {
      lineitem.refresh();
      if (lineitem.currentSnapshot().snapshotId() != loadedSnapshot) {
        lineitem.manageSnapshots().rollbackTo(loadedSnapshot).commit();
      }
      copies++;
      catalog.createTable(TableIdentifier.of(Namespace.of("tpch"), copyName()), lineitem.schema(), lineitem.spec());
    }

    String copyName() {
      return "lineitem_copy" + copies;
    }

    @TearDown(Level.Invocation)
    public void dropCopy() {
      catalog.dropTable(TableIdentifier.of(Namespace.of("tpch"), copyName()), true);
    }

    @TearDown(Level.Trial)
    public void delete() throws SQLException {
      session.close();
      catalog.close();
      duckdb.close();
      TempDirs.delete(dir);
    }
  }

  static long update(FloeSession session, String sql) throws SQLException {
    try (QueryResult result = session.execute(sql)) {
      return result.updateCount();
    }
  }

  @Benchmark
  public long floeInsertSelect(Warehouse w) throws SQLException {
    return check(update(w.session, "INSERT INTO " + w.copyName() + " SELECT * FROM lineitem"), w.rows, "inserted");
  }

  @Benchmark
  public long duckdbCopyToParquet(Warehouse w) throws Exception {
    Path out = w.dir.resolve("duckdb-copy-" + w.copies + ".parquet");
    try (Statement st = w.duckdb.createStatement()) {
      long rows = st.executeUpdate("COPY (SELECT * FROM read_parquet(" + w.parquetFiles + ")) TO '" + out
          + "' (FORMAT parquet)");
      return check(rows, w.rows, "copied");
    } finally {
      Files.deleteIfExists(out);
    }
  }

  @Benchmark
  public long floeDeleteOnePercent(Warehouse w) throws SQLException {
    return update(w.session, DELETE);
  }

  @Benchmark
  public long floeUpdateOnePercent(Warehouse w) throws SQLException {
    return update(w.session, UPDATE);
  }

  @Benchmark
  public long floeDeleteCorrelated(Warehouse w) throws SQLException {
    return update(w.session, DELETE_CORRELATED);
  }

  @Benchmark
  public long floeMergeDelete(Warehouse w) throws SQLException {
    return update(w.session, MERGE_DELETE);
  }

  @Benchmark
  public long floeUpdateCorrelated(Warehouse w) throws SQLException {
    return update(w.session, UPDATE_CORRELATED);
  }

  @Benchmark
  public long floeMergeUpdate(Warehouse w) throws SQLException {
    return update(w.session, MERGE_UPDATE);
  }

  /** DuckDB's correlated DELETE of the same rows of its own in-memory copy of the table, rolled back. */
  @Benchmark
  public long duckdbDeleteCorrelated(Warehouse w) throws SQLException {
    try (Statement st = w.duckdb.createStatement()) {
      st.execute("BEGIN TRANSACTION");
      try {
        return st.executeUpdate(DELETE_CORRELATED);
      } finally {
        st.execute("ROLLBACK");
      }
    }
  }

  private static long check(long actual, long expected, String what) {
    if (actual != expected) {
      throw new IllegalStateException(what + " " + actual + " rows, expected " + expected);
    }
    return actual;
  }
}
